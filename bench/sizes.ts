// Package sizes: the weapp packages (WeChat's 2 MB per package), the h5 app's
// initial JS as a browser loads it (gzip), and each cloud function bundle.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import type { LocalCloud } from '../local-cloud/server';

const ROOT = path.resolve(__dirname, '..');

export function weappSizes(): { main: number; subpackages: Record<string, number>; total: number } {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/weapp-size.mjs'), path.join(ROOT, 'dist/weapp')], { encoding: 'utf8' });
  return JSON.parse(out) as { main: number; subpackages: Record<string, number>; total: number };
}

export function functionSizes(): Record<string, number> {
  const dir = path.join(ROOT, 'dist/cloudfunctions');
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name, 'index.js')).size]));
}

/** The JS a browser fetches to show the home page, each file gzip-compressed as a server would send it. */
export async function h5InitialJs(cloud: LocalCloud): Promise<{ files: number; rawBytes: number; gzipBytes: number }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
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
