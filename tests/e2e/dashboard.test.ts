// 考核看板 in Chromium against the h5 build: the office sees a late unit, drills
// into its late items and the event, downloads the Excel export; the message
// centre shows the daily digest. Build: TARO_OUTPUT=dist/h5-dash npx taro build --type h5,
// run with H5_DIR=dist/h5-dash.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { goto, launch, newPage, screenshot } from './browser';

jest.setTimeout(120_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true }), launch()]);
  y = await seedYuhua(cloud);
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId: y.event(1).eventId, date: '2023-04-20', venue: { name: '区教育局会议室' } },
      y.eduStaff,
    ),
  );
  await cloud.setClock('2023-05-16T09:00:00+08:00', true);
  ok(await cloud.call('account', { action: 'subscribe', templateIds: ['local-tpl-deadline'], accepted: ['local-tpl-deadline'] }, y.office));
  ok(await cloud.trigger('reminders'));
  ({ page, errors } = await newPage(browser, cloud.url, y.office));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('the office sees late units in the table', async () => {
  await goto(page, `/office/dashboard/index?jurisdictionId=${y.jurisdictionId}&year=2023`);
  await page.getByTestId('unit-table').waitFor();
  await expect(page.getByTestId('unit-row').count()).resolves.toBe(y.units.length);
  // April's unfiled events (#2–#13 without #7 of 区教育局, whose #1 is filed but never reported) → late.
  const law = page.getByTestId('unit-row').filter({ hasText: '区司法局' });
  await expect(law.getAttribute('class')).resolves.toContain('d-tr--late');
  await expect(page.getByTestId('late-units').textContent()).resolves.toBe('12');
  await screenshot(page, 'dashboard-units');
});

test('tap a unit → its late items → tap → the event', async () => {
  await page.getByTestId('unit-row').filter({ hasText: '区司法局' }).click();
  await page.getByText('区司法局的逾期事项').waitFor();
  const items = page.getByTestId('late-item');
  await expect(items.count()).resolves.toBe(1);
  await expect(items.first().textContent()).resolves.toContain('已逾期14个工作日');
  await screenshot(page, 'dashboard-late-items');
  await items.first().click();
  await page.waitForURL(/office\/event\/index/);
  // Pages below in the h5 router's stack stay in the DOM, hidden: look at the visible one.
  await page
    .locator(`text=${y.event(6).theme} >> visible=true`)
    .first()
    .waitFor();
  await screenshot(page, 'dashboard-event');
});

test('back to all units, then 按月 shows the months with events', async () => {
  await page.goBack();
  await page.locator('text=‹ 返回全部单位 >> visible=true').click();
  await page.getByTestId('unit-table').waitFor();
  await page.getByText('按月', { exact: true }).click();
  await page.getByText('12月', { exact: true }).waitFor();
  await screenshot(page, 'dashboard-months');
});

test('导出 Excel downloads an .xlsx with the numbers', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出 Excel', { exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const bytes = fs.readFileSync(file!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按月', '逾期明细', '无活动单位', '考核指标']);
});

test('the message centre lists the office digest', async () => {
  await goto(page, '/pages/index/index');
  await page.getByText('消息中心', { exact: true }).click();
  await page.getByTestId('message').first().waitFor();
  await expect(page.getByTestId('message').first().textContent()).resolves.toContain('12个单位有逾期事项');
  await screenshot(page, 'dashboard-messages');
  expect(errors).toEqual([]);
});
