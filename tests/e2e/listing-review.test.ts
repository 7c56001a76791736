// 开放报名前的公开审查 in Chromium against the h5 build: the office turns the rule
// on in its rules screen; a filed event with open seats is hidden from residents,
// the unit reads why, the office finds it in its queue, confirms the two checks and
// releases it, and the event then appears in the residents' list; withdrawn, it
// leaves the list again.
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { goto, launch, newPage, screenshot } from './browser';

jest.setTimeout(90_000);

const errors: string[] = [];
let office: Page;
let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let theme: string;

const shown = (p: Page) => p.locator('.taro_page >> visible=true');

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T09:00:00+08:00' }), launch()]);
  y = await seedYuhua(cloud);
  ({ eventId, theme } = y.event(1));
  const opened = await newPage(browser, cloud.url, y.office);
  office = opened.page;
  office.setDefaultTimeout(10_000);
  errors.push(...opened.errors);
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('规则设置：公开办开启“开放报名前由公开办审查”并保存', async () => {
  await goto(office, '/office/rules/index');
  const toggle = shown(office).getByTestId('rule-listing-review');
  await toggle.waitFor();
  await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
  await toggle.click();
  await shown(office).getByText('审查通过后市民才能看到并报名', { exact: false }).waitFor();
  await shown(office).getByText('保存规则').click();
  await shown(office).getByTestId('rules-changed').getByText('开放报名前公开审查', { exact: false }).waitFor();
  await screenshot(office, 'listing-rules');
  const saved = ok(
    await cloud.call<{ rules: { listingNeedsReview: boolean } }>(
      'office',
      { action: 'getRules', jurisdictionId: y.jurisdictionId },
      y.office,
    ),
  );
  expect(saved.rules.listingNeedsReview).toBe(true);
});

test('单位报备开放名额的活动：市民看不到，单位看到“待公开办审查后开放报名”', async () => {
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId, date: '2023-05-10', startTime: '09:30', venue: { name: '雨花区教育局三楼会议室' }, publicSeats: 50 },
      y.eduStaff,
    ),
  );
  const { page: resident } = await newPage(browser, cloud.url, 'resident-1');
  await goto(resident, '/resident/list/index');
  await shown(resident).getByText('没有', { exact: false }).first().waitFor();
  await expect(shown(resident).getByText(theme).count()).resolves.toBe(0);
  await resident.context().close();

  const { page: unit } = await newPage(browser, cloud.url, y.eduStaff);
  await goto(unit, '/unit/home/index');
  await shown(unit).getByTestId('unit-listing-notice').getByText('待公开办审查后开放报名').waitFor();
  await screenshot(unit, 'listing-unit-home');
  await unit.context().close();
});

test('公开办：待办里有这项活动，勾选两项审查后开放报名', async () => {
  await goto(office, '/office/home/index');
  const count = shown(office).getByTestId('count-review');
  await count.getByText('1', { exact: true }).waitFor();
  await count.click();
  const row = shown(office).getByTestId('review-row');
  await row.getByText('待公开办审查后开放报名').waitFor();
  await row.click();
  await shown(office).getByText('开放报名前的公开审查').waitFor();
  const release = shown(office).getByRole('button', { name: '审查通过，开放市民报名' });
  await expect(release.isDisabled()).resolves.toBe(true);
  const checks = shown(office).getByTestId('listing-check');
  await checks.nth(0).click();
  await checks.nth(1).click();
  await screenshot(office, 'listing-office-review');
  await release.click();
  await shown(office).getByTestId('listing-released').getByText('市民可以看到并报名', { exact: false }).waitFor();
  await screenshot(office, 'listing-office-released');
});

test('开放后：市民列表出现该活动，可以报名', async () => {
  const { page: resident } = await newPage(browser, cloud.url, 'resident-1');
  await goto(resident, '/resident/list/index');
  await shown(resident).getByText(theme).first().click();
  await shown(resident).getByText('我要报名').waitFor();
  await screenshot(resident, 'listing-resident-detail');
  await resident.context().close();
  expect(errors).toEqual([]);
});

test('公开办撤回报名：需写明原因、先确认，市民列表随即不再出现该活动', async () => {
  await goto(office, `/office/event/index?eventId=${eventId}`);
  await shown(office).getByTestId('listing-released').waitFor();
  const withdraw = shown(office).getByRole('button', { name: '撤回报名' });
  await withdraw.click();
  await shown(office).getByText('请写明撤回原因', { exact: false }).waitFor();
  await shown(office).getByRole('textbox', { name: '撤回原因' }).fill('活动地点需调整');
  await withdraw.click();
  await office.locator('.taro__modal').getByText('撤回', { exact: true }).click();
  await shown(office).getByText('开放报名前的公开审查').waitFor();
  await screenshot(office, 'listing-office-withdrawn');

  const { page: resident } = await newPage(browser, cloud.url, 'resident-3');
  await goto(resident, '/resident/list/index');
  // The list has loaded: either the day headings or the empty state.
  await shown(resident).getByText('近期还没有开放报名的活动').or(shown(resident).locator('.r-day').first()).waitFor();
  await expect(shown(resident).getByText(theme).count()).resolves.toBe(0);
  await resident.context().close();
  expect(errors).toEqual([]);
});
