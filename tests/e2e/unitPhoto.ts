// Test helpers for the unit's on-site screens: the event day with the unit's
// phone open, a big camera-like JPEG made in the page, and a check of a stamped
// photo's logo corner done in the page.
import type { Browser, Page } from 'playwright-core';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { launch, newPage } from './browser';

export const VENUE = { latitude: 28.1136, longitude: 113.0107 };

/** 雨花区 with event 1's plan filed for 2023-04-15, the clock at `now` that day, and its unit's staff on a phone at the venue. */
export async function eventDay(
  now: string,
): Promise<{ cloud: TestCloud; browser: Browser; y: Yuhua; eventId: string; unit: Page; errors: string[] }> {
  const [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T10:00:00+08:00', frozen: true }), launch()]);
  const y = await seedYuhua(cloud);
  const eventId = y.event(1).eventId;
  const venue = { name: '区教育局一楼报告厅', ...VENUE };
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-04-15', startTime: '09:30', venue }, y.eduStaff));
  await cloud.setClock(now, true);
  const { page: unit, errors } = await newPage(browser, cloud.url, y.eduStaff);
  await unit.context().grantPermissions(['geolocation']);
  await unit.context().setGeolocation({ ...VENUE, accuracy: 20 });
  return { cloud, browser, y, eventId, unit, errors };
}

/** A 4000×3000 JPEG with a blue–green gradient and noise (no red anywhere), like a phone photo. */
export async function cameraJpeg(page: Page, seed = 1): Promise<Buffer> {
  const b64 = await page.evaluate(async (s) => {
    const c = document.createElement('canvas');
    c.width = 4000;
    c.height = 3000;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 4000, 3000);
    grad.addColorStop(0, '#1e5aa8');
    grad.addColorStop(1, '#2e9b5f');
    g.fillStyle = grad;
    g.fillRect(0, 0, 4000, 3000);
    // Texture so the JPEG is photo-sized, seeded so two photos differ.
    let x = s * 9301 + 49297;
    for (let i = 0; i < 4000; i += 1) {
      x = (x * 9301 + 49297) % 233280;
      g.fillStyle = `rgba(${(x % 60) + 20},${(x % 120) + 80},${(x % 200) + 40},0.5)`;
      g.fillRect((x * 7) % 4000, (x * 13) % 3000, 40 + (x % 80), 40 + (x % 60));
    }
    const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.92));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }, seed);
  return Buffer.from(b64, 'base64');
}

/** Decodes the stored photo in the page: its size and how many logo-red pixels sit in the logo corner. */
export async function inspectStamped(
  page: Page,
  url: string,
): Promise<{ width: number; height: number; redInLogo: number; redElsewhere: number }> {
  return page.evaluate(async (u) => {
    const blob = await (await fetch(u)).blob();
    const img = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const short = Math.min(img.width, img.height);
    const size = Math.round(short * 0.2);
    const m = Math.round(short * 0.03);
    const isRed = (d: Uint8ClampedArray, i: number) => d[i] > 160 && d[i + 1] < 90 && d[i + 2] < 90;
    const count = (x: number, y: number, w: number, h: number) => {
      const d = g.getImageData(x, y, w, h).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (isRed(d, i)) n += 1;
      return n;
    };
    return {
      width: img.width,
      height: img.height,
      redInLogo: count(m, m, size, size),
      // The same-sized square in the middle of the photo: no logo there.
      redElsewhere: count(Math.round(img.width / 2), Math.round(img.height / 3), size, size),
    };
  }, url);
}
