// Questionnaire screens in Chromium against the h5 build: the unit writes two
// questions, a resident answers from the event's questionnaire page, the unit
// sees the counts and attaches them to its report. axe-core checks both screens.
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { field, goto, launch, newPage, screenshot, settle } from './browser';

jest.setTimeout(120_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T09:00:00+08:00' }), launch()]);
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId, date: '2023-05-10', venue: { name: '区教育局会议室' }, publicSeats: 20 },
      y.eduStaff,
    ),
  );
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

/** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is. */
async function axeSerious(page: Page): Promise<Array<{ id: string; impact: string | null; targets: string[] }>> {
  await settle(page);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            c: Element,
            o: object,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run(document.querySelector('.taro_page_stationed') ?? document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

test('单位设置问卷 → 市民填写 → 单位看到统计并附到情况报告', async () => {
  const { page: unit } = await newPage(browser, cloud.url, y.eduStaff);
  await goto(unit, `/unit/questionnaire/index?eventId=${eventId}`);
  await field(unit, '例如：水价调整听证会意见调查').fill('小升初政策解读满意度');
  await unit.getByText('＋ 添加题目', { exact: false }).click();
  await field(unit, '题目').nth(1).fill('您的身份');
  await unit.locator('taro-textarea-core[placeholder^="选项一"] textarea').fill('家长\n教师\n其他');
  await screenshot(unit, 'questionnaire-unit-edit');
  await unit.getByText('保存问卷', { exact: true }).click();
  await unit.getByText('问卷已保存', { exact: false }).waitFor();

  const { page: resident } = await newPage(browser, cloud.url, 'resident-7');
  await goto(resident, `/resident/questionnaire/index?eventId=${eventId}`);
  await resident.getByTestId('questionnaire-title').getByText('小升初政策解读满意度').waitFor();
  expect(await axeSerious(resident)).toEqual([]);
  await resident.getByText('提交问卷', { exact: true }).click();
  await resident.getByText('此题必答', { exact: false }).first().waitFor();
  await resident.getByText('5 分', { exact: true }).click();
  await resident.getByText('教师', { exact: true }).click();
  await screenshot(resident, 'questionnaire-resident');
  await resident.getByText('提交问卷', { exact: true }).click();
  await resident.getByText('感谢您填写问卷').waitFor();

  await unit.reload();
  await unit.getByTestId('q-respondents').getByText('共收到 1 份答卷', { exact: false }).waitFor();
  await unit.getByText('1 人（100%）').waitFor();
  expect(await axeSerious(unit)).toEqual([]);
  await unit.getByText('附到情况报告', { exact: true }).click();
  await unit.getByTestId('q-attached').waitFor();
  await screenshot(unit, 'questionnaire-unit-results');
  const d = ok(
    await cloud.call<{ questionnaire: { respondents: number } | null }>('office', { action: 'reportDetail', eventId }, y.office),
  );
  expect(d.questionnaire).toMatchObject({ respondents: 1 });
});
