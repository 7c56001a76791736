// City ↔ county and the evidence pack, through the local cloud: 邵阳市 and 洞口县
// each import their own plan, are linked, the city's dashboard shows 洞口县's row
// with the county's own totals, access stops at figures (no attendee list, no
// way up from the county), and a unit's evidence pack verifies with
// `npm run verify-pack` until one byte of a photo changes.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { SHAOYANG_TABLE, type ImportedEvent } from '../helpers/scenario';
import { stampedPhoto } from '../helpers/photos';
import type { Dashboard, DashboardReview, EvidencePack } from '../../src/contract';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const DONGKOU_TABLE = fs.readFileSync(path.join(ROOT, 'fixtures/plans/dongkou-2023.txt'), 'utf8');
const CITY = 'office-shaoyang';
const COUNTY = 'office-dongkou';
const WATER = 'staff-dongkou-water';
const VENUE = { name: '洞口县自来水公司会议室', latitude: 27.0605, longitude: 110.5752 };

/** Asked with `figures` or `includeChildren`: the review's parts are there. */
type Dash = Dashboard & DashboardReview;

let cloud: TestCloud;
let cityId: string;
let countyId: string;
let waterUnitId: string;
let hearing: ImportedEvent;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-pack-'));
const photos: Array<{ sha: string; bytes: Buffer }> = [];

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
/** A generated file, read through the signed temp link the action returns (storage serves nothing else to others). */
async function fetchFile(url: string | null): Promise<Buffer> {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/storage\?/);
  const res = await fetch(url!);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
function verify(file: string): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/verify-pack.ts'), file],
        { encoding: 'utf8' },
      ),
    };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}
async function buildPack(payload: Record<string, unknown>): Promise<{ pack: EvidencePack; steps: EvidencePack[] }> {
  const steps: EvidencePack[] = [];
  let pack = ok(await cloud.call<EvidencePack>('office', { action: 'evidencePack', ...payload }, COUNTY));
  steps.push(pack);
  while (!pack.fileID) {
    pack = ok(await cloud.call<EvidencePack>('office', { action: 'evidencePack', ...payload, packId: pack.packId }, COUNTY));
    steps.push(pack);
  }
  return { pack, steps };
}

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true });
  ({ jurisdictionId: cityId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' },
      CITY,
    ),
  ));
  ({ jurisdictionId: countyId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '洞口县', level: 'county' },
      COUNTY,
    ),
  ));
  ok(await cloud.call('office', { action: 'importPlan', jurisdictionId: cityId, year: 2023, text: SHAOYANG_TABLE }, CITY));
  const { events } = ok(
    await cloud.call<{ events: ImportedEvent[] }>(
      'office',
      { action: 'importPlan', jurisdictionId: countyId, year: 2023, text: DONGKOU_TABLE },
      COUNTY,
    ),
  );
  hearing = events.find((e) => e.theme === '乡镇自来水水价调整听证')!;
  const units = ok(
    await cloud.call<Array<{ unitId: string; name: string }>>('office', { action: 'listUnits', jurisdictionId: countyId }, COUNTY),
  );
  waterUnitId = units.find((u) => u.name === '县住建局（自来水公司）')!.unitId;
  const { code } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: waterUnitId }, COUNTY));
  ok(await cloud.call('account', { action: 'redeemInvite', code }, WATER));
}, 60_000);

afterAll(() => cloud.stop());

describe('linking', () => {
  test('a county cannot make a link code; the city can, and the county accepts it', async () => {
    refused(await cloud.call('office', { action: 'inviteChild', jurisdictionId: countyId }, COUNTY), 'CONFLICT');
    refused(await cloud.call('office', { action: 'inviteChild', jurisdictionId: cityId }, COUNTY), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'acceptParent', code: 'ZZZZZZZZ' }, WATER), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'acceptParent', code: 'ZZZZZZZZ' }, COUNTY), 'NOT_FOUND');
    const { code } = ok(await cloud.call<{ code: string }>('office', { action: 'inviteChild', jurisdictionId: cityId }, CITY));
    const linked = ok(
      await cloud.call<{ jurisdictionId: string; parent: { name: string } }>(
        'office',
        { action: 'acceptParent', code: code.toLowerCase() },
        COUNTY,
      ),
    );
    expect(linked).toMatchObject({ jurisdictionId: countyId, parent: { jurisdictionId: cityId, name: '邵阳市' } });
    // A code is used once.
    refused(await cloud.call('office', { action: 'acceptParent', code }, COUNTY), 'CONFLICT');
  });

  test('each side sees the link; the county sees nothing of the city but its name', async () => {
    const city = ok(
      await cloud.call<{ children: Array<{ jurisdictionId: string; name: string }>; parent: null }>(
        'office',
        { action: 'family', jurisdictionId: cityId },
        CITY,
      ),
    );
    expect(city.children).toEqual([expect.objectContaining({ jurisdictionId: countyId, name: '洞口县' })]);
    expect(city.parent).toBeNull();
    const county = ok(
      await cloud.call<{ children: unknown[]; parent: { name: string } }>('office', { action: 'family', jurisdictionId: countyId }, COUNTY),
    );
    expect(county).toMatchObject({ children: [], parent: { jurisdictionId: cityId, name: '邵阳市' } });
    refused(await cloud.call('office', { action: 'dashboard', jurisdictionId: cityId, year: 2023 }, COUNTY), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'listEvents', jurisdictionId: cityId, year: 2023 }, COUNTY), 'FORBIDDEN');
  });
});

describe('a county event taken through its life', () => {
  test('plan, sign-up, check-in, two stamped photos, report, 专栏材料, approval, publication', async () => {
    const eventId = hearing.eventId;
    ok(
      await cloud.call(
        'unit',
        { action: 'filePlan', eventId, date: '2023-04-20', startTime: '09:30', venue: VENUE, publicSeats: 20 },
        WATER,
      ),
    );
    ok(
      await cloud.call(
        'resident',
        { action: 'signUp', eventId, name: '刘建国', phone: '13807390001', identity: '普通市民', consent: true },
        'resident-dk1',
      ),
    );
    await cloud.setClock('2023-04-20T09:40:00+08:00', true);
    ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: VENUE.latitude, longitude: VENUE.longitude, accuracy: 12 }, WATER));
    const { token } = ok(await cloud.call<{ token: string }>('unit', { action: 'eventCode', eventId }, WATER));
    ok(await cloud.call('resident', { action: 'attend', token }, 'resident-dk1'));
    ok(await cloud.call('resident', { action: 'evaluate', eventId, rating: 4, comment: '听证公开透明' }, 'resident-dk1'));
    const photoIds: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { bytes, sha256: sha } = stampedPhoto(`dongkou-hearing-${i}`);
      photos.push({ sha, bytes });
      const fileID = await cloud.upload(`events/${eventId}/photos/${sha}.jpg`, bytes, WATER);
      photoIds.push(
        ok(
          await cloud.call<{ photoId: string }>(
            'unit',
            { action: 'addPhoto', eventId, fileID, sha256: sha, stamped: true, takenAt: '2023-04-20T09:50:00+08:00' },
            WATER,
          ),
        ).photoId,
      );
    }
    await cloud.setClock('2023-04-21T15:00:00+08:00', true);
    const { reportId } = ok(
      await cloud.call<{ reportId: string }>(
        'unit',
        {
          action: 'submitReport',
          eventId,
          title: '县自来水公司开展“政务公开主题日”水价听证活动',
          paragraphs: [
            '4月20日，县自来水公司举办“政务公开主题日”乡镇自来水水价调整听证。',
            '人大代表、群众代表实地调研水厂并座谈交流，政务公开主题日现场发放问卷。',
            '下一步将继续办好政务公开主题日活动。',
          ],
          photoIds,
          attendance: { total: 35, deputies: 3, residents: 30, media: 2 },
        },
        WATER,
      ),
    );
    // The 专栏材料 are their own delivery: the day after the event, on time.
    ok(
      await cloud.call(
        'unit',
        { action: 'submitMaterials', eventId, photoIds: [photoIds[0]], text: '县自来水公司政务公开主题日水价听证现场图文。' },
        WATER,
      ),
    );
    await cloud.setClock('2023-04-24T10:00:00+08:00', true);
    ok(await cloud.call('office', { action: 'reviewReport', reportId, decision: 'approve' }, COUNTY));
    ok(await cloud.call('office', { action: 'publishReport', eventId, checks: { secrecy: true, personalData: true } }, COUNTY));
  });

  test('the city cannot read the attendee list, the event, or build the county’s pack', async () => {
    refused(await cloud.call('unit', { action: 'attendees', eventId: hearing.eventId }, CITY), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'eventDetail', eventId: hearing.eventId }, CITY), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'reportDetail', eventId: hearing.eventId }, CITY), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'evidencePack', jurisdictionId: countyId, year: 2023 }, CITY), 'FORBIDDEN');
    // The county's own office does see it.
    expect(ok(await cloud.call<unknown[]>('unit', { action: 'attendees', eventId: hearing.eventId }, COUNTY))).toHaveLength(1);
  });
});

describe('the city’s dashboard', () => {
  test('with includeChildren: 洞口县’s row equals 洞口县’s own totals', async () => {
    const county = ok(
      await cloud.call<Dash>('office', { action: 'dashboard', jurisdictionId: countyId, year: 2023, figures: true }, COUNTY),
    );
    const city = ok(
      await cloud.call<Dash>('office', { action: 'dashboard', jurisdictionId: cityId, year: 2023, includeChildren: true }, CITY),
    );
    expect(city.children).toHaveLength(1);
    const row = city.children![0];
    expect(row).toMatchObject({ jurisdictionId: countyId, name: '洞口县', ...county.totals });
    expect(row.figures).toEqual(county.figures.total);
    // Materials are counted apart from the report; the report came without a separate 新闻稿.
    expect(county.totals).toMatchObject({
      events: 10,
      planFiled: 1,
      planOnTime: 1,
      held: 1,
      reported: 1,
      reportOnTime: 1,
      materials: 1,
      materialsOnTime: 1,
      newsReleases: 0,
      avgRating: 4,
      ratings: 1,
    });
    // The assessor's figures: 1 of 10 held as planned and published, one resident scanned in but 35 reported.
    expect(county.figures.total).toMatchObject({
      heldAsPlanned: 1,
      heldAsPlannedShare: 10,
      planOnTimeShare: 10,
      reportOnTimeShare: 10,
      published: 1,
      residentsReached: 35,
      avgRating: 4,
    });
    // The city's own units are beside it, not mixed with the county's.
    expect(city.units.some((u) => u.name === '县住建局（自来水公司）')).toBe(false);
  });

  test('drill-down: the city reads the county’s dashboard (figures only); the county cannot read the city’s', async () => {
    const child = ok(await cloud.call<Dash>('office', { action: 'dashboard', jurisdictionId: countyId, year: 2023 }, CITY));
    expect(child.units.find((u) => u.name === '县住建局（自来水公司）')).toMatchObject({ events: 2, held: 1 });
    refused(
      await cloud.call('office', { action: 'dashboard', jurisdictionId: cityId, year: 2023, includeChildren: true }, COUNTY),
      'FORBIDDEN',
    );
    refused(await cloud.call('office', { action: 'exportDashboard', jurisdictionId: countyId, year: 2023 }, CITY), 'FORBIDDEN');
  });

  test('the city’s export has the review figures and a sheet for 洞口县', async () => {
    const { url } = ok(
      await cloud.call<{ fileID: string; url: string }>('office', { action: 'exportDashboard', jurisdictionId: cityId, year: 2023 }, CITY),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fetchFile(url)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['汇总', '考核指标', '下级县市区', '洞口县']));
    const rows: string[] = [];
    wb.getWorksheet('洞口县')!.eachRow((r) => rows.push(String(r.getCell(1).value)));
    expect(rows).toEqual(expect.arrayContaining(['县住建局（自来水公司）', '县司法局', '洞口县合计']));
  });

  test('the city’s reminder names the county with overdue work', async () => {
    // 2023-05-16: 洞口县’s April event of 县司法局 was never filed.
    await cloud.setClock('2023-05-16T09:00:00+08:00', true);
    ok(await cloud.trigger('reminders'));
    const messages = ok(await cloud.call<Array<{ title: string; body: string; kind: string }>>('account', { action: 'messages' }, CITY));
    const digest = messages.find((m) => m.kind === 'office');
    expect(digest?.title).toContain('1个下级县市区有逾期事项');
    expect(digest?.body).toContain('洞口县');
  });
});

describe('the evidence pack', () => {
  let zipFile: string;
  let zip: Buffer;

  test('a unit’s pack: one call, the manifest hashes equal the stored files, verify-pack says intact', async () => {
    const { pack, steps } = await buildPack({ jurisdictionId: countyId, year: 2023, unitId: waterUnitId });
    expect(steps).toHaveLength(1);
    expect(pack).toMatchObject({ done: 2, total: 2 });
    zip = await fetchFile(pack.url);
    expect(zip.length).toBe(pack.bytes);
    expect(sha256(zip)).toBe(pack.sha256);
    zipFile = path.join(tmp, 'pack.zip');
    fs.writeFileSync(zipFile, zip);

    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
      files: Array<{ path: string; sha256: string; eventId: string | null; kind: string }>;
    };
    const photoEntries = manifest.files.filter((f) => f.kind === 'photo');
    expect(photoEntries.map((f) => f.sha256).sort()).toEqual(photos.map((p) => p.sha).sort());
    expect(photoEntries.every((f) => f.eventId === hearing.eventId)).toBe(true);
    for (const f of manifest.files) expect(sha256(files[f.path])).toBe(f.sha256);

    const html = strFromU8(files['index.html']);
    expect(html).toContain('乡镇自来水水价调整听证');
    expect(html).toContain('按时报备');
    expect(html).toContain('签到时间（服务器）');
    expect(html).toContain('与上传时指纹一致');
    expect(html).toContain('审核通过第1版');
    // The publication and the 专栏材料 as the functions record them.
    expect(html).toContain('在公开专栏发布第1版');
    expect(html).toContain('专栏材料 第1版');
    expect(html).toContain('报送专栏材料第1版');
    expect(html).toContain('县自来水公司政务公开主题日水价听证现场图文。');
    expect(html).toContain('农村危房改造政策进村入户'); // the unit's other event, not yet filed
    // People by role, never by openid; residents only as numbers.
    for (const secret of [WATER, COUNTY, 'resident-dk1', '刘建国', '13807390001']) expect(html).not.toContain(secret);

    const v = verify(zipFile);
    expect(v.code).toBe(0);
    expect(v.out).toContain('证据包完整');
  });

  test('one byte of a photo changed: verify-pack fails and names the photo', async () => {
    const at = zip.indexOf(photos[0].bytes.subarray(100, 132));
    expect(at).toBeGreaterThan(0);
    const bad = Buffer.from(zip);
    bad[at] ^= 0x01;
    const badFile = path.join(tmp, 'tampered.zip');
    fs.writeFileSync(badFile, bad);
    const v = verify(badFile);
    expect(v.code).toBe(1);
    expect(v.out).toContain('证据包不完整');
    expect(v.out).toMatch(/photos\/\d+-[0-9a-f]{8}\.jpg/);
  });

  test('a jurisdiction’s year in pages: progress grows to the total, and the pack verifies', async () => {
    const { pack, steps } = await buildPack({ jurisdictionId: countyId, year: 2023, pageEvents: 3 });
    expect(steps.map((s) => s.done)).toEqual([3, 6, 9, 10]);
    expect(steps.every((s) => s.total === 10)).toBe(true);
    const file = path.join(tmp, 'county.zip');
    fs.writeFileSync(file, await fetchFile(pack.url));
    expect(verify(file).code).toBe(0);
    // Asking again for a finished pack answers the same file.
    const again = ok(
      await cloud.call<EvidencePack>(
        'office',
        { action: 'evidencePack', jurisdictionId: countyId, year: 2023, packId: pack.packId },
        COUNTY,
      ),
    );
    expect(again).toMatchObject({ fileID: pack.fileID, sha256: pack.sha256, done: 10 });
  });
});
