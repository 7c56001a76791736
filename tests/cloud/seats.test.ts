// Re-filing a plan reconciles its seats in the same transaction: more seats move
// the waiting list up in order, fewer are refused with the numbers unless the
// unit agrees, and a new date, time or place is told to everyone signed up.
import { ok, startCloud, type Envelope, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

jest.setTimeout(60_000);

let cloud: TestCloud;
let y: Yuhua;
let eventId: string;
let minute = 0;
const PLAN = { date: '2023-04-27', startTime: '09:30', venue: { name: '区教育局会议室' } };

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
}, 60_000);
afterAll(() => cloud.stop());

/** Each step a minute later, so "who was confirmed last" is a real order. */
const tick = () => cloud.setClock(`2023-04-20T10:${String(++minute).padStart(2, '0')}:00+08:00`, true);
const file = (extra: Record<string, unknown>) =>
  cloud.call<{ version: number; seats: { promoted: number; movedBack: number; notified: number } }>(
    'unit',
    { action: 'filePlan', eventId, ...PLAN, ...extra },
    y.eduStaff,
  );
const signUp = (openid: string) =>
  cloud.call<{ signupId: string; status: string; position?: number }>(
    'resident',
    { action: 'signUp', eventId, name: '测试市民', phone: '13800000000', identity: '普通市民', consent: true },
    openid,
  );
const consent = async (openid: string) => {
  const tpl = ok(await cloud.call<{ event: string }>('account', { action: 'subscribeTemplates' }, openid)).event;
  ok(await cloud.call('account', { action: 'subscribe', templateIds: [tpl], accepted: [tpl] }, openid));
};
const messages = async (openid: string) =>
  ok(await cloud.call<Array<{ kind: string; title: string; body: string; status: string }>>('account', { action: 'messages' }, openid));
const attendees = async () =>
  ok(
    await cloud.call<Array<{ signupId: string; status: string; position: number | null }>>(
      'unit',
      { action: 'attendees', eventId },
      y.eduStaff,
    ),
  );
/** Who is confirmed and who waits in which order, by openid, with the event's counters. */
const seatsNow = async () => {
  const list = await attendees();
  const who = (s: { signupId: string }) => s.signupId.slice(eventId.length + 1);
  const ev = ok(await cloud.call<{ seats: number; confirmed: number; waitlisted: number }>('resident', { action: 'eventDetail', eventId }));
  return {
    seats: ev.seats,
    confirmed: list
      .filter((s) => s.status === 'confirmed')
      .map(who)
      .sort(),
    waiting: list
      .filter((s) => s.status === 'waitlisted')
      .sort((a, b) => a.position! - b.position!)
      .map(who),
    counters: { confirmed: ev.confirmed, waitlisted: ev.waitlisted },
  };
};
const refusal = (r: Envelope<unknown>) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

test('more seats confirm the waiting list in order; a newcomer after that waits behind the rest', async () => {
  ok(await file({ publicSeats: 2 }));
  for (const who of ['amy', 'bob', 'cat', 'dan', 'eve']) {
    await tick();
    ok(await signUp(who));
  }
  await consent('cat');
  const outbox = (await cloud.outbox()).length;

  await tick();
  const r = ok(await file({ publicSeats: 4 }));

  expect(r.seats).toEqual({ promoted: 2, movedBack: 0, notified: 2 });
  expect(await seatsNow()).toEqual({
    seats: 4,
    confirmed: ['amy', 'bob', 'cat', 'dan'],
    waiting: ['eve'],
    counters: { confirmed: 4, waitlisted: 1 },
  });
  // cat consented: pushed and in the message centre; dan did not: message centre only.
  const sent = (await cloud.outbox()).slice(outbox);
  expect(sent).toEqual([expect.objectContaining({ touser: 'cat', page: 'resident/mine/index' })]);
  expect(sent[0].data.thing4.value).toBe('候补已转为正式报名');
  expect(await messages('cat')).toEqual([
    expect.objectContaining({ title: expect.stringContaining('候补转正'), body: expect.stringContaining('增加了名额'), status: 'sent' }),
  ]);
  expect(await messages('dan')).toEqual([expect.objectContaining({ kind: 'waitlist', status: 'skipped_no_consent' })]);
  for (const who of ['amy', 'bob', 'eve']) expect(await messages(who)).toEqual([]);

  await tick();
  expect(ok(await signUp('fay'))).toMatchObject({ status: 'waitlisted', position: 2 });
});

test('fewer seats than confirmed are refused with the numbers, and nothing is written', async () => {
  const before = await seatsNow();
  const { writes } = await cloud.stats();

  const e = refusal(await file({ publicSeats: 2 }));

  expect(e.code).toBe('CONFLICT');
  expect(e.message).toBe('已确认 4 人，名额不能少于 4；如确需缩减，请确认后将最晚确认的 2 人转入候补');
  expect(e.details).toEqual({ reason: 'SEATS_BELOW_CONFIRMED', confirmed: 4, seats: 2, excess: 2 });
  expect((await cloud.stats()).writes).toBe(writes);
  expect(await seatsNow()).toEqual(before);
  const detail = ok(
    await cloud.call<{ plan: { version: number; publicSeats: number } }>('unit', { action: 'eventDetail', eventId }, y.eduStaff),
  );
  expect(detail.plan).toMatchObject({ version: 2, publicSeats: 4 });
});

test('with shrinkSeats the latest confirmations go back to the head of the line, in order, and are told', async () => {
  await consent('dan');
  const outbox = (await cloud.outbox()).length;
  await tick();

  const r = ok(await file({ publicSeats: 2, shrinkSeats: true }));

  expect(r.seats).toEqual({ promoted: 0, movedBack: 2, notified: 2 });
  expect(await seatsNow()).toEqual({
    seats: 2,
    confirmed: ['amy', 'bob'],
    waiting: ['cat', 'dan', 'eve', 'fay'],
    counters: { confirmed: 2, waitlisted: 4 },
  });
  expect((await messages('cat'))[0]).toMatchObject({
    title: expect.stringContaining('转为候补'),
    body: expect.stringContaining('候补第 1 位'),
  });
  expect((await messages('dan'))[0]).toMatchObject({ body: expect.stringContaining('候补第 2 位'), status: 'sent' });
  expect((await cloud.outbox()).slice(outbox)).toEqual([expect.objectContaining({ touser: 'dan' })]);
  for (const who of ['amy', 'bob', 'eve', 'fay']) expect((await messages(who)).length).toBe(0);
  // Mine shows the new place in line.
  const mine = ok(await cloud.call<Array<{ status: string; position: number }>>('resident', { action: 'mySignups' }, 'dan'));
  expect(mine[0]).toMatchObject({ status: 'waitlisted', position: 2 });
});

test('a re-filing with nothing changed for residents tells no one', async () => {
  const counts = await Promise.all(['amy', 'bob', 'cat', 'dan', 'eve', 'fay'].map(async (w) => (await messages(w)).length));
  const outbox = (await cloud.outbox()).length;
  await tick();

  const r = ok(await file({ publicSeats: 2, banner: '区教育局2023年“政务公开主题日”活动', invitees: ['普通市民'] }));

  expect(r.seats).toEqual({ promoted: 0, movedBack: 0, notified: 0 });
  expect(await Promise.all(['amy', 'bob', 'cat', 'dan', 'eve', 'fay'].map(async (w) => (await messages(w)).length))).toEqual(counts);
  expect((await cloud.outbox()).length).toBe(outbox);
});

test('a new date, time or place is told to everyone confirmed or waiting, and not to who cancelled', async () => {
  await tick();
  const fay = ok(await cloud.call<Array<{ signupId: string }>>('resident', { action: 'mySignups' }, 'fay'))[0];
  ok(await cloud.call('resident', { action: 'cancelSignup', signupId: fay.signupId }, 'fay'));
  await consent('amy');
  const outbox = (await cloud.outbox()).length;
  await tick();

  const r = ok(await file({ publicSeats: 2, date: '2023-04-28', startTime: '14:30', venue: { name: '区政务服务中心' } }));

  expect(r.seats.notified).toBe(5);
  for (const who of ['amy', 'bob', 'cat', 'dan', 'eve']) {
    expect((await messages(who))[0]).toMatchObject({
      kind: 'event',
      title: expect.stringContaining('活动变更'),
      body: expect.stringMatching(/调整了活动日期、开始时间、地点，现为4月28日 14:30，区政务服务中心/),
    });
  }
  expect((await messages('fay')).some((m) => m.title.includes('活动变更'))).toBe(false);
  const sent = (await cloud.outbox()).slice(outbox);
  expect(sent).toEqual([expect.objectContaining({ touser: 'amy' })]);
  expect(sent[0].data).toMatchObject({
    time2: { value: '4月28日 14:30' },
    thing3: { value: '区政务服务中心' },
    thing4: { value: '活动日期、开始时间、地点有变更' },
  });
});

test('sign-ups racing a raise never exceed the seats, and the waiting list keeps its order', async () => {
  await tick();
  // 2 seats full; cat, dan, eve wait. Raise to 4 while six newcomers sign up.
  const newcomers = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
  const [filed] = await Promise.all([
    file({ publicSeats: 4, date: '2023-04-28', startTime: '14:30', venue: { name: '区政务服务中心' } }),
    ...newcomers.map(signUp),
  ]);
  ok(filed);

  const s = await seatsNow();
  expect(s.seats).toBe(4);
  expect(s.confirmed).toEqual(['amy', 'bob', 'cat', 'dan']);
  expect(s.waiting.slice(0, 1)).toEqual(['eve']);
  expect(s.waiting.slice(1).sort()).toEqual(newcomers);
  expect(s.counters).toEqual({ confirmed: 4, waitlisted: 7 });
});

test('an online event without a seat number takes everyone, and a later cap keeps confirmed within it', async () => {
  const online = y.event(7).eventId;
  const venue = { name: '线上直播', online: true, platform: '腾讯会议' };
  ok(await cloud.call('unit', { action: 'filePlan', eventId: online, date: '2023-05-10', venue }, y.eduStaff));
  for (const who of ['o1', 'o2', 'o3'])
    expect(
      ok(
        await cloud.call<{ status: string }>(
          'resident',
          { action: 'signUp', eventId: online, name: '线上市民', phone: '13900000000', identity: '普通市民' },
          who,
        ),
      ).status,
    ).toBe('confirmed');
  const e = refusal(
    await cloud.call('unit', { action: 'filePlan', eventId: online, date: '2023-05-10', venue, publicSeats: 1 }, y.eduStaff),
  );
  expect(e.details).toMatchObject({ confirmed: 3, seats: 1, excess: 2 });
});
