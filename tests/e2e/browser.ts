// Shared browser helpers for the h5 journey tests: Debian's Chromium driven by
// playwright-core (a browser download is impossible here), a phone-sized page
// whose identity (X-Openid) is preset in localStorage, and screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = path.resolve(__dirname, '../../.tmp/screens');
/** Must match src/api/identity.ts. */
export const OPENID_KEY = 'zwgk.openid';

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} 不存在：apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new phone-sized page of its own context (own localStorage), acting as
 * `openid`. Errors the page logs are collected in `errors` for assertions.
 */
export async function newPage(browser: Browser, baseUrl: string, openid = 'resident-1'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Runs before the app's own scripts on every navigation of this context.
  await context.addInitScript(
    ([key, id]) => {
      if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, id);
    },
    [OPENID_KEY, openid] as const,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

/** Opens an app route (hash router), e.g. goto(page, '/pages/index/index'). */
export async function goto(page: Page, route: string): Promise<void> {
  await page.goto(`/#${route}`);
}

/**
 * Waits for the h5 router's page slide and other finite animations to end;
 * infinite ones (a loading spinner) are ignored.
 */
export async function settle(page: Page): Promise<void> {
  // Taro's h5 router marks a page "stationed" once its slide-in has ended;
  // the slide itself starts a tick after the page renders.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro_page')).every((p) => p.classList.contains('taro_page_stationed')),
  );
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Saves .tmp/screens/<name>.png (full page, after animations) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The real <input>/<textarea> inside Taro's h5 input component with this
 * placeholder (Taro wraps it in <taro-input-core>, which fill() cannot type into).
 */
export function field(page: Page, placeholder: string) {
  return page.locator(`taro-input-core[placeholder="${placeholder}"] input, taro-textarea-core[placeholder="${placeholder}"] textarea`);
}

/** The h5 router keeps earlier pages in the DOM, hidden: look only at the one shown. */
export const shown = (page: Page) => page.locator('.taro_page >> visible=true');

/** field(), within the page shown. */
export const shownField = (page: Page, placeholder: string) =>
  shown(page).locator(`taro-input-core[placeholder="${placeholder}"] input, taro-textarea-core[placeholder="${placeholder}"] textarea`);

/** The page Taro's h5 router shows on top. */
function shownPage(): HTMLElement | null {
  const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.style.display !== 'none');
  return shown[shown.length - 1] ?? null;
}

/**
 * Text at `factor` × its size, as a phone's text-size setting does: every element
 * of the shown page gets its own font size times `factor`; layout lengths (rem,
 * set on <html> by Taro) stay as they are.
 */
export async function enlargeText(page: Page, factor: number): Promise<void> {
  await page.evaluate(
    ([find, f]) => {
      const root = (new Function(`return (${find})()`) as () => HTMLElement | null)();
      if (!root) return;
      const all = [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))];
      // Measured once per element: a page visited again (the router keeps it) is not enlarged twice.
      const sizes = all.map((el) => el.dataset.textBase ?? getComputedStyle(el).fontSize);
      all.forEach((el, i) => {
        el.dataset.textBase = sizes[i];
        el.style.setProperty('font-size', `${parseFloat(sizes[i]) * f}px`, 'important');
      });
    },
    [shownPage.toString(), factor] as const,
  );
}

/**
 * What a person would lose on the shown page: a document wider than the screen,
 * an element reaching past its edges (outside a horizontal scroller), text cut
 * off by an overflow:hidden box, a button, checkbox, radio or link under 44×44 px.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((find) => {
    const root = (new Function(`return (${find})()`) as () => HTMLElement | null)();
    if (!root) return ['没有页面'];
    const problems: string[] = [];
    const vw = window.innerWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}「${(el.textContent ?? '').trim().slice(0, 16)}」`;
    if (document.documentElement.scrollWidth > vw) problems.push(`页面宽 ${document.documentElement.scrollWidth}px，超过屏幕 ${vw}px`);
    const scrolls = (el: Element | null): boolean => {
      for (let a = el?.parentElement; a && a !== root; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    for (const el of [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))]) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
      if ((r.right > vw + 1 || r.left < -1) && !scrolls(el))
        problems.push(`超出屏幕（${Math.round(r.left)}–${Math.round(r.right)}px）：${name(el)}`);
      const s = getComputedStyle(el);
      const cuts = (o: string) => o === 'hidden' || o === 'clip';
      const cutX = cuts(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const cutY = cuts(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if ((cutX || cutY) && el.tagName !== 'IMG' && el.innerText?.trim())
        problems.push(`文字被裁掉（${el.scrollWidth}×${el.scrollHeight} 装在 ${el.clientWidth}×${el.clientHeight} 里）：${name(el)}`);
      const role = el.getAttribute('role');
      if ((role === 'button' || role === 'checkbox' || role === 'radio') && (r.height < 44 || r.width < 44))
        problems.push(`按钮太小（${Math.round(r.width)}×${Math.round(r.height)}px）：${name(el)}`);
    }
    return problems;
  }, shownPage.toString());
}
