// Residents' personal data really goes, from the answers and from every file under
// DATA_DIR: erase blanks the comments as well as the names and phones; the daily
// timer purges them a year (or the office's shorter period) after the event; the
// public column masks numbers however written.
import fs from 'node:fs';
import path from 'node:path';
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
let held: string; // event 1 (区教育局), held 2023-04-27
let later: string; // event 6 (区司法局), held 2023-05-11
type Attendee = { name: string; phone: string };
type Ratings = { events: Array<{ eventId: string; comments: string[] }> };

const signUp = (openid: string, eventId: string, name: string, phone: string) =>
  cloud.call('resident', { action: 'signUp', eventId, name, phone, identity: '普通市民', consent: true }, openid);
const attendees = async (eventId: string) => ok(await cloud.call<Attendee[]>('unit', { action: 'attendees', eventId }, y.office));
const comments = async (eventId: string) =>
  ok(await cloud.call<Ratings>('office', { action: 'ratings', jurisdictionId: y.jurisdictionId, year: 2023 }, y.office)).events.find(
    (e) => e.eventId === eventId,
  )?.comments ?? [];

/** Every file under DATA_DIR (db.sqlite, its WAL and shm, storage, any kept copy) whose bytes contain needle. */
function filesHolding(needle: string, dir = cloud.dataDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesHolding(needle, full);
    return fs.readFileSync(full).includes(Buffer.from(needle, 'utf8')) ? [full] : [];
  });
}

/** Once the WAL is checkpointed (within about a second of a write), no byte of them is left anywhere under DATA_DIR. */
async function expectGoneFromDisk(strings: string[]): Promise<void> {
  const deadline = Date.now() + 5000;
  while (strings.some((s) => filesHolding(s).length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  for (const s of strings) expect({ s, files: filesHolding(s) }).toEqual({ s, files: [] });
}

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  held = y.event(1).eventId;
  later = y.event(6).eventId;
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId: held, date: '2023-04-27', startTime: '09:30', venue: { name: '区教育局' }, publicSeats: 10 },
      y.eduStaff,
    ),
  );
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId: later, date: '2023-05-11', startTime: '09:30', venue: { name: '区司法局' }, publicSeats: 10 },
      y.lawStaff,
    ),
  );
  ok(await signUp('r-erase', held, '赵敏', '13800002222'));
  ok(await signUp('r-keep', held, '钱多多', '13900003333'));
  ok(await signUp('r-later', later, '孙立', '13700004444'));
  const { token } = ok(await cloud.call<{ token: string }>('unit', { action: 'eventCode', eventId: held }, y.eduStaff));
  await cloud.setClock('2023-04-27T09:40:00+08:00', true);
  for (const who of ['r-erase', 'r-keep']) ok(await cloud.call('resident', { action: 'attend', token }, who));
  await cloud.setClock('2023-04-27T11:00:00+08:00', true);
  ok(
    await cloud.call(
      'resident',
      { action: 'evaluate', eventId: held, rating: 5, comment: '讲得好，有问题打我电话 138 0000 2222' },
      'r-erase',
    ),
  );
  ok(await cloud.call('resident', { action: 'evaluate', eventId: held, rating: 4, comment: '钱多多：很有收获' }, 'r-keep'));
}, 120_000);
afterAll(() => cloud.stop());

test('erase blanks the resident’s comment as well as the name and phone; others stay', async () => {
  expect(await comments(held)).toContain('讲得好，有问题打我电话 138 0000 2222');
  const erased = ['赵敏', '13800002222', '138 0000 2222'];
  // The search finds them before, so finding nothing after means something.
  for (const s of erased) expect(filesHolding(s)).not.toEqual([]);
  const res = ok(await cloud.call<{ erased: number; commentsErased: number }>('resident', { action: 'erase' }, 'r-erase'));
  expect(res).toMatchObject({ erased: 1, commentsErased: 1 });
  expect(await comments(held)).toEqual(['钱多多：很有收获']);
  const people = JSON.stringify(await attendees(held));
  expect(people).not.toMatch(/赵敏|13800002222/);
  expect(people).toContain('钱多多');
  await expectGoneFromDisk(erased);
  expect(filesHolding('钱多多')).not.toEqual([]);
});

test('the daily timer purges names, phones and comments 365 days after the event, not a day earlier', async () => {
  for (const s of ['钱多多', '13900003333', '很有收获']) expect(filesHolding(s)).not.toEqual([]);
  await cloud.setClock('2024-04-25T09:00:00+08:00', true); // 364 days after 2023-04-27
  const before = ok(await cloud.trigger<{ purged: { signups: number; comments: number } }>('reminders'));
  expect(before.purged).toMatchObject({ signups: 0, comments: 0 });
  expect(JSON.stringify(await attendees(held))).toContain('钱多多');

  await cloud.setClock('2024-04-26T09:00:00+08:00', true); // 365 days
  const run = ok(await cloud.trigger<{ purged: { signups: number; comments: number } }>('reminders'));
  expect(run.purged).toMatchObject({ signups: 1, comments: 1 });
  const people = JSON.stringify(await attendees(held));
  expect(people).not.toMatch(/钱多多|13900003333/);
  expect(await comments(held)).toEqual([]);
  await expectGoneFromDisk(['钱多多', '13900003333', '很有收获']);
  // The later event keeps its people until its own year is up.
  expect(JSON.stringify(await attendees(later))).toContain('孙立');
  // Running again finds nothing left.
  expect(ok(await cloud.trigger<{ purged: { signups: number } }>('reminders')).purged).toMatchObject({ signups: 0, comments: 0 });
});

test('an office may keep the data for a shorter time, never longer than a year', async () => {
  const e = refused(
    await cloud.call(
      'office',
      { action: 'setRules', jurisdictionId: y.jurisdictionId, rules: { personalDataRetentionDays: 400 } },
      y.office,
    ),
    'INVALID_ARGUMENT',
  );
  expect(e.message).toMatch(/365/);
  ok(
    await cloud.call(
      'office',
      { action: 'setRules', jurisdictionId: y.jurisdictionId, rules: { personalDataRetentionDays: 30 } },
      y.office,
    ),
  );
  await cloud.setClock('2023-06-10T09:00:00+08:00', true); // 30 days after 2023-05-11
  ok(await cloud.trigger('reminders'));
  expect(JSON.stringify(await attendees(later))).not.toMatch(/孙立|13700004444/);
});
