// A resident's journey in Chromium against the h5 build: find an event, read it,
// sign up (form + consent), see it under 我的报名, scan the event's code on the
// day (the attend page URL the code encodes), evaluate with 5 stars and a comment.
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { field, goto, launch, newPage, screenshot } from './browser';

jest.setTimeout(90_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let theme: string;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T09:00:00+08:00' }), launch()]);
  y = await seedYuhua(cloud);
  ({ eventId, theme } = y.event(1));
  ok(
    await cloud.call(
      'unit',
      {
        action: 'filePlan',
        eventId,
        date: '2023-05-10',
        startTime: '09:30',
        venue: { name: '雨花区教育局三楼会议室', latitude: 28.1357, longitude: 113.0386 },
        publicSeats: 50,
      },
      y.eduStaff,
    ),
  );
  // Someone else signed up first, so the count shows 1/50 before our resident.
  ok(await cloud.call('resident', { action: 'signUp', eventId, name: '李四', phone: '13900000001', identity: '人大代表' }, 'resident-0'));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

describe('市民：找活动 → 报名 → 签到 → 评价', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser, cloud.url, 'resident-1'));
    page.setDefaultTimeout(10_000);
  });

  test('活动列表：按日期，显示已报名额和报名截止', async () => {
    await goto(page, '/resident/list/index');
    await page.getByText(theme).first().waitFor();
    await page.getByText('已报 1/50').waitFor();
    await expect(page.getByText('报名截止：5月10日 09:30').count()).resolves.toBe(1);
    await expect(page.getByText('5月10日 周三').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'resident-list');
  });

  test('活动详情：主题、单位、地点、席位，没有任何手机号', async () => {
    await page.getByText(theme).first().click();
    await page.getByText('查看地图 ›').waitFor();
    await expect(page.getByText('区教育局').count()).resolves.toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/);
    await screenshot(page, 'resident-detail');
  });

  test('报名：不勾选同意不能提交；填好勾选后报名成功', async () => {
    await page.getByText('我要报名').click();
    await field(page, '请输入真实姓名').waitFor();
    await field(page, '请输入真实姓名').fill('张三丰');
    await field(page, '请输入11位手机号').fill('13812341234');
    await page.getByText('专家学者', { exact: true }).click();
    await page.getByText('提交报名').click();
    await page.getByText('请先阅读并勾选同意个人信息保护说明').waitFor();
    await page.getByText('我已阅读并同意', { exact: false }).click();
    await screenshot(page, 'resident-signup-form');
    await page.getByText('提交报名').click();
    await page.getByText('报名成功').waitFor();
    await screenshot(page, 'resident-signup-done');
  });

  test('我的报名：显示在“即将参加”', async () => {
    await page.getByText('查看我的报名').click();
    await page.getByText('即将参加（1）').waitFor();
    await expect(page.locator('.r-title:visible').filter({ hasText: theme }).count()).resolves.toBe(1);
    await page.getByText('已确认').waitFor();
    await screenshot(page, 'resident-mine');
  });

  test('活动当天扫码签到：打开签到码指向的页面，显示签到成功', async () => {
    const code = ok(await cloud.call<{ scene: string; page: string }>('unit', { action: 'eventCode', eventId }, y.eduStaff));
    expect(code.page).toBe('resident/attend/index');
    // Before the day the page says when to come.
    await goto(page, `/resident/attend/index?scene=${encodeURIComponent(code.scene)}`);
    await page.getByText('签到只能在活动当天', { exact: false }).waitFor();
    await screenshot(page, 'resident-attend-early');
    await cloud.setClock('2023-05-10T09:10:00+08:00');
    await page.getByText('重试').click();
    await page.getByText('签到成功').waitFor();
    await screenshot(page, 'resident-attend');
  });

  test('评价：5 星加评价，违规词被拒，修改后提交成功', async () => {
    await cloud.setClock('2023-05-10T11:30:00+08:00');
    // Scanned in before the 09:30 start: evaluation is offered from 我的报名 once it has started.
    await page.getByText('查看我的报名').click();
    await page.getByText('去评价').click();
    await page.locator('.r-star').nth(4).click();
    await page.getByText('非常满意').waitFor();
    await field(page, '说说您的收获和建议（选填）').fill('听说有人诈骗');
    await page.getByText('提交评价').click();
    await page.getByText('评价内容未通过安全检测', { exact: false }).waitFor();
    await screenshot(page, 'resident-evaluate-rejected');
    await field(page, '说说您的收获和建议（选填）').fill('政策讲解清楚，现场答疑很耐心');
    await page.getByText('提交评价').click();
    await page.getByText('感谢您的评价').waitFor();
    await screenshot(page, 'resident-evaluate-done');
    const r = ok(
      await cloud.call<{ events: Array<{ eventId: string; average: number; count: number }> }>(
        'office',
        { action: 'ratings', jurisdictionId: y.jurisdictionId, year: 2023 },
        y.office,
      ),
    );
    expect(r.events).toEqual([expect.objectContaining({ eventId, average: 5, count: 1 })]);
  });

  test('我的报名：已签到、已评价；页面没有报错', async () => {
    await page.getByText('返回我的报名').click();
    await page.getByText('已参加 · 已结束（1）').waitFor();
    await page.getByText('已签到').waitFor();
    await page.getByText('已评价').waitFor();
    await screenshot(page, 'resident-mine-after');
  });

  test('单位工作人员：报名名单有全名和手机号、到场情况，签到码可扫', async () => {
    const staff = await newPage(browser, cloud.url, y.eduStaff);
    await goto(staff.page, `/unit/attendees/index?eventId=${encodeURIComponent(eventId)}`);
    await staff.page.getByText('已确认 2 人，候补 0 人，已到场 1 人').waitFor();
    await staff.page.getByText('13812341234', { exact: false }).waitFor();
    await staff.page.getByText('张三丰', { exact: false }).waitFor();
    await staff.page.getByText('已到场', { exact: true }).waitFor();
    const qrWidth = await staff.page.locator('[data-testid="event-code"] img').evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(qrWidth).toBeGreaterThan(100);
    await screenshot(staff.page, 'resident-unit-attendees');
    expect(staff.errors).toEqual([]);
    await staff.page.close();
  });

  test('个人信息保护说明：删除我的报名信息后，单位名单里没有了姓名和手机号', async () => {
    await page.getByText('个人信息保护说明 · 删除我的报名信息').click();
    await page.getByText('保存多久').waitFor();
    await page.getByText('删除我的报名信息', { exact: true }).click();
    await page.getByText('确定删除', { exact: true }).click();
    // The event has started: the sign-up stays (attended) but loses its name and phone.
    await page.getByText('已删除：取消了 0 个未开始活动的报名，清除了 1 条', { exact: false }).waitFor();
    await screenshot(page, 'resident-privacy-erased');
    const people = ok(await cloud.call<Array<{ phone: string; name: string }>>('unit', { action: 'attendees', eventId }, y.eduStaff));
    expect(JSON.stringify(people)).not.toContain('13812341234');
    expect(JSON.stringify(people)).not.toContain('张三丰');
    expect(errors).toEqual([]);
  });
});
