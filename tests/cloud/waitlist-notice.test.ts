// Moving up from the waiting list: the person is told, by subscribe message if
// they consented, and always in the app's message centre.
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

let cloud: TestCloud;
let y: Yuhua;
let eventId: string;
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId, date: '2023-04-27', startTime: '09:30', venue: { name: '区教育局会议室' }, publicSeats: 1 },
      y.eduStaff,
    ),
  );
}, 30_000);
afterAll(() => cloud.stop());

const signUp = (openid: string) =>
  cloud.call<{ signupId: string; status: string }>(
    'resident',
    { action: 'signUp', eventId, name: '测试', phone: '13800000000', identity: '普通市民' },
    openid,
  );
const messages = (openid: string) => cloud.call<Array<{ title: string; status: string }>>('account', { action: 'messages' }, openid);

test('a consenting person who moves up gets one subscribe message and sees it in the message centre', async () => {
  const first = ok(await signUp('holder'));
  expect(ok(await signUp('waiting')).status).toBe('waitlisted');
  const tpl = ok(await cloud.call<{ event: string }>('account', { action: 'subscribeTemplates' }, 'waiting')).event;
  ok(await cloud.call('account', { action: 'subscribe', templateIds: [tpl], accepted: [tpl] }, 'waiting'));
  const before = (await cloud.outbox()).length;

  ok(await cloud.call('resident', { action: 'cancelSignup', signupId: first.signupId }, 'holder'));

  const sent = (await cloud.outbox()).slice(before);
  expect(sent).toEqual([expect.objectContaining({ touser: 'waiting', templateId: tpl, page: 'resident/mine/index' })]);
  expect(sent[0].data.thing4.value).toBe('候补已转为正式报名');
  expect(ok(await messages('waiting'))).toEqual([expect.objectContaining({ title: expect.stringContaining('候补转正'), status: 'sent' })]);
  expect(ok(await cloud.call<Array<{ status: string }>>('resident', { action: 'mySignups' }, 'waiting'))[0].status).toBe('confirmed');
});

test('without consent nothing is pushed, but the message centre still says so', async () => {
  const mine = ok(await cloud.call<Array<{ signupId: string }>>('resident', { action: 'mySignups' }, 'waiting'));
  expect(ok(await signUp('next-in-line')).status).toBe('waitlisted');
  const before = (await cloud.outbox()).length;
  ok(await cloud.call('resident', { action: 'cancelSignup', signupId: mine[0].signupId }, 'waiting'));
  expect((await cloud.outbox()).length).toBe(before);
  expect(ok(await messages('next-in-line'))).toEqual([expect.objectContaining({ status: 'skipped_no_consent' })]);
});
