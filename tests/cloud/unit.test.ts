// Unit staff on site: filing plans, checking in, photos, drafts and reports,
// through the local cloud with the server clock set to real 2023 dates.
import crypto from 'node:crypto';
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { plainPhoto, stampedPhoto } from '../helpers/photos';

// Real JPEGs are made and decoded for every photo: slower than the 5 s default on a busy machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
const VENUE = { name: '雨花区司法局一楼大厅', address: '长沙市雨花区韶山中路', latitude: 28.1357, longitude: 113.0353 };
/** About 1 km north of VENUE. */
const FAR = { latitude: 28.1447, longitude: 113.0353 };
const KW = '政务公开主题日';
const goodReport = (eventId: string, photoIds: string[]) => ({
  action: 'submitReport',
  eventId,
  title: `区司法局开展2023年“${KW}”活动`,
  paragraphs: [
    `5月4日，区司法局举办“${KW}”法治宣传进乡村活动。`,
    `活动中，${KW}观摩团走进跳马镇。`,
    `下一步，区司法局将持续办好“${KW}”活动。`,
  ],
  photoIds,
});

type PlanResult = { version: number; planDeadline: string; reportDeadline: string; materialsDeadline: string | null; warnings: string[] };
type CheckinResult = { checkinId: string; at: string; distanceMeters: number | null; flags: string[] };
type Row = {
  eventId: string;
  seq: number;
  status: string;
  next: { step: string; label: string; due?: string; overdue: boolean; earliestDate?: string };
  deadlines: Record<string, string>;
};

/** Uploads a photo stamped with the default logo (or, with stamped false, the same kind without) and adds it. */
async function photo(eventId: string, who: string, stamped: boolean, seed: string = crypto.randomUUID()) {
  const { bytes, sha256 } = stamped ? stampedPhoto(seed) : plainPhoto(seed);
  const fileID = await cloud.upload(`events/${eventId}/photos/${sha256}.jpg`, bytes, who);
  return {
    fileID,
    sha256,
    res: ok(
      await cloud.call<{ photoId: string; hasLogo: boolean }>(
        'unit',
        { action: 'addPhoto', eventId, fileID, sha256, stamped, latitude: VENUE.latitude, longitude: VENUE.longitude },
        who,
      ),
    ),
  };
}

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
}, 60_000);
afterAll(() => cloud.stop());

describe('myEvents', () => {
  test("lists only the caller's units' events with the next step, in ≤ 3 round trips", async () => {
    const { envelope, roundTrips } = await cloud.callCounted<Row[]>('unit', { action: 'myEvents' }, y.eduStaff);
    const rows = ok(envelope);
    expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 7]);
    for (const r of rows) {
      expect(r).toMatchObject({
        status: 'planned',
        deadlines: {},
        next: { step: 'file_plan', label: '报备活动方案', overdue: false, earliestDate: '2023-04-26' },
      });
      // Planned for April: the last on-time filing for 4/30 is due by the end of 4/24.
      expect(r.next.due).toBe('2023-04-24T23:59:59+08:00');
    }
    expect(roundTrips).toBeLessThanOrEqual(3);
  });

  test('overdue work comes first: an April event not filed by 4/24 is overdue on 4/25', async () => {
    await cloud.setClock('2023-04-25T10:00:00+08:00', true);
    const rows = ok(await cloud.call<Array<Row & { late?: { plan?: boolean } }>>('unit', { action: 'myEvents' }, y.lawStaff));
    expect(rows.map((r) => r.seq)).toEqual([6, 21]);
    expect(rows[0]).toMatchObject({ next: { step: 'file_plan', overdue: true, due: '2023-04-24T23:59:59+08:00' }, late: { plan: true } });
    // May: the last on-time filing for 5/31 is due by the end of 5/24.
    expect(rows[1]).toMatchObject({ next: { step: 'file_plan', overdue: false, due: '2023-05-24T23:59:59+08:00' } });
    expect(rows[1].next.earliestDate).toBe('2023-05-05');
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
  });

  test.each([
    ['a resident', 'resident-1'],
    ['the office', 'office-yuhua'],
  ])('%s (no unit role) is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('unit', { action: 'myEvents' }, who), 'FORBIDDEN');
  });
  test('anonymous is UNAUTHENTICATED', async () => {
    refused(await cloud.call('unit', { action: 'myEvents' }), 'UNAUTHENTICATED');
  });
});

describe('filePlan', () => {
  test('before a plan is filed, check-in and photos are CONFLICT', async () => {
    refused(
      await cloud.call('unit', { action: 'checkIn', eventId: y.event(1).eventId, latitude: 28.1357, longitude: 113.0353 }, y.eduStaff),
      'CONFLICT',
    );
    const { bytes, sha256 } = stampedPhoto('early');
    const fileID = await cloud.upload(`events/${y.event(1).eventId}/photos/${sha256}.jpg`, bytes, y.eduStaff);
    refused(
      await cloud.call('unit', { action: 'addPhoto', eventId: y.event(1).eventId, fileID, sha256, stamped: true }, y.eduStaff),
      'CONFLICT',
    );
  });

  test('a date whose plan deadline has passed is DEADLINE_PASSED with the earliest date still fileable', async () => {
    const err = refused(
      await cloud.call('unit', { action: 'filePlan', eventId: y.event(1).eventId, date: '2023-04-25', venue: VENUE }, y.eduStaff),
      'DEADLINE_PASSED',
    );
    expect(err.details.earliestDate).toBe('2023-04-26');
  });

  test('filing 2023-05-04 gives the deadlines of the 2023 calendar (materials: 5/6 is a make-up working day)', async () => {
    const { envelope, roundTrips } = await cloud.callCounted<PlanResult>(
      'unit',
      {
        action: 'filePlan',
        eventId: y.event(21).eventId,
        date: '2023-05-04',
        startTime: '09:30',
        venue: VENUE,
        invitees: ['人大代表', '普通市民'],
        publicSeats: 30,
      },
      y.lawStaff,
    );
    const res = ok(envelope);
    expect(res).toMatchObject({
      version: 1,
      planDeadline: '2023-04-24T23:59:59+08:00',
      reportDeadline: '2023-05-10T23:59:59+08:00',
      materialsDeadline: '2023-05-06T23:59:59+08:00',
      warnings: [],
    });
    console.log(`filePlan round trips: ${roundTrips}`);
    expect(roundTrips).toBeLessThanOrEqual(8);
    const rows = ok(await cloud.call<Row[]>('unit', { action: 'myEvents' }, y.lawStaff));
    expect(rows.find((r) => r.seq === 21)).toMatchObject({
      status: 'plan_filed',
      deadlines: { plan: '2023-04-24T23:59:59+08:00', report: '2023-05-10T23:59:59+08:00', materials: '2023-05-06T23:59:59+08:00' },
      next: { step: 'check_in', overdue: false },
    });
  });

  test('filing again keeps the first version and creates version 2', async () => {
    const res = ok(
      await cloud.call<PlanResult>(
        'unit',
        { action: 'filePlan', eventId: y.event(21).eventId, date: '2023-05-04', startTime: '14:30', venue: VENUE, publicSeats: 30 },
        y.lawStaff,
      ),
    );
    expect(res.version).toBe(2);
    const detail = ok(
      await cloud.call<{ plan: { version: number; startTime: string }; planVersions: number }>(
        'unit',
        { action: 'eventDetail', eventId: y.event(21).eventId },
        y.lawStaff,
      ),
    );
    expect(detail.plan).toMatchObject({ version: 2, startTime: '14:30' });
    expect(detail.planVersions).toBe(2);
  });

  test('a date outside the planned months is filed with a warning', async () => {
    // Event 6 is planned for April; no venue coordinates.
    const res = ok(
      await cloud.call<PlanResult>(
        'unit',
        { action: 'filePlan', eventId: y.event(6).eventId, date: '2023-05-04', venue: { name: '跳马镇文化广场' } },
        y.lawStaff,
      ),
    );
    expect(res.version).toBe(1);
    expect(res.warnings.join('')).toMatch(/不在计划安排表的时间/);
    ok(await cloud.call('unit', { action: 'filePlan', eventId: y.event(1).eventId, date: '2023-05-04', venue: VENUE }, y.eduStaff));
    ok(await cloud.call('unit', { action: 'filePlan', eventId: y.event(7).eventId, date: '2023-04-27', venue: VENUE }, y.eduStaff));
  });

  test('a year without calendar data is CALENDAR_UNAVAILABLE', async () => {
    const err = refused(
      await cloud.call('unit', { action: 'filePlan', eventId: y.event(7).eventId, date: '2027-05-06', venue: VENUE }, y.eduStaff),
      'CALENDAR_UNAVAILABLE',
    );
    expect(err.details.year).toBe(2027);
  });

  test.each([
    ['a bad date', { date: '2023-02-30' }, 'date'],
    ['an invitee outside the list', { invitees: ['网红'] }, 'invitees.0'],
    ['too many public seats', { publicSeats: 3000 }, 'publicSeats'],
    ['a venue without a name', { venue: { latitude: 28 } }, 'venue.name'],
    ['an attachment that is not a cloud file', { attachmentFileID: 'http://x/y.pdf' }, 'attachmentFileID'],
  ])('%s is INVALID_ARGUMENT naming the field', async (_w, patch, field) => {
    const err = refused(
      await cloud.call('unit', { action: 'filePlan', eventId: y.event(7).eventId, date: '2023-05-08', venue: VENUE, ...patch }, y.eduStaff),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toContain(field);
  });

  test.each([
    ["another unit's staff", 'staff-edu'],
    ['a resident', 'resident-1'],
    ['the office', 'office-yuhua'],
  ])('%s is FORBIDDEN', async (_w, who) => {
    refused(
      await cloud.call('unit', { action: 'filePlan', eventId: y.event(21).eventId, date: '2023-05-08', venue: VENUE }, who),
      'FORBIDDEN',
    );
  });

  test('an unknown event is NOT_FOUND; anonymous is UNAUTHENTICATED', async () => {
    refused(await cloud.call('unit', { action: 'filePlan', eventId: 'e_nope', date: '2023-05-08', venue: VENUE }, y.lawStaff), 'NOT_FOUND');
    refused(
      await cloud.call('unit', { action: 'filePlan', eventId: y.event(21).eventId, date: '2023-05-08', venue: VENUE }),
      'UNAUTHENTICATED',
    );
  });
});

describe('eventDetail', () => {
  test('has the rules, the suggested banner and the earliest date', async () => {
    const d = ok(
      await cloud.call<{
        rules: Record<string, unknown>;
        suggestedBanner: string;
        earliestDate: string;
        plan: { date: string };
        next: { step: string };
      }>('unit', { action: 'eventDetail', eventId: y.event(21).eventId }, y.lawStaff),
    );
    expect(d.rules).toMatchObject({ keyword: KW, reportKeywordPlaces: ['title', 'first', 'body', 'last'], minLogoPhotos: 1 });
    expect(d.suggestedBanner).toBe('区司法局2023年“政务公开主题日”活动');
    expect(d.earliestDate).toBe('2023-04-26');
    expect(d.plan.date).toBe('2023-05-04');
    refused(await cloud.call('unit', { action: 'eventDetail', eventId: y.event(21).eventId }, y.eduStaff), 'FORBIDDEN');
  });
});

describe('on the day', () => {
  test('a report before the event date (no check-in) is CONFLICT; after it, accepted and flagged no_checkin', async () => {
    await cloud.setClock('2023-04-26T10:00:00+08:00', true);
    refused(await cloud.call('unit', { ...goodReport(y.event(7).eventId, []), title: `区教育局“${KW}”` }, y.eduStaff), 'CONFLICT');
    await cloud.setClock('2023-04-28T10:00:00+08:00', true);
    const p = await photo(y.event(7).eventId, y.eduStaff, true);
    const res = ok(
      await cloud.call<{ version: number; flags: string[]; late: boolean }>(
        'unit',
        goodReport(y.event(7).eventId, [p.res.photoId]),
        y.eduStaff,
      ),
    );
    expect(res).toMatchObject({ version: 1, flags: ['no_checkin'], late: false });
  });

  test('check-in the day before is NOT_EVENT_DAY with the filed date; without a plan CONFLICT', async () => {
    await cloud.setClock('2023-05-03T18:00:00+08:00', true);
    const err = refused(
      await cloud.call('unit', { action: 'checkIn', eventId: y.event(21).eventId, latitude: 28.1357, longitude: 113.0353 }, y.lawStaff),
      'NOT_EVENT_DAY',
    );
    expect(err.details.date).toBe('2023-05-04');
    // 23:30 UTC on 5/3 is already 5/4 in Shanghai; 15:59 UTC is still 5/3.
    await cloud.setClock('2023-05-03T15:59:00Z', true);
    refused(
      await cloud.call('unit', { action: 'checkIn', eventId: y.event(21).eventId, latitude: 28.1357, longitude: 113.0353 }, y.lawStaff),
      'NOT_EVENT_DAY',
    );
    refused(
      await cloud.call('unit', { action: 'checkIn', eventId: y.event(21).eventId, latitude: 28.1357, longitude: 113.0353 }, y.eduStaff),
      'FORBIDDEN',
    );
  });

  test('checks in on the day with distance and flags; twice returns the first check-in', async () => {
    await cloud.setClock('2023-05-04T09:10:00+08:00', true);
    const { envelope, roundTrips } = await cloud.callCounted<CheckinResult>(
      'unit',
      { action: 'checkIn', eventId: y.event(21).eventId, latitude: 28.1358, longitude: 113.0354, accuracy: 15 },
      y.lawStaff,
    );
    const first = ok(envelope);
    // event + roles, then one conditional update of the event
    expect(roundTrips).toBe(3);
    expect(first.at).toBe('2023-05-04T09:10:00+08:00');
    expect(first.distanceMeters).toBeLessThan(30);
    expect(first.flags).toEqual([]);
    await cloud.setClock('2023-05-04T11:00:00+08:00', true);
    const again = ok(
      await cloud.call<CheckinResult>(
        'unit',
        { action: 'checkIn', eventId: y.event(21).eventId, latitude: 28.2, longitude: 113.1 },
        y.lawStaff,
      ),
    );
    expect(again).toMatchObject({ checkinId: first.checkinId, at: first.at, distanceMeters: first.distanceMeters, flags: [] });
    // The unit's screen sees the check-in and the plan, never the openid of the colleague who made or filed them.
    const shown = ok(
      await cloud.call<{ checkin: Record<string, unknown> }>('unit', { action: 'eventDetail', eventId: y.event(21).eventId }, y.lawStaff),
    );
    expect(shown.checkin).toMatchObject({ checkinId: first.checkinId, at: first.at });
    expect(JSON.stringify(shown)).not.toContain(y.lawStaff);
    // Held: the plan can no longer be changed.
    refused(
      await cloud.call('unit', { action: 'filePlan', eventId: y.event(21).eventId, date: '2023-05-15', venue: VENUE }, y.lawStaff),
      'CONFLICT',
    );
  });

  test('far from the venue, with poor accuracy', async () => {
    const res = ok(
      await cloud.call<CheckinResult>('unit', { action: 'checkIn', eventId: y.event(1).eventId, ...FAR, accuracy: 150 }, y.eduStaff),
    );
    expect(res.distanceMeters).toBeGreaterThan(950);
    expect(res.distanceMeters).toBeLessThan(1050);
    expect(res.flags.sort()).toEqual(['far_from_venue', 'poor_accuracy']);
  });

  test('10 concurrent check-ins make one; a venue without coordinates gives distance null', async () => {
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cloud.call<CheckinResult>(
          'unit',
          { action: 'checkIn', eventId: y.event(6).eventId, latitude: 28.1 + i / 1000, longitude: 113 },
          y.lawStaff,
        ),
      ),
    );
    const results = all.map(ok);
    expect(new Set(results.map((r) => r.checkinId)).size).toBe(1);
    expect(new Set(results.map((r) => r.at)).size).toBe(1);
    expect(results[0]).toMatchObject({ distanceMeters: null, flags: ['no_venue_location'] });
  });

  test('the same photo sent twice is stored once; bad file ids and hashes are INVALID_ARGUMENT', async () => {
    const eventId = y.event(21).eventId;
    const a = await photo(eventId, y.lawStaff, true, 'same');
    expect(a.res.hasLogo).toBe(true);
    const again = ok(
      await cloud.call<{ photoId: string }>(
        'unit',
        { action: 'addPhoto', eventId, fileID: a.fileID, sha256: a.sha256, stamped: true },
        y.lawStaff,
      ),
    );
    expect(again.photoId).toBe(a.res.photoId);
    const d = ok(
      await cloud.call<{ photos: Array<{ photoId: string; url: string; hasLogo: boolean }> }>(
        'unit',
        { action: 'eventDetail', eventId },
        y.lawStaff,
      ),
    );
    expect(d.photos.filter((p) => p.photoId === a.res.photoId)).toHaveLength(1);
    expect(d.photos[0].url).toMatch(/^http/);
    const photoBytes = Buffer.from(await (await fetch(d.photos[0].url)).arrayBuffer());
    expect(photoBytes.equals(stampedPhoto('same').bytes)).toBe(true);
    refused(
      await cloud.call('unit', { action: 'addPhoto', eventId, fileID: 'https://evil/x.jpg', sha256: a.sha256, stamped: true }, y.lawStaff),
      'INVALID_ARGUMENT',
    );
    refused(
      await cloud.call('unit', { action: 'addPhoto', eventId, fileID: a.fileID, sha256: 'abc', stamped: true }, y.lawStaff),
      'INVALID_ARGUMENT',
    );
    refused(
      await cloud.call('unit', { action: 'addPhoto', eventId, fileID: a.fileID, sha256: a.sha256, stamped: true }, y.eduStaff),
      'FORBIDDEN',
    );
  });
});

describe('drafts and reports', () => {
  let logo: string;
  let plain: string;
  beforeAll(async () => {
    logo = (await photo(y.event(21).eventId, y.lawStaff, true, 'logo')).res.photoId;
    plain = (await photo(y.event(21).eventId, y.lawStaff, false, 'plain')).res.photoId;
  });

  test('a draft is saved and overwritten, and is not a submission', async () => {
    const eventId = y.event(21).eventId;
    const r1 = ok(
      await cloud.call<{ savedAt: string }>(
        'unit',
        { action: 'saveDraft', eventId, title: '草稿', paragraphs: ['第一段'], photoIds: [] },
        y.lawStaff,
      ),
    );
    expect(r1.savedAt).toBe('2023-05-04T11:00:00+08:00');
    ok(
      await cloud.call(
        'unit',
        { action: 'saveDraft', eventId, title: '草稿二', paragraphs: ['第一段', '第二段'], photoIds: [logo] },
        y.lawStaff,
      ),
    );
    const d = ok(
      await cloud.call<{ draft: { title: string; photoIds: string[] }; report: unknown; event: { status: string } }>(
        'unit',
        { action: 'eventDetail', eventId },
        y.lawStaff,
      ),
    );
    expect(d.draft).toMatchObject({ title: '草稿二', photoIds: [logo] });
    expect(d.report).toBeNull();
    expect(d.event.status).toBe('held');
    refused(
      await cloud.call('unit', { action: 'saveDraft', eventId, title: 'x', paragraphs: [], photoIds: [] }, 'resident-1'),
      'FORBIDDEN',
    );
  });

  test('the keyword missing from the ending is KEYWORD_MISSING naming last', async () => {
    const r = goodReport(y.event(21).eventId, [logo]);
    const err = refused(
      await cloud.call('unit', { ...r, paragraphs: [...r.paragraphs.slice(0, 2), '下一步将继续做好公开工作。'] }, y.lawStaff),
      'KEYWORD_MISSING',
    );
    expect(err.details.places).toEqual(['last']);
  });

  test('no photo with the logo is PHOTO_REQUIRED; a photo of another event is INVALID_ARGUMENT', async () => {
    refused(await cloud.call('unit', goodReport(y.event(21).eventId, [plain]), y.lawStaff), 'PHOTO_REQUIRED');
    refused(await cloud.call('unit', goodReport(y.event(21).eventId, []), y.lawStaff), 'PHOTO_REQUIRED');
    const other = (await photo(y.event(6).eventId, y.lawStaff, true)).res.photoId;
    const err = refused(await cloud.call('unit', goodReport(y.event(21).eventId, [other]), y.lawStaff), 'INVALID_ARGUMENT');
    expect(err.details.fields).toEqual(['photoIds']);
  });

  test('an on-time report is version 1 with the keyword places', async () => {
    const res = ok(
      await cloud.call<{
        reportId: string;
        version: number;
        late: boolean;
        workdaysLate: number;
        deadline: string;
        keyword: Record<string, boolean>;
      }>('unit', goodReport(y.event(21).eventId, [logo, plain]), y.lawStaff),
    );
    expect(res).toMatchObject({
      version: 1,
      late: false,
      workdaysLate: 0,
      deadline: '2023-05-10T23:59:59+08:00',
      keyword: { title: true, first: true, body: true, last: true },
    });
    expect(res.reportId).toBe(`${y.event(21).eventId}:r1`);
    const rows = ok(await cloud.call<Row[]>('unit', { action: 'myEvents' }, y.lawStaff));
    expect(rows.find((r) => r.seq === 21)!.next.step).toBe('wait_review');
  });

  test('5 concurrent submissions make versions 1..5 exactly', async () => {
    const eventId = y.event(6).eventId;
    const p = (await photo(eventId, y.lawStaff, true)).res.photoId;
    const all = await Promise.all(
      Array.from({ length: 5 }, () => cloud.call<{ version: number; reportId: string }>('unit', goodReport(eventId, [p]), y.lawStaff)),
    );
    const versions = all.map((e) => ok(e).version).sort();
    expect(versions).toEqual([1, 2, 3, 4, 5]);
    const d = ok(await cloud.call<{ report: { version: number } }>('unit', { action: 'eventDetail', eventId }, y.lawStaff));
    expect(d.report.version).toBe(5);
  });

  test('a report after the deadline is accepted, late by working days', async () => {
    // Event 1 on 5/4: report due by the end of 5/10; 5/12 is 2 working days late.
    await cloud.setClock('2023-05-12T10:00:00+08:00', true);
    const p = (await photo(y.event(1).eventId, y.eduStaff, true)).res.photoId;
    const res = ok(
      await cloud.call<{ late: boolean; workdaysLate: number; deadline: string }>(
        'unit',
        { ...goodReport(y.event(1).eventId, [p]), title: `区教育局“${KW}”活动` },
        y.eduStaff,
      ),
    );
    expect(res).toMatchObject({ late: true, workdaysLate: 2, deadline: '2023-05-10T23:59:59+08:00' });
    const rows = ok(await cloud.call<Array<Row & { late?: { report?: number } }>>('unit', { action: 'myEvents' }, y.eduStaff));
    expect(rows.find((r) => r.seq === 1)!.late).toEqual({ report: 2 });
  });
});
