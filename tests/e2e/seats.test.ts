// Fewer seats on a re-filed plan, on the unit's phone (h5 in Chromium): the
// server refuses with the numbers, the form offers to move the latest
// confirmations to the waiting list, asks once more, and re-files.
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { goto, launch, newPage, screenshot } from './browser';

jest.setTimeout(120_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let unit: Page;
let errors: string[];
/** The h5 router keeps earlier pages in the DOM, hidden: look only at the one shown. */
const shown = (p: Page) => p.locator('.taro_page >> visible=true');

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true }), launch()]);
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId, date: '2023-04-27', startTime: '09:30', venue: { name: '区教育局会议室' }, publicSeats: 3 },
      y.eduStaff,
    ),
  );
  for (const [i, who] of ['r1', 'r2', 'r3', 'r4'].entries()) {
    await cloud.setClock(`2023-04-20T10:0${i + 1}:00+08:00`, true);
    ok(await cloud.call('resident', { action: 'signUp', eventId, name: '测试市民', phone: '13800000000', identity: '普通市民' }, who));
  }
  ({ page: unit, errors } = await newPage(browser, cloud.url, y.eduStaff));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('方案重报：名额少于已确认人数时说明人数，确认后最晚确认的人转入候补', async () => {
  await goto(unit, `/unit/plan/index?eventId=${eventId}`);
  const seats = shown(unit).locator('taro-input-core[placeholder="席位数"] input');
  await seats.waitFor();
  expect(await seats.inputValue()).toBe('3');
  await seats.fill('1');
  await shown(unit).getByText('提交新版本方案').click();

  const refusal = shown(unit).getByTestId('plan-error');
  await refusal.getByText('已确认 3 人，名额不能少于 3；如确需缩减，请确认后将最晚确认的 2 人转入候补').waitFor();
  await screenshot(unit, 'unit-plan-seats-refused');
  // Nothing was filed.
  const before = ok(await cloud.call<{ plan: { version: number } }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
  expect(before.plan.version).toBe(1);

  await refusal.getByRole('button', { name: '缩减名额，2 人转入候补' }).click();
  await unit.getByText('最晚确认的 2 位市民将转入候补', { exact: false }).waitFor();
  await screenshot(unit, 'unit-plan-seats-confirm');
  await unit.getByText('确认缩减', { exact: true }).click();

  await shown(unit).getByText('方案已报备（第 2 版）').waitFor();
  await shown(unit).getByTestId('plan-seats').getByText('最晚确认的 2 人已转入候补；已在消息中心通知 2 位报名市民').waitFor();
  await screenshot(unit, 'unit-plan-seats-shrunk');

  const list = ok(
    await cloud.call<Array<{ signupId: string; status: string; position: number | null }>>(
      'unit',
      { action: 'attendees', eventId },
      y.eduStaff,
    ),
  );
  const status = Object.fromEntries(list.map((s) => [s.signupId.slice(eventId.length + 1), [s.status, s.position]]));
  expect(status).toEqual({ r1: ['confirmed', null], r2: ['waitlisted', 1], r3: ['waitlisted', 2], r4: ['waitlisted', 3] });
  expect(errors).toEqual([]);
});

test('取消确认则什么都不改，换一个不少于已确认人数的名额即可直接提交', async () => {
  await goto(unit, `/unit/plan/index?eventId=${eventId}`);
  const seats = shown(unit).locator('taro-input-core[placeholder="席位数"] input');
  await seats.waitFor();
  // Closing sign-ups is 0 seats: refused too while someone is confirmed.
  await shown(unit)
    .getByRole('checkbox', { name: /开放市民报名/ })
    .click();
  await shown(unit).getByText('提交新版本方案').click();
  await shown(unit).getByTestId('plan-error').getByText('已确认 1 人，名额不能少于 1', { exact: false }).waitFor();
  await shown(unit).getByRole('button', { name: '缩减名额，1 人转入候补' }).click();
  await unit.getByText('取消', { exact: true }).click();
  const still = ok(await cloud.call<{ plan: { version: number } }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
  expect(still.plan.version).toBe(2);

  // A different number takes the offer away: it was for the number refused.
  await shown(unit)
    .getByRole('checkbox', { name: /开放市民报名/ })
    .click();
  await seats.fill('4');
  await expect(
    shown(unit)
      .getByRole('button', { name: /转入候补/ })
      .count(),
  ).resolves.toBe(0);
  await shown(unit).getByText('提交新版本方案').click();
  await shown(unit).getByText('方案已报备（第 3 版）').waitFor();
  await shown(unit).getByTestId('plan-seats').getByText('候补的 3 人已按顺序转为正式报名', { exact: false }).waitFor();
  expect(errors).toEqual([]);
});
