// The office reviews reports; approved reports appear in the public column once
// the office publishes them (tests/cloud/publish.test.ts covers that step).
import crypto from 'node:crypto';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { plainPhoto, stampedPhoto } from '../helpers/photos';

// Real JPEGs are made and decoded for every photo: slower than the 5 s default on a busy machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
const KW = '政务公开主题日';
const VENUE = { name: '区司法局大厅', latitude: 28.1357, longitude: 113.0353 };
const report = (eventId: string, photoIds: string[], title = `区司法局开展“${KW}”活动`) => ({
  action: 'submitReport',
  eventId,
  title,
  paragraphs: [`区司法局举办“${KW}”活动，咨询电话13812345678。`, `${KW}观摩团参观了调解中心。`, `区司法局将继续办好“${KW}”。`],
  photoIds,
});
type Showcase = Array<{
  reportId: string;
  eventId: string;
  theme: string;
  units: string[];
  date: string;
  title: string;
  paragraphs: string[];
  photos: Array<{ url: string }>;
  approvedAt: string;
}>;
type Detail = {
  event: { status: string };
  plan: { version: number; date: string };
  planVersions: Array<{ version: number }>;
  checkin: { checkinId: string; distanceMeters: number } | null;
  report: {
    reportId: string;
    version: number;
    status: string;
    reviewable: boolean;
    comment: string | null;
    photos: Array<{ photoId: string; url: string; hasLogo: boolean }>;
  };
  versions: Array<{ version: number; status: string }>;
};

async function addPhoto(eventId: string, stamped: boolean) {
  const seed = crypto.randomUUID();
  const { bytes, sha256 } = stamped ? stampedPhoto(seed) : plainPhoto(seed);
  const fileID = await cloud.upload(`events/${eventId}/photos/${sha256}.jpg`, bytes, y.lawStaff);
  return ok(await cloud.call<{ photoId: string }>('unit', { action: 'addPhoto', eventId, fileID, sha256, stamped }, y.lawStaff)).photoId;
}

/** Files a plan for `date`, checks in on the day, and submits a report with one logo photo. */
async function heldAndReported(seq: number, date: string) {
  const eventId = y.event(seq).eventId;
  await cloud.setClock('2023-04-20T10:00:00+08:00', true);
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date, venue: VENUE }, y.lawStaff));
  await cloud.setClock(`${date}T09:00:00+08:00`, true);
  ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: 28.1357, longitude: 113.0353, accuracy: 10 }, y.lawStaff));
  const photoId = await addPhoto(eventId, true);
  const r = ok(await cloud.call<{ reportId: string }>('unit', report(eventId, [photoId]), y.lawStaff));
  return { eventId, photoId, reportId: r.reportId };
}

let other: string;
let first: { eventId: string; photoId: string; reportId: string };
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  other = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' },
      'office-shaoyang',
    ),
  ).jurisdictionId;
  first = await heldAndReported(21, '2023-05-04');
}, 60_000);
afterAll(() => cloud.stop());

describe('reportDetail', () => {
  test('the office sees the latest report with photos, the check-in, the plan and the versions', async () => {
    const d = ok(await cloud.call<Detail>('office', { action: 'reportDetail', eventId: first.eventId }, y.office));
    expect(d.event.status).toBe('reported');
    expect(d.plan).toMatchObject({ version: 1, date: '2023-05-04' });
    expect(d.checkin).toMatchObject({ checkinId: `${first.eventId}:checkin` });
    expect(d.checkin!.distanceMeters).toBeLessThan(5);
    expect(d.report).toMatchObject({ reportId: first.reportId, version: 1, status: 'submitted', reviewable: true });
    expect(d.report.photos).toEqual([
      expect.objectContaining({ photoId: first.photoId, hasLogo: true, url: expect.stringMatching(/^http/) }),
    ]);
    expect(d.versions.map((v) => v.version)).toEqual([1]);
    // Who filed and checked in is the unit's business: no staff openid reaches the office's screen.
    expect(JSON.stringify(d)).not.toContain(y.lawStaff);
  });

  test.each([
    ['unit staff', 'staff-law'],
    ['a resident', 'resident-1'],
    ["another jurisdiction's office", 'office-shaoyang'],
  ])('%s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('office', { action: 'reportDetail', eventId: first.eventId }, who), 'FORBIDDEN');
  });
});

describe('reviewReport', () => {
  test('returning without a comment is INVALID_ARGUMENT naming comment', async () => {
    const err = refused(
      await cloud.call('office', { action: 'reviewReport', reportId: first.reportId, decision: 'return' }, y.office),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toEqual(['comment']);
    refused(
      await cloud.call('office', { action: 'reviewReport', reportId: first.reportId, decision: 'return', comment: '   ' }, y.office),
      'INVALID_ARGUMENT',
    );
  });

  test.each([
    ['unit staff', 'staff-law'],
    ['a resident', 'resident-1'],
    ["another jurisdiction's office", 'office-shaoyang'],
  ])('%s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('office', { action: 'reviewReport', reportId: first.reportId, decision: 'approve' }, who), 'FORBIDDEN');
  });

  test('an unknown report is NOT_FOUND; anonymous is UNAUTHENTICATED', async () => {
    refused(
      await cloud.call('office', { action: 'reviewReport', reportId: `${first.eventId}:r9`, decision: 'approve' }, y.office),
      'NOT_FOUND',
    );
    refused(await cloud.call('office', { action: 'reviewReport', reportId: 'nothing', decision: 'approve' }, y.office), 'NOT_FOUND');
    refused(await cloud.call('office', { action: 'reviewReport', reportId: first.reportId, decision: 'approve' }), 'UNAUTHENTICATED');
  });

  test('return → the unit fixes it → a new version → approve; old versions cannot be reviewed', async () => {
    await cloud.setClock('2023-05-05T10:00:00+08:00', true);
    const ret = ok(
      await cloud.call<{ status: string }>(
        'office',
        { action: 'reviewReport', reportId: first.reportId, decision: 'return', comment: '请补充群众参与情况' },
        y.office,
      ),
    );
    expect(ret.status).toBe('returned');
    // Already returned: not awaiting review any more.
    refused(await cloud.call('office', { action: 'reviewReport', reportId: first.reportId, decision: 'approve' }, y.office), 'CONFLICT');
    const unitView = ok(
      await cloud.call<{ event: { status: string }; report: { status: string; comment: string }; next: { step: string } }>(
        'unit',
        { action: 'eventDetail', eventId: first.eventId },
        y.lawStaff,
      ),
    );
    expect(unitView).toMatchObject({
      event: { status: 'returned' },
      report: { status: 'returned', comment: '请补充群众参与情况' },
      next: { step: 'fix_report' },
    });

    const v2 = ok(
      await cloud.call<{ reportId: string; version: number }>(
        'unit',
        { ...report(first.eventId, [first.photoId]), attendance: { total: 60, residents: 40 } },
        y.lawStaff,
      ),
    );
    expect(v2.version).toBe(2);
    refused(await cloud.call('office', { action: 'reviewReport', reportId: first.reportId, decision: 'approve' }, y.office), 'CONFLICT');
    const d = ok(await cloud.call<Detail>('office', { action: 'reportDetail', eventId: first.eventId }, y.office));
    expect(d.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'submitted'],
      [1, 'returned'],
    ]);

    await cloud.setClock('2023-05-06T10:00:00+08:00', true);
    expect(
      ok(await cloud.call<{ status: string }>('office', { action: 'reviewReport', reportId: v2.reportId, decision: 'approve' }, y.office))
        .status,
    ).toBe('approved');
    refused(
      await cloud.call('office', { action: 'reviewReport', reportId: v2.reportId, decision: 'return', comment: '再改改' }, y.office),
      'CONFLICT',
    );
    // Approved: the unit can no longer submit.
    refused(await cloud.call('unit', report(first.eventId, [first.photoId]), y.lawStaff), 'CONFLICT');
  });

  test('a superseded version (resubmitted before review) is CONFLICT; the latest is reviewable', async () => {
    const second = await heldAndReported(6, '2023-05-08');
    const v2 = ok(
      await cloud.call<{ reportId: string; version: number }>(
        'unit',
        report(second.eventId, [second.photoId], `区司法局“${KW}”国家安全宣传`),
        y.lawStaff,
      ),
    );
    expect(v2.version).toBe(2);
    refused(await cloud.call('office', { action: 'reviewReport', reportId: second.reportId, decision: 'approve' }, y.office), 'CONFLICT');
    await cloud.setClock('2023-05-09T10:00:00+08:00', true);
    ok(await cloud.call('office', { action: 'reviewReport', reportId: v2.reportId, decision: 'approve', comment: '很好' }, y.office));
  });
});

describe('confirmPhotoLogo', () => {
  test('the office marks a photo as carrying the logo, which then counts for the report', async () => {
    const eventId = y.event(1).eventId;
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
    ok(await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-05-10', venue: VENUE }, y.eduStaff));
    await cloud.setClock('2023-05-10T09:00:00+08:00', true);
    ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: 28.1357, longitude: 113.0353 }, y.eduStaff));
    const { bytes, sha256 } = plainPhoto('no logo');
    const fileID = await cloud.upload(`events/${eventId}/photos/${sha256}.jpg`, bytes, y.eduStaff);
    const { photoId, hasLogo } = ok(
      await cloud.call<{ photoId: string; hasLogo: boolean }>(
        'unit',
        { action: 'addPhoto', eventId, fileID, sha256, stamped: false },
        y.eduStaff,
      ),
    );
    expect(hasLogo).toBe(false);
    const r = { ...report(eventId, [photoId]), title: `区教育局“${KW}”活动` };
    refused(await cloud.call('unit', r, y.eduStaff), 'PHOTO_REQUIRED');
    refused(await cloud.call('office', { action: 'confirmPhotoLogo', photoId }, y.eduStaff), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'confirmPhotoLogo', photoId }, 'office-shaoyang'), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'confirmPhotoLogo', photoId: `${eventId}:${'0'.repeat(64)}` }, y.office), 'NOT_FOUND');
    expect(ok(await cloud.call('office', { action: 'confirmPhotoLogo', photoId }, y.office))).toMatchObject({ photoId, hasLogo: true });
    ok(await cloud.call('unit', r, y.eduStaff));
  });
});

describe('resident.showcase', () => {
  test('approved is not published: the column is empty until the office publishes', async () => {
    expect(ok(await cloud.call<Showcase>('resident', { action: 'showcase', jurisdictionId: y.jurisdictionId }))).toEqual([]);
    for (const seq of [21, 6]) {
      await cloud.setClock(`2023-05-1${seq === 21 ? 1 : 2}T10:00:00+08:00`, true);
      ok(
        await cloud.call(
          'office',
          { action: 'publishReport', eventId: y.event(seq).eventId, checks: { secrecy: true, personalData: true } },
          y.office,
        ),
      );
    }
  }, 30_000);

  test('anyone, without identity, sees approved reports newest first, in ≤ 3 round trips, with no personal data', async () => {
    const { envelope, roundTrips } = await cloud.callCounted<Showcase>('resident', {
      action: 'showcase',
      jurisdictionId: y.jurisdictionId,
    });
    const rows = ok(envelope);
    expect(roundTrips).toBeLessThanOrEqual(3);
    expect(rows.map((r) => r.eventId)).toEqual([y.event(6).eventId, y.event(21).eventId]);
    expect(rows[0]).toMatchObject({
      reportId: `${y.event(6).eventId}:r2`,
      date: '2023-05-08',
      approvedAt: '2023-05-09T10:00:00+08:00',
      publishedAt: '2023-05-12T10:00:00+08:00',
      units: ['区司法局'],
    });
    expect(rows[1]).toMatchObject({
      reportId: `${y.event(21).eventId}:r2`,
      date: '2023-05-04',
      approvedAt: '2023-05-06T10:00:00+08:00',
      theme: y.event(21).theme,
    });
    expect(rows[1].photos).toHaveLength(1);
    expect(rows[1].photos[0].url).toMatch(/^http/);
    const text = JSON.stringify(rows);
    for (const openid of [y.office, y.lawStaff, y.eduStaff]) expect(text).not.toContain(openid);
    expect(text).not.toMatch(/openid|submittedBy|review/i);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).toContain('138****5678');
  });

  test('only published reports; another jurisdiction has none; a bad id is INVALID_ARGUMENT', async () => {
    const rows = ok(await cloud.call<Showcase>('resident', { action: 'showcase', jurisdictionId: y.jurisdictionId }, 'resident-1'));
    expect(rows.map((r) => r.eventId)).not.toContain(y.event(1).eventId);
    expect(ok(await cloud.call<Showcase>('resident', { action: 'showcase', jurisdictionId: other }))).toEqual([]);
    refused(await cloud.call('resident', { action: 'showcase' }), 'INVALID_ARGUMENT');
  });
});
