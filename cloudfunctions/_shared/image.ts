// Looking for the 政务公开主题日 logo on an uploaded photo. The app stamps the logo
// into a square at the top-left (src/domain/stampLayout.ts) over a white disc;
// here the photo is decoded (JPEG or PNG), that square is averaged into a
// GRID × GRID grid of colours and compared with the logo averaged the same way:
// the mean absolute difference must be small AND the pattern must correlate, so
// a plain white or red corner does not pass for the logo, while JPEG noise,
// resampling and quality 0.3 re-encoding do not make a real stamp fail.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { logoBox } from '../../src/domain/stampLayout';

export const GRID = 16;
/** Largest photo decoded (the app sends ≤ 1920 px long side; a camera original is ≤ ~50 MP). */
export const MAX_MEGAPIXELS = 50;
const MAX_MEMORY_MB = 512;
/** Thresholds, tuned on stamped and unstamped photos (tests/domain/logoCheck.test.ts). */
export const MAX_MEAN_DIFF = 40;
export const MIN_CORRELATION = 0.7;

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array; // RGBA, 4 bytes a pixel
}

/** GRID × GRID cells of [r, g, b] averages (0–255); `mask` marks the cells the comparison uses. */
export interface LogoGrid {
  rgb: number[];
  mask: boolean[];
}

export type ImageKind = 'jpeg' | 'png';

export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return null;
}

/** Decodes a JPEG or PNG to RGBA; null when the bytes are neither or too large to decode safely. */
export function decodeImage(bytes: Uint8Array): Rgba | null {
  const kind = imageKind(bytes);
  try {
    if (kind === 'jpeg') {
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_MEGAPIXELS,
        maxMemoryUsageInMB: MAX_MEMORY_MB,
      });
      return { width: img.width, height: img.height, data: img.data };
    }
    if (kind === 'png') {
      // pngjs has no size limit of its own: read the IHDR dimensions first.
      const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const w = view.readUInt32BE(16);
      const h = view.readUInt32BE(20);
      if (w === 0 || h === 0 || w * h > MAX_MEGAPIXELS * 1_000_000) return null;
      const png = PNG.sync.read(view);
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
  } catch {
    return null;
  }
  return null;
}

/** Averages a w × h rectangle of `img` into GRID × GRID cells; alpha is composited over white (the stamp's disc). */
function averageRect(img: Rgba, x0: number, y0: number, w: number, h: number): { rgb: number[]; alpha: number[] } {
  const rgb: number[] = new Array(GRID * GRID * 3).fill(0);
  const alpha: number[] = new Array(GRID * GRID).fill(0);
  for (let gy = 0; gy < GRID; gy++) {
    const ya = Math.max(0, Math.floor(y0 + (gy * h) / GRID));
    const yb = Math.min(img.height, Math.max(ya + 1, Math.floor(y0 + ((gy + 1) * h) / GRID)));
    for (let gx = 0; gx < GRID; gx++) {
      const xa = Math.max(0, Math.floor(x0 + (gx * w) / GRID));
      const xb = Math.min(img.width, Math.max(xa + 1, Math.floor(x0 + ((gx + 1) * w) / GRID)));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let n = 0;
      for (let y = ya; y < yb; y++) {
        for (let x = xa; x < xb; x++) {
          const i = (y * img.width + x) * 4;
          const al = img.data[i + 3] / 255;
          r += img.data[i] * al + 255 * (1 - al);
          g += img.data[i + 1] * al + 255 * (1 - al);
          b += img.data[i + 2] * al + 255 * (1 - al);
          a += al;
          n++;
        }
      }
      const c = gy * GRID + gx;
      const k = Math.max(1, n);
      rgb[c * 3] = r / k;
      rgb[c * 3 + 1] = g / k;
      rgb[c * 3 + 2] = b / k;
      alpha[c] = a / k;
    }
  }
  return { rgb, alpha };
}

/**
 * The logo as the stamp draws it, averaged into the grid. Compared cells: those
 * the logo covers (opaque) and those inside the white disc; the corners of a
 * round logo show the photo, so they are left out.
 */
export function logoGrid(logo: Rgba): LogoGrid {
  // drawImage stretches the whole logo into the square, whatever its shape.
  const { rgb, alpha } = averageRect(logo, 0, 0, logo.width, logo.height);
  const mid = (GRID - 1) / 2;
  const mask = alpha.map((a, c) => a >= 0.95 || Math.hypot((c % GRID) - mid, Math.floor(c / GRID) - mid) <= GRID * 0.42);
  return { rgb: rgb.map((v) => Math.round(v)), mask };
}

export interface LogoMatch {
  /** Mean absolute colour difference over the compared cells, 0–255 (lower is closer). */
  meanDiff: number;
  /** Pearson correlation of the cells' brightness, −1…1 (higher is closer). */
  correlation: number;
  passed: boolean;
}

const luma = (rgb: number[], c: number) => 0.299 * rgb[c * 3] + 0.587 * rgb[c * 3 + 1] + 0.114 * rgb[c * 3 + 2];

/** How well the top-left stamp square of `photo` matches `expected`. */
export function matchLogo(photo: Rgba, expected: LogoGrid): LogoMatch {
  const { x, y, size } = logoBox(photo.width, photo.height);
  const seen = averageRect(photo, x, y, size, size).rgb;
  const cells = expected.mask.flatMap((m, c) => (m ? [c] : []));
  let diff = 0;
  for (const c of cells) for (let k = 0; k < 3; k++) diff += Math.abs(seen[c * 3 + k] - expected.rgb[c * 3 + k]);
  const meanDiff = cells.length ? diff / (cells.length * 3) : 255;
  const a = cells.map((c) => luma(seen, c));
  const b = cells.map((c) => luma(expected.rgb, c));
  const correlation = pearson(a, b);
  return {
    meanDiff: round(meanDiff),
    correlation: round(correlation),
    passed: meanDiff <= MAX_MEAN_DIFF && correlation >= MIN_CORRELATION,
  };
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  if (n < 2) return 0;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  // A flat logo has no pattern to find: only the colour difference can decide.
  if (sbb < 1e-6) return saa < n * 4 ? 1 : 0;
  if (saa < 1e-6) return 0;
  return sab / Math.sqrt(saa * sbb);
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** A grid stored compactly (the default logo's is kept in defaultLogoGrid.ts). */
export function encodeGrid(g: LogoGrid): string {
  const bytes = Buffer.alloc(GRID * GRID * 4);
  g.rgb.forEach((v, i) => (bytes[Math.floor(i / 3) * 4 + (i % 3)] = v));
  g.mask.forEach((m, c) => (bytes[c * 4 + 3] = m ? 1 : 0));
  return bytes.toString('base64');
}

export function decodeGrid(s: string): LogoGrid {
  const bytes = Buffer.from(s, 'base64');
  const rgb: number[] = [];
  const mask: boolean[] = [];
  for (let c = 0; c < GRID * GRID; c++) {
    rgb.push(bytes[c * 4], bytes[c * 4 + 1], bytes[c * 4 + 2]);
    mask.push(bytes[c * 4 + 3] === 1);
  }
  return { rgb, mask };
}
