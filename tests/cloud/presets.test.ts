// Each office's own rules (issue 16) through the local cloud: presets at
// bootstrap, the 新闻稿 and the 专栏材料 as their own deliveries, multi-day and
// online events, the office's contact, and units without an event.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, SHAOYANG_TABLE, type ImportedEvent, type Yuhua } from '../helpers/scenario';
import { plainPhoto, stampedPhoto } from '../helpers/photos';
import { computeDashboard } from '../../cloudfunctions/_shared/compliance';
import { presetRules } from '../../src/domain/rules';

// Real JPEGs are made and decoded for every photo: slower than the 5 s default on a busy machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
let shaoyang: { jurisdictionId: string; staff: string; event: ImportedEvent };
const KW = '政务公开主题日';
const VENUE = { name: '雨花区教育局三楼会议室', latitude: 28.1135, longitude: 113.0124 };
const NEWS = {
  title: `区教育局开展“${KW}”活动`,
  paragraphs: [`4月27日至28日，区教育局举办“${KW}”活动。`, `活动中，${KW}观摩团走进学校。`, `下一步，区教育局将持续办好“${KW}”活动。`],
};
const PARTS = {
  overview: '4月27日至28日，区教育局举办招生政策解读活动，邀请人大代表、家长代表参加。',
  practices: '提前公布议程，现场答疑。',
  results: '解答群众咨询30余条。',
};

/** Uploads a real photo stamped with the default logo (or, with stamped false, the same kind without) and adds it. */
async function photo(eventId: string, who: string, stamped = true) {
  const { bytes, sha256 } = stamped ? stampedPhoto(crypto.randomUUID()) : plainPhoto(crypto.randomUUID());
  const fileID = await cloud.upload(`events/${eventId}/photos/${sha256}.jpg`, bytes, who);
  const res = ok(
    await cloud.call<{ photoId: string; hasLogo: boolean }>('unit', { action: 'addPhoto', eventId, fileID, sha256, stamped }, who),
  );
  // The logo is read from the bytes: news-strict needs one photo that really carries it.
  expect(res.hasLogo).toBe(stamped);
  return res.photoId;
}

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  const office = 'office-shaoyang';
  const { jurisdictionId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' },
      office,
    ),
  );
  const { events } = ok(
    await cloud.call<{ events: ImportedEvent[] }>(
      'office',
      { action: 'importPlan', jurisdictionId, year: 2023, text: SHAOYANG_TABLE },
      office,
    ),
  );
  const units = ok(await cloud.call<Array<{ unitId: string; name: string }>>('office', { action: 'listUnits', jurisdictionId }, office));
  const event = events[0];
  const { code } = ok(
    await cloud.call<{ code: string }>(
      'office',
      { action: 'invite', unitId: units.find((u) => u.name === event.units[0])!.unitId },
      office,
    ),
  );
  ok(await cloud.call('account', { action: 'redeemInvite', code }, 'staff-shaoyang'));
  shaoyang = { jurisdictionId, staff: 'staff-shaoyang', event };
}, 90_000);
afterAll(() => cloud.stop());

describe('rule presets', () => {
  test('bootstrap without a preset starts from standard; 雨花区 from news-strict; the rules screen sees which', async () => {
    const std = ok(
      await cloud.call<{ preset: string; rules: Record<string, unknown>; changedFromPreset: string[] }>(
        'office',
        { action: 'getRules', jurisdictionId: shaoyang.jurisdictionId },
        'office-shaoyang',
      ),
    );
    expect(std).toMatchObject({
      preset: 'standard',
      changedFromPreset: [],
      rules: { materialsWithinWorkdays: null, reportKeywordPlaces: [], minLogoPhotos: 0 },
    });
    const strict = ok(
      await cloud.call<{ preset: string; rules: Record<string, unknown> }>(
        'office',
        { action: 'getRules', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(strict).toMatchObject({
      preset: 'news-strict',
      rules: { materialsWithinWorkdays: 2, reportKeywordPlaces: ['title', 'first', 'body', 'last'], minLogoPhotos: 1 },
    });
  });

  test('an unknown preset is refused', async () => {
    const err = refused(
      await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '某县', level: 'county', preset: 'lenient' }, 'office-x'),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toContain('preset');
  });

  test('what the office changed is listed against its preset, and the contract fields still set', async () => {
    ok(
      await cloud.call(
        'office',
        { action: 'setRules', jurisdictionId: shaoyang.jurisdictionId, rules: { planLeadWorkdays: 4 } },
        'office-shaoyang',
      ),
    );
    const r = ok(
      await cloud.call<{ changedFromPreset: string[] }>(
        'office',
        { action: 'getRules', jurisdictionId: shaoyang.jurisdictionId },
        'office-shaoyang',
      ),
    );
    expect(r.changedFromPreset).toEqual(['planLeadWorkdays']);
    ok(
      await cloud.call(
        'office',
        { action: 'setRules', jurisdictionId: shaoyang.jurisdictionId, rules: { planLeadWorkdays: 5 } },
        'office-shaoyang',
      ),
    );
  });
});

describe('standard preset', () => {
  test('accepts a report whose keyword is only in its title (and on the banner), with no logo photo', async () => {
    const { eventId } = shaoyang.event;
    const plan = ok(
      await cloud.call<{ materialsDeadline: string | null; banner: string }>(
        'unit',
        { action: 'filePlan', eventId, date: '2023-04-27', venue: { name: '邵阳市民之家' } },
        shaoyang.staff,
      ),
    );
    expect(plan.materialsDeadline).toBeNull();
    expect(plan.banner).toContain(KW);
    await cloud.setClock('2023-04-27T10:00:00+08:00', true);
    ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: 27.24, longitude: 111.47 }, shaoyang.staff));
    const res = ok(
      await cloud.call<{ version: number; keywordSource: string }>(
        'unit',
        {
          action: 'submitReport',
          eventId,
          title: `开展${KW}活动情况报告`,
          paragraphs: ['活动当天邀请群众代表参加。', '活动圆满完成。'],
          photoIds: [],
        },
        shaoyang.staff,
      ),
    );
    expect(res.version).toBe(1);
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
  });
});

describe('news-strict preset (雨花区)', () => {
  let eventId: string;
  let photoId: string;

  test('a two-day event 4/27–4/28: materials due end of Fri 5/5, report end of 5/9', async () => {
    eventId = y.event(1).eventId;
    const plan = ok(
      await cloud.call<{ materialsDeadline: string; reportDeadline: string; endDate: string }>(
        'unit',
        { action: 'filePlan', eventId, date: '2023-04-27', endDate: '2023-04-28', venue: VENUE },
        y.eduStaff,
      ),
    );
    expect(plan).toMatchObject({
      endDate: '2023-04-28',
      materialsDeadline: '2023-05-05T23:59:59+08:00',
      reportDeadline: '2023-05-09T23:59:59+08:00',
    });
  });

  test('an end date before the date is refused', async () => {
    const err = refused(
      await cloud.call(
        'unit',
        { action: 'filePlan', eventId: y.event(7).eventId, date: '2023-05-10', endDate: '2023-05-09', venue: VENUE },
        y.eduStaff,
      ),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toEqual(['endDate']);
  });

  test('the multi-day event is checked in on its second day', async () => {
    await cloud.setClock('2023-04-28T09:00:00+08:00', true);
    const c = ok(
      await cloud.call<{ distanceMeters: number | null }>(
        'unit',
        { action: 'checkIn', eventId, latitude: VENUE.latitude, longitude: VENUE.longitude, accuracy: 10 },
        y.eduStaff,
      ),
    );
    expect(c.distanceMeters).toBe(0);
    photoId = await photo(eventId, y.eduStaff, true);
  });

  test('a check-in at a venue still needs a position', async () => {
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
    const e6 = y.event(6).eventId;
    ok(await cloud.call('unit', { action: 'filePlan', eventId: e6, date: '2023-04-27', venue: VENUE }, y.lawStaff));
    await cloud.setClock('2023-04-27T09:00:00+08:00', true);
    refused(
      await cloud.call('unit', { action: 'checkIn', eventId: e6, evidenceLink: 'https://example.com/live' }, y.lawStaff),
      'INVALID_ARGUMENT',
    );
    await cloud.setClock('2023-04-28T09:00:00+08:00', true);
    refused(
      await cloud.call('unit', { action: 'checkIn', eventId: e6, latitude: VENUE.latitude, longitude: VENUE.longitude }, y.lawStaff),
      'NOT_EVENT_DAY',
    );
  });

  test.each([
    ['title', '标题', { ...NEWS, title: '区教育局开展招生政策解读活动' }],
    ['first', '首段', { ...NEWS, paragraphs: ['4月27日，区教育局举办活动。', ...NEWS.paragraphs.slice(1)] }],
    ['body', '正文', { ...NEWS, paragraphs: [NEWS.paragraphs[0], '活动中，观摩团走进学校。', NEWS.paragraphs[2]] }],
    ['last', '结尾', { ...NEWS, paragraphs: [...NEWS.paragraphs.slice(0, 2), '下一步将持续办好活动。'] }],
  ])('a news release without the keyword in its %s is refused', async (place, label, newsRelease) => {
    await cloud.setClock('2023-05-04T10:00:00+08:00', true);
    const err = refused(
      await cloud.call(
        'unit',
        { action: 'submitReport', eventId, title: '区教育局活动情况报告', paragraphs: [], parts: PARTS, photoIds: [photoId], newsRelease },
        y.eduStaff,
      ),
      'KEYWORD_MISSING',
    );
    expect(err.details).toMatchObject({ places: [place], text: 'newsRelease' });
    expect(err.message).toContain(`新闻稿的${label}`);
  });

  test('without a separate news release the report is read as one (as the contract always did)', async () => {
    const err = refused(
      await cloud.call(
        'unit',
        { action: 'submitReport', eventId, title: '区教育局活动情况报告', paragraphs: ['活动概况。'], photoIds: [photoId] },
        y.eduStaff,
      ),
      'KEYWORD_MISSING',
    );
    expect(err.details).toMatchObject({ places: ['title', 'first', 'body', 'last'], text: 'report' });
  });

  test('materials are their own delivery: on time on 5/5, a correction is a new version', async () => {
    await cloud.setClock('2023-05-05T20:00:00+08:00', true);
    const m1 = ok(
      await cloud.call<{ version: number; late: boolean; deadline: string }>(
        'unit',
        { action: 'submitMaterials', eventId, photoIds: [photoId], text: '区教育局政务公开主题日活动现场，家长代表参加政策解读。' },
        y.eduStaff,
      ),
    );
    expect(m1).toMatchObject({ version: 1, late: false, deadline: '2023-05-05T23:59:59+08:00' });
    await cloud.setClock('2023-05-06T09:00:00+08:00', true);
    const m2 = ok(
      await cloud.call<{ version: number; late: boolean }>(
        'unit',
        { action: 'submitMaterials', eventId, photoIds: [photoId], text: '更正：区教育局政务公开主题日活动现场照片与说明。' },
        y.eduStaff,
      ),
    );
    expect(m2).toMatchObject({ version: 2, late: true });
    const d = ok(
      await cloud.call<{ materials: { version: number; late: boolean } }>('unit', { action: 'eventDetail', eventId }, y.eduStaff),
    );
    // The delivery keeps the standing of its first submission.
    expect(d.materials).toMatchObject({ version: 2, late: false });
  });

  test('materials are refused with photos of another event, or too short a text', async () => {
    const other = await photo(y.event(6).eventId, y.lawStaff, true);
    refused(
      await cloud.call(
        'unit',
        { action: 'submitMaterials', eventId, photoIds: [other], text: '区教育局政务公开主题日活动现场照片。' },
        y.eduStaff,
      ),
      'INVALID_ARGUMENT',
    );
    refused(
      await cloud.call('unit', { action: 'submitMaterials', eventId, photoIds: [photoId], text: '照片' }, y.eduStaff),
      'INVALID_ARGUMENT',
    );
  });

  test('the report with its named parts, participants and a good news release is accepted; the office sees three items', async () => {
    const res = ok(
      await cloud.call<{ keywordSource: string }>(
        'unit',
        {
          action: 'submitReport',
          eventId,
          title: '区教育局活动情况报告',
          paragraphs: [],
          parts: PARTS,
          participants: 42,
          photoIds: [photoId],
          newsRelease: NEWS,
        },
        y.eduStaff,
      ),
    );
    expect(res.keywordSource).toBe('newsRelease');
    const r = ok(
      await cloud.call<{
        report: { paragraphs: string[]; parts: Record<string, string>; participants: number };
        newsRelease: { separate: boolean; title: string };
        materials: { version: number; text: string; photos: unknown[]; versions: unknown[] };
      }>('office', { action: 'reportDetail', eventId }, y.office),
    );
    expect(r.report).toMatchObject({ parts: PARTS, participants: 42, paragraphs: [PARTS.overview, PARTS.practices, PARTS.results] });
    expect(r.newsRelease).toMatchObject({ separate: true, title: NEWS.title });
    expect(r.materials).toMatchObject({ version: 2 });
    expect(r.materials.photos).toHaveLength(1);
    expect(r.materials.versions).toHaveLength(2);
  });

  test('the dashboard and its Excel export count reports, materials and news releases apart', async () => {
    const d = ok(
      await cloud.call<{
        units: Array<{
          name: string;
          reported: number;
          materialsDue: number;
          materials: number;
          materialsOnTime: number;
          newsReleases: number;
        }>;
        lateItems: Array<{ kind: string; eventId: string }>;
      }>('office', { action: 'dashboard', jurisdictionId: y.jurisdictionId, year: 2023 }, y.office),
    );
    const edu = d.units.find((u) => u.name === '区教育局')!;
    expect(edu).toMatchObject({ reported: 1, materialsDue: 1, materials: 1, materialsOnTime: 1, newsReleases: 1 });
    // 区司法局's 4/27 event: materials due 5/4, none sent: a late item of its own.
    expect(d.lateItems.filter((i) => i.eventId === y.event(6).eventId).map((i) => i.kind)).toEqual(expect.arrayContaining(['materials']));
    const { url } = ok(
      await cloud.call<{ url: string }>('office', { action: 'exportDashboard', jurisdictionId: y.jurisdictionId, year: 2023 }, y.office),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(url)).arrayBuffer()) as never);
    const sheet = wb.getWorksheet('汇总')!;
    const header = (sheet.getRow(1).values as unknown[]).filter(Boolean);
    expect(header).toEqual(expect.arrayContaining(['已报告', '应报专栏材料', '已报专栏材料', '按时报送材料', '新闻稿']));
    // The workbook's row for 区教育局 carries the same separate counts as the dashboard.
    const headerRow = sheet.getRow(1).values as unknown[];
    let eduRow: unknown[] | undefined;
    sheet.eachRow((row) => {
      if ((row.values as unknown[])[1] === '区教育局') eduRow = row.values as unknown[];
    });
    const cell = (h: string) => eduRow![headerRow.indexOf(h)];
    expect([cell('已报告'), cell('应报专栏材料'), cell('已报专栏材料'), cell('按时报送材料'), cell('新闻稿')]).toEqual([1, 1, 1, 1, 1]);
    expect(wb.getWorksheet('无活动单位')).toBeDefined();
    // The late list names the missing materials as their own item, apart from the report.
    const late: unknown[][] = [];
    wb.getWorksheet('逾期明细')!.eachRow((row) => late.push(row.values as unknown[]));
    expect(late.some((row) => row.includes('区司法局') && row.includes('专栏材料'))).toBe(true);
  });
});

describe('online events', () => {
  test('filed with a platform or link; checked in with a link instead of a position; no seat cap unless set', async () => {
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
    const eventId = y.event(21).eventId;
    refused(
      await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-05-10', venue: { name: '在线访谈', online: true } }, y.lawStaff),
      'INVALID_ARGUMENT',
    );
    ok(
      await cloud.call(
        'unit',
        {
          action: 'filePlan',
          eventId,
          date: '2023-05-10',
          venue: { name: '在线访谈', online: true, platform: '红网问政', link: 'https://wz.rednet.cn/live' },
        },
        y.lawStaff,
      ),
    );
    const open = ok(await cloud.call<Array<{ eventId: string; seats: number }>>('resident', { action: 'openEvents' }, 'resident-online'));
    expect(open.some((e) => e.eventId === eventId)).toBe(true);
    await cloud.setClock('2023-05-10T10:00:00+08:00', true);
    refused(await cloud.call('unit', { action: 'checkIn', eventId }, y.lawStaff), 'INVALID_ARGUMENT');
    const c = ok(
      await cloud.call<{ distanceMeters: number | null; flags: string[] }>(
        'unit',
        { action: 'checkIn', eventId, evidenceLink: 'https://wz.rednet.cn/live/123' },
        y.lawStaff,
      ),
    );
    expect(c).toMatchObject({ distanceMeters: null, flags: ['online'] });
    const r = ok(
      await cloud.call<{ checkin: { evidenceLink: string; evidenceUrl: string | null } }>(
        'office',
        { action: 'reportDetail', eventId },
        y.office,
      ),
    );
    expect(r.checkin).toMatchObject({ evidenceLink: 'https://wz.rednet.cn/live/123', evidenceUrl: null });
  });
});

describe('a two-day online event', () => {
  // 区教育局's event 7 as an online interview on 5/10–5/11 (Wed–Thu).
  let eventId: string;
  const ONLINE = { name: '在线访谈', online: true, platform: '雨花区政府网在线访谈', link: 'https://www.yuhua.gov.cn/ft/2023' };
  /** Uploads a real screenshot-sized JPEG into `folder` of an event and returns its file id. */
  const screenshot = (event: string, folder: string, who: string) =>
    cloud.upload(
      `events/${event}/${folder}/${crypto.randomUUID()}.jpg`,
      plainPhoto(crypto.randomUUID(), { width: 390, height: 844 }).bytes,
      who,
    );

  test('its report and materials deadlines count from the end date, as filePlan and eventDetail say', async () => {
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
    eventId = y.event(7).eventId;
    const plan = ok(
      await cloud.call<{ endDate: string; reportDeadline: string; materialsDeadline: string }>(
        'unit',
        { action: 'filePlan', eventId, date: '2023-05-10', endDate: '2023-05-11', venue: ONLINE },
        y.eduStaff,
      ),
    );
    // Materials: Fri 5/12 and Mon 5/15; report: 5/12, 5/15–5/18.
    expect(plan).toMatchObject({
      endDate: '2023-05-11',
      materialsDeadline: '2023-05-15T23:59:59+08:00',
      reportDeadline: '2023-05-18T23:59:59+08:00',
    });
    const d = ok(
      await cloud.call<{ plan: { endDate: string; venue: { online: boolean; platform: string } }; deadlines: { materials: string } }>(
        'unit',
        { action: 'eventDetail', eventId },
        y.eduStaff,
      ),
    );
    expect(d.plan).toMatchObject({ endDate: '2023-05-11', venue: { online: true, platform: ONLINE.platform } });
    expect(d.deadlines.materials).toBe('2023-05-15T23:59:59+08:00');
  });

  test('not before its first day', async () => {
    await cloud.setClock('2023-05-09T09:00:00+08:00', true);
    const err = refused(
      await cloud.call('unit', { action: 'checkIn', eventId, evidenceLink: 'https://www.yuhua.gov.cn/ft/2023' }, y.eduStaff),
      'NOT_EVENT_DAY',
    );
    expect(err.message).toContain('2023-05-10至2023-05-11');
  });

  test('a screenshot from another event, a path that climbs out, or a file that is not an image is refused', async () => {
    await cloud.setClock('2023-05-11T15:00:00+08:00', true);
    const foreign = await screenshot(y.event(1).eventId, 'checkin', y.eduStaff);
    const forbidden = refused(await cloud.call('unit', { action: 'checkIn', eventId, evidenceFileID: foreign }, y.eduStaff), 'FORBIDDEN');
    expect(forbidden.details.fields).toEqual(['evidenceFileID']);
    refused(
      await cloud.call(
        'unit',
        { action: 'checkIn', eventId, evidenceFileID: `cloud://local/events/${eventId}/../${y.event(1).eventId}/checkin/a.jpg` },
        y.eduStaff,
      ),
      'INVALID_ARGUMENT',
    );
    await expect(cloud.upload(`events/${eventId}/checkin/shot.jpg`, Buffer.from('<html>not a picture</html>'), y.eduStaff)).rejects.toThrow(
      /JPEG 或 PNG/,
    );
    // Nothing of the refusals stuck: the event still waits for its check-in.
    const d = ok(await cloud.call<{ checkin: unknown }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
    expect(d.checkin).toBeNull();
  });

  test('on its second day it is checked in with a screenshot and no position; the office sees the screenshot', async () => {
    const shot = await screenshot(eventId, 'checkin', y.eduStaff);
    const c = ok(
      await cloud.call<{ distanceMeters: number | null; flags: string[]; first: boolean }>(
        'unit',
        { action: 'checkIn', eventId, evidenceFileID: shot },
        y.eduStaff,
      ),
    );
    expect(c).toMatchObject({ distanceMeters: null, flags: ['online'], first: true });
    const r = ok(
      await cloud.call<{
        plan: { endDate: string };
        checkin: { flags: string[]; evidenceUrl: string | null; evidenceLink: string | null };
      }>('office', { action: 'reportDetail', eventId }, y.office),
    );
    expect(r.plan.endDate).toBe('2023-05-11');
    expect(r.checkin).toMatchObject({ flags: ['online'], evidenceLink: null });
    const res = await fetch(r.checkin.evidenceUrl!);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const office = ok(
      await cloud.call<{ plans: Array<{ endDate?: string; venue: { online?: boolean } }> }>(
        'office',
        { action: 'eventDetail', eventId },
        y.office,
      ),
    );
    expect(office.plans[0]).toMatchObject({ endDate: '2023-05-11', venue: { online: true } });
  });
});

describe('contact and coverage', () => {
  test("the office's contact reaches its units on their home and in the event detail, with the calendar the server uses", async () => {
    const contact = { name: '李明', phone: '0731-85888888', email: 'gkb@yuhua.example.gov.cn' };
    ok(
      await cloud.call(
        'office',
        {
          action: 'setRules',
          jurisdictionId: y.jurisdictionId,
          rules: { contact, calendar: { days: [{ date: '2023-06-26', kind: 'off', name: '区内调休' }] } },
        },
        y.office,
      ),
    );
    const list = ok(
      await cloud.call<Array<{ jurisdictionId: string; name: string; phone: string }>>('unit', { action: 'contacts' }, y.eduStaff),
    );
    expect(list).toEqual([expect.objectContaining({ jurisdictionId: y.jurisdictionId, ...contact })]);
    const d = ok(
      await cloud.call<{ contact: { name: string }; rules: { calendar: { days: unknown[] } } }>(
        'unit',
        { action: 'eventDetail', eventId: y.event(7).eventId },
        y.eduStaff,
      ),
    );
    expect(d.contact).toMatchObject(contact);
    expect(d.rules.calendar.days).toHaveLength(1);
  });

  test('units with no event in the year are listed', () => {
    const d = computeDashboard(
      2023,
      [],
      presetRules('standard'),
      new Date('2023-05-01T00:00:00+08:00'),
      [],
      [{ _id: 'u1', name: '区统计局' }],
    );
    expect(d.unitsWithoutEvents).toEqual([{ unitId: 'u1', name: '区统计局' }]);
  });
});
