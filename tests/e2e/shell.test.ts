// The app shell in Chromium against the built h5 app on the local cloud:
// the home follows account.me, and the local identity picker switches who
// the app is (X-Openid) without a reload.
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua } from '../helpers/scenario';
import { field, goto, launch, newPage, screenshot } from './browser';

jest.setTimeout(60_000);

let cloud: TestCloud;
let browser: Browser;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud(), launch()]);
  // office-yuhua runs 雨花区's office; staff-edu works for 区教育局.
  const yuhua = await seedYuhua(cloud);
  // One person can hold several roles: the office head also joins 区司法局.
  const { code } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: yuhua.lawUnitId }, yuhua.office));
  ok(await cloud.call('account', { action: 'redeemInvite', code }, yuhua.office));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const shownOpenid = (page: Page) => page.getByTestId('current-openid').textContent();

describe('首页与身份切换', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser, cloud.url, 'resident-1'));
  });

  test('市民打开首页：看到参加活动，没有公开办工作台', async () => {
    await goto(page, '/pages/index/index');
    await page.getByText('找活动').waitFor();
    await page.getByText('加载中…').waitFor({ state: 'detached' });
    expect(await shownOpenid(page)).toBe('resident-1');
    await expect(page.getByText('我的报名').count()).resolves.toBeGreaterThan(0);
    expect(await page.getByText('公开办工作台').count()).toBe(0);
    await screenshot(page, 'shell-home-resident');
  });

  test('切换到单位工作人员：首页显示我的单位', async () => {
    // The developer's identity switch is operable like every other control: a button, then radios.
    await page.getByRole('button', { name: '切换身份' }).click();
    await screenshot(page, 'shell-identity-panel');
    await page.getByRole('radio', { name: /staff-edu/ }).click();
    await page.getByText('我的单位').waitFor();
    expect(await shownOpenid(page)).toBe('staff-edu');
    await expect(page.getByText('雨花区 · 区教育局').count()).resolves.toBe(1);
    expect(await page.getByText('公开办工作台').count()).toBe(0);
    await screenshot(page, 'shell-home-unit');
  });

  test('切换到公开办身份：首页按 account.me 重新显示工作台，兼任的单位也在', async () => {
    await page.getByText('切换身份').click();
    await page.getByText('office-yuhua', { exact: false }).first().click();
    await page.getByText('公开办工作台').waitFor();
    expect(await shownOpenid(page)).toBe('office-yuhua');
    await expect(page.getByText('雨花区', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText('雨花区 · 区司法局').count()).resolves.toBe(1);
    // Everyone can also take part as a resident.
    await expect(page.getByText('找活动').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'shell-home-office');
  });

  test('身份在刷新后保留，工作台进入公开办分包页', async () => {
    await page.reload();
    await page.getByText('公开办工作台').waitFor();
    expect(await shownOpenid(page)).toBe('office-yuhua');
    await page.getByText('公开办工作台').click();
    await page.getByText('还没有导入本年度活动计划').waitFor();
    await expect(page.getByText('雨花区').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'shell-office-home');
  });

  test('手动输入其他身份', async () => {
    await goto(page, '/pages/index/index');
    await page.getByText('切换身份').first().click();
    await field(page, '其他身份，如 resident-3').fill('resident-9');
    await page.getByText('使用', { exact: true }).click();
    await expect(page.getByTestId('current-openid').textContent()).resolves.toBe('resident-9');
    await page.getByText('找活动').waitFor();
    expect(await page.getByText('公开办工作台').count()).toBe(0);
  });

  test('没有页面脚本错误', () => {
    expect(errors).toEqual([]);
  });
});

describe('出错时', () => {
  test('网络不通：显示中文提示和重试，重试后恢复', async () => {
    const { page } = await newPage(browser, cloud.url, 'office-yuhua');
    await page.route('**/api/fn/account', (route) => route.abort('internetdisconnected'));
    await goto(page, '/pages/index/index');
    await page.getByText('网络不通，请检查网络后重试').waitFor();
    await screenshot(page, 'shell-home-network-error');
    await page.unroute('**/api/fn/account');
    await page.getByText('重试', { exact: true }).click();
    await page.getByText('公开办工作台').waitFor();
    await page.context().close();
  });

  // The role screens themselves are tested by their own journeys.
  test('空状态：市民找活动', async () => {
    const { page } = await newPage(browser, cloud.url, 'resident-2');
    await goto(page, '/resident/list/index');
    await page.getByText('近期还没有开放报名的活动').waitFor();
    await screenshot(page, 'shell-resident-home');
    await page.context().close();
  });
});
