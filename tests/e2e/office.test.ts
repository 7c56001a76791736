// The office's desk in Chromium against the h5 build on the local cloud: paste
// the 雨花区 table, preview (with its warning), import, see the year by month,
// invite 区教育局's staff, and a new person joins with the code from the screen.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ok, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { field, goto, launch, newPage, screenshot } from './browser';
import { docx, para, table } from '../helpers/docx';

jest.setTimeout(120_000);

const YUHUA = fs.readFileSync(path.join(__dirname, '../../fixtures/plans/yuhua-2023.txt'), 'utf8');
const OFFICE = 'office-desk-e2e';
const NEWCOMER = 'staff-edu-e2e';

let cloud: TestCloud;
let browser: Browser;
let jurisdictionId: string;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T09:00:00+08:00' }), launch()]);
  ({ jurisdictionId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '雨花区', level: 'district' },
      OFFICE,
    ),
  ));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

describe('公开办：导入计划 → 全年活动 → 邀请单位 → 单位加入', () => {
  let page: Page;
  let errors: string[];
  let code: string;

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser, cloud.url, OFFICE));
  });

  test('工作台：还没有计划时提示导入', async () => {
    await goto(page, '/office/home/index');
    await page.getByText('还没有导入本年度活动计划').waitFor();
    await expect(page.getByText('2023年活动').count()).resolves.toBe(1);
    for (const t of ['全年活动', '单位与人员', '规则设置', '考核看板'])
      await expect(page.getByText(t, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'office-home-empty');
  });

  test('粘贴计划表 → 预览：73 行、序号51“待定”的提示就在这一行旁边，什么都还没保存', async () => {
    await page.getByText('导入计划', { exact: true }).first().click();
    await page.getByText('方式一：粘贴计划安排表').waitFor();
    await expect(page.getByTestId('year').textContent()).resolves.toBe('2023年');
    await field(page, '从 Word、Excel 或 PDF 复制整张表（含表头）粘贴到这里').fill(YUHUA);
    await page.getByText('预览', { exact: true }).click();
    await page.getByTestId('import-counts').waitFor();
    await expect(page.getByTestId('import-row').count()).resolves.toBe(73);
    const row51 = page.getByTestId('import-row').filter({ hasText: '创建国家卫生城市宣传' });
    await expect(row51.getByTestId('row-warning').textContent()).resolves.toBe(
      '第87行：序号51的活动形式为“待定”，请责任单位在报备方案时确定',
    );
    await expect(page.getByTestId('import-counts').textContent()).resolves.toContain('73新增');
    await expect(page.locator('.o-tr--warn').count()).resolves.toBe(1);
    // A preview writes nothing.
    expect(
      ok(await cloud.call<{ events: unknown[] }>('office', { action: 'listEvents', jurisdictionId, year: 2023 }, OFFICE)).events,
    ).toHaveLength(0);
    await screenshot(page, 'office-import-preview');
  });

  test('确认导入 → 全年活动按月份：四月 13 项', async () => {
    await page.getByText('确认导入').click();
    await page.getByText('导入完成').waitFor();
    await screenshot(page, 'office-import-done');
    await page.getByText('查看全年活动').click();
    await page.getByTestId('month-tabs').waitFor();
    // Today is 2023-04-10 on the server: April is shown first.
    await expect(page.getByText('4月（13项）').count()).resolves.toBe(1);
    await expect(page.getByTestId('event-row').count()).resolves.toBe(13);
    await expect(page.getByTestId('month-4').textContent()).resolves.toBe('4月13');
    await screenshot(page, 'office-events-april');
    await page.getByText('按单位', { exact: true }).click();
    await page.getByText(/^区教育局（\d+项）$/).waitFor();
    await screenshot(page, 'office-events-by-unit');
  });

  test('选 Word 文件导入：预览读出其中的表格；旧版 .xls 不上传，说明另存为 .xlsx', async () => {
    await goto(page, '/office/import/index');
    const input = page.getByTestId('xlsx-input');
    await input.setInputFiles({ name: '2023年计划.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('旧格式') });
    await page.getByText('“2023年计划.xls”是旧版 Excel 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再选择。').waitFor();
    const file = docx(
      para('2023年“政务公开主题日”活动计划安排表'),
      table([
        ['序号', '活动主题', '活动形式', '责任单位', '时间'],
        ['75', '统计开放日', '现场观摩', '区统计局', '9月'],
      ]),
    );
    await input.setInputFiles({ name: '计划安排表.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
    await page.getByText('已上传：计划安排表.docx（将按此文件预览）').waitFor();
    await page.getByText('预览', { exact: true }).click();
    await page.getByTestId('import-row').filter({ hasText: '统计开放日' }).waitFor();
    await screenshot(page, 'office-import-docx');
  });

  test('只粘贴部分行（其中一行单位错位）：预览为“0 将移出”，提示在行旁；勾选移出才变成“63 将移出”；不勾选确认后一项也不移出', async () => {
    const lines = YUHUA.split('\n');
    const header = lines.find((l) => l.startsWith('序号\t'))!;
    const first10 = lines.filter((l) => /^([1-9]|10)\t/.test(l));
    const partial = [header, ...first10, '74\t城市管理进社区\t现场观摩\t现场解答芙蓉北路街道\t11月'].join('\n');
    await goto(page, '/office/import/index');
    await field(page, '从 Word、Excel 或 PDF 复制整张表（含表头）粘贴到这里').fill(partial);
    await page.getByText('预览', { exact: true }).click();
    await page.getByTestId('import-counts').waitFor();
    await expect(page.getByTestId('import-counts').textContent()).resolves.toBe('1新增0更新10不变0将移出');
    await expect(page.getByTestId('import-row').count()).resolves.toBe(11);
    const wrong = page.getByTestId('import-row').filter({ hasText: '城市管理进社区' });
    await expect(wrong.locator('[data-testid="row-warning"][data-field="units"]').textContent()).resolves.toBe(
      '第12行：责任单位“现场解答芙蓉北路街道”里有活动形式的字样“解答”，请核对是否与活动形式一列错位',
    );
    await expect(wrong.locator('[data-testid="row-warning"][data-field="seq"]').textContent()).resolves.toBe(
      '第12行：序号从10跳到74，请核对是否漏了序号11至73的活动',
    );
    // The 63 rows not pasted are kept, listed only on request.
    await expect(page.getByText('本年已有、这次的表里没有的 63 项（保留）').count()).resolves.toBe(1);
    await expect(page.getByText('序号73 宪法宣传周活动').count()).resolves.toBe(0);
    await expect(page.getByTestId('remove-missing').getAttribute('aria-checked')).resolves.toBe('false');
    await screenshot(page, 'office-import-partial');
    await page.getByTestId('remove-missing').click();
    await expect(page.getByTestId('import-counts').textContent()).resolves.toBe('1新增0更新10不变63将移出');
    await page.getByTestId('not-in-table-toggle').click();
    await page.getByText('序号73 宪法宣传周活动').first().waitFor();
    await screenshot(page, 'office-import-partial-remove');
    await page.getByTestId('remove-missing').click();
    await expect(page.getByTestId('import-counts').textContent()).resolves.toBe('1新增0更新10不变0将移出');
    await page.getByText('确认导入').click();
    await page.getByText('导入完成').waitFor();
    const { events } = ok(
      await cloud.call<{ events: Array<{ removedFromPlan: boolean }> }>(
        'office',
        { action: 'listEvents', jurisdictionId, year: 2023 },
        OFFICE,
      ),
    );
    expect(events).toHaveLength(74);
    expect(events.filter((e) => e.removedFromPlan)).toEqual([]);
    await page.getByText('查看全年活动').click();
    await page.getByTestId('month-tabs').waitFor();
  });

  test('活动详情', async () => {
    await page.getByText('按月份', { exact: true }).click();
    await page.getByTestId('event-row').first().click();
    await page.getByText('计划表原文').waitFor();
    await expect(page.getByText('责任单位尚未报备活动方案。').count()).resolves.toBe(1);
    await screenshot(page, 'office-event');
  });

  test('单位与人员：为区教育局生成邀请，屏幕上有邀请码和小程序码', async () => {
    await goto(page, '/office/units/index');
    const card = page.getByTestId('unit-card').filter({ hasText: '区教育局' });
    await card.getByText('生成邀请').click();
    const codeEl = card.getByTestId('invite-code');
    await codeEl.waitFor();
    code = (await codeEl.textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const qr = card.locator('img').first();
    await qr.waitFor();
    await (await qr.elementHandle())!.evaluate((img) => {
      const el = img as HTMLImageElement;
      return el.complete && el.naturalWidth ? undefined : new Promise((resolve, reject) => ((el.onload = resolve), (el.onerror = reject)));
    });
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'office-units-invite');
  });

  test('规则设置：越界的数字在字段旁提示', async () => {
    await goto(page, '/office/rules/index');
    await page.getByText('保存规则').waitFor();
    await field(page, '如 5').first().fill('99');
    await page.getByText('保存规则').click();
    await page.getByText('方案报备提前天数不能超过30个工作日').first().waitFor();
    await screenshot(page, 'office-rules-invalid');
  });

  test('规则设置：会标模板写作【单位名称】【年份】，不出现花括号；改后保存为模板', async () => {
    await goto(page, '/office/rules/index');
    await page.getByText('保存规则').waitFor();
    const box = page.getByRole('textbox', { name: '会标模板（每行一个）' });
    await expect(box.inputValue()).resolves.toContain('【单位名称】【年份】年');
    await expect(page.locator('.taro_page >> visible=true').innerText()).resolves.not.toMatch(/\{(unit|year|topic)\}/);
    await box.fill('【单位名称】【年份】年“政务公开主题日”活动\n[单位名称]政务公开开放日暨【活动主题】');
    await page.getByText('保存规则').click();
    await page.getByText('已保存', { exact: true }).first().waitFor();
    const { rules } = ok(
      await cloud.call<{ rules: { bannerTemplates: string[] } }>('office', { action: 'getRules', jurisdictionId }, OFFICE),
    );
    expect(rules.bannerTemplates).toEqual(['{unit}{year}年“政务公开主题日”活动', '{unit}政务公开开放日暨{topic}']);
  });

  test('新同事在另一部手机上打开加入页，输入邀请码，加入区教育局并看到本单位的活动', async () => {
    const { page: staff, errors: staffErrors } = await newPage(browser, cloud.url, NEWCOMER);
    await goto(staff, '/pages/join/index');
    await field(staff, '请输入邀请码').fill(code);
    await field(staff, '请输入姓名').fill('王小明');
    await screenshot(staff, 'office-join-code');
    await staff.getByText('加入', { exact: true }).click();
    await staff.getByTestId('joined').waitFor();
    await expect(staff.getByTestId('joined').textContent()).resolves.toBe('已加入 雨花区 区教育局');
    await screenshot(staff, 'office-join-done');
    await staff.getByText('进入本单位').click();
    const { events } = ok(
      await cloud.call<{ events: Array<{ units: string[] }> }>('office', { action: 'listEvents', jurisdictionId, year: 2023 }, OFFICE),
    );
    const eduEvents = events.filter((e) => e.units.includes('区教育局')).length;
    await staff.getByTestId('unit-event-theme').first().waitFor();
    await expect(staff.getByTestId('unit-event-theme').count()).resolves.toBe(eduEvents);
    await screenshot(staff, 'office-join-unit-home');
    expect(staffErrors).toEqual([]);
  });

  test('没有页面脚本错误', () => {
    expect(errors).toEqual([]);
  });
});

describe('没有公开办身份的人', () => {
  test('工作台显示“开通辖区”表单；口令错误时提示', async () => {
    const { page } = await newPage(browser, cloud.url, 'nobody-e2e');
    await goto(page, '/office/home/index');
    await page.getByText('开通辖区').first().waitFor();
    await field(page, '辖区名称').fill('某某县');
    await page.getByText('县', { exact: true }).click();
    await field(page, '开通口令').fill('wrong-token');
    await page.getByText('开通', { exact: true }).click();
    await page.getByText('开通口令不正确，请向系统管理员核对后重试').waitFor();
    await screenshot(page, 'office-bootstrap');
    await field(page, '开通口令').fill(SETUP_TOKEN);
    await page.getByText('开通', { exact: true }).click();
    await page.getByText('还没有导入本年度活动计划').waitFor();
    await expect(page.getByText('某某县').count()).resolves.toBeGreaterThan(0);
  });
});
