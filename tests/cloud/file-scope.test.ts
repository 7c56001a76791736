// Files a caller hands in are checked against their scope on the server, and
// the logo on a photo is looked for in its bytes: a foreign or `../` file id is
// refused on every action that takes one; a photo without the stamp does not
// count as a logo photo, whatever the app claims.
import crypto from 'node:crypto';
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { pngOf, plainPhoto, scene, stampedPhoto } from '../helpers/photos';

let cloud: TestCloud;
let y: Yuhua;
let mine: string; // event 1, 区教育局
let theirs: string; // event 6, 区司法局
const VENUE = { name: '区教育局会议室', latitude: 28.11, longitude: 113.01 };
const KW = '政务公开主题日';

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  mine = y.event(1).eventId;
  theirs = y.event(6).eventId;
  ok(await cloud.call('unit', { action: 'filePlan', eventId: mine, date: '2023-04-27', startTime: '09:30', venue: VENUE }, y.eduStaff));
}, 120_000);
afterAll(() => cloud.stop());

/** File ids no event-scoped action may take for `mine`, with the code each is refused with. */
function foreignEventFiles(): Array<[string, string, string]> {
  return [
    ['another unit’s event', `cloud://local/events/${theirs}/photos/a.jpg`, 'FORBIDDEN'],
    ['a dashboard export', `cloud://local/exports/${y.jurisdictionId}/2023-compliance.xlsx`, 'FORBIDDEN'],
    ['an invite QR', 'cloud://local/invites/ABCDEFGH.png', 'FORBIDDEN'],
    ['the event folder itself', `cloud://local/events/${mine}`, 'FORBIDDEN'],
    ['`../` out of the event', `cloud://local/events/${mine}/../${theirs}/photos/a.jpg`, 'INVALID_ARGUMENT'],
    ['`./` segments', `cloud://local/events/${mine}/./photos/a.jpg`, 'INVALID_ARGUMENT'],
    ['an empty segment', `cloud://local//events/${mine}/photos/a.jpg`, 'INVALID_ARGUMENT'],
    ['a %-escaped `..`', `cloud://local/events/${mine}/%2e%2e/${theirs}/a.jpg`, 'INVALID_ARGUMENT'],
    ['a backslash', `cloud://local/events/${mine}/..\\${theirs}\\a.jpg`, 'INVALID_ARGUMENT'],
  ];
}

describe('event files: photos, plan attachments, report videos', () => {
  test.each(['addPhoto', 'filePlan', 'saveDraft', 'submitReport'])(
    '%s refuses every foreign or `../` file id with a Chinese message',
    async (act) => {
      const { sha256 } = stampedPhoto('scope');
      for (const [what, fileID, code] of foreignEventFiles()) {
        const payload =
          act === 'addPhoto'
            ? { action: act, eventId: mine, fileID, sha256, stamped: true }
            : act === 'filePlan'
              ? { action: act, eventId: mine, date: '2023-04-27', venue: VENUE, attachmentFileID: fileID }
              : {
                  action: act,
                  eventId: mine,
                  title: `区教育局“${KW}”活动`,
                  paragraphs: [`${KW}活动`],
                  photoIds: [],
                  videoFileIDs: [fileID],
                };
        const e = refused(await cloud.call('unit', payload, y.eduStaff), code);
        expect({ what, message: e.message }).toEqual({ what, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      }
    },
  );

  test('the event’s own files pass: a video and an attachment under events/<eventId>/', async () => {
    const video = await cloud.upload(`events/${mine}/videos/1.mp4`, Buffer.from('video'), y.eduStaff);
    ok(
      await cloud.call(
        'unit',
        { action: 'saveDraft', eventId: mine, title: '草稿', paragraphs: [], photoIds: [], videoFileIDs: [video] },
        y.eduStaff,
      ),
    );
    const attachment = await cloud.upload(`events/${mine}/plan/1-方案.docx`, Buffer.from('doc'), y.eduStaff);
    ok(
      await cloud.call(
        'unit',
        { action: 'filePlan', eventId: mine, date: '2023-04-27', startTime: '09:30', venue: VENUE, attachmentFileID: attachment },
        y.eduStaff,
      ),
    );
  });
});

describe('office files: logos and plan tables', () => {
  test('setLogo takes logos/<own jurisdiction>/… only', async () => {
    const j = y.jurisdictionId;
    const cases: Array<[string, string]> = [
      [`cloud://local/logos/j_other/logo.png`, 'FORBIDDEN'],
      [`cloud://local/exports/logos/${j}/logo.png`, 'FORBIDDEN'], // passed the old "contains /logos/<id>/" check
      [`cloud://local/logos/${j}/../../exports/j_other/x.xlsx`, 'INVALID_ARGUMENT'],
      [`cloud://local/logos/${j}/../j_other/logo.png`, 'INVALID_ARGUMENT'],
      [`cloud://local/logos/${j}`, 'FORBIDDEN'],
    ];
    for (const [fileID, code] of cases)
      refused(await cloud.call('office', { action: 'setLogo', jurisdictionId: j, fileID }, y.office), code);
  });

  test('importPlan takes plans/<own jurisdiction>/… only', async () => {
    const j = y.jurisdictionId;
    const cases: Array<[string, string]> = [
      [`cloud://local/plans/j_other/2023.xlsx`, 'FORBIDDEN'],
      [`cloud://local/exports/plans/${j}/2023.xlsx`, 'FORBIDDEN'],
      [`cloud://local/plans/${j}/../../exports/j_other/2023-compliance.xlsx`, 'INVALID_ARGUMENT'],
    ];
    for (const [fileID, code] of cases)
      refused(await cloud.call('office', { action: 'importPlan', jurisdictionId: j, year: 2023, fileID, dryRun: true }, y.office), code);
  });
});

describe('the logo is looked for in the photo’s bytes', () => {
  type Added = { photoId: string; hasLogo: boolean; logoCheck: { method: string; score: number; correlation: number; logo: string } };
  const add = async (bytes: Buffer, sha256: string, stamped: boolean, name = sha256) => {
    const fileID = await cloud.upload(`events/${mine}/photos/${name}.jpg`, bytes, y.eduStaff);
    return cloud.call<Added>('unit', { action: 'addPhoto', eventId: mine, fileID, sha256, stamped }, y.eduStaff);
  };

  test('an unstamped photo sent with stamped: true is kept but does not count; a stamped one counts', async () => {
    await cloud.setClock('2023-04-27T10:00:00+08:00', true);
    ok(await cloud.call('unit', { action: 'checkIn', eventId: mine, latitude: 28.11, longitude: 113.01 }, y.eduStaff));
    const plain = plainPhoto('liar');
    const lie = ok(await add(plain.bytes, plain.sha256, true));
    expect(lie.hasLogo).toBe(false);
    expect(lie.logoCheck).toMatchObject({ method: expect.stringMatching(/^grid/), logo: 'default' });
    const report = {
      action: 'submitReport',
      eventId: mine,
      title: `区教育局“${KW}”活动`,
      paragraphs: [`4月27日，区教育局举办“${KW}”活动。`],
      photoIds: [lie.photoId],
    };
    const e = refused(await cloud.call('unit', report, y.eduStaff), 'PHOTO_REQUIRED');
    expect(e.details).toMatchObject({ found: 0, required: 1 });

    const real = stampedPhoto('honest', { width: 1280, height: 960, quality: 60 });
    const good = ok(await add(real.bytes, real.sha256, false));
    expect(good.hasLogo).toBe(true); // the server saw the stamp, whatever the app said
    expect(good.logoCheck.score).toBeLessThan(20);
    ok(await cloud.call('unit', { ...report, photoIds: [lie.photoId, good.photoId] }, y.eduStaff));
  }, 60_000);

  test('with the office’s own logo set, a photo stamped with it counts', async () => {
    const logo = scene(200, 200, '本区标识');
    const logoID = await cloud.upload(`logos/${y.jurisdictionId}/logo-1.png`, pngOf(logo), y.office);
    ok(await cloud.call('office', { action: 'setLogo', jurisdictionId: y.jurisdictionId, fileID: logoID }, y.office));
    const p = stampedPhoto('own logo', { logo });
    const res = ok(await add(p.bytes, p.sha256, true));
    expect(res).toMatchObject({ hasLogo: true, logoCheck: { logo: 'jurisdiction' } });
  }, 60_000);

  test('a file that is not a JPEG or PNG photo is refused', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    // Storage itself takes only image bytes under events/<id>/photos/.
    const res = await fetch(`${cloud.url}/api/storage?cloudPath=${encodeURIComponent(`events/${mine}/photos/x.jpg`)}`, {
      method: 'POST',
      headers: { 'X-Openid': y.eduStaff },
      body: new Uint8Array(svg),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/JPEG/) } });
    // addPhoto decodes the bytes too: a JPEG header over junk.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a photo')]);
    const e = refused(await add(fake, crypto.createHash('sha256').update(fake).digest('hex'), true), 'INVALID_ARGUMENT');
    expect(e.message).toMatch(/JPEG/);
    expect(e.details.fields).toEqual(['fileID']);
  });

  test('a photo is named by the sha256 of its bytes: another name, other bytes, or a file elsewhere are refused and not recorded', async () => {
    const p = stampedPhoto('fingerprint');
    const other = stampedPhoto('fingerprint-other');
    const svg = await cloud.upload(`events/${mine}/videos/x.svg`, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), y.eduStaff);
    const cases: Array<[string, Promise<Awaited<ReturnType<typeof add>>>, RegExp]> = [
      ['named IMG_0001.jpg', add(p.bytes, p.sha256, true, 'IMG_0001'), /文件名与照片指纹不一致/],
      ['named by another photo’s sha256', add(p.bytes, other.sha256, true), /内容与照片指纹不一致/],
      [
        'a file outside photos/',
        cloud.call<Added>('unit', { action: 'addPhoto', eventId: mine, fileID: svg, sha256: p.sha256, stamped: true }, y.eduStaff),
        /文件名与照片指纹不一致/,
      ],
    ];
    for (const [what, call, message] of cases) {
      const e = refused(await call, 'INVALID_ARGUMENT');
      expect({ what, message: e.message, fields: e.details.fields }).toEqual({
        what,
        message: expect.stringMatching(message),
        fields: ['fileID'],
      });
    }
    // None of them became a photo of the event; the honest upload of the same photo does.
    const ok1 = ok(await add(p.bytes, p.sha256, true));
    expect(ok1).toMatchObject({ hasLogo: true, duplicate: false });
  });
});
