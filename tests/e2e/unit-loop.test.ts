// The whole loop on a phone (h5 in Chromium): the unit files its plan (a date
// that is too late first), checks in on the day, takes a stamped photo, writes
// the report with the live keyword check, the office returns it, the unit
// resubmits, the office approves, reviews the masked text for publishing and
// publishes it, and the public column shows it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { goto, launch, newPage, screenshot, shown, shownField, SCREENS_DIR } from './browser';
import { cameraJpeg, inspectStamped } from './unitPhoto';

jest.setTimeout(180_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let unit: Page;
let unitErrors: string[];
const VENUE = { latitude: 28.1136, longitude: 113.0107 };
const KW = '“政务公开主题日”';
const input = shownField;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T10:00:00+08:00', frozen: true }), launch()]);
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
  ({ page: unit, errors: unitErrors } = await newPage(browser, cloud.url, y.eduStaff));
  await unit.context().grantPermissions(['geolocation']);
  await unit.context().setGeolocation({ ...VENUE, accuracy: 15 });
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const detail = async () =>
  ok(
    await cloud.call<{
      event: { status: string };
      photos: Array<{ photoId: string; fileID: string; url: string; hasLogo: boolean; stamped: boolean }>;
      checkin: unknown;
      materials?: { version: number } | null;
    }>('unit', { action: 'eventDetail', eventId }, y.eduStaff),
  );

test('我的活动：列出本单位的活动和下一步，点开是活动页', async () => {
  await goto(unit, '/unit/home/index');
  await shown(unit).getByText('小升初招生政策解读').first().waitFor();
  await expect(shown(unit).getByText('下一步：报备活动方案').count()).resolves.toBeGreaterThan(0);
  await screenshot(unit, 'unit-home');
  await shown(unit).getByText('小升初招生政策解读').first().click();
  await shown(unit).getByTestId('timeline').waitFor();
  await shown(unit).getByText('报备活动方案', { exact: true }).waitFor();
  await screenshot(unit, 'unit-event-planned');
});

test('方案报备：日期太晚时提示最早可报备日期，一点即改，报备成功', async () => {
  await shown(unit).getByText('报备活动方案', { exact: true }).click();
  await shown(unit).getByTestId('plan-date').waitFor();
  await shown(unit).getByTestId('plan-date').fill('2023-04-12');
  await shown(unit).getByTestId('plan-deadline').getByText('已过期限', { exact: false }).waitFor();
  await shown(unit).getByTestId('plan-time').fill('09:30');
  await input(unit, '地点名称，如 区政务服务中心三楼会议室').fill('雨花区教育局一楼报告厅');
  await shown(unit).getByText('使用当前位置').click();
  await shown(unit).getByText('已定位：', { exact: false }).waitFor();
  await shown(unit).getByText('人大代表', { exact: true }).click();
  await shown(unit).getByText('新闻媒体', { exact: true }).click();
  await shown(unit).getByText('提交报备').click();
  await shown(unit).getByTestId('plan-error').waitFor();
  await screenshot(unit, 'unit-plan-deadline-passed');
  await shown(unit).getByText('最早可报备 4月15日 周六').waitFor();
  await screenshot(unit, 'unit-plan-deadline-passed');
  await shown(unit).getByText('改为 4月15日').click();
  expect(await shown(unit).getByTestId('plan-date').inputValue()).toBe('2023-04-15');
  await shown(unit).getByTestId('plan-deadline').getByText('4月10日 23:59', { exact: false }).waitFor();
  await shown(unit).getByText('提交报备').click();
  await shown(unit).getByText('方案已报备（第 1 版）').waitFor();
  await screenshot(unit, 'unit-plan-filed');
  expect((await detail()).event.status).toBe('plan_filed');
  // The browser's WGS-84 position is stored in GCJ-02, as WeChat's own location APIs give it.
  const { plan } = ok(
    await cloud.call<{ plan: { venue: { latitude: number; longitude: number } } }>('unit', { action: 'eventDetail', eventId }, y.eduStaff),
  );
  expect(plan.venue.latitude).toBeCloseTo(28.11029, 4);
  expect(plan.venue.longitude).toBeCloseTo(113.01637, 4);
});

test('签到：不是活动日时说明原因；活动当天签到，显示时间和距离', async () => {
  await goto(unit, `/unit/checkin/index?eventId=${eventId}`);
  await shown(unit).getByText('定位并签到').click();
  await shown(unit).getByTestId('checkin-error').getByText('今天不是活动日', { exact: false }).waitFor();
  await screenshot(unit, 'unit-checkin-not-event-day');
  // The refusal stays listed until read.
  await shown(unit).getByText('知道了').click();

  await cloud.setClock('2023-04-15T09:40:00+08:00', true);
  await unit.context().setGeolocation({ latitude: VENUE.latitude + 0.001, longitude: VENUE.longitude, accuracy: 15 });
  await unit.reload();
  await shown(unit).getByText('定位并签到').click();
  await shown(unit).getByTestId('checkin-result').waitFor();
  await shown(unit)
    .getByText(/距活动地点 1\d\d 米/)
    .waitFor();
  await screenshot(unit, 'unit-checkin-done');
  expect((await detail()).event.status).toBe('held');
});

test('拍照：照片加盖标识后上传，长边不超过 1920、小于 400 KB、标识区域有标识的红色', async () => {
  await goto(unit, `/unit/photos/index?eventId=${eventId}`);
  await shown(unit).getByText('拍照（自动加盖政务公开主题日标识）').waitFor();
  const jpeg = await cameraJpeg(unit, 1);
  expect(jpeg.length).toBeGreaterThan(400 * 1024);
  await shown(unit).getByTestId('camera-input').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  // Stamped, previewed, then sent with 提交.
  await shown(unit).getByTestId('shot').waitFor({ timeout: 30_000 });
  await shown(unit).getByTestId('shots-submit').click();
  await shown(unit).getByTestId('photo-message').waitFor({ timeout: 30_000 });
  await screenshot(unit, 'unit-photos');
  expect({ message: await shown(unit).getByTestId('photo-message').textContent(), unitErrors }).toEqual({
    message: '照片已加盖标识并上传',
    unitErrors: [],
  });
  await shown(unit).getByTestId('photo').first().waitFor();
  await screenshot(unit, 'unit-photos');

  const photos = (await detail()).photos;
  expect(photos).toHaveLength(1);
  expect(photos[0]).toMatchObject({ stamped: true, hasLogo: true });
  // Read as the app does: through the temp link getTempFileURL made.
  const res = await fetch(photos[0].url);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.length).toBeLessThan(400 * 1024);
  // Kept next to the screenshots so the stamp itself can be looked at.
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENS_DIR, 'unit-stamped-photo.jpg'), bytes);
  const seen = await inspectStamped(unit, photos[0].url);
  expect(Math.max(seen.width, seen.height)).toBeLessThanOrEqual(1920);
  expect(seen).toMatchObject({ width: 1920, height: 1440 });
  expect(seen.redInLogo).toBeGreaterThan(500);
  expect(seen.redElsewhere).toBe(0);
});

test('专栏材料：活动后单独报送照片和文字，第 1 版', async () => {
  await goto(unit, `/unit/report/index?eventId=${eventId}`);
  await shown(unit).getByTestId('materials-photo').first().waitFor();
  await input(unit, '专栏文字说明').fill(`区教育局举办${KW}活动，邀请人大代表、家长代表走进教育局，现场解读招生政策。`);
  await shown(unit).getByText('报送专栏材料', { exact: true }).click();
  await shown(unit).getByTestId('materials-submitted').getByText('专栏材料已报送（第 1 版', { exact: false }).waitFor();
  await screenshot(unit, 'unit-materials-submitted');
  expect((await detail()).materials).toMatchObject({ version: 1 });
});

test('情况报告：分部分填写，新闻稿实时检查关键字，结尾缺少时标红，补上后提交', async () => {
  await goto(unit, `/unit/report/index?eventId=${eventId}`);
  await input(unit, '报告标题').fill('区教育局活动情况报告');
  await input(unit, '活动概况').fill('4月15日，区教育局举办招生政策解读活动，邀请人大代表、新闻媒体走进教育局。');
  await input(unit, '经验做法').fill('提前公布议程，现场逐一答复家长提问。');
  await input(unit, '工作实效').fill('解答家长咨询30余条。');
  await input(unit, '新闻稿标题').fill(`区教育局开展${KW}活动`);
  await input(unit, '首段').fill(`4月15日，区教育局举办${KW}活动，邀请人大代表、新闻媒体走进教育局。`);
  await input(unit, '正文').fill(`活动中，工作人员围绕${KW}解读小升初招生政策，现场解答家长提问。`);
  await input(unit, '结尾').fill('下一步，区教育局将持续做好政策公开。');
  await expect(shown(unit).getByTestId('kw-last').getAttribute('data-ok')).resolves.toBe('no');
  await expect(shown(unit).getByTestId('kw-title').getAttribute('data-ok')).resolves.toBe('yes');
  await screenshot(unit, 'unit-report-keyword-missing');
  await input(unit, '结尾').fill(`下一步，区教育局将以${KW}为契机，持续做好政策公开。`);
  await expect(shown(unit).getByTestId('kw-last').getAttribute('data-ok')).resolves.toBe('yes');
  await input(unit, '人数').first().fill('60');
  await shown(unit).getByText('保存草稿').click();
  await shown(unit).getByText('上次 4月15日', { exact: false }).waitFor();
  await shown(unit).getByText('提交情况报告').click();
  await shown(unit).getByText('情况报告已提交（第 1 版）').waitFor();
  await shown(unit).getByText('按时提交', { exact: false }).waitFor();
  await screenshot(unit, 'unit-report-submitted');
});

test('公开办退回，单位修改后重新提交，公开办通过并公开审查后发布，专栏展示', async () => {
  const { page: office } = await newPage(browser, cloud.url, y.office);
  await goto(office, `/office/review/index?eventId=${eventId}`);
  await shown(office).getByTestId('review-title').waitFor();
  await shown(office).getByTestId('review-checkin').getByText('距活动地点', { exact: false }).waitFor();
  // The report, the news release and the column materials are three items.
  await shown(office).getByTestId('review-part-overview').getByText('招生政策解读', { exact: false }).waitFor();
  await shown(office).getByTestId('review-news').getByText('区教育局开展', { exact: false }).waitFor();
  await shown(office).getByTestId('review-materials').getByText('现场解读招生政策', { exact: false }).waitFor();
  await input(office, '修改意见').fill('请补充现场家长提问及答复情况');
  await screenshot(office, 'unit-office-review');
  await shown(office).getByText('退回修改').click();
  await office.waitForTimeout(1500);
  await screenshot(office, 'unit-office-returned');
  await shown(office).getByTestId('review-result').getByText('已退回', { exact: false }).waitFor();

  await goto(unit, `/unit/event/index?eventId=${eventId}`);
  await shown(unit).getByText('公开办退回意见：请补充现场家长提问及答复情况').waitFor();
  await screenshot(unit, 'unit-event-returned');
  await shown(unit).getByText('修改并重新提交报告').click();
  await shown(unit).getByText('被退回', { exact: false }).waitFor();
  expect(await input(unit, '新闻稿标题').inputValue()).toContain('政务公开主题日');
  await input(unit, '工作实效').fill('解答家长咨询30余条；家长提出划片范围等问题，工作人员逐一答复。');
  await shown(unit).getByText('提交情况报告').click();
  await shown(unit).getByText('情况报告已提交（第 2 版）').waitFor();

  await office.reload();
  await shown(office).getByText('情况报告 第 2 版', { exact: false }).waitFor();
  await shown(office).getByText('通过', { exact: true }).click();
  await shown(office).getByTestId('review-result').getByText('已通过', { exact: false }).waitFor();

  // Approval does not publish: the office reviews the public text, confirms both checks, then publishes.
  await shown(office).getByTestId('publish-title').waitFor();
  await shown(office).getByText('公开到专栏', { exact: true }).click();
  await shown(office).getByText('请先逐项审查并勾选两项确认').waitFor();
  const checks = shown(office).getByTestId('publish-check');
  await checks.nth(0).click();
  await checks.nth(1).click();
  await screenshot(office, 'unit-office-publish');
  await shown(office).getByText('公开到专栏', { exact: true }).click();
  await shown(office).getByTestId('publish-result').getByText('已公开', { exact: false }).waitFor();

  const { page: reader } = await newPage(browser, cloud.url, 'reader-1');
  await goto(reader, `/pages/column/index?j=${y.jurisdictionId}`);
  await shown(reader).getByTestId('column-title').getByText('区教育局活动情况报告', { exact: false }).waitFor();
  await shown(reader).locator('.c-photo').first().waitFor();
  await screenshot(reader, 'unit-column');

  // The office reaches the same column from its desk, to share the link.
  await goto(office, `/office/home/index?jurisdictionId=${y.jurisdictionId}`);
  await shown(office).getByText('公开专栏', { exact: true }).click();
  await shown(office).getByTestId('column-title').getByText('区教育局活动情况报告', { exact: false }).waitFor();
  expect(unitErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
