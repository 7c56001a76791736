// Open-seat listings under the office's review (rules.listingNeedsReview) through the
// local cloud: off, residents see a filed event at once; on, only after
// office.publishListing, for the plan version reviewed; every refusal.
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

jest.setTimeout(120_000);

type DeskRow = { eventId: string; next: { who: string | null; step: string; label: string } };
type UnitRow = { eventId: string; listingNotice: string | null };
type OfficeDetail = { listing: { planVersion: number; by: string; at: string } | null };

const CHECKS = { secrecy: true, personalData: true };
const OTHER_OFFICE = 'office-shaoyang';

let cloud: TestCloud;
let y: Yuhua;
let open: string; // 区教育局 event 1: 30 public seats on 2023-05-10
let noSeats: string; // 区司法局 event 6: filed without public seats
let unfiled: string; // 区教育局 event 7: no plan yet
let flagged: string; // 区司法局 event 21: its venue fails the content check

const filePlan = (eventId: string, staff: string, venue: string, publicSeats: number, date = '2023-05-10') =>
  cloud.call<{ version: number }>('unit', { action: 'filePlan', eventId, date, venue: { name: venue }, publicSeats }, staff);
const setReview = async (on: boolean) =>
  ok(await cloud.call('office', { action: 'setRules', jurisdictionId: y.jurisdictionId, rules: { listingNeedsReview: on } }, y.office));
const release = (eventId: string, who = y.office, checks: unknown = CHECKS) =>
  cloud.call<{ planVersion: number; releasedAt: string }>('office', { action: 'publishListing', eventId, checks }, who);
const listed = async () =>
  ok(await cloud.call<Array<{ eventId: string }>>('resident', { action: 'openEvents', jurisdictionId: y.jurisdictionId })).map(
    (e) => e.eventId,
  );
const detail = (eventId: string, who = 'resident-2') => cloud.call('resident', { action: 'eventDetail', eventId }, who);
const signUp = (eventId: string, who: string) =>
  cloud.call<{ status: string }>(
    'resident',
    { action: 'signUp', eventId, name: '王芳', phone: '13912345678', identity: '普通市民', consent: true },
    who,
  );
const desk = async (eventId: string) =>
  ok(
    await cloud.call<{ events: DeskRow[] }>('office', { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 }, y.office),
  ).events.find((e) => e.eventId === eventId)!.next;
const unitNotice = async (eventId: string) =>
  ok(await cloud.call<UnitRow[]>('unit', { action: 'myEvents' }, y.eduStaff)).find((e) => e.eventId === eventId)!.listingNotice;

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  [open, noSeats, unfiled, flagged] = [1, 6, 7, 21].map((seq) => y.event(seq).eventId);
  ok(await filePlan(open, y.eduStaff, '雨花区教育局三楼会议室', 30));
  ok(await filePlan(noSeats, y.lawStaff, '区司法局', 0, '2023-05-11'));
  ok(await filePlan(flagged, y.lawStaff, '谨防诈骗宣传点', 10, '2023-05-12'));
  ok(await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' }, OTHER_OFFICE));
});
afterAll(() => cloud.stop());

describe('rule off (both presets): a filed event is open to residents at once', () => {
  test('listed, its page open, nothing waits on the office, the unit sees no notice', async () => {
    const rules = ok(
      await cloud.call<{ rules: { listingNeedsReview: boolean } }>(
        'office',
        { action: 'getRules', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(rules.rules.listingNeedsReview).toBe(false);
    expect(await listed()).toContain(open);
    ok(await detail(open));
    expect(await desk(open)).toMatchObject({ who: 'unit', step: 'check_in' });
    expect(await unitNotice(open)).toBeNull();
  });
});

describe('rule on: the office reviews the listing first', () => {
  beforeAll(() => setReview(true));

  test('hidden from residents, refused to sign up, in the office queue, labelled plainly for the unit', async () => {
    expect(await listed()).not.toContain(open);
    expect(refused(await detail(open), 'NOT_FOUND').message).toContain('正在公开办审查');
    expect(refused(await signUp(open, 'resident-1'), 'CONFLICT').message).toContain('暂未开放报名');
    expect(await desk(open)).toEqual({ who: 'office', step: 'release_listing', label: '待公开办审查后开放报名', overdue: false });
    expect(await unitNotice(open)).toBe('待公开办审查后开放报名');
    // Without open seats there is nothing to review.
    expect(await desk(noSeats)).toMatchObject({ who: 'unit', step: 'check_in' });
  });

  test.each([
    ['the unit', () => y.eduStaff],
    ['a resident', () => 'resident-1'],
    ["another jurisdiction's office", () => OTHER_OFFICE],
  ])('%s cannot release or withdraw: FORBIDDEN', async (_n, who) => {
    refused(await release(open, who()), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'unpublishListing', eventId: open, reason: '地址有误' }, who()), 'FORBIDDEN');
  });

  test.each([
    ['secrecy not confirmed', { secrecy: false, personalData: true }],
    ['personal data not confirmed', { secrecy: true, personalData: false }],
    ['neither check', {}],
  ])('checks not confirmed (%s): INVALID_ARGUMENT, still hidden', async (_n, checks) => {
    refused(await release(open, y.office, checks), 'INVALID_ARGUMENT');
    expect(await listed()).not.toContain(open);
  });

  test.each([
    ['plan not filed', () => unfiled, '报备后再审查'],
    ['no open seats', () => noSeats, '未开放市民报名'],
  ])('%s: CONFLICT', async (_n, eventId, text) => {
    expect(refused(await release(eventId()), 'CONFLICT').message).toContain(text);
  });

  test('the content check fails on the venue: CONTENT_REJECTED naming it, still hidden', async () => {
    expect(refused(await release(flagged), 'CONTENT_REJECTED').details.fields).toEqual(['venue.name']);
    expect(await listed()).not.toContain(flagged);
  });

  test('released: listed, sign-up open, when on record (no openid sent), the queue and the notice cleared', async () => {
    await cloud.setClock('2023-04-11T10:00:00+08:00', true);
    expect(ok(await release(open))).toEqual({ eventId: open, planVersion: 1, releasedAt: '2023-04-11T10:00:00+08:00' });
    expect(await listed()).toContain(open);
    expect(ok(await signUp(open, 'resident-1')).status).toBe('confirmed');
    const d = ok(await cloud.call<OfficeDetail>('office', { action: 'eventDetail', eventId: open }, y.office));
    expect(d.listing).toEqual({ planVersion: 1, at: '2023-04-11T10:00:00+08:00' });
    // Who released it is kept in the event's log on the server; no openid reaches a screen.
    expect(JSON.stringify(d)).not.toContain(y.office);
    expect(await desk(open)).toMatchObject({ who: 'unit', step: 'check_in' });
    expect(await unitNotice(open)).toBeNull();
  });

  test('a re-filed plan is reviewed again; a resident already signed up still sees the event', async () => {
    ok(await filePlan(open, y.eduStaff, '雨花区教育局报告厅', 30));
    expect(await listed()).not.toContain(open);
    ok(await detail(open, 'resident-1'));
    refused(await detail(open, 'resident-2'), 'NOT_FOUND');
    expect(await desk(open)).toMatchObject({ step: 'release_listing' });
    expect(ok(await release(open)).planVersion).toBe(2);
    expect(await listed()).toContain(open);
  });

  test('withdrawn with a reason: hidden again, the sign-up kept; a second withdrawal is CONFLICT', async () => {
    refused(await cloud.call('office', { action: 'unpublishListing', eventId: open, reason: '' }, y.office), 'INVALID_ARGUMENT');
    ok(await cloud.call('office', { action: 'unpublishListing', eventId: open, reason: '场馆地址待单位更正' }, y.office));
    expect(await listed()).not.toContain(open);
    ok(await detail(open, 'resident-1'));
    expect(
      refused(await cloud.call('office', { action: 'unpublishListing', eventId: open, reason: '再次撤回' }, y.office), 'CONFLICT').message,
    ).toContain('无需撤回');
  });

  test('rule off again: the listing is open without review', async () => {
    await setReview(false);
    expect(await listed()).toContain(open);
    expect(ok(await signUp(open, 'resident-3')).status).toBe('confirmed');
  });
});
