// Double taps and races on the actions people repeat on a bad network: no
// duplicate, no lost version, counters that match the records.
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { stampedPhoto } from '../helpers/photos';

// Real JPEGs are made and decoded for every photo: slower than the 5 s default on a busy machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
let eventId: string;
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
}, 30_000);
afterAll(() => cloud.stop());

test('8 plan filings raced by two staff phones become versions 1..8, the event showing the last', async () => {
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      cloud.call<{ version: number }>(
        'unit',
        { action: 'filePlan', eventId, date: '2023-04-27', venue: { name: `会议室${i}` }, publicSeats: 3 },
        y.eduStaff,
      ),
    ),
  );
  const versions = results.map((r) => ok(r).version).sort((a, b) => a - b);
  expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  const detail = ok(await cloud.call<{ plan: { version: number } }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
  expect(detail.plan.version).toBe(8);
});

test('a resident double-tapping sign-up 20 times holds one seat', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      cloud.call<{ signupId: string; status: string }>(
        'resident',
        { action: 'signUp', eventId, name: '陈静', phone: '13600002222', identity: '普通市民', consent: true },
        'tapper',
      ),
    ),
  );
  expect(new Set(results.map((r) => ok(r).signupId)).size).toBe(1);
  const ev = ok(await cloud.call<{ confirmed: number; waitlisted: number }>('resident', { action: 'eventDetail', eventId }, 'someone'));
  expect(ev).toMatchObject({ confirmed: 1, waitlisted: 0 });
});

test('cancellations raced with new sign-ups never exceed the seats and never lose anyone', async () => {
  // 3 seats: tapper holds one; fill the rest and queue 4 more.
  for (let i = 0; i < 6; i++)
    ok(
      await cloud.call(
        'resident',
        { action: 'signUp', eventId, name: `市民${i}`, phone: `1350000000${i}`, identity: '普通市民', consent: true },
        `r${i}`,
      ),
    );
  const mine = (openid: string) => cloud.call<Array<{ signupId: string; status: string }>>('resident', { action: 'mySignups' }, openid);
  const cancels = ['tapper', 'r0'].map(async (openid) =>
    cloud.call('resident', { action: 'cancelSignup', signupId: ok(await mine(openid))[0].signupId }, openid),
  );
  const joins = Array.from({ length: 5 }, (_, i) =>
    cloud.call(
      'resident',
      { action: 'signUp', eventId, name: `新人${i}`, phone: `1370000000${i}`, identity: '普通市民', consent: true },
      `n${i}`,
    ),
  );
  for (const r of await Promise.all([...cancels, ...joins])) ok<unknown>(r);
  const ev = ok(await cloud.call<{ confirmed: number; waitlisted: number }>('resident', { action: 'eventDetail', eventId }, 'someone'));
  const people = ['r1', 'r2', 'r3', 'r4', 'r5', 'n0', 'n1', 'n2', 'n3', 'n4'];
  const statuses = await Promise.all(people.map(async (p) => ok(await mine(p))[0].status));
  expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3);
  expect(ev).toEqual(expect.objectContaining({ confirmed: 3, waitlisted: people.length - 3 }));
  // tapper, r0 and r1 held the seats; the two freed seats went to the first two in line (r2, r3),
  // never to a newcomer, who queues behind r4 and r5.
  expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', ...Array(7).fill('waitlisted')]);
});

test('on the day: 10 check-ins and 10 uploads of one photo raced make one each', async () => {
  await cloud.setClock('2023-04-27T09:40:00+08:00', true);
  const checks = await Promise.all(
    Array.from({ length: 10 }, () =>
      cloud.call<{ checkinId: string }>('unit', { action: 'checkIn', eventId, latitude: 28.11, longitude: 113.01 }, y.eduStaff),
    ),
  );
  expect(new Set(checks.map((c) => ok(c).checkinId)).size).toBe(1);
  const { bytes, sha256 } = stampedPhoto('raced');
  const fileID = await cloud.upload(`events/${eventId}/photos/${sha256}.jpg`, bytes, y.eduStaff);
  const photos = await Promise.all(
    Array.from({ length: 10 }, () =>
      cloud.call<{ photoId: string }>('unit', { action: 'addPhoto', eventId, fileID, sha256, stamped: true }, y.eduStaff),
    ),
  );
  expect(new Set(photos.map((p) => ok(p).photoId)).size).toBe(1);
  const detail = ok(await cloud.call<{ photos: unknown[] }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
  expect(detail.photos).toHaveLength(1);
});
