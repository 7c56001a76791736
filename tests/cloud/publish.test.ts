// 谁主管、谁公开、谁审查: approval does not publish. The office reviews the public
// text (personal data masked), confirms the two checks, the content check passes,
// and only then is the report in the column (showcase and the website export).
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { plainPhoto, stampedPhoto } from '../helpers/photos';
import { launch } from '../e2e/browser';

jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
let shaoyangOffice: string;
const KW = '政务公开主题日';
const VENUE = { name: '区司法局大厅', latitude: 28.1357, longitude: 113.0353 };
const CHECKS = { secrecy: true, personalData: true };
type Showcase = Array<{ eventId: string; title: string; paragraphs: string[]; photos: Array<{ url: string }>; publishedAt: string }>;
type Preview = {
  publishable: boolean;
  published: boolean;
  title: string;
  paragraphs: string[];
  masked: number;
  photos: Array<{ url: string }>;
  publication: { by: string; at: string } | null;
  log: Array<{ kind: string; reason?: string; by: string }>;
};

/** A camera-sized photo stamped with the default logo, wider than a web page needs. */
const cameraPhoto = (seq: number) => stampedPhoto(`publish-${seq}`, { width: 1600, height: 1200, quality: 70 });

/** Filed with open seats, 王芳 signs up, held, reported with her name and phone in the text, approved. */
async function approved(seq: number, date: string, extra = '', staff = y.lawStaff) {
  const eventId = y.event(seq).eventId;
  await cloud.setClock('2023-04-20T10:00:00+08:00', true);
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date, venue: VENUE, publicSeats: 10 }, staff));
  ok(
    await cloud.call(
      'resident',
      { action: 'signUp', eventId, name: '王芳', phone: '13912345678', identity: '普通市民', consent: true },
      `resident-${seq}`,
    ),
  );
  await cloud.setClock(`${date}T09:00:00+08:00`, true);
  ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: 28.1357, longitude: 113.0353, accuracy: 10 }, staff));
  const { bytes, sha256 } = cameraPhoto(seq);
  const fileID = await cloud.upload(`events/${eventId}/photos/${sha256}.jpg`, bytes, staff);
  const { photoId, hasLogo } = ok(
    await cloud.call<{ photoId: string; hasLogo: boolean }>('unit', { action: 'addPhoto', eventId, fileID, sha256, stamped: true }, staff),
  );
  // 雨花区 (news-strict) needs one photo that really carries the logo before a report is accepted.
  expect(hasLogo).toBe(true);
  const title = `${staff === y.lawStaff ? '区司法局' : '区教育局'}开展“${KW}”活动（${seq}）`;
  const paragraphs = [
    `区司法局举办“${KW}”活动，市民王芳（13912345678）现场提问。${extra}`,
    `${KW}观摩团参观了调解中心。`,
    `区司法局将继续办好“${KW}”。`,
  ];
  const { reportId } = ok(
    await cloud.call<{ reportId: string }>('unit', { action: 'submitReport', eventId, title, paragraphs, photoIds: [photoId] }, staff),
  );
  await cloud.setClock(`${date}T15:00:00+08:00`, true);
  ok(await cloud.call('office', { action: 'reviewReport', reportId, decision: 'approve' }, y.office));
  return { eventId, title, reportId, fileID };
}

const showcase = async () => ok(await cloud.call<Showcase>('resident', { action: 'showcase', jurisdictionId: y.jurisdictionId }));
const publish = (eventId: string, who = y.office, checks: unknown = CHECKS) =>
  cloud.call('office', { action: 'publishReport', eventId, ...(checks === null ? {} : { checks }) }, who);
const exportZip = async () => {
  // Stored files are read through the signed, short-lived link the export hands back.
  const { url } = ok(
    await cloud.call<{ url: string }>('office', { action: 'exportColumn', jurisdictionId: y.jurisdictionId, year: 2023 }, y.office),
  );
  const res = await fetch(url);
  if (!res.ok) throw new Error(`export download: ${res.status} ${await res.text()}`);
  return unzipSync(new Uint8Array(await res.arrayBuffer()));
};
const preview = (path = '') => fetch(`${cloud.url}/column/${y.jurisdictionId}/${path}`);

let a: Awaited<ReturnType<typeof approved>>;
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  shaoyangOffice = 'office-shaoyang';
  ok(await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' }, shaoyangOffice));
  a = await approved(21, '2023-05-04');
}, 90_000);
afterAll(() => cloud.stop());

describe('before publishing', () => {
  test('an approved report is not in the column; the event is labelled 待公开审查 and is in the office queue', async () => {
    expect((await showcase()).map((r) => r.eventId)).not.toContain(a.eventId);
    const list = ok(
      await cloud.call<{ events: Array<{ eventId: string; status: string; statusLabel: string; next: { label: string } }> }>(
        'office',
        { action: 'listEvents', jurisdictionId: y.jurisdictionId, year: 2023 },
        y.office,
      ),
    );
    expect(list.events.find((e) => e.eventId === a.eventId)).toMatchObject({
      status: 'approved',
      statusLabel: '待公开审查',
      next: { who: 'office', step: 'publish_report', label: '待公开审查' },
    });
  });

  test('the preview shows the public text with personal data already masked', async () => {
    const p = ok(await cloud.call<Preview>('office', { action: 'publishPreview', eventId: a.eventId }, y.office));
    expect(p).toMatchObject({ publishable: true, published: false, title: a.title, publication: null });
    expect(p.paragraphs[0]).toContain('市民王*（139****5678）');
    expect(JSON.stringify(p)).not.toMatch(/王芳|13912345678/);
    expect(p.masked).toBe(2);
    expect(p.photos).toHaveLength(1);
  });

  test('not approved yet: CONFLICT, nothing published', async () => {
    const eventId = y.event(6).eventId;
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
    ok(await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-05-08', venue: VENUE }, y.lawStaff));
    const err = refused(await publish(eventId), 'CONFLICT');
    expect(err.message).toContain('请先审核通过');
    refused(await cloud.call('office', { action: 'unpublishReport', eventId: a.eventId, reason: '测试撤下' }, y.office), 'CONFLICT');
  });

  test.each([
    ['secrecy not confirmed', { secrecy: false, personalData: true }, ['checks.secrecy']],
    ['personal data not confirmed', { secrecy: true, personalData: false }, ['checks.personalData']],
    ['no checks at all', null, ['checks']],
  ])('%s: INVALID_ARGUMENT naming the check', async (_n, checks, fields) => {
    const err = refused(await publish(a.eventId, y.office, checks), 'INVALID_ARGUMENT');
    expect(err.details.fields).toEqual(fields);
    expect((await showcase()).map((r) => r.eventId)).not.toContain(a.eventId);
  });

  test.each([
    ['unit staff of the event', 'staff-law'],
    ['a resident', 'resident-1'],
    ["another jurisdiction's office", 'office-shaoyang'],
  ])('%s: FORBIDDEN', async (_n, who) => {
    refused(await publish(a.eventId, who), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'publishPreview', eventId: a.eventId }, who), 'FORBIDDEN');
    refused(await cloud.call('office', { action: 'exportColumn', jurisdictionId: y.jurisdictionId, year: 2023 }, who), 'FORBIDDEN');
  });

  test('the content check fails on a public text: CONTENT_REJECTED naming the paragraph, still unpublished', async () => {
    const bad = await approved(7, '2023-05-10', '现场提醒群众谨防诈骗。', y.eduStaff);
    const err = refused(await publish(bad.eventId), 'CONTENT_REJECTED');
    expect(err.details.fields).toEqual(['paragraphs.0']);
    const p = ok(await cloud.call<Preview>('office', { action: 'publishPreview', eventId: bad.eventId }, y.office));
    expect(p).toMatchObject({ publishable: true, published: false });
    expect((await showcase()).map((r) => r.eventId)).not.toContain(bad.eventId);
  });
});

describe('publishing, the column export, taking down', () => {
  test('published: in showcase with the masked text; who confirmed and when is on record; twice is CONFLICT', async () => {
    await cloud.setClock('2023-05-05T10:00:00+08:00', true);
    const res = ok(await publish(a.eventId)) as { status: string; publishedAt: string; column: { rebuilt: boolean } };
    expect(res).toMatchObject({ status: 'published', publishedAt: '2023-05-05T10:00:00+08:00', column: { rebuilt: true } });
    const rows = await showcase();
    const row = rows.find((r) => r.eventId === a.eventId)!;
    expect(row).toMatchObject({ title: a.title, publishedAt: '2023-05-05T10:00:00+08:00' });
    expect(row.paragraphs[0]).toContain('王*（139****5678）');
    expect(JSON.stringify(rows)).not.toMatch(/王芳|13912345678/);
    const p = ok(await cloud.call<Preview>('office', { action: 'publishPreview', eventId: a.eventId }, y.office));
    expect(p).toMatchObject({ published: true, publishable: false, publication: { by: y.office, at: '2023-05-05T10:00:00+08:00' } });
    expect(p.log).toEqual([expect.objectContaining({ kind: 'publish', by: y.office, checks: CHECKS })]);
    expect(refused(await publish(a.eventId), 'CONFLICT').message).toContain('已在公开专栏');
  });

  test('exportColumn: a zip whose index lists the report and whose page has its title and web-sized photos; feeds too', async () => {
    const zip = await exportZip();
    const index = strFromU8(zip['index.html']);
    expect(index).toContain(a.title);
    expect(index).toContain('5月');
    expect(index).toContain('区司法局');
    const page = Object.keys(zip).find((k) => k.startsWith('reports/'))!;
    const html = strFromU8(zip[page]);
    expect(html).toContain(a.title);
    expect(html).toContain('王*（139****5678）');
    const img = /<img src="\.\.\/(img\/[\w]+\.jpg)" alt="[^"]+" width="(\d+)" height="(\d+)"/.exec(html)!;
    expect(img).not.toBeNull();
    expect(Number(img[2])).toBe(1280);
    expect(jpeg.decode(zip[img[1]]).width).toBe(1280);
    const all = Object.entries(zip)
      .filter(([k]) => !k.startsWith('img/'))
      .map(([, v]) => strFromU8(v))
      .join('\n');
    expect(all).not.toMatch(/王芳|13912345678|<script|(src|href)="(https?:)?\/\//);
    const feed = JSON.parse(strFromU8(zip['feed.json'])) as { items: Array<{ title: string }> };
    expect(feed.items.map((i) => i.title)).toEqual([a.title]);
    expect(strFromU8(zip['rss.xml'])).toContain(`<title>${a.title.replace(/"/g, '&quot;')}</title>`);
  });

  test('the preview at /column/<jurisdictionId>/ serves the same site', async () => {
    expect(await preview('').then((r) => r.text())).toContain(a.title);
    const index = await (await preview('index.html')).text();
    const href = /href="(reports\/[\w-]+\.html)"/.exec(index)![1];
    const page = await preview(href);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(a.title);
    const img = /src="\.\.\/(img\/\w+\.jpg)"/.exec(html)![1];
    const photo = await preview(img);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await preview('..%2f..%2fapi.html')).status).toBe(404);
    const bare = await fetch(`${cloud.url}/column/${y.jurisdictionId}`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
  });

  test('axe-core: no serious or critical WCAG 2.1 A/AA violations on the exported pages; nothing requested from outside', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ locale: 'zh-CN' });
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(cloud.url)) outside.push(r.url());
      });
      const index = await (await preview('index.html')).text();
      const href = /href="(reports\/[\w-]+\.html)"/.exec(index)![1];
      for (const path of ['index.html', href]) {
        await page.goto(`${cloud.url}/column/${y.jurisdictionId}/${path}`, { waitUntil: 'load' });
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(o: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> };
            }
          ).axe;
          const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        });
        expect({ path, bad: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({ path, bad: [] });
      }
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  test('unpublish: reason required, office only; then gone from showcase, the export and the preview', async () => {
    const before = await (await preview('index.html')).text();
    const href = /href="(reports\/[\w-]+\.html)"/.exec(before)![1];
    refused(await cloud.call('office', { action: 'unpublishReport', eventId: a.eventId }, y.office), 'INVALID_ARGUMENT');
    refused(await cloud.call('office', { action: 'unpublishReport', eventId: a.eventId, reason: ' ' }, y.office), 'INVALID_ARGUMENT');
    refused(
      await cloud.call('office', { action: 'unpublishReport', eventId: a.eventId, reason: '含未遮挡的面部' }, 'staff-law'),
      'FORBIDDEN',
    );
    refused(
      await cloud.call('office', { action: 'unpublishReport', eventId: a.eventId, reason: '含未遮挡的面部' }, 'office-shaoyang'),
      'FORBIDDEN',
    );
    await cloud.setClock('2023-05-06T10:00:00+08:00', true);
    const res = ok(
      await cloud.call<{ status: string; column: { rebuilt: boolean } }>(
        'office',
        { action: 'unpublishReport', eventId: a.eventId, reason: '照片含未遮挡的群众面部' },
        y.office,
      ),
    );
    expect(res).toMatchObject({ status: 'approved', column: { rebuilt: true } });
    expect((await showcase()).map((r) => r.eventId)).not.toContain(a.eventId);
    expect(await (await preview('index.html')).text()).not.toContain(a.title);
    expect((await preview(href)).status).toBe(404);
    const zip = await exportZip();
    expect(strFromU8(zip['index.html'])).not.toContain(a.title);
    expect(Object.keys(zip).filter((k) => k.startsWith('reports/') || k.startsWith('img/'))).toEqual([]);
    const p = ok(await cloud.call<Preview>('office', { action: 'publishPreview', eventId: a.eventId }, y.office));
    expect(p).toMatchObject({ publishable: true, published: false });
    expect(p.log.map((e) => [e.kind, e.reason ?? null])).toEqual([
      ['publish', null],
      ['unpublish', '照片含未遮挡的群众面部'],
    ]);
    refused(await cloud.call('office', { action: 'unpublishReport', eventId: a.eventId, reason: '再撤一次' }, y.office), 'CONFLICT');
  });

  test('published again after a take-down: back in the column', async () => {
    ok(await publish(a.eventId));
    expect((await showcase()).map((r) => r.eventId)).toContain(a.eventId);
    expect(await (await preview('index.html')).text()).toContain(a.title);
  });

  test('numbers however written are masked in the column; a photo whose bytes were replaced after its check stays out of it', async () => {
    const numbers = ['138 0000 2222', '+86-139-0000-3333', '１３７００００４４４４', '137\u200b0000\u200b5555', '430111199001011234'];
    const b = await approved(6, '2023-05-08', `咨询电话${numbers.join('、')}。`);
    // WeChat's storage lets an uploader overwrite their own file; here the bytes change on disk the same way.
    fs.writeFileSync(path.join(cloud.dataDir, 'storage', b.fileID.replace('cloud://local/', '')), plainPhoto('swapped').bytes);
    await cloud.setClock('2023-05-09T10:00:00+08:00', true);
    ok(await publish(b.eventId));
    const zip = await exportZip();
    const page = Object.entries(zip).find(([k, v]) => k.startsWith('reports/') && strFromU8(v).includes(b.title));
    expect(page).toBeDefined();
    expect(strFromU8(page![1])).not.toContain('<img');
    expect(strFromU8(page![1])).toContain('138****2222');
    const site = Object.values(zip)
      .map((v) => strFromU8(v))
      .join('\n');
    for (const n of [...numbers, '13900003333', '13700005555']) expect(site).not.toContain(n);
    // The photo checked before (the first report's) is still there.
    const first = Object.entries(zip).find(([k, v]) => k.startsWith('reports/') && strFromU8(v).includes(a.title));
    expect(strFromU8(first![1])).toContain('<img');
  }, 60_000);
});
