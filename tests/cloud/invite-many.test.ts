// office.inviteMany: one code per unit for many units in one transaction; every
// code works once; refusals (who, which jurisdiction, empty, too many, blank,
// unknown units) write nothing.
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

jest.setTimeout(30_000);

interface Batch {
  invites: Array<{ unitId: string; unitName: string; code: string }>;
  expiresAt: string;
  jurisdictionName: string;
  merged: string[];
}

let cloud: TestCloud;
let y: Yuhua;
let otherJurisdiction: string;

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  otherJurisdiction = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' },
      'office-shaoyang',
    ),
  ).jurisdictionId;
}, 120_000);
afterAll(() => cloud.stop());

const inviteMany = (units: string[], who = y.office, jurisdictionId = y.jurisdictionId) =>
  cloud.call<Batch>('office', { action: 'inviteMany', jurisdictionId, units }, who);

test('every unit without staff gets its own code in one write; each code joins its unit once', async () => {
  const withoutStaff = y.units.filter((u) => u.unitId !== y.eduUnitId && u.unitId !== y.lawUnitId);
  expect(withoutStaff.length).toBeGreaterThan(20);
  const before = await cloud.stats();
  const batch = ok(await inviteMany(withoutStaff.map((u) => u.unitId)));
  expect((await cloud.stats()).writes - before.writes).toBe(1);

  expect(batch.invites.map((i) => i.unitId)).toEqual(withoutStaff.map((u) => u.unitId));
  expect(batch.invites.map((i) => i.unitName)).toEqual(withoutStaff.map((u) => u.name));
  expect(new Set(batch.invites.map((i) => i.code)).size).toBe(withoutStaff.length);
  for (const i of batch.invites) expect(i.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  expect(batch.expiresAt).toBe('2023-05-04T02:00:00.000Z');
  expect(batch).toMatchObject({ jurisdictionName: '雨花区', merged: [] });

  const first = batch.invites[0];
  expect(ok(await cloud.call('account', { action: 'redeemInvite', code: first.code, name: '周强' }, 'newcomer-1'))).toMatchObject({
    role: 'unit',
    unitId: first.unitId,
    unitName: first.unitName,
  });
  refused(await cloud.call('account', { action: 'redeemInvite', code: first.code }, 'newcomer-2'), 'CONFLICT');
  const units = ok(
    await cloud.call<Array<{ unitId: string; staff: Array<{ name: string | null }> }>>(
      'office',
      { action: 'listUnits', jurisdictionId: y.jurisdictionId },
      y.office,
    ),
  );
  expect(units.find((u) => u.unitId === first.unitId)!.staff.map((s) => s.name)).toEqual(['周强']);
});

test('units may be named as in the plan table; a unit named twice gets one code and is reported as merged', async () => {
  const batch = ok(await inviteMany(['区教育局', ` ${y.lawUnitId} `, '区教育局', y.eduUnitId]));
  expect(batch.invites.map((i) => i.unitName)).toEqual(['区教育局', '区司法局']);
  expect(batch.merged).toEqual(['区教育局']);
});

test.each([
  ['an empty list', [], '请至少选择一个单位'],
  ['more than 200 units', Array.from({ length: 201 }, () => '区教育局'), '一次最多邀请 200 个单位，请分批生成'],
  ['blank names', ['区教育局', '  ', '区司法局', ''], '第2、4项单位名称是空的，请删去或填写单位名称'],
])('%s is INVALID_ARGUMENT with a Chinese message, and nothing is written', async (_w, units, message) => {
  const before = await cloud.stats();
  const err = refused(await inviteMany(units), 'INVALID_ARGUMENT');
  expect(err.message).toBe(message);
  expect((await cloud.stats()).writes).toBe(before.writes);
});

test('a unit not of the jurisdiction is NOT_FOUND, named if typed, never shown as an id; nothing is written', async () => {
  const shaoyangUnits = ok(
    await cloud.call<{ events: unknown[] }>(
      'office',
      {
        action: 'importPlan',
        jurisdictionId: otherJurisdiction,
        year: 2023,
        text: '序号\t活动主题\t活动形式\t责任单位\t时间\n1\t财政公开\t座谈\t市财政局\t5月',
      },
      'office-shaoyang',
    ),
  );
  expect(shaoyangUnits.events).toHaveLength(1);
  const [foreign] = ok(
    await cloud.call<Array<{ unitId: string }>>('office', { action: 'listUnits', jurisdictionId: otherJurisdiction }, 'office-shaoyang'),
  );
  const before = await cloud.stats();
  const err = refused(await inviteMany(['区教育局', '市财政局', foreign.unitId]), 'NOT_FOUND');
  expect(err.message).toBe('本辖区没有这些单位：市财政局。有 1 个单位已不在本辖区的单位名单中。请刷新单位列表、核对名称后重试');
  expect(err.message).not.toContain(foreign.unitId);
  expect((await cloud.stats()).writes).toBe(before.writes);
});

test.each([
  ['a resident', () => 'resident-1'],
  ['unit staff', () => y.eduStaff],
  ["another jurisdiction's office", () => 'office-shaoyang'],
])('%s is FORBIDDEN', async (_w, who) => {
  refused(await inviteMany([y.eduUnitId], who()), 'FORBIDDEN');
});

test("an office cannot invite another jurisdiction's units by naming its own jurisdiction", async () => {
  refused(await inviteMany([y.eduUnitId], 'office-shaoyang', otherJurisdiction), 'NOT_FOUND');
});

test('anonymous is UNAUTHENTICATED', async () => {
  refused(await cloud.call('office', { action: 'inviteMany', jurisdictionId: y.jurisdictionId, units: [y.eduUnitId] }), 'UNAUTHENTICATED');
});
