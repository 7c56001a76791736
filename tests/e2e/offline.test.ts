// At a venue without signal: two photos and the check-in wait on the phone
// ("待上传"), survive a reload, and reach the server exactly once when the
// network returns.
import type { Browser, Page } from 'playwright-core';
import { ok, type TestCloud } from '../helpers/cloud';
import type { Yuhua } from '../helpers/scenario';
import { goto, screenshot } from './browser';
import { cameraJpeg, eventDay } from './unitPhoto';

jest.setTimeout(120_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let unit: Page;
const shown = (p: Page) => p.locator('.taro_page >> visible=true');

type Detail = { event: { status: string }; photos: Array<{ photoId: string; stamped: boolean }>; checkin: { checkinId: string } | null };
const detail = async () => ok(await cloud.call<Detail>('unit', { action: 'eventDetail', eventId }, y.eduStaff));

beforeAll(async () => {
  ({ cloud, browser, y, eventId, unit } = await eventDay('2023-04-15T09:00:00+08:00'));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('离线拍照、签到：待上传，刷新后仍在，联网后各上传一次', async () => {
  // Open the screens once online (their code and the event are then on the phone).
  await goto(unit, `/unit/checkin/index?eventId=${eventId}`);
  await shown(unit).getByText('定位并签到').waitFor();
  await goto(unit, `/unit/photos/index?eventId=${eventId}`);
  await shown(unit).getByText('拍照（自动加盖政务公开主题日标识）').waitFor();
  const photos = [await cameraJpeg(unit, 1), await cameraJpeg(unit, 2)];

  await unit.context().setOffline(true);
  for (const [i, buffer] of photos.entries()) {
    await shown(unit)
      .getByTestId('camera-input')
      .setInputFiles({ name: `IMG_${i}.jpg`, mimeType: 'image/jpeg', buffer });
    await shown(unit).getByTestId('shot').nth(i).waitFor({ timeout: 30_000 });
  }
  await shown(unit).getByTestId('shots-submit').click();
  await shown(unit).getByText('待上传 2').waitFor({ timeout: 30_000 });
  await shown(unit).getByText('当前没有网络，照片已保存在本机，联网后自动上传').waitFor();
  await screenshot(unit, 'unit-offline-photos');

  await goto(unit, `/unit/checkin/index?eventId=${eventId}`);
  await shown(unit).getByText('定位并签到').click();
  await shown(unit).getByTestId('checkin-queued').waitFor();
  await shown(unit).getByText('待上传 3').waitFor();
  await screenshot(unit, 'unit-offline-checkin');
  expect((await detail()).photos).toHaveLength(0);

  // Reload with the server still unreachable: the queue is read back from the phone.
  await unit.route('**/api/**', (r) => r.abort('internetdisconnected'));
  await unit.context().setOffline(false);
  await goto(unit, `/unit/event/index?eventId=${eventId}`);
  await unit.reload();
  await shown(unit).getByText('待上传 3').waitFor();
  await screenshot(unit, 'unit-offline-after-reload');
  expect((await detail()).checkin).toBeNull();

  // The network returns: the browser says so ('online') and the outbox sends.
  await unit.unroute('**/api/**');
  await unit.context().setOffline(true);
  await unit.context().setOffline(false);
  await shown(unit).getByTestId('outbox').waitFor({ state: 'detached', timeout: 30_000 });
  const after = await detail();
  expect(after.photos).toHaveLength(2);
  expect(after.photos.every((p) => p.stamped)).toBe(true);
  expect(new Set(after.photos.map((p) => p.photoId)).size).toBe(2);
  expect(after.checkin).not.toBeNull();
  expect(after.event.status).toBe('held');

  // Another start of the app sends nothing again.
  await unit.reload();
  await shown(unit).getByText('现场拍照（2）').waitFor();
  const office = ok(await cloud.call<{ checkin: { checkinId: string } | null }>('office', { action: 'reportDetail', eventId }, y.office));
  expect(office.checkin?.checkinId).toBe(after.checkin!.checkinId);
  expect((await detail()).photos).toHaveLength(2);
  await screenshot(unit, 'unit-offline-synced');
});
