// The office's desk through the local cloud: the year at a glance, one event,
// importing an .xlsx (preview and confirm), office staff invitations, the logo.
import ExcelJS from 'exceljs';
import { gbk } from '../helpers/gbk';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, YUHUA_TABLE, type Yuhua } from '../helpers/scenario';
import { docx, para, table } from '../helpers/docx';

jest.setTimeout(60_000);

type Next = { label: string; due?: string; overdue: boolean };
type Row = {
  eventId: string;
  seq: number;
  theme: string;
  units: string[];
  months: { from: number; to: number } | null;
  status: string;
  statusLabel: string;
  removedFromPlan: boolean;
  next: Next;
};

let cloud: TestCloud;
let y: Yuhua;
let shaoyang: string;
const OTHER_OFFICE = 'office-shaoyang';

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  shaoyang = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' },
      OTHER_OFFICE,
    ),
  ).jurisdictionId;
});
afterAll(() => cloud.stop());

/** The 雨花区 table (a TSV fixture) written as an .xlsx, as an office would have it. */
async function yuhuaXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('计划安排表');
  for (const line of YUHUA_TABLE.split(/\r?\n/)) ws.addRow(line.split('\t'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const forbiddenCallers: Array<[string, string]> = [
  ['a resident', 'resident-1'],
  ['unit staff of the jurisdiction', 'staff-edu'],
  ["another jurisdiction's office", OTHER_OFFICE],
];

describe('listEvents', () => {
  test('the year at a glance: every event with status and next deadline, in at most 3 round trips', async () => {
    const { envelope, roundTrips } = await cloud.callCounted<{ now: string; events: Row[] }>(
      'office',
      { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 },
      y.office,
    );
    const { events, now } = ok(envelope);
    expect(roundTrips).toBeLessThanOrEqual(3);
    expect(now).toBe('2023-04-10T09:00:00+08:00');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 73 }, (_, i) => i + 1));
    expect(events.filter((e) => e.months?.from === 4)).toHaveLength(13);
    const first = events[0];
    expect(first).toMatchObject({
      eventId: y.event(1).eventId,
      status: 'planned',
      statusLabel: '待报备',
      removedFromPlan: false,
      units: y.event(1).units,
    });
    // An April event's plan is owed by the plan deadline of April's last day (4/30, in the
    // Labour Day break): 5 working days back is Mon 4/24. Nothing is overdue on April 10.
    const april = events.find((e) => e.months?.to === 4)!;
    expect(april.next).toEqual({ who: 'unit', step: 'file_plan', label: '待报备', due: '2023-04-24T23:59:59+08:00', overdue: false });
    expect(events.every((e) => !e.next.overdue)).toBe(true);
  });

  test('an unfiled event becomes overdue once the last on-time filing day of its months is over', async () => {
    await cloud.setClock('2023-04-25T00:00:01+08:00', true);
    try {
      const { events } = ok(
        await cloud.call<{ events: Row[] }>('office', { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 }, y.office),
      );
      const april = events.filter((e) => e.months?.to === 4);
      expect(april.length).toBe(13);
      expect(april.every((e) => e.next.overdue)).toBe(true);
      expect(events.filter((e) => (e.months?.to ?? 13) > 4).every((e) => !e.next.overdue)).toBe(true);
    } finally {
      await cloud.setClock('2023-04-10T09:00:00+08:00', true);
    }
  });

  test('a year without events is an empty list', async () => {
    expect(
      ok(await cloud.call<{ events: Row[] }>('office', { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2022 }, y.office))
        .events,
    ).toEqual([]);
  });

  test('a missing year is INVALID_ARGUMENT naming it', async () => {
    const err = refused(
      await cloud.call('office', { action: 'listEvents', jurisdictionId: y.jurisdictionId }, y.office),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toEqual(['year']);
  });

  test('anonymous is UNAUTHENTICATED', async () => {
    refused(await cloud.call('office', { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 }), 'UNAUTHENTICATED');
  });

  test.each(forbiddenCallers)('%s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('office', { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 }, who), 'FORBIDDEN');
  });
});

describe('eventDetail', () => {
  test('an event as imported: the plan row, nothing filed yet', async () => {
    const ev = y.event(51);
    const d = ok(await cloud.call<Record<string, unknown>>('office', { action: 'eventDetail', eventId: ev.eventId }, y.office));
    expect(d).toMatchObject({
      eventId: ev.eventId,
      jurisdictionId: y.jurisdictionId,
      year: 2023,
      seq: 51,
      theme: ev.theme,
      units: ['区卫健局'],
      months: { from: 8, to: 8 },
      status: 'planned',
      statusLabel: '待报备',
      // 8/31 is a Thursday: five working days back is Thu 8/24.
      next: { who: 'unit', step: 'file_plan', label: '待报备', due: '2023-08-24T23:59:59+08:00', overdue: false },
      plans: [],
      checkin: null,
      photos: [],
      report: null,
      deadlines: null,
    });
    expect(d.raw).toContain('创建国家卫生城市宣传');
  });

  test('an unknown event is NOT_FOUND', async () => {
    refused(await cloud.call('office', { action: 'eventDetail', eventId: 'e_nope' }, y.office), 'NOT_FOUND');
  });

  test('anonymous is UNAUTHENTICATED', async () => {
    refused(await cloud.call('office', { action: 'eventDetail', eventId: y.event(1).eventId }), 'UNAUTHENTICATED');
  });

  test.each(forbiddenCallers)('%s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('office', { action: 'eventDetail', eventId: y.event(1).eventId }, who), 'FORBIDDEN');
  });
});

describe('importPlan from an uploaded .xlsx', () => {
  let fresh: string;
  const office = 'office-xlsx';
  beforeAll(async () => {
    fresh = ok(
      await cloud.call<{ jurisdictionId: string }>(
        'office',
        { action: 'bootstrap', token: SETUP_TOKEN, name: '雨花区', level: 'district' },
        office,
      ),
    ).jurisdictionId;
  });
  const count = async () =>
    ok(await cloud.call<{ events: Row[] }>('office', { action: 'listEvents', jurisdictionId: fresh, year: 2023 }, office)).events.length;

  test('the preview (dryRun) parses the workbook and saves nothing; the confirm saves it', async () => {
    const fileID = await cloud.upload(`plans/${fresh}/2023.xlsx`, await yuhuaXlsx(), office);
    const preview = ok(
      await cloud.call<{ created: number; dryRun: boolean; warnings: Array<{ message: string }>; events: Row[] }>(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2023, fileID, dryRun: true },
        office,
      ),
    );
    expect(preview).toMatchObject({ created: 73, dryRun: true });
    expect(preview.events).toHaveLength(73);
    expect(preview.warnings.some((w) => w.message.includes('待定'))).toBe(true);
    expect(await count()).toBe(0);
    const done = ok(
      await cloud.call<{ created: number; dryRun: boolean }>(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2023, fileID },
        office,
      ),
    );
    expect(done).toMatchObject({ created: 73, dryRun: false });
    expect(await count()).toBe(73);
    // The same table pasted as text matches the rows the workbook created.
    expect(
      ok(await cloud.call('office', { action: 'importPlan', jurisdictionId: fresh, year: 2023, text: YUHUA_TABLE, dryRun: true }, office)),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 73 });
  });

  test('both text and fileID, or neither, is INVALID_ARGUMENT', async () => {
    const both = refused(
      await cloud.call(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2023, text: YUHUA_TABLE, fileID: `cloud://local/plans/${fresh}/2023.xlsx` },
        office,
      ),
      'INVALID_ARGUMENT',
    );
    expect(both.details.fields).toEqual(['text']);
    refused(await cloud.call('office', { action: 'importPlan', jurisdictionId: fresh, year: 2023 }, office), 'INVALID_ARGUMENT');
  });

  test("a file outside the jurisdiction's plan uploads is FORBIDDEN; a path with `..` is INVALID_ARGUMENT", async () => {
    const fileID = await cloud.upload(`plans/${y.jurisdictionId}/2023.xlsx`, await yuhuaXlsx(), y.office);
    const err = refused(
      await cloud.call('office', { action: 'importPlan', jurisdictionId: fresh, year: 2023, fileID, dryRun: true }, office),
      'FORBIDDEN',
    );
    expect(err.details.fields).toEqual(['fileID']);
    const dotted = refused(
      await cloud.call(
        'office',
        {
          action: 'importPlan',
          jurisdictionId: fresh,
          year: 2023,
          fileID: `cloud://local/plans/${fresh}/../${y.jurisdictionId}/2023.xlsx`,
          dryRun: true,
        },
        office,
      ),
      'INVALID_ARGUMENT',
    );
    expect(dotted.details.fields).toEqual(['fileID']);
  });

  test('a missing file is NOT_FOUND', async () => {
    refused(
      await cloud.call(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2023, fileID: `cloud://local/plans/${fresh}/gone.xlsx`, dryRun: true },
        office,
      ),
      'NOT_FOUND',
    );
  });

  test.each([
    ['UTF-8 with a BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
    // As Excel on Chinese Windows saves "CSV": GB18030 (GBK); 政务 is d5fe cef1.
    ['GB18030', (t: string) => gbk(t)],
  ])('a .csv in %s is read like a paste', async (_enc, encode) => {
    const csv =
      '序号,活动主题,活动形式,责任单位,时间\r\n1,"政务公开日,走进税务",现场观摩,区税务局,4月\r\n2,民生座谈会,座谈交流,区民政局,5月\r\n';
    const fileID = await cloud.upload(`plans/${fresh}/2024-${Date.now()}.csv`, encode(csv), office);
    const preview = ok(
      await cloud.call<{ created: number; events: Row[]; warnings: unknown[] }>(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2024, fileID, dryRun: true },
        office,
      ),
    );
    expect(preview.created).toBe(2);
    expect(preview.events.map((e) => e.theme)).toEqual(['政务公开日,走进税务', '民生座谈会']);
    expect(preview.warnings).toEqual([]);
  });

  test('an .xlsx with the plan on two sheets: both are read, each row names its sheet', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [sheet, theme] of [
      ['4月', '医保政策进社区'],
      ['5月', '税务开放日'],
    ]) {
      const ws = wb.addWorksheet(sheet);
      ws.addRow(['序号', '活动主题', '活动形式', '责任单位', '时间']);
      ws.addRow([1, theme, '现场观摩', '区税务局', sheet]);
    }
    const fileID = await cloud.upload(`plans/${fresh}/2024-${Date.now()}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()), office);
    const preview = ok(
      await cloud.call<{ events: Array<Row & { sheet?: string }> }>(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2024, fileID, dryRun: true },
        office,
      ),
    );
    expect(preview.events.map((e) => [e.sheet, e.theme])).toEqual([
      ['4月', '医保政策进社区'],
      ['5月', '税务开放日'],
    ]);
  });

  test('a Word .docx is read from its table, cells merged down included', async () => {
    const file = docx(
      para('2024年“政务公开主题日”活动计划安排表'),
      table([
        ['序号', '活动主题', '活动形式', '责任单位', '时间'],
        ['1', '政务公开日走进税务', '现场观摩', { text: '区税务局', merge: 'restart' }, '4月'],
        ['2', '办税缴费体验', '现场体验', { text: '', merge: 'continue' }, '5月'],
      ]),
    );
    const fileID = await cloud.upload(`plans/${fresh}/2024-${Date.now()}.docx`, Buffer.from(file), office);
    const preview = ok(
      await cloud.call<{ created: number; events: Row[]; warnings: unknown[] }>(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2024, fileID, dryRun: true },
        office,
      ),
    );
    expect(preview.events.map((e) => [e.theme, e.units])).toEqual([
      ['政务公开日走进税务', ['区税务局']],
      ['办税缴费体验', ['区税务局']],
    ]);
    expect(preview.warnings).toEqual([]);
  });

  test('a .docx without a table is INVALID_ARGUMENT and says what to do', async () => {
    const fileID = await cloud.upload(`plans/${fresh}/2024-${Date.now()}.docx`, Buffer.from(docx(para('各单位：请认真组织。'))), office);
    const err = refused(
      await cloud.call('office', { action: 'importPlan', jurisdictionId: fresh, year: 2024, fileID, dryRun: true }, office),
      'INVALID_ARGUMENT',
    );
    expect((err.details.warnings as Array<{ message: string }>)[0].message).toContain('没有表格');
  });

  test('a file that is not a workbook is INVALID_ARGUMENT with the reason', async () => {
    const fileID = await cloud.upload(`plans/${fresh}/notes.xlsx`, Buffer.from('这不是 Excel'), office);
    const err = refused(
      await cloud.call('office', { action: 'importPlan', jurisdictionId: fresh, year: 2023, fileID, dryRun: true }, office),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toEqual(['fileID']);
    expect((err.details.warnings as Array<{ message: string }>)[0].message).toContain('.xlsx');
  });

  test.each(forbiddenCallers)('%s is FORBIDDEN', async (_w, who) => {
    refused(
      await cloud.call(
        'office',
        { action: 'importPlan', jurisdictionId: fresh, year: 2023, fileID: `cloud://local/plans/${fresh}/2023.xlsx`, dryRun: true },
        who,
      ),
      'FORBIDDEN',
    );
  });
});

describe('inviteOffice, redeemInvite with role office, listStaff', () => {
  let code: string;
  test('an office invitation: code, expiry in 14 days, mini-program code', async () => {
    const inv = ok(
      await cloud.call<{ code: string; expiresAt: string; qrFileID: string | null; jurisdictionName: string }>(
        'office',
        { action: 'inviteOffice', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(inv.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(inv.expiresAt).toBe('2023-04-24T09:00:00+08:00');
    expect(inv.jurisdictionName).toBe('雨花区');
    expect(inv.qrFileID).toMatch(/^cloud:\/\//);
    code = inv.code;
  });

  test('redeeming it makes the caller office staff of that jurisdiction, and the desk opens to them', async () => {
    const joined = ok(await cloud.call('account', { action: 'redeemInvite', code: code.toLowerCase() }, 'office-yuhua-2'));
    expect(joined).toEqual({ role: 'office', jurisdictionId: y.jurisdictionId, jurisdictionName: '雨花区' });
    const me = ok(await cloud.call<{ roles: unknown[] }>('account', { action: 'me' }, 'office-yuhua-2'));
    expect(me.roles).toEqual([{ role: 'office', jurisdictionId: y.jurisdictionId, jurisdictionName: '雨花区' }]);
    expect(
      ok(
        await cloud.call<{ events: Row[] }>(
          'office',
          { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 },
          'office-yuhua-2',
        ),
      ).events,
    ).toHaveLength(73);
    // Redeeming again is harmless; someone else cannot reuse it.
    expect(ok(await cloud.call('account', { action: 'redeemInvite', code }, 'office-yuhua-2'))).toEqual(joined);
    refused(await cloud.call('account', { action: 'redeemInvite', code }, 'someone-else'), 'CONFLICT');
  });

  test('unit invitations still make unit staff', async () => {
    const { code: unitCode } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: y.eduUnitId }, y.office));
    const joined = ok(await cloud.call('account', { action: 'redeemInvite', code: unitCode }, 'staff-edu-2'));
    expect(joined).toMatchObject({ unitId: y.eduUnitId, jurisdictionId: y.jurisdictionId, unitName: '区教育局' });
    const me = ok(await cloud.call<{ roles: unknown[] }>('account', { action: 'me' }, 'staff-edu-2'));
    expect(me.roles).toEqual([expect.objectContaining({ role: 'unit', unitId: y.eduUnitId })]);
  });

  test('an expired office invitation is CONFLICT', async () => {
    const { code: old } = ok(
      await cloud.call<{ code: string }>('office', { action: 'inviteOffice', jurisdictionId: y.jurisdictionId }, y.office),
    );
    await cloud.setClock('2023-04-25T09:00:00+08:00', true);
    try {
      refused(await cloud.call('account', { action: 'redeemInvite', code: old }, 'late-comer'), 'CONFLICT');
    } finally {
      await cloud.setClock('2023-04-10T09:00:00+08:00', true);
    }
  });

  test('listStaff: the office staff, marking the caller', async () => {
    const staff = ok(
      await cloud.call<Array<{ openid: string; isMe: boolean; since: string }>>(
        'office',
        { action: 'listStaff', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(staff.map((s) => s.openid)).toEqual([y.office, 'office-yuhua-2']);
    expect(staff.map((s) => s.isMe)).toEqual([true, false]);
    expect(staff[0].since).toMatch(/\+08:00$/);
  });

  test.each(forbiddenCallers)('%s is FORBIDDEN from inviteOffice and listStaff', async (_w, who) => {
    refused(await cloud.call('office', { action: 'inviteOffice', jurisdictionId: y.jurisdictionId }, who), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'listStaff', jurisdictionId: y.jurisdictionId }, who), 'FORBIDDEN');
  });

  test('anonymous is UNAUTHENTICATED', async () => {
    refused(await cloud.call('office', { action: 'inviteOffice', jurisdictionId: y.jurisdictionId }), 'UNAUTHENTICATED');
    refused(await cloud.call('office', { action: 'listStaff', jurisdictionId: y.jurisdictionId }), 'UNAUTHENTICATED');
  });
});

describe('setLogo and getRules', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  test('stores the logo; getRules returns it with a URL that serves the image', async () => {
    const fileID = await cloud.upload(`logos/${y.jurisdictionId}/logo.png`, PNG, y.office);
    const set = ok(
      await cloud.call<{ logoFileID: string; logoUrl: string }>(
        'office',
        { action: 'setLogo', jurisdictionId: y.jurisdictionId, fileID },
        y.office,
      ),
    );
    expect(set.logoFileID).toBe(fileID);
    const rules = ok(
      await cloud.call<{ logoFileID: string; logoUrl: string }>(
        'office',
        { action: 'getRules', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(rules.logoFileID).toBe(fileID);
    const res = await fetch(rules.logoUrl);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  test('getRules without a logo has null for both', async () => {
    expect(ok(await cloud.call('office', { action: 'getRules', jurisdictionId: shaoyang }, OTHER_OFFICE))).toMatchObject({
      logoFileID: null,
      logoUrl: null,
    });
  });

  test("a file that is not this jurisdiction's logo upload is FORBIDDEN; a path with `..` is INVALID_ARGUMENT", async () => {
    const err = refused(
      await cloud.call(
        'office',
        { action: 'setLogo', jurisdictionId: y.jurisdictionId, fileID: `cloud://local/plans/${y.jurisdictionId}/2023.xlsx` },
        y.office,
      ),
      'FORBIDDEN',
    );
    expect(err.details.fields).toEqual(['fileID']);
    refused(
      await cloud.call(
        'office',
        { action: 'setLogo', jurisdictionId: y.jurisdictionId, fileID: `cloud://local/logos/${shaoyang}/logo.png` },
        y.office,
      ),
      'FORBIDDEN',
    );
    const dotted = refused(
      await cloud.call(
        'office',
        { action: 'setLogo', jurisdictionId: y.jurisdictionId, fileID: `cloud://local/logos/${y.jurisdictionId}/../${shaoyang}/logo.png` },
        y.office,
      ),
      'INVALID_ARGUMENT',
    );
    expect(dotted.details.fields).toEqual(['fileID']);
    // The logo set before is still the one in force.
    expect(
      ok(await cloud.call<{ logoFileID: string }>('office', { action: 'getRules', jurisdictionId: y.jurisdictionId }, y.office)).logoFileID,
    ).toBe(`cloud://local/logos/${y.jurisdictionId}/logo.png`);
  });

  test.each(forbiddenCallers)('%s is FORBIDDEN', async (_w, who) => {
    refused(
      await cloud.call(
        'office',
        { action: 'setLogo', jurisdictionId: y.jurisdictionId, fileID: `cloud://local/logos/${y.jurisdictionId}/logo.png` },
        who,
      ),
      'FORBIDDEN',
    );
  });
});
