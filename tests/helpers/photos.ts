// Photos for tests: a synthetic on-site scene, stamped with a logo the way
// src/lib/stamp.ts draws it (white disc, logo stretched into logoBox), encoded
// as JPEG like the app does; or the same scene without the stamp.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { logoBox } from '../../src/domain/stampLayout';
import type { Rgba } from '../../cloudfunctions/_shared/image';

export const DEFAULT_LOGO_PATH = path.resolve(__dirname, '../../src/assets/logo-default.png');

export function readPng(bytes: Buffer): Rgba {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

export const defaultLogo = (): Rgba => readPng(fs.readFileSync(DEFAULT_LOGO_PATH));

export function pngOf(img: Rgba): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  Buffer.from(img.data).copy(png.data);
  return PNG.sync.write(png);
}

/** A deterministic busy scene (sky, wall, people-like blocks, noise), different per seed. */
export function scene(width: number, height: number, seed: string, tone?: [number, number, number]): Rgba {
  const rnd = crypto.createHash('sha256').update(seed).digest();
  const data = new Uint8Array(width * height * 4);
  const blocks = Array.from({ length: 12 }, (_, i) => ({
    x: (rnd[i] / 255) * width,
    y: (rnd[i + 12] / 255) * height,
    w: 40 + (rnd[(i + 5) % 32] / 255) * width * 0.3,
    h: 40 + (rnd[(i + 9) % 32] / 255) * height * 0.3,
    c: [rnd[(i * 3) % 32], rnd[(i * 3 + 1) % 32], rnd[(i * 3 + 2) % 32]],
  }));
  let noise = rnd.readUInt32LE(0) || 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      let c: number[] = tone ?? [120 + (y * 100) / height, 140 + (x * 60) / width, 180 - (y * 80) / height];
      if (!tone) for (const b of blocks) if (x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h) c = b.c;
      noise = (noise * 1103515245 + 12345) >>> 0;
      const n = tone ? 0 : ((noise >>> 16) % 21) - 10;
      data[i] = clamp(c[0] + n);
      data[i + 1] = clamp(c[1] + n);
      data[i + 2] = clamp(c[2] + n);
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/** Draws the stamp onto `photo` in place: a 90% white disc, then the logo stretched (bilinear) into logoBox. */
export function stamp(photo: Rgba, logo: Rgba): Rgba {
  const { x, y, size } = logoBox(photo.width, photo.height);
  const short = Math.min(photo.width, photo.height);
  const cx = x + size / 2;
  const cy = y + size / 2;
  const r = size / 2 + short * 0.006;
  const d = photo.data;
  for (let py = Math.max(0, Math.floor(cy - r)); py < Math.min(photo.height, Math.ceil(cy + r)); py++) {
    for (let px = Math.max(0, Math.floor(cx - r)); px < Math.min(photo.width, Math.ceil(cx + r)); px++) {
      if (Math.hypot(px + 0.5 - cx, py + 0.5 - cy) > r) continue;
      const i = (py * photo.width + px) * 4;
      for (let k = 0; k < 3; k++) d[i + k] = clamp(d[i + k] * 0.1 + 255 * 0.9);
    }
  }
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [lr, lg, lb, la] = bilinear(logo, ((px + 0.5) * logo.width) / size - 0.5, ((py + 0.5) * logo.height) / size - 0.5);
      const i = ((y + py) * photo.width + (x + px)) * 4;
      const a = la / 255;
      d[i] = clamp(lr * a + d[i] * (1 - a));
      d[i + 1] = clamp(lg * a + d[i + 1] * (1 - a));
      d[i + 2] = clamp(lb * a + d[i + 2] * (1 - a));
    }
  }
  return photo;
}

function bilinear(img: Rgba, fx: number, fy: number): number[] {
  const x0 = Math.max(0, Math.min(img.width - 1, Math.floor(fx)));
  const y0 = Math.max(0, Math.min(img.height - 1, Math.floor(fy)));
  const x1 = Math.min(img.width - 1, x0 + 1);
  const y1 = Math.min(img.height - 1, y0 + 1);
  const tx = Math.max(0, Math.min(1, fx - x0));
  const ty = Math.max(0, Math.min(1, fy - y0));
  const at = (x: number, y: number, k: number) => img.data[(y * img.width + x) * 4 + k];
  return [0, 1, 2, 3].map(
    (k) => (at(x0, y0, k) * (1 - tx) + at(x1, y0, k) * tx) * (1 - ty) + (at(x0, y1, k) * (1 - tx) + at(x1, y1, k) * tx) * ty,
  );
}

export function jpegOf(img: Rgba, quality = 88): Buffer {
  return Buffer.from(jpeg.encode({ width: img.width, height: img.height, data: Buffer.from(img.data) }, quality).data);
}

/** A photo as the app uploads it: JPEG bytes and their sha256. */
export interface TestPhoto {
  bytes: Buffer;
  sha256: string;
}

const withSha = (bytes: Buffer): TestPhoto => ({ bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });

const made = new Map<string, TestPhoto>();
function memo(key: string, make: () => TestPhoto): TestPhoto {
  if (!made.has(key)) made.set(key, make());
  return made.get(key)!;
}
let logo: Rgba | undefined;

/** A stamped photo (default logo unless given), small enough to keep tests fast; the same seed gives the same bytes. */
export function stampedPhoto(seed: string, opts: { logo?: Rgba; width?: number; height?: number; quality?: number } = {}): TestPhoto {
  const make = () =>
    withSha(jpegOf(stamp(scene(opts.width ?? 320, opts.height ?? 240, seed), opts.logo ?? (logo ??= defaultLogo())), opts.quality));
  return opts.logo ? make() : memo(`s:${seed}:${opts.width}:${opts.height}:${opts.quality}`, make);
}

/** The same kind of photo without the stamp. */
export function plainPhoto(seed: string, opts: { width?: number; height?: number; quality?: number } = {}): TestPhoto {
  return memo(`p:${seed}:${opts.width}:${opts.height}:${opts.quality}`, () =>
    withSha(jpegOf(scene(opts.width ?? 320, opts.height ?? 240, seed), opts.quality)),
  );
}
