// Test helpers for the unit's on-site screens: a big camera-like JPEG made in
// the page, and a check of a stamped photo's logo corner done in the page.
import type { Page } from 'playwright-core';

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
