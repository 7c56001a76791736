// Deadline compliance through the local cloud: a few 雨花区 events driven through
// filePlan / checkIn / submitReport at set times (on time, late, never filed),
// then the daily reminders at 09:00 of a working day (one digest per person,
// idempotent, consents respected), the message centre, the office dashboard and
// its Excel export. Every expected number below is worked out by hand from the
// 2023 calendar (4/23 Sun and 5/6 Sat were make-up working days; 4/29–5/3 off).
import ExcelJS from 'exceljs';
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { stampedPhoto } from '../helpers/photos';
import type { Dashboard } from '../../src/contract';

// Real JPEGs are made and decoded for every photo: slower than the 5 s default on a busy machine.
jest.setTimeout(30_000);

jest.setTimeout(120_000);

const DEADLINE_TPL = 'local-tpl-deadline';
const EVENT_TPL = 'local-tpl-event';
const VENUE = { name: '雨花区教育局三楼会议室', latitude: 28.1357, longitude: 113.0386 };

type Dash = Dashboard;
type Msg = { messageId: string; day: string; kind: string; title: string; body: string; page: string; pushed: boolean; status: string };

let cloud: TestCloud;
let y: Yuhua;
const resident = 'resident-remind';
const residentNoConsent = 'resident-silent';

const subscribe = (openid: string, templateIds: string[], accepted = templateIds) =>
  cloud.call('account', { action: 'subscribe', templateIds, accepted }, openid);

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00' });
  y = await seedYuhua(cloud);
  const edu1 = y.event(1).eventId;
  // Plans, all on time on Mon 4/10: edu #1 for Thu 4/20, edu #7 for Tue 5/16 (no public seats),
  // law #21 for Wed 5/17 with 10 seats. Law #6 (4月) is never filed.
  ok(await cloud.call('unit', { action: 'filePlan', eventId: edu1, date: '2023-04-20', startTime: '09:30', venue: VENUE }, y.eduStaff));
  ok(await cloud.call('unit', { action: 'filePlan', eventId: y.event(7).eventId, date: '2023-05-16', venue: VENUE }, y.eduStaff));
  ok(
    await cloud.call(
      'unit',
      {
        action: 'filePlan',
        eventId: y.event(21).eventId,
        date: '2023-05-17',
        startTime: '14:30',
        venue: { name: '跳马镇司法所' },
        publicSeats: 10,
      },
      y.lawStaff,
    ),
  );

  await cloud.setClock('2023-04-20T10:00:00+08:00');
  ok(
    await cloud.call(
      'unit',
      { action: 'checkIn', eventId: edu1, latitude: VENUE.latitude, longitude: VENUE.longitude, accuracy: 20 },
      y.eduStaff,
    ),
  );

  // Report on Fri 4/28 10:00: due end of Wed 4/26 → 2 working days late (4/27, 4/28);
  // the column materials were due end of Sun 4/23 (make-up day) → 5 late (4/24–4/28).
  // The photo is added on the day: checking its logo takes a moment, and the clock runs.
  const photo = stampedPhoto('edu1');
  const fileID = await cloud.upload(`events/${edu1}/photos/${photo.sha256}.jpg`, photo.bytes, y.eduStaff);
  const { photoId } = ok(
    await cloud.call<{ photoId: string }>(
      'unit',
      { action: 'addPhoto', eventId: edu1, fileID, sha256: photo.sha256, stamped: true },
      y.eduStaff,
    ),
  );
  await cloud.setClock('2023-04-28T10:00:00+08:00');
  const rep = ok(
    await cloud.call<{ late: boolean }>(
      'unit',
      {
        action: 'submitReport',
        eventId: edu1,
        title: '区教育局2023年“政务公开主题日”活动',
        paragraphs: [
          '4月20日，区教育局开展政务公开主题日活动。',
          '活动中解读了小升初招生政策，政务公开主题日吸引了家长参与。',
          '下一步将持续办好政务公开主题日。',
        ],
        photoIds: [photoId],
      },
      y.eduStaff,
    ),
  );
  expect(rep.late).toBe(true);
  // The column materials are their own delivery, sent with the report the same hour.
  ok(
    await cloud.call(
      'unit',
      { action: 'submitMaterials', eventId: edu1, photoIds: [photoId], text: '区教育局政务公开主题日活动现场照片及简要说明。' },
      y.eduStaff,
    ),
  );
  ok(
    await cloud.call(
      'resident',
      { action: 'signUp', eventId: y.event(21).eventId, name: '张三', phone: '13900000001', identity: '普通市民', consent: true },
      resident,
    ),
  );
  ok(
    await cloud.call(
      'resident',
      { action: 'signUp', eventId: y.event(21).eventId, name: '李四', phone: '13900000002', identity: '普通市民', consent: true },
      residentNoConsent,
    ),
  );

  // Consents as the app reports them after requestSubscribeMessage.
  ok(await subscribe(y.eduStaff, [DEADLINE_TPL]));
  ok(await subscribe(y.lawStaff, [DEADLINE_TPL]));
  ok(await subscribe(y.office, [DEADLINE_TPL]));
  ok(await subscribe(resident, [EVENT_TPL]));
  ok(await subscribe(residentNoConsent, [EVENT_TPL], [])); // tapped 取消
});
afterAll(() => cloud.stop());

describe('account.subscribe', () => {
  test('records consents; accepted ids must be among those asked; anonymous is UNAUTHENTICATED', async () => {
    const res = ok(
      await cloud.call<{ subscriptions: Array<{ templateId: string; oneTime: number }> }>(
        'account',
        { action: 'subscribe', templateIds: ['tpl-x'], accepted: ['tpl-x'] },
        'someone',
      ),
    );
    expect(res.subscriptions).toEqual([{ templateId: 'tpl-x', oneTime: 1, longTerm: false }]);
    const again = ok(
      await cloud.call<{ subscriptions: Array<{ oneTime: number }> }>(
        'account',
        { action: 'subscribe', templateIds: ['tpl-x'], accepted: ['tpl-x'] },
        'someone',
      ),
    );
    expect(again.subscriptions[0].oneTime).toBe(2); // each tap on 允许 allows one more message
    refused(await cloud.call('account', { action: 'subscribe', templateIds: ['a'], accepted: ['b'] }, 'someone'), 'INVALID_ARGUMENT');
    refused(await cloud.call('account', { action: 'subscribe', templateIds: ['a'], accepted: [] }), 'UNAUTHENTICATED');
  });
});

describe('reminders at 09:00 on Tue 2023-05-16', () => {
  let outboxBefore = 0;
  beforeAll(async () => {
    outboxBefore = (await cloud.outbox()).length;
    await cloud.setClock('2023-05-16T09:00:00+08:00');
  });

  test('one digest per person: unit staff, the office, the resident of tomorrow’s event', async () => {
    const run = await cloud.trigger<{ sent: number; skippedNoConsent: number; digests: number }>('reminders');
    const data = ok(run);
    const out = (await cloud.outbox()).slice(outboxBefore);
    expect(out.map((m) => m.touser).sort()).toEqual([y.eduStaff, y.lawStaff, y.office, resident].sort());
    expect(data).toMatchObject({ digests: 5, sent: 4, skippedNoConsent: 1 });

    const edu = out.find((m) => m.touser === y.eduStaff)!;
    // #1 is reported (late, but done); #7 is held today.
    expect(edu.templateId).toBe(DEADLINE_TPL);
    expect(edu.page).toBe(`unit/event/index?eventId=${y.event(7).eventId}`);
    expect(edu.data.thing1.value).toBe('今日活动1项，待报送专栏材料1项'); // #7's materials are due end of Thu 5/18

    const law = out.find((m) => m.touser === y.lawStaff)!;
    // #6 (4月) unfiled: the last on-time filing for 4/30 ended Mon 4/24; 14 working days late
    // (4/25–4/28, 5/4–5/6, 5/8–5/12, 5/15, 5/16). #21 is tomorrow: nothing to do for the unit yet.
    expect(law.page).toBe(`unit/event/index?eventId=${y.event(6).eventId}`);
    expect(law.data.thing1.value).toBe('逾期1项');
    expect(law.data.time3.value).toBe('2023-04-24 23:59');

    const office = out.find((m) => m.touser === y.office)!;
    // April's unfiled events: #2–#6, #8–#13 → 11 units (every one a different unit).
    expect(office.data.thing1.value).toBe('11个单位有逾期事项');
    expect(office.page).toBe(`office/dashboard/index?jurisdictionId=${y.jurisdictionId}`);

    const res = out.find((m) => m.touser === resident)!;
    expect(res.templateId).toBe(EVENT_TPL);
    expect(res.data).toMatchObject({
      thing1: { value: expect.any(String) },
      time2: { value: '2023-05-17 14:30' },
      thing3: { value: '跳马镇司法所' },
    });
    for (const m of out)
      for (const [k, v] of Object.entries(m.data)) if (k.startsWith('thing')) expect([...v.value].length).toBeLessThanOrEqual(20);
  });

  test('a second run the same day sends nothing new', async () => {
    const before = (await cloud.outbox()).length;
    const data = ok(await cloud.trigger<{ digests: number; alreadyDone: number }>('reminders'));
    expect(data.digests).toBe(0);
    expect(data.alreadyDone).toBe(5);
    expect((await cloud.outbox()).length).toBe(before);
  });

  test('the message centre lists what the system produced for the caller, newest first', async () => {
    const law = ok(await cloud.call<Msg[]>('account', { action: 'messages' }, y.lawStaff));
    expect(law).toHaveLength(1);
    expect(law[0]).toMatchObject({ day: '2023-05-16', kind: 'unit', pushed: true, page: `unit/event/index?eventId=${y.event(6).eventId}` });
    expect(law[0].body).toContain('已逾期14个工作日');
    // Without consent nothing was pushed, but the reminder is still in the app.
    const silent = ok(await cloud.call<Msg[]>('account', { action: 'messages' }, residentNoConsent));
    expect(silent).toEqual([expect.objectContaining({ kind: 'event', pushed: false, status: 'skipped_no_consent' })]);
    refused(await cloud.call('account', { action: 'messages' }), 'UNAUTHENTICATED');
  });

  test('a one-time consent is spent: the next day the edu digest is recorded, not sent', async () => {
    await cloud.setClock('2023-05-17T09:00:00+08:00');
    const before = (await cloud.outbox()).length;
    ok(await cloud.trigger('reminders'));
    const out = (await cloud.outbox()).slice(before);
    expect(out.map((m) => m.touser)).not.toContain(y.eduStaff);
    const edu = ok(await cloud.call<Msg[]>('account', { action: 'messages' }, y.eduStaff));
    // #7 held 5/16: materials due end of Thu 5/18, within 2 working days.
    expect(edu[0]).toMatchObject({ day: '2023-05-17', status: 'skipped_no_consent', title: '今日待办：待报送专栏材料1项' });
    expect(edu[1]).toMatchObject({ day: '2023-05-16', status: 'sent' });
    await cloud.setClock('2023-05-16T09:00:00+08:00');
  });
});

describe('office.dashboard (at 2023-05-16 09:00)', () => {
  let dash: Dash;
  beforeAll(async () => {
    await cloud.setClock('2023-05-16T09:00:00+08:00');
    const { envelope, roundTrips } = await cloud.callCounted<Dash>(
      'office',
      { action: 'dashboard', jurisdictionId: y.jurisdictionId, year: 2023 },
      y.office,
    );
    dash = ok(envelope);
    // staff, jurisdiction, events, ratings, and the units (those with no event are listed too).
    expect(roundTrips).toBeLessThanOrEqual(5);
  });

  test('per unit, the numbers the records give', () => {
    const unit = (name: string) => dash.units.find((u) => u.name === name)!;
    // #1: filed on time, held, reported late (report and materials); #7: filed on time, held later today.
    expect(unit('区教育局')).toMatchObject({
      events: 2,
      planFiled: 2,
      planOnTime: 2,
      held: 1,
      reported: 1,
      reportOnTime: 0,
      overdue: 2,
      overdueOpen: 0,
      avgRating: null,
    });
    // #6 never filed (open), #21 filed for tomorrow.
    expect(unit('区司法局')).toMatchObject({
      events: 2,
      planFiled: 1,
      planOnTime: 1,
      held: 0,
      reported: 0,
      reportOnTime: 0,
      overdue: 1,
      overdueOpen: 1,
    });
    // #2 (4月) late, #26 (5月) still fileable until Wed 5/24.
    expect(unit('区农业农村局')).toMatchObject({ events: 2, planFiled: 0, overdue: 1, overdueOpen: 1 });
    expect(unit('区征收办')).toMatchObject({ events: 1, planFiled: 0, overdue: 0 });
    expect(dash.units.reduce((n, u) => n + u.events, 0)).toBe(73);
  });

  test('by month: the filed date’s month, else the first planned month', () => {
    const month = (m: number) => dash.months.find((r) => r.month === m)!;
    // April: #1–#13 without #7 (moved to 5/16); overdue: #1's two + 11 unfiled.
    expect(month(4)).toMatchObject({
      events: 12,
      planFiled: 1,
      planOnTime: 1,
      held: 1,
      reported: 1,
      reportOnTime: 0,
      overdue: 13,
      overdueOpen: 11,
    });
    // May: #14–#27 plus #7.
    expect(month(5)).toMatchObject({ events: 15, planFiled: 2, planOnTime: 2, held: 0, reported: 0, overdue: 0 });
    expect(dash.months.reduce((n, r) => n + r.events, 0)).toBe(73);
  });

  test('late items with their deadlines and when they were done', () => {
    expect(dash.lateItems).toHaveLength(13);
    const of = (seq: number, kind: string) => dash.lateItems.find((i) => i.seq === seq && i.kind === kind);
    expect(of(1, 'report')).toMatchObject({
      unit: '区教育局',
      deadline: '2023-04-26T23:59:59+08:00',
      doneAt: '2023-04-28T10:00:00+08:00',
      workdaysLate: 2,
    });
    expect(of(1, 'materials')).toMatchObject({
      deadline: '2023-04-23T23:59:59+08:00',
      doneAt: '2023-04-28T10:00:00+08:00',
      workdaysLate: 5,
    });
    expect(of(6, 'plan')).toMatchObject({ unit: '区司法局', deadline: '2023-04-24T23:59:59+08:00', doneAt: null, workdaysLate: 14 });
    expect(of(1, 'plan')).toBeUndefined();
  });

  test('unit staff and other offices are FORBIDDEN', async () => {
    refused(await cloud.call('office', { action: 'dashboard', jurisdictionId: y.jurisdictionId, year: 2023 }, y.eduStaff), 'FORBIDDEN');
    refused(
      await cloud.call('office', { action: 'exportDashboard', jurisdictionId: y.jurisdictionId, year: 2023 }, y.lawStaff),
      'FORBIDDEN',
    );
    refused(await cloud.call('office', { action: 'dashboard', jurisdictionId: y.jurisdictionId }, y.office), 'INVALID_ARGUMENT');
  });

  test('the export downloads as .xlsx with the same numbers', async () => {
    const { url, fileID } = ok(
      await cloud.call<{ url: string; fileID: string }>(
        'office',
        { action: 'exportDashboard', jurisdictionId: y.jurisdictionId, year: 2023 },
        y.office,
      ),
    );
    expect(fileID).toMatch(/^cloud:\/\/.+\.xlsx$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按月', '逾期明细', '无活动单位', '考核指标']);
    const rowOf = (sheet: string, first: string) => {
      let found: unknown[] | undefined;
      wb.getWorksheet(sheet)!.eachRow((r) => {
        const v = r.values as unknown[];
        if (v[1] === first) found = v.slice(1);
      });
      return found;
    };
    // 责任单位, 活动数, 已报备, 按时报备, 已举办, 已报告, 按时报告, 应报专栏材料, 已报专栏材料, 按时报送材料, 新闻稿, 逾期, 未补交, 平均评分, 按时报告率
    expect(rowOf('汇总', '区教育局')).toEqual(['区教育局', 2, 2, 2, 1, 1, 0, 2, 1, 0, 0, 2, 0, '', '0%']);
    expect(rowOf('汇总', '区司法局')).toEqual(['区司法局', 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, '', '—']);
    expect(rowOf('按月', '4月')).toEqual(['4月', 12, 1, 1, 1, 1, 0, 1, 1, 0, 0, 13, 11, '']);
    const late = wb.getWorksheet('逾期明细')!;
    const lateRows: unknown[][] = [];
    late.eachRow((r, i) => {
      if (i > 1 && typeof (r.values as unknown[])[1] === 'number') lateRows.push((r.values as unknown[]).slice(1));
    });
    expect(lateRows).toHaveLength(13);
    expect(lateRows).toContainEqual([1, y.event(1).theme, '区教育局', '情况报告', '2023-04-26', '2023-04-28', 2]);
    expect(lateRows).toContainEqual([6, y.event(6).theme, '区司法局', '方案报备', '2023-04-24', '未完成', 14]);
  });
});
