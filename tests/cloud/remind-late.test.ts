// office.remindLate (一键催办) and joining with a name, through the local cloud.
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

let cloud: TestCloud;
let y: Yuhua;
let lateUnitId: string;

beforeAll(async () => {
  // Mid-June: the spring events of 区教育局 / 区司法局 are past their filing deadlines.
  cloud = await startCloud({ now: '2023-06-20T10:00:00+08:00' });
  y = await seedYuhua(cloud);
  const { events } = ok(
    await cloud.call<{ events: Array<{ unitIds: string[]; next: { overdue: boolean } }> }>(
      'office',
      { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 },
      y.office,
    ),
  );
  const late = new Set(events.filter((e) => e.next.overdue).flatMap((e) => e.unitIds));
  lateUnitId = [y.eduUnitId, y.lawUnitId].find((u) => late.has(u))!;
}, 60_000);
afterAll(() => cloud.stop());

const staffOf = (unitId: string) => (unitId === y.eduUnitId ? y.eduStaff : y.lawStaff);

describe('office.remindLate', () => {
  test('others are refused', async () => {
    refused(await cloud.call('office', { action: 'remindLate', jurisdictionId: y.jurisdictionId }, y.eduStaff), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'remindLate', jurisdictionId: y.jurisdictionId }), 'UNAUTHENTICATED');
    refused(
      await cloud.call('office', { action: 'remindLate', jurisdictionId: y.jurisdictionId, unitIds: [] }, y.office),
      'INVALID_ARGUMENT',
    );
  });

  test('a late unit is reminded once a day: its staff see one 催办 in the message centre', async () => {
    expect(lateUnitId).toBeTruthy();
    const first = ok(
      await cloud.call<{
        reminded: Array<{ unitId: string; staff: number; pushed: number }>;
        alreadyToday: Array<{ unitId: string }>;
        noStaff: Array<{ unitId: string }>;
      }>('office', { action: 'remindLate', jurisdictionId: y.jurisdictionId, unitIds: [lateUnitId] }, y.office),
    );
    expect(first.reminded).toEqual([expect.objectContaining({ unitId: lateUnitId, staff: 1, pushed: 0 })]);
    const again = ok(
      await cloud.call<{ reminded: unknown[]; alreadyToday: Array<{ unitId: string }> }>(
        'office',
        { action: 'remindLate', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(again.alreadyToday.map((u) => u.unitId)).toContain(lateUnitId);
    expect(again.reminded.map((u) => (u as { unitId: string }).unitId)).not.toContain(lateUnitId);
    const msgs = ok(
      await cloud.call<Array<{ kind: string; title: string; body: string; pushed: boolean }>>(
        'account',
        { action: 'messages' },
        staffOf(lateUnitId),
      ),
    );
    const urges = msgs.filter((m) => m.kind === 'urge');
    expect(urges).toHaveLength(1);
    expect(urges[0].title).toMatch(/^公开办催办：/);
    expect(urges[0].body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Without consent nothing is pushed to WeChat.
    expect((await cloud.outbox()).filter((o) => o.touser === staffOf(lateUnitId))).toHaveLength(0);
  });

  test('with consent the staff also get a subscribe message; the next day they may be reminded again', async () => {
    await cloud.setClock('2023-06-21T10:00:00+08:00');
    const tpl = ok(await cloud.call<Record<string, string>>('account', { action: 'subscribeTemplates' }));
    ok(await cloud.call('account', { action: 'subscribe', templateIds: [tpl.deadline], accepted: [tpl.deadline] }, staffOf(lateUnitId)));
    const r = ok(
      await cloud.call<{ reminded: Array<{ unitId: string; pushed: number }> }>(
        'office',
        { action: 'remindLate', jurisdictionId: y.jurisdictionId, unitIds: [lateUnitId] },
        y.office,
      ),
    );
    expect(r.reminded).toEqual([expect.objectContaining({ unitId: lateUnitId, pushed: 1 })]);
    expect((await cloud.outbox()).filter((o) => o.touser === staffOf(lateUnitId))).toHaveLength(1);
  });
});

describe('account.redeemInvite with a name', () => {
  test('the office sees the name, not the openid', async () => {
    const { code } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: y.eduUnitId }, y.office));
    ok(await cloud.call('account', { action: 'redeemInvite', code, name: '王小明' }, 'newcomer-1'));
    const units = ok(
      await cloud.call<Array<{ unitId: string; staff: Array<{ openid: string; name: string | null }> }>>(
        'office',
        { action: 'listUnits', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(units.find((u) => u.unitId === y.eduUnitId)!.staff).toContainEqual(
      expect.objectContaining({ openid: 'newcomer-1', name: '王小明' }),
    );
    const { code: code2 } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: y.eduUnitId }, y.office));
    refused(await cloud.call('account', { action: 'redeemInvite', code: code2, name: '王'.repeat(21) }, 'newcomer-2'), 'INVALID_ARGUMENT');
  });
});
