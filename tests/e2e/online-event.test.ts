// A two-day online event on a phone (h5 in Chromium), under 雨花区's news-strict
// rules: the unit files 4/27–4/28 as an online interview and sees the report and
// materials deadlines move with the end date (4/29–5/3 are holidays), checks in
// on the second day with a screenshot instead of a position, and the office reads
// the materials, the report and the news release as separate items, in the
// review and on the dashboard.
import crypto from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { plainPhoto, stampedPhoto } from '../helpers/photos';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { goto, launch, newPage, screenshot, shown, shownField } from './browser';

jest.setTimeout(180_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let unit: Page;
let unitErrors: string[];
const KW = '政务公开主题日';
const PLATFORM = '雨花区政府网在线访谈';
const input = shownField;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true }), launch()]);
  y = await seedYuhua(cloud);
  eventId = y.event(7).eventId;
  ({ page: unit, errors: unitErrors } = await newPage(browser, cloud.url, y.eduStaff));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('方案报备：两天的线上活动，报告和专栏材料期限从结束日期起算', async () => {
  await goto(unit, `/unit/plan/index?eventId=${eventId}`);
  await shown(unit).getByTestId('plan-date').fill('2023-04-27');
  // One day: materials 4/28 and 5/4; report 4/28, 5/4, 5/5, 5/6 (make-up Saturday), 5/8.
  const preview = shown(unit).getByTestId('plan-deadline');
  await preview.getByText('专栏材料 5月4日 23:59', { exact: false }).waitFor();
  await preview.getByText('情况报告 5月8日 23:59', { exact: false }).waitFor();

  await shown(unit).getByTestId('plan-multiday').click();
  await shown(unit).getByTestId('plan-end-date').fill('2023-04-28');
  await preview.getByText('专栏材料 5月5日 23:59', { exact: false }).waitFor();
  await preview.getByText('情况报告 5月9日 23:59', { exact: false }).waitFor();
  await preview.getByText('从结束日期起算', { exact: false }).waitFor();
  expect(await preview.textContent()).toContain('方案须在 4月21日 23:59 前报备');

  await shown(unit).getByTestId('plan-online').click();
  await expect(shown(unit).getByText('使用当前位置').count()).resolves.toBe(0);
  await input(unit, '平台名称，如 红网问政').fill(PLATFORM);
  await input(unit, '活动链接，如 https://…').fill('www.yuhua.gov.cn');
  await shown(unit).getByText('提交报备').click();
  await shown(unit).getByText('链接须为完整网址，如 https://…').waitFor();
  await input(unit, '活动链接，如 https://…').fill('https://www.yuhua.gov.cn/ft/2023');
  await screenshot(unit, 'online-plan-form');

  await shown(unit).getByText('提交报备').click();
  await shown(unit).getByText('方案已报备（第 1 版）').waitFor();
  await shown(unit).getByText('4月27日至4月28日（共2天）').waitFor();
  await shown(unit).getByText('5月5日 23:59').waitFor();
  await screenshot(unit, 'online-plan-filed');
  const d = ok(
    await cloud.call<{ plan: { endDate: string; venue: Record<string, unknown>; publicSeats: number } }>(
      'unit',
      { action: 'eventDetail', eventId },
      y.eduStaff,
    ),
  );
  expect(d.plan).toMatchObject({
    endDate: '2023-04-28',
    venue: { online: true, platform: PLATFORM, link: 'https://www.yuhua.gov.cn/ft/2023' },
    publicSeats: 0,
  });
  expect(d.plan.venue).not.toHaveProperty('latitude');
});

test('签到：第二天以活动截图签到，不需要定位', async () => {
  await cloud.setClock('2023-04-28T15:00:00+08:00', true);
  await goto(unit, `/unit/checkin/index?eventId=${eventId}`);
  await shown(unit).getByTestId('checkin-days').getByText('每天都可以签到', { exact: false }).waitFor();
  await expect(shown(unit).getByText('定位并签到').count()).resolves.toBe(0);
  await shown(unit).getByText('提交签到', { exact: true }).click();
  await shown(unit).getByTestId('evidence-problem').getByText('请上传活动截图，或粘贴活动链接').waitFor();
  await screenshot(unit, 'online-checkin-form');

  const shot = plainPhoto('online-screenshot', { width: 390, height: 844 }).bytes;
  await shown(unit).getByTestId('evidence-input').setInputFiles({ name: 'Screenshot.jpg', mimeType: 'image/jpeg', buffer: shot });
  await shown(unit).getByTestId('evidence-uploaded').waitFor();
  await shown(unit).getByText('提交签到', { exact: true }).click();
  const result = shown(unit).getByTestId('checkin-result');
  await result.getByText('已签到').waitFor();
  await result.getByText('线上活动，以活动截图或链接签到').waitFor();
  await screenshot(unit, 'online-checkin-done');
  const d = ok(await cloud.call<{ event: { status: string } }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
  expect(d.event.status).toBe('held');
  expect(unitErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('公开办：专栏材料、情况报告、新闻稿是分开的三项，看板分列统计', async () => {
  // The deliveries themselves are the report journey's subject (unit-loop); here they arrive through the API.
  const { bytes, sha256 } = stampedPhoto(crypto.randomUUID());
  const fileID = await cloud.upload(`events/${eventId}/photos/${sha256}.jpg`, bytes, y.eduStaff);
  const { photoId } = ok(
    await cloud.call<{ photoId: string }>('unit', { action: 'addPhoto', eventId, fileID, sha256, stamped: true }, y.eduStaff),
  );
  await cloud.setClock('2023-05-04T16:00:00+08:00', true);
  ok(
    await cloud.call(
      'unit',
      { action: 'submitMaterials', eventId, photoIds: [photoId], text: '区教育局在线访谈现场截图，局负责人解读招生政策。' },
      y.eduStaff,
    ),
  );
  ok(
    await cloud.call(
      'unit',
      {
        action: 'submitReport',
        eventId,
        title: '区教育局在线访谈活动情况报告',
        paragraphs: [],
        parts: {
          overview: '4月27日至28日，区教育局在区政府网开展在线访谈。',
          practices: '提前征集网民问题。',
          results: '答复网民提问45条。',
        },
        participants: 320,
        photoIds: [photoId],
        newsRelease: {
          title: `区教育局开展“${KW}”在线访谈`,
          paragraphs: [
            `4月27日至28日，区教育局开展“${KW}”在线访谈。`,
            `访谈围绕${KW}主题解读招生政策。`,
            `区教育局将持续办好“${KW}”活动。`,
          ],
        },
      },
      y.eduStaff,
    ),
  );

  const { page: office, errors: officeErrors } = await newPage(browser, cloud.url, y.office);
  await goto(office, `/office/review/index?eventId=${eventId}`);
  await shown(office).getByTestId('review-title').waitFor();
  await shown(office).getByTestId('review-plan').getByText(`4月27日至4月28日（共2天）`, { exact: false }).waitFor();
  await shown(office).getByTestId('review-plan').getByText(`线上活动：${PLATFORM}`, { exact: false }).waitFor();
  await shown(office).getByText('线上活动，以截图或链接签到').waitFor();
  await shown(office).getByAltText('线上活动签到截图').first().waitFor();
  await shown(office).getByTestId('review-materials').getByText('区教育局在线访谈现场截图', { exact: false }).waitFor();
  await shown(office).getByTestId('review-materials').getByText('按时').waitFor();
  await shown(office).getByTestId('review-part-overview').getByText('在线访谈', { exact: false }).waitFor();
  await shown(office).getByTestId('review-news').getByText(`区教育局开展“${KW}”在线访谈`, { exact: true }).waitFor();
  await screenshot(office, 'online-office-review');
  // The screenshot the unit uploaded is what the office sees.
  const src = await shown(office).getByAltText('线上活动签到截图').first().getAttribute('src');
  expect(Buffer.from(await (await fetch(new URL(src!, cloud.url))).arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

  await goto(office, `/office/dashboard/index?jurisdictionId=${y.jurisdictionId}&year=2023`);
  const row = shown(office).getByTestId('unit-row').filter({ hasText: '区教育局' });
  await row.waitFor();
  // 活动, 已报备/按时, 已举办, 已报告/按时, 专栏材料/按时, 新闻稿, 逾期 as their own cells.
  const cells = await row.locator('.d-td--n').allTextContents();
  expect(cells.slice(3, 6)).toEqual(['1/1', '1/1', '1']);
  await screenshot(office, 'online-office-dashboard');
  expect(officeErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
