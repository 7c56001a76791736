// The photo flow on a phone (h5 in Chromium), as with a watermark camera: two
// shots in a row, both previewed with the stamp, one deleted before sending, the
// other sent and listed by its small thumbnail; an album photo sent with its
// mark; and a sent photo removed again before the report is submitted.
import type { Browser, Page } from 'playwright-core';
import { ok, type TestCloud } from '../helpers/cloud';
import type { Yuhua } from '../helpers/scenario';
import { goto, screenshot } from './browser';
import { cameraJpeg, eventDay, inspectStamped } from './unitPhoto';

jest.setTimeout(180_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let unit: Page;
let errors: string[];
const ALBUM_MARK = '相册照片（未加盖现场标识）';
const shown = (p: Page) => p.locator('.taro_page >> visible=true');

type Listed = { photoId: string; fileID: string; url: string; thumbUrl: string; source: string; hasLogo: boolean; stamped: boolean };
const detail = async () => ok(await cloud.call<{ photos: Listed[] }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));

/** Answers the confirmation dialog that every delete asks first. */
async function confirmDelete(p: Page) {
  await p.locator('.taro__modal').getByText('删除', { exact: true }).click();
}

beforeAll(async () => {
  ({ cloud, browser, y, eventId, unit, errors } = await eventDay('2023-04-15T09:40:00+08:00'));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('连拍两张：都先预览（带标识），删掉一张，提交一张，列表显示缩略图', async () => {
  await goto(unit, `/unit/photos/index?eventId=${eventId}`);
  await shown(unit).getByText('拍照（自动加盖政务公开主题日标识）').waitFor();
  for (const seed of [1, 2]) {
    await shown(unit)
      .getByTestId('camera-input')
      .setInputFiles({ name: `IMG_000${seed}.jpg`, mimeType: 'image/jpeg', buffer: await cameraJpeg(unit, seed) });
    await shown(unit)
      .getByTestId('shot')
      .nth(seed - 1)
      .waitFor({ timeout: 30_000 });
  }
  await shown(unit).getByTestId('shots-submit').getByText('提交 2 张照片').waitFor();
  await screenshot(unit, 'unit-photos-two-shots');
  // Nothing is sent before 提交.
  expect((await detail()).photos).toHaveLength(0);
  // Each preview is the stamped picture: the logo's red sits in its corner.
  const previews = await shown(unit)
    .getByTestId('shot')
    .locator('img')
    .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
  expect(previews).toHaveLength(2);
  for (const src of previews) {
    expect(src.startsWith('data:image/jpeg')).toBe(true);
    const seen = await inspectStamped(unit, src);
    expect(Math.max(seen.width, seen.height)).toBe(320);
    expect(seen.redInLogo).toBeGreaterThan(50);
    expect(seen.redElsewhere).toBe(0);
  }

  await shown(unit).getByTestId('shot-remove').first().click();
  await confirmDelete(unit);
  await shown(unit).getByTestId('shots-submit').getByText('提交 1 张照片').waitFor();
  expect(await shown(unit).getByTestId('shot').count()).toBe(1);
  const kept = previews[1];
  expect(await shown(unit).getByTestId('shot').locator('img').getAttribute('src')).toBe(kept);

  await shown(unit).getByTestId('shots-submit').click();
  await shown(unit).getByTestId('photo-message').getByText('照片已加盖标识并上传').waitFor({ timeout: 30_000 });
  await shown(unit).getByTestId('photo').first().waitFor();
  await screenshot(unit, 'unit-photos-submitted');
  expect(await shown(unit).getByTestId('shot').count()).toBe(0);

  const photos = (await detail()).photos;
  expect(photos).toHaveLength(1);
  expect(photos[0]).toMatchObject({ source: 'camera', stamped: true, hasLogo: true });
  // The list loads the thumbnail (≤ 40 KB), never the original.
  const src = await shown(unit).getByTestId('photo').locator('img').getAttribute('src');
  expect(decodeURIComponent(src ?? '')).toContain(`${photos[0].fileID.split('/').pop()!.replace('.jpg', '')}.thumb.jpg`);
  const thumb = Buffer.from(await (await fetch(photos[0].thumbUrl)).arrayBuffer());
  expect(thumb.length).toBeLessThanOrEqual(40 * 1024);
  expect(thumb.subarray(0, 3).toString('hex')).toBe('ffd8ff');
  const original = Buffer.from(await (await fetch(photos[0].url)).arrayBuffer());
  expect(original.length).toBeGreaterThan(thumb.length * 3);
  expect(errors).toEqual([]);
});

test('相册照片：不加盖标识，提交后列表上标明“相册照片（未加盖现场标识）”，不计入含标识照片', async () => {
  await shown(unit)
    .getByTestId('album-input')
    .setInputFiles({ name: 'album.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(unit, 3) });
  await shown(unit).getByTestId('shot').getByText(ALBUM_MARK).waitFor({ timeout: 30_000 });
  await shown(unit).getByTestId('shots-submit').click();
  await shown(unit).getByTestId('photo-message').getByText(`照片已上传（${ALBUM_MARK}）`).waitFor({ timeout: 30_000 });
  await shown(unit).getByTestId('photo').nth(1).waitFor();
  await shown(unit).getByTestId('photo').nth(1).getByText(ALBUM_MARK).waitFor();
  await shown(unit).getByText('已上传 2 张 · 含标识 1 张', { exact: false }).waitFor();
  await screenshot(unit, 'unit-photos-album');
  const album = (await detail()).photos.find((p) => p.source === 'album');
  expect(album).toMatchObject({ stamped: false, hasLogo: false });
  expect(album!.thumbUrl).not.toBe(album!.url);
});

test('已上传的照片在报告提交前可以删除（先确认）', async () => {
  await shown(unit).getByTestId('photo').nth(1).getByTestId('photo-remove').click();
  await confirmDelete(unit);
  await shown(unit).getByTestId('photo-message').getByText('照片已删除').waitFor();
  await shown(unit).getByText('已上传 1 张 · 含标识 1 张', { exact: false }).waitFor();
  await screenshot(unit, 'unit-photos-removed');
  const photos = (await detail()).photos;
  expect(photos.map((p) => p.source)).toEqual(['camera']);
  expect(errors).toEqual([]);
});
