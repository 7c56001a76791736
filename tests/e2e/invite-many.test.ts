// 批量邀请 in Chromium: the office ticks the units without staff, creates their
// codes and gets a printable sheet (unit, code, where to enter it, a QR code);
// a new person joins one of those units with its code from the home screen.
import type { Browser } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { enlargeText, goto, launch, layoutProblems, newPage, screenshot } from './browser';

jest.setTimeout(60_000);

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-20T10:00:00+08:00' }), launch()]);
  y = await seedYuhua(cloud);
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('公开办批量邀请没有工作人员的单位，得到邀请单；新同事用其中一个邀请码从首页加入', async () => {
  const withoutStaff = y.units.filter((u) => u.unitId !== y.eduUnitId && u.unitId !== y.lawUnitId);
  const { page, errors } = await newPage(browser, cloud.url, y.office);
  await goto(page, `/office/units/index?jurisdictionId=${y.jurisdictionId}`);
  await page.getByRole('button', { name: '批量邀请', exact: true }).click();
  // Units without staff are ticked; those with staff are not.
  await expect(page.getByRole('checkbox', { name: '区教育局' }).getAttribute('aria-checked')).resolves.toBe('false');
  await expect(page.getByRole('checkbox', { checked: true }).count()).resolves.toBe(withoutStaff.length);
  // Untick one, then create.
  const skipped = withoutStaff[0].name;
  await page.getByRole('checkbox', { name: skipped }).click();
  await screenshot(page, 'journey-invite-many-pick');
  await page.getByRole('button', { name: `生成 ${withoutStaff.length - 1} 个邀请码` }).click();

  const sheet = page.getByTestId('invite-sheet');
  await sheet.waitFor();
  await expect(sheet.getByTestId('sheet-item').count()).resolves.toBe(withoutStaff.length - 1);
  await expect(sheet.getByTestId('sheet-item').filter({ hasText: skipped }).count()).resolves.toBe(0);
  await sheet.getByText(`共 ${withoutStaff.length - 1} 个单位。每个邀请码只能使用一次，2023年5月4日 10:00前有效。`).waitFor();
  const item = sheet.getByTestId('sheet-item').filter({ hasText: withoutStaff[1].name });
  await expect(item.getByText('微信搜索小程序“政务公开主题日”→ 首页“加入单位 · 我有邀请码”→ 输入邀请码').count()).resolves.toBe(1);
  const code = ((await item.getByTestId('sheet-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  // A QR code per unit, made in the browser: it opens the join page with this code.
  const qr = item.getByRole('img', { name: `${withoutStaff[1].name}加入页的二维码（已填好邀请码）` });
  await qr.waitFor();
  await expect(
    qr.evaluate((el) => (el instanceof HTMLImageElement ? el : el.querySelector('img'))?.getAttribute('src') ?? ''),
  ).resolves.toContain('data:image/png');
  await expect(page.getByRole('button', { name: '打印邀请单' }).count()).resolves.toBe(1);
  await screenshot(page, 'journey-invite-many-sheet');
  // Printed, only the sheet: no buttons, no identity bar, no care switch.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印邀请单' }).isVisible()).resolves.toBe(false);
  await expect(page.getByTestId('care-switch').isVisible()).resolves.toBe(false);
  await screenshot(page, 'journey-invite-many-print');
  // The whole sheet reaches the paper, not just the screenful the app scrolls in.
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
  await page.emulateMedia({ media: 'screen' });
  // At 200% text the sheet and the unit list lose nothing.
  await enlargeText(page, 2);
  await screenshot(page, 'journey-invite-many-sheet-text200');
  expect((await layoutProblems(page)).join('\n')).toBe('');
  await page.reload();
  await page.getByRole('button', { name: '批量邀请', exact: true }).click();
  await enlargeText(page, 2);
  await screenshot(page, 'journey-invite-many-pick-text200');
  expect((await layoutProblems(page)).join('\n')).toBe('');

  const newcomer = await newPage(browser, cloud.url, 'newcomer-batch');
  await goto(newcomer.page, '/pages/index/index');
  await newcomer.page.getByTestId('join-entry').click();
  await newcomer.page.getByRole('textbox', { name: '邀请码（必填）' }).fill(code);
  await newcomer.page.getByRole('textbox', { name: '您的姓名（必填）' }).fill('钱进');
  await newcomer.page.getByRole('button', { name: '加入', exact: true }).click();
  await newcomer.page.getByTestId('joined').waitFor();
  await expect(newcomer.page.getByTestId('joined').textContent()).resolves.toBe(`已加入 雨花区 ${withoutStaff[1].name}`);
  await screenshot(newcomer.page, 'journey-invite-many-joined');

  const units = ok(
    await cloud.call<Array<{ unitId: string; staff: Array<{ name: string | null }> }>>(
      'office',
      { action: 'listUnits', jurisdictionId: y.jurisdictionId },
      y.office,
    ),
  );
  expect(units.find((u) => u.unitId === withoutStaff[1].unitId)!.staff.map((s) => s.name)).toEqual(['钱进']);
  expect([...errors, ...newcomer.errors]).toEqual([]);
});
