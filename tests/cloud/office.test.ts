import fs from 'node:fs';
import path from 'node:path';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';

const YUHUA = fs.readFileSync(path.join(__dirname, '../../fixtures/plans/yuhua-2023.txt'), 'utf8');
const SHAOYANG = fs.readFileSync(path.join(__dirname, '../../fixtures/plans/shaoyang-2023.txt'), 'utf8');

let cloud: TestCloud;
let yuhua: string;
let shaoyang: string;
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00' });
  yuhua = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '雨花区', level: 'district' },
      'office-yuhua',
    ),
  ).jurisdictionId;
  shaoyang = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' },
      'office-shaoyang',
    ),
  ).jurisdictionId;
});
afterAll(() => cloud.stop());

describe('bootstrap', () => {
  test('a wrong setup token is FORBIDDEN and creates nothing', async () => {
    refused(await cloud.call('office', { action: 'bootstrap', token: 'guess', name: '某县', level: 'county' }, 'intruder'), 'FORBIDDEN');
    expect(ok(await cloud.call<{ roles: unknown[] }>('account', { action: 'me' }, 'intruder')).roles).toEqual([]);
  });
  test('anonymous bootstrap is UNAUTHENTICATED', async () => {
    refused(await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '某县', level: 'county' }), 'UNAUTHENTICATED');
  });
  test('a bad level is INVALID_ARGUMENT naming the field', async () => {
    const err = refused(
      await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '某县', level: 'province' }, 'x'),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toEqual(['level']);
  });
  test('the caller becomes office staff of the new jurisdiction', async () => {
    const me = ok(
      await cloud.call<{ roles: Array<{ role: string; jurisdictionId: string }> }>('account', { action: 'me' }, 'office-yuhua'),
    );
    expect(me.roles).toEqual([expect.objectContaining({ role: 'office', jurisdictionId: yuhua })]);
  });
});

describe('setRules', () => {
  test('stores the rules merged over the defaults (the standard preset: no logo photo required)', async () => {
    const { rules } = ok(
      await cloud.call<{ rules: Record<string, unknown> }>(
        'office',
        { action: 'setRules', jurisdictionId: yuhua, rules: { materialsWithinWorkdays: 2 } },
        'office-yuhua',
      ),
    );
    expect(rules).toMatchObject({
      keyword: '政务公开主题日',
      planLeadWorkdays: 5,
      reportWithinWorkdays: 5,
      materialsWithinWorkdays: 2,
      minLogoPhotos: 0,
      preset: 'standard',
    });
  });
  test('out-of-range numbers are INVALID_ARGUMENT', async () => {
    refused(
      await cloud.call('office', { action: 'setRules', jurisdictionId: yuhua, rules: { planLeadWorkdays: -1 } }, 'office-yuhua'),
      'INVALID_ARGUMENT',
    );
  });
  test.each([
    ['a resident', 'resident-1'],
    ["another jurisdiction's office", 'office-shaoyang'],
  ])('%s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('office', { action: 'setRules', jurisdictionId: yuhua, rules: { minLogoPhotos: 3 } }, who), 'FORBIDDEN');
  });
});

describe('importPlan', () => {
  test('the 雨花区 table gives 73 events and its units; importing it again creates nothing', async () => {
    const first = ok(
      await cloud.call<{ created: number; events: Array<{ seq: number; units: string[] }>; newUnits: string[] }>(
        'office',
        { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: YUHUA },
        'office-yuhua',
      ),
    );
    expect(first.created).toBe(73);
    expect(first.events).toHaveLength(73);
    expect(first.events.map((e) => e.seq)).toEqual(Array.from({ length: 73 }, (_, i) => i + 1));
    const distinctUnits = new Set(first.events.flatMap((e) => e.units));
    expect(first.newUnits.sort()).toEqual([...distinctUnits].sort());
    const again = ok(
      await cloud.call<{ created: number; updated: number; unchanged: number }>(
        'office',
        { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: YUHUA },
        'office-yuhua',
      ),
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 73 });
    const units = ok(
      await cloud.call<Array<{ name: string; eventCount: number }>>(
        'office',
        { action: 'listUnits', jurisdictionId: yuhua },
        'office-yuhua',
      ),
    );
    expect(units).toHaveLength(distinctUnits.size);
    expect(units.find((u) => u.name === '区教育局')!.eventCount).toBe(2);
  });

  test('a corrected table with a row missing updates in place and takes nothing out of the plan', async () => {
    const corrected = YUHUA.replace('区农业农村局	4 月', '区农业农村局	5 月').replace(/\n73\t宪法宣传周活动[^\n]*/, '');
    const res = ok(
      await cloud.call<{ created: number; updated: number; removed: number; notInTable: Array<{ seq: number }> }>(
        'office',
        { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: corrected },
        'office-yuhua',
      ),
    );
    expect(res).toMatchObject({
      created: 0,
      updated: 1,
      removed: 0,
      notInTable: [expect.objectContaining({ seq: 73, theme: '宪法宣传周活动' })],
    });
    const listed = ok(
      await cloud.call<{ events: Array<{ seq: number; removedFromPlan: boolean }> }>(
        'office',
        { action: 'listEvents', jurisdictionId: yuhua, year: 2023 },
        'office-yuhua',
      ),
    );
    expect(listed.events.filter((e) => e.removedFromPlan)).toEqual([]);
  });

  test('removeMissing: true flags the missing rows as 已移出计划 (never deleted); the full table brings them back', async () => {
    const partial = YUHUA.replace(/\n73\t宪法宣传周活动[^\n]*/, '');
    const preview = ok(
      await cloud.call<{ removed: number }>(
        'office',
        { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: partial, removeMissing: true, dryRun: true },
        'office-yuhua',
      ),
    );
    expect(preview.removed).toBe(1);
    const res = ok(
      await cloud.call<{ removed: number; unchanged: number }>(
        'office',
        { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: partial, removeMissing: true },
        'office-yuhua',
      ),
    );
    expect(res).toMatchObject({ removed: 1 });
    const listed = ok(
      await cloud.call<{ events: Array<{ seq: number; removedFromPlan: boolean }> }>(
        'office',
        { action: 'listEvents', jurisdictionId: yuhua, year: 2023 },
        'office-yuhua',
      ),
    );
    expect(listed.events.filter((e) => e.removedFromPlan).map((e) => e.seq)).toEqual([73]);
    const restored = ok(
      await cloud.call<{ created: number; updated: number; removed: number }>(
        'office',
        { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: YUHUA },
        'office-yuhua',
      ),
    );
    expect(restored).toMatchObject({ created: 0, updated: 1, removed: 0 });
  });

  test('warnings are { row, field, message } with the line of the pasted text; a printed day becomes the planned date', async () => {
    const text =
      '序号\t活动主题\t活动形式\t责任单位\t时间\n1\t税费服务体验\t现场观摩\t区税务分局\t2023年4月23日\n1\t重复的序号\t座谈交流\t区商务局\t5月';
    const res = ok(
      await cloud.call<{ events: Array<{ seq: number; date: string | null; row: number }>; warnings: unknown[] }>(
        'office',
        { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text, dryRun: true },
        'office-yuhua',
      ),
    );
    expect(res.events[0]).toMatchObject({ seq: 1, date: '2023-04-23', row: 2 });
    expect(res.warnings).toEqual([{ row: 3, field: 'seq', message: '序号1与第2行重复，请核对是否贴了两次或序号写错' }]);
  });

  test('the 邵阳市 table imports 36 events for its own office', async () => {
    const res = ok(
      await cloud.call<{ created: number }>(
        'office',
        { action: 'importPlan', jurisdictionId: shaoyang, year: 2023, text: SHAOYANG },
        'office-shaoyang',
      ),
    );
    expect(res.created).toBe(36);
  });

  test('text with no table is INVALID_ARGUMENT', async () => {
    refused(
      await cloud.call('office', { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: '这不是表格' }, 'office-yuhua'),
      'INVALID_ARGUMENT',
    );
  });

  test.each([
    ['a resident', 'resident-1'],
    ["another jurisdiction's office", 'office-shaoyang'],
  ])('%s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('office', { action: 'importPlan', jurisdictionId: yuhua, year: 2023, text: YUHUA }, who), 'FORBIDDEN');
  });
});

describe('invitations', () => {
  let unitId: string;
  beforeAll(async () => {
    const units = ok(
      await cloud.call<Array<{ unitId: string; name: string }>>('office', { action: 'listUnits', jurisdictionId: yuhua }, 'office-yuhua'),
    );
    unitId = units.find((u) => u.name === '区教育局')!.unitId;
  });

  test('a code redeemed by another identity makes account.me show the unit role, once', async () => {
    const inv = ok(
      await cloud.call<{ code: string; expiresAt: string; qrFileID: string }>('office', { action: 'invite', unitId }, 'office-yuhua'),
    );
    expect(inv.code).toMatch(/^[A-Z0-9]{8}$/);
    expect(inv.qrFileID).toMatch(/^cloud:\/\//);
    const joined = ok(await cloud.call('account', { action: 'redeemInvite', code: inv.code.toLowerCase() }, 'staff-edu'));
    expect(joined).toMatchObject({ unitId, jurisdictionId: yuhua });
    const me = ok(await cloud.call<{ roles: unknown[] }>('account', { action: 'me' }, 'staff-edu'));
    expect(me.roles).toEqual([expect.objectContaining({ role: 'unit', unitId, jurisdictionId: yuhua, unitName: '区教育局' })]);
    refused(await cloud.call('account', { action: 'redeemInvite', code: inv.code }, 'someone-else'), 'CONFLICT');
    expect(ok(await cloud.call<{ roles: unknown[] }>('account', { action: 'me' }, 'someone-else')).roles).toEqual([]);
  });

  test('an unknown code is NOT_FOUND; an expired one is CONFLICT', async () => {
    refused(await cloud.call('account', { action: 'redeemInvite', code: 'ZZZZZZZZ' }, 'staff-x'), 'NOT_FOUND');
    const inv = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId }, 'office-yuhua'));
    await cloud.setClock('2023-05-10T09:00:00+08:00');
    refused(await cloud.call('account', { action: 'redeemInvite', code: inv.code }, 'staff-late'), 'CONFLICT');
    await cloud.setClock('2023-04-10T09:00:00+08:00');
  });

  test.each([
    ['a resident', 'resident-1'],
    ["another jurisdiction's office", 'office-shaoyang'],
    ['unit staff', 'staff-edu'],
  ])('invite by %s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('office', { action: 'invite', unitId }, who), 'FORBIDDEN');
  });

  test('the office can remove a person from a unit', async () => {
    const inv = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId }, 'office-yuhua'));
    ok(await cloud.call('account', { action: 'redeemInvite', code: inv.code }, 'staff-temp'));
    refused(await cloud.call('office', { action: 'removeStaff', unitId, openid: 'staff-temp' }, 'office-shaoyang'), 'FORBIDDEN');
    ok(await cloud.call('office', { action: 'removeStaff', unitId, openid: 'staff-temp' }, 'office-yuhua'));
    expect(ok(await cloud.call<{ roles: unknown[] }>('account', { action: 'me' }, 'staff-temp')).roles).toEqual([]);
  });
});
