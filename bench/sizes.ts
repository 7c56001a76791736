// Package sizes: the weapp packages (WeChat's 2 MB per package), the h5 app's
// initial JS as a browser loads it (gzip), and each cloud function bundle.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import type { LocalCloud } from '../local-cloud/server';

const ROOT = path.resolve(__dirname, '..');

export function weappSizes(): { main: number; subpackages: Record<string, number>; total: number } {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/weapp-size.mjs'), path.join(ROOT, 'dist/weapp')], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as { main: number; subpackages: Record<string, number>; total: number };
}

/** Each function's entry bundle (index.js), and the code it loads only on demand (excel.js). */
export function functionSizes(): Record<string, number> {
  const dir = path.join(ROOT, 'dist/cloudfunctions');
  const sizes: Record<string, number> = {};
  for (const name of fs.readdirSync(dir)) {
    for (const file of fs.readdirSync(path.join(dir, name)).filter((f) => f.endsWith('.js'))) {
      sizes[file === 'index.js' ? name : `${name}/${file}`] = fs.statSync(path.join(dir, name, file)).size;
    }
  }
  return sizes;
}

/** The JS a browser fetches to show the home page, each file gzip-compressed as a server would send it. */
export async function h5InitialJs(cloud: LocalCloud): Promise<{ files: number; rawBytes: number; gzipBytes: number }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(`${cloud.url}/#/pages/index/index`, { waitUntil: 'networkidle' });
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const p of scripts) {
      const bytes = fs.readFileSync(path.join(ROOT, 'dist/h5', p));
      rawBytes += bytes.length;
      gzipBytes += zlib.gzipSync(bytes, { level: 9 }).length;
    }
    return { files: scripts.size, rawBytes, gzipBytes };
  } finally {
    await browser.close();
  }
}

/**
 * Bytes of the office function's code that a cold `office.listEvents` loads: a
 * fresh Node process runs the local cloud (which loads every index.js, as a cold
 * instance would), opens a jurisdiction and lists its events, then sums the files
 * of dist/cloudfunctions/office in require's cache. excel.js (exceljs) must not
 * be among them: only the Excel import and export load it.
 */
export function coldOfficeListEvents(): { files: Record<string, number>; bytes: number } {
  const officeDir = path.join(ROOT, 'dist/cloudfunctions/office');
  const script = `
    const fs = require('node:fs');
    const path = require('node:path');
    let url;
    const log = console.log;
    console.log = (...a) => { const m = /listening on (http:\\/\\/127\\.0\\.0\\.1:\\d+)/.exec(a.join(' ')); if (m) url = m[1]; };
    require(${JSON.stringify(path.join(ROOT, 'dist/local-cloud/main.js'))});
    (async () => {
      while (!url) await new Promise((r) => setTimeout(r, 20));
      const call = async (payload) => (await fetch(url + '/api/fn/office', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Openid': 'bench-office' }, body: JSON.stringify(payload) })).json();
      const boot = await call({ action: 'bootstrap', token: 'bench-cold', name: '冷启动区', level: 'district' });
      const listed = await call({ action: 'listEvents', jurisdictionId: boot.data.jurisdictionId, year: 2023 });
      if (!listed.ok) throw new Error(JSON.stringify(listed));
      const files = {};
      for (const f of Object.keys(require.cache)) if (f.startsWith(${JSON.stringify(officeDir + path.sep)})) files[path.basename(f)] = fs.statSync(f).size;
      log(JSON.stringify(files));
      process.exit(0);
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'));
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOCAL_TIMERS: 'off', SETUP_TOKEN: 'bench-cold' },
  });
  const files = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  return { files, bytes: Object.values(files).reduce((a, b) => a + b, 0) };
}
