// Every h5 screen of every role, at phone size, in normal and 关怀模式: axe-core
// (WCAG 2.1 A/AA) finds no serious or critical violation, and a screenshot of
// each is saved under .tmp/screens/a11y-<mode>-<screen>.png to be looked at.
// With text at 200% (WCAG 1.4.4) nothing reaches past the screen, no text is cut
// off and every button stays at least 44 px (.tmp/screens/a11y-text200-<screen>.png).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { enlargeText, goto, launch, layoutProblems, newPage, screenshot } from './browser';

jest.setTimeout(60_000);

const AXE = fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
/** Must match src/lib/care.ts. */
const CARE_KEY = 'zwgk.care';

let cloud: TestCloud;
let browser: Browser;
let y: Yuhua;
let eventId: string;
let attendScene: string;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T09:00:00+08:00' }), launch()]);
  y = await seedYuhua(cloud);
  ({ eventId } = y.event(1));
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
  ok(await cloud.call('resident', { action: 'signUp', eventId, name: '李四', phone: '13900000001', identity: '人大代表' }, 'resident-1'));
  // A two-day online event: the plan form and the check-in show their online fields.
  ok(
    await cloud.call(
      'unit',
      {
        action: 'filePlan',
        eventId: y.event(7).eventId,
        date: '2023-05-11',
        endDate: '2023-05-12',
        venue: { name: '在线访谈', online: true, platform: '雨花区政府网在线访谈', link: 'https://www.yuhua.gov.cn/ft/2023' },
      },
      y.eduStaff,
    ),
  );
  ({ scene: attendScene } = ok(await cloud.call<{ scene: string }>('unit', { action: 'eventCode', eventId }, y.eduStaff)));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

type Who = 'resident' | 'staff' | 'office';
interface Screen {
  name: string;
  who: Who;
  route: () => string;
  /** The form's main action, found by role and name. */
  action?: string;
}

const j = () => y.jurisdictionId;
const SCREENS: Screen[] = [
  { name: 'home-resident', who: 'resident', route: () => '/pages/index/index' },
  { name: 'join', who: 'resident', route: () => '/pages/join/index', action: '加入' },
  { name: 'messages', who: 'staff', route: () => '/pages/messages/index' },
  { name: 'column', who: 'resident', route: () => `/pages/column/index?j=${j()}` },
  { name: 'resident-home', who: 'resident', route: () => '/resident/home/index' },
  { name: 'resident-list', who: 'resident', route: () => '/resident/list/index' },
  { name: 'resident-detail', who: 'resident', route: () => `/resident/detail/index?eventId=${eventId}` },
  { name: 'resident-signup', who: 'resident', route: () => `/resident/signup/index?eventId=${eventId}`, action: '提交报名' },
  { name: 'resident-mine', who: 'resident', route: () => '/resident/mine/index' },
  { name: 'resident-attend', who: 'resident', route: () => `/resident/attend/index?scene=${encodeURIComponent(attendScene)}` },
  { name: 'resident-evaluate', who: 'resident', route: () => `/resident/evaluate/index?eventId=${eventId}` },
  { name: 'resident-privacy', who: 'resident', route: () => '/resident/privacy/index' },
  { name: 'home-staff', who: 'staff', route: () => '/pages/index/index' },
  { name: 'unit-home', who: 'staff', route: () => `/unit/home/index?unitId=${y.eduUnitId}&jurisdictionId=${j()}` },
  { name: 'unit-event', who: 'staff', route: () => `/unit/event/index?eventId=${eventId}` },
  { name: 'unit-plan', who: 'staff', route: () => `/unit/plan/index?eventId=${y.event(7).eventId}` },
  { name: 'unit-checkin', who: 'staff', route: () => `/unit/checkin/index?eventId=${eventId}` },
  { name: 'unit-checkin-online', who: 'staff', route: () => `/unit/checkin/index?eventId=${y.event(7).eventId}`, action: '提交签到' },
  { name: 'unit-photos', who: 'staff', route: () => `/unit/photos/index?eventId=${eventId}` },
  { name: 'unit-report', who: 'staff', route: () => `/unit/report/index?eventId=${eventId}` },
  { name: 'unit-attendees', who: 'staff', route: () => `/unit/attendees/index?eventId=${eventId}` },
  { name: 'home-office', who: 'office', route: () => '/pages/index/index' },
  { name: 'office-home', who: 'office', route: () => `/office/home/index?jurisdictionId=${j()}` },
  { name: 'office-events', who: 'office', route: () => `/office/events/index?jurisdictionId=${j()}` },
  { name: 'office-event', who: 'office', route: () => `/office/event/index?eventId=${eventId}` },
  { name: 'office-review', who: 'office', route: () => `/office/review/index?eventId=${eventId}` },
  { name: 'office-import', who: 'office', route: () => `/office/import/index?jurisdictionId=${j()}` },
  { name: 'office-units', who: 'office', route: () => `/office/units/index?jurisdictionId=${j()}` },
  { name: 'office-rules', who: 'office', route: () => `/office/rules/index?jurisdictionId=${j()}` },
  { name: 'office-dashboard', who: 'office', route: () => `/office/dashboard/index?jurisdictionId=${j()}&year=2023` },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

async function audit(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.style.display !== 'none');
    return axe.run(shown[shown.length - 1] ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The smallest font size of any visible text on the shown page. */
async function smallestText(page: Page): Promise<{ px: number; text: string } | null> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.style.display !== 'none');
    const root = shown[shown.length - 1];
    if (!root) return null;
    let best: { px: number; text: string } | null = null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || !el.getClientRects().length) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (!best || px < best.px) best = { px, text: text.slice(0, 20) };
    }
    // What people type, and the hint shown before they do, are text too (not text nodes).
    for (const field of Array.from(
      root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'textarea, input:not([type=hidden]):not([type=file]):not([type=checkbox]):not([type=radio])',
      ),
    )) {
      const text = (field.value || field.placeholder || '').trim();
      if (!text || !field.getClientRects().length) continue;
      const px = parseFloat(getComputedStyle(field).fontSize);
      if (!best || px < best.px) best = { px, text: text.slice(0, 20) };
    }
    return best;
  });
}

/** Template syntax or code shown to a person: {unit}, {{x}}, undefined, NaN, [object Object] — in text, fields and hints. */
async function codeOnScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.style.display !== 'none');
    const root = shown[shown.length - 1];
    if (!root) return null;
    const fields = Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')).map(
      (f) => `${f.value} ${f.placeholder}`,
    );
    const m = /\{\{?\s*[A-Za-z_$][\w.$]*\s*\}?\}|\bundefined\b|\bNaN\b|\[object \w+\]/.exec([root.innerText, ...fields].join('\n'));
    return m ? m[0] : null;
  });
}

async function visit(page: Page, s: Screen): Promise<void> {
  await goto(page, s.route());
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.style.display !== 'none');
    const top = shown[shown.length - 1];
    return Boolean(top && top.innerText.trim() && !top.innerText.includes('加载中…') && !top.querySelector('.z-spinner'));
  });
  // A screen may load in two steps (who am I, then the list): look again a moment later.
  await page.waitForTimeout(300);
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).some(
        (p) => p.style.display !== 'none' && p.querySelector('.z-spinner'),
      ),
  );
}

function report(name: string, vs: Violation[]): string {
  return vs
    .map(
      (v) =>
        `${name} ${v.id} (${v.impact}) ${v.help}\n${v.nodes
          .slice(0, 4)
          .map((n) => `    ${n.target.join(' ')} ${n.html.slice(0, 120)}`)
          .join('\n')}`,
    )
    .join('\n');
}

describe.each([
  ['normal', false],
  ['care', true],
])('%s 模式：每个页面', (mode, care) => {
  const pages = new Map<Who, Page>();
  const openid: Record<Who, () => string> = { resident: () => 'resident-1', staff: () => y.eduStaff, office: () => y.office };

  beforeAll(async () => {
    for (const who of ['resident', 'staff', 'office'] as const) {
      const { page } = await newPage(browser, cloud.url, openid[who]());
      if (care) await page.context().addInitScript((key) => window.localStorage.setItem(key, '1'), CARE_KEY);
      page.setDefaultTimeout(10_000);
      pages.set(who, page);
    }
  });
  afterAll(async () => {
    for (const p of pages.values()) await p.context().close();
  });

  test.each(SCREENS.map((s) => [s.name, s] as const))('%s：axe 没有严重或关键问题，主要操作是按钮，截图', async (_name, s) => {
    const failures: string[] = [];
    const page = pages.get(s.who)!;
    await visit(page, s);
    if (care && !(await page.evaluate(() => document.documentElement.classList.contains('z-care'))))
      failures.push(`${s.name}: 没有开启关怀模式`);
    const small = await smallestText(page);
    if (small && small.px < (care ? 16 : 14)) failures.push(`${s.name}: 字号 ${small.px}px 太小：「${small.text}」`);
    const code = await codeOnScreen(page);
    if (code) failures.push(`${s.name}: 屏幕上出现代码或模板符号「${code}」`);
    const vs = await audit(page);
    if (vs.length) failures.push(report(s.name, vs));
    if (s.action && (await page.getByRole('button', { name: s.action, exact: true }).count()) < 1)
      failures.push(`${s.name}: 没有名为「${s.action}」的按钮`);
    await screenshot(page, `a11y-${mode}-${s.name}`);
    expect(failures.join('\n')).toBe('');
  });
});

describe('文字放大到 200%：每个页面', () => {
  const pages = new Map<Who, Page>();
  const openid: Record<Who, () => string> = { resident: () => 'resident-1', staff: () => y.eduStaff, office: () => y.office };
  beforeAll(async () => {
    for (const who of ['resident', 'staff', 'office'] as const) {
      const { page } = await newPage(browser, cloud.url, openid[who]());
      page.setDefaultTimeout(10_000);
      pages.set(who, page);
    }
  });
  afterAll(async () => {
    for (const p of pages.values()) await p.context().close();
  });

  test.each(SCREENS.map((s) => [s.name, s] as const))('%s：不横向溢出，文字不被裁掉，按钮不小于 44px', async (_name, s) => {
    const page = pages.get(s.who)!;
    await visit(page, s);
    // A table may arrive after the first paint without a spinner: measure what finally shows.
    await page.waitForLoadState('networkidle');
    await enlargeText(page, 2);
    await screenshot(page, `a11y-text200-${s.name}`);
    expect((await layoutProblems(page)).join('\n')).toBe('');
  });
});

describe('卡住的路，走通了', () => {
  test('新同事从首页“加入单位”进入，用分享来的邀请码和姓名加入区司法局', async () => {
    const { code } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: y.lawUnitId }, y.office));
    const { page, errors } = await newPage(browser, cloud.url, 'newcomer-a11y');
    await goto(page, '/pages/index/index');
    await page.getByTestId('join-entry').click();
    await page.getByRole('textbox', { name: '邀请码（必填）' }).fill(code);
    await page.getByRole('textbox', { name: '您的姓名（必填）' }).fill('赵敏');
    await page.getByRole('button', { name: '加入', exact: true }).click();
    await page.getByTestId('joined').waitFor();
    await expect(page.getByTestId('joined').textContent()).resolves.toBe('已加入 雨花区 区司法局');
    // The shared link carries the code: opening it fills the code in.
    await goto(page, `/pages/join/index?code=${code}`);
    await expect(page.getByRole('textbox', { name: '邀请码（必填）' }).inputValue()).resolves.toBe(code);
    const units = ok(
      await cloud.call<Array<{ unitId: string; staff: Array<{ name: string | null }> }>>(
        'office',
        { action: 'listUnits', jurisdictionId: y.jurisdictionId },
        y.office,
      ),
    );
    expect(units.find((u) => u.unitId === y.lawUnitId)!.staff.map((s) => s.name)).toContain('赵敏');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('提前签到的市民：不会被请去评价；活动开始后才出现“去评价”，不再算“即将参加”', async () => {
    await cloud.setClock('2023-05-10T08:50:00+08:00');
    const { page, errors } = await newPage(browser, cloud.url, 'resident-1');
    await goto(page, `/resident/attend/index?scene=${encodeURIComponent(attendScene)}`);
    await page.getByText('签到成功').waitFor();
    await expect(page.getByRole('button', { name: '评价本次活动' }).count()).resolves.toBe(0);
    await page.getByText('09:30 开始后，可在“我的报名”里评价', { exact: false }).waitFor();
    await screenshot(page, 'journey-attend-early');
    await goto(page, `/resident/evaluate/index?eventId=${eventId}`);
    await page.getByText('活动开始后可以评价').waitFor();
    await expect(page.getByRole('button', { name: '提交评价' }).count()).resolves.toBe(0);
    await goto(page, '/resident/mine/index');
    await page.getByText('已签到').waitFor();
    await expect(page.getByRole('button', { name: '去评价' }).count()).resolves.toBe(0);

    await cloud.setClock('2023-05-10T09:40:00+08:00');
    await page.reload();
    await page.getByRole('button', { name: '去评价' }).click();
    await page.getByRole('radio', { name: '5 星，非常满意' }).click();
    await page.getByRole('textbox', { name: '意见建议' }).fill('讲解清楚');
    // The draft survives leaving the page.
    await page.waitForTimeout(400);
    await page.reload();
    await expect(page.getByRole('textbox', { name: '意见建议' }).inputValue()).resolves.toBe('讲解清楚');
    await expect(page.getByRole('radio', { name: '5 星，非常满意' }).getAttribute('aria-checked')).resolves.toBe('true');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('公开办从逾期清单催办区教育局；单位同事当天在消息中心看到一条催办', async () => {
    await cloud.setClock('2023-06-20T10:00:00+08:00');
    const { page, errors } = await newPage(browser, cloud.url, y.office);
    await goto(page, `/office/home/index?jurisdictionId=${y.jurisdictionId}`);
    await page.getByTestId('count-late').click();
    const unit = page.getByTestId('late-unit').filter({ hasText: '区教育局' });
    await unit.getByRole('button', { name: '催办区教育局' }).click();
    await page.getByTestId('remind-result').filter({ hasText: '已催办 区教育局' }).waitFor();
    await expect(unit.getByText('今天已催办').count()).resolves.toBe(1);
    await screenshot(page, 'journey-office-late-list');
    // A second try the same day reminds nobody twice.
    const again = ok(
      await cloud.call<{ alreadyToday: Array<{ unitId: string }> }>(
        'office',
        { action: 'remindLate', jurisdictionId: y.jurisdictionId, year: 2023 },
        y.office,
      ),
    );
    expect(again.alreadyToday.map((u) => u.unitId)).toContain(y.eduUnitId);

    const staff = await newPage(browser, cloud.url, y.eduStaff);
    await goto(staff.page, '/pages/messages/index');
    await staff.page.getByTestId('message').first().waitFor();
    await expect(staff.page.getByTestId('message').filter({ hasText: '公开办催办' }).count()).resolves.toBe(1);
    await staff.page.getByText('6月20日').first().waitFor();
    await screenshot(staff.page, 'journey-unit-messages');
    expect([...errors, ...staff.errors]).toEqual([]);
    await page.context().close();
    await staff.page.context().close();
  });
});
