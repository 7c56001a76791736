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
