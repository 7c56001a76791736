// Stamps an on-site photo: the photo scaled so its long side is ≤ 1920 px, the
// jurisdiction's 政务公开主题日 logo top-left, and a band at the bottom with the
// banner text, the time and the place. Encoded as JPEG, quality lowered until
// the file is under 400 KB. Beside it a list thumbnail (320 px long side,
// quality lowered until ≤ 40 KB) drawn from the stamped picture. The same
// layout on h5 (HTMLCanvasElement) and weapp (the page's <canvas type="2d">
// node, see StampCanvas).
import Taro from '@tarojs/taro';
import defaultLogo from '../assets/logo-default.png';
import { sha256Hex, sha256Of } from './sha256';
import { logoBox } from '../domain/stampLayout';
import { THUMB_LONG_SIDE, THUMB_MAX_BYTES } from '../domain/photos';

export const MAX_LONG_SIDE = 1920;
export const MAX_BYTES = 400 * 1024;
export const DEFAULT_LOGO: string = defaultLogo as string;

export interface StampText {
  banner: string;
  /** e.g. 2023-04-17 09:30 */
  time: string;
  place: string;
}

export interface PreparedPhoto {
  /** h5: a Blob; weapp: a temp file path. */
  file: Blob | string;
  sha256: string;
  width: number;
  height: number;
  bytes: number;
  /** The list thumbnail (≤ 40 KB JPEG), to show and to upload: h5 a data URL, weapp a temp file path. */
  thumb: string;
}

// Where the logo goes: shared with the server, which checks the stamp on every uploaded photo.
export { logoBox };

function fit(w: number, h: number, long = MAX_LONG_SIDE): { width: number; height: number } {
  const k = Math.min(1, long / Math.max(w, h));
  return { width: Math.round(w * k), height: Math.round(h * k) };
}

/** The minimal 2d context both platforms give us. */
type Ctx = CanvasRenderingContext2D;

function drawOverlay(g: Ctx, w: number, h: number, logo: CanvasImageSource | null, text: StampText): void {
  const short = Math.min(w, h);
  if (logo) {
    const { x, y, size } = logoBox(w, h);
    // A white disc behind the logo keeps it readable on any background.
    g.fillStyle = 'rgba(255,255,255,0.9)';
    g.beginPath();
    g.arc(x + size / 2, y + size / 2, size / 2 + short * 0.006, 0, Math.PI * 2);
    g.fill();
    g.drawImage(logo, x, y, size, size);
  }
  const font = Math.max(14, Math.round(short * 0.042));
  const small = Math.max(12, Math.round(font * 0.78));
  const pad = Math.round(font * 0.6);
  const band = pad * 3 + font + small;
  g.fillStyle = 'rgba(0,0,0,0.55)';
  g.fillRect(0, h - band, w, band);
  g.fillStyle = '#ffffff';
  g.textBaseline = 'top';
  g.textAlign = 'left';
  const family = '"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif';
  g.font = `bold ${font}px ${family}`;
  g.fillText(clip(g, text.banner, w - pad * 2), pad, h - band + pad);
  g.font = `${small}px ${family}`;
  g.fillText(clip(g, `${text.time}  ${text.place}`, w - pad * 2), pad, h - band + pad * 2 + font);
}

/** Encodes at `start`, then lower qualities until the result is under `max` bytes (or quality hits 0.3). */
async function encodeUnder<T>(encode: (q: number) => Promise<T>, size: (t: T) => number, max: number, start: number): Promise<T> {
  let out = await encode(start);
  for (let q = start - 0.08; size(out) > max && q >= 0.3; q -= 0.1) out = await encode(q);
  return out;
}

/** Long sides to try for the thumbnail: smaller only if the lowest quality is still too big. */
const THUMB_SIDES = [THUMB_LONG_SIDE, 240, 160];

function clip(g: Ctx, s: string, max: number): string {
  if (g.measureText(s).width <= max) return s;
  let t = s;
  while (t.length > 1 && g.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}

// ---------------------------------------------------------------- h5

async function loadH5(src: Blob | string): Promise<CanvasImageSource & { width: number; height: number }> {
  const blob = typeof src === 'string' ? await (await fetch(src)).blob() : src;
  if (typeof createImageBitmap === 'function') {
    // from-image applies the camera's EXIF rotation.
    return createImageBitmap(blob, { imageOrientation: 'from-image' });
  }
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function loadLogoH5(url: string): Promise<CanvasImageSource | null> {
  try {
    const img = new Image();
    img.crossOrigin = 'anonymous';
    img.src = url;
    await img.decode();
    return img;
  } catch {
    return null;
  }
}

function toBlob(c: HTMLCanvasElement, q: number): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/jpeg', q));
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

async function thumbH5(c: HTMLCanvasElement): Promise<string> {
  let blob: Blob | null = null;
  for (const long of THUMB_SIDES) {
    const { width, height } = fit(c.width, c.height, long);
    const t = document.createElement('canvas');
    t.width = width;
    t.height = height;
    t.getContext('2d')?.drawImage(c, 0, 0, width, height);
    blob = await encodeUnder(
      (q) => toBlob(t, q),
      (b) => b.size,
      THUMB_MAX_BYTES,
      0.7,
    );
    if (blob.size <= THUMB_MAX_BYTES) break;
  }
  return dataUrlOf(blob!);
}

async function prepareH5(src: Blob | string, stamp: { text: StampText; logoUrl: string } | null): Promise<PreparedPhoto> {
  const img = await loadH5(src);
  const logo = stamp ? ((await loadLogoH5(stamp.logoUrl)) ?? (await loadLogoH5(DEFAULT_LOGO))) : null;
  let long = MAX_LONG_SIDE;
  for (;;) {
    const { width, height } = fit(img.width, img.height, long);
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    const g = c.getContext('2d');
    if (!g) throw new Error('canvas');
    g.imageSmoothingQuality = 'high';
    g.drawImage(img, 0, 0, width, height);
    if (stamp) drawOverlay(g, width, height, logo, stamp.text);
    const blob = await encodeUnder(
      (q) => toBlob(c, q),
      (b) => b.size,
      MAX_BYTES - 1,
      0.88,
    );
    // Still too big at the lowest quality: shrink and try again.
    if (blob.size >= MAX_BYTES && long > 800) {
      long = Math.round(long * 0.8);
      continue;
    }
    return {
      file: blob,
      sha256: await sha256Of(await blob.arrayBuffer()),
      width,
      height,
      bytes: blob.size,
      thumb: await thumbH5(c),
    };
  }
}

// ---------------------------------------------------------------- weapp
// WeChat documents one export of a 2d canvas: a <canvas type="2d"> node of the
// page passed to wx.canvasToTempFilePath({ canvas, fileType: 'jpg', quality }).
// Pages that stamp render <StampCanvas /> (below); without it, or on a base
// library without canvas nodes, the OffscreenCanvas path remains as a fallback
// (its toDataURL is undocumented and differs on iOS).

/** The id of the hidden canvas node that stamping draws on. */
export const STAMP_CANVAS_ID = 'zwgk-stamp-canvas';

interface WxImage {
  src: string;
  onload: (() => void) | null;
  onerror: ((e: unknown) => void) | null;
}
/** What a canvas node and an OffscreenCanvas both document. */
interface WxCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): Ctx;
  createImage(): WxImage;
}
interface WxOffscreen extends WxCanvas {
  toDataURL(type: string, quality: number): string;
}

function loadWx(canvas: WxCanvas, src: string): Promise<WxImage | null> {
  return new Promise((resolve) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/** The page's <canvas type="2d" id={STAMP_CANVAS_ID}> node, or null when the page has none. */
function canvasNode(): Promise<WxCanvas | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${STAMP_CANVAS_ID}`)
        .fields({ node: true, size: true }, () => undefined)
        .exec((res: Array<{ node?: WxCanvas } | null>) => resolve(res?.[0]?.node ?? null));
    } catch {
      resolve(null);
    }
  });
}

async function draw(
  canvas: WxCanvas,
  src: string,
  width: number,
  height: number,
  stamp: { text: StampText; logoUrl: string } | null,
): Promise<void> {
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  const img = await loadWx(canvas, src);
  if (!img) throw new Error('读取照片失败');
  g.drawImage(img as unknown as CanvasImageSource, 0, 0, width, height);
  if (stamp) {
    const logo = (await loadWx(canvas, stamp.logoUrl)) ?? (await loadWx(canvas, DEFAULT_LOGO));
    drawOverlay(g, width, height, logo as unknown as CanvasImageSource | null, stamp.text);
  }
}

type Exported = { path: string; data: ArrayBuffer };

/** JPEG bytes of a canvas node at `quality`, through the documented temp-file export. */
async function exportNode(canvas: WxCanvas, quality: number): Promise<Exported> {
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'jpg', quality } as unknown as Parameters<
    typeof Taro.canvasToTempFilePath
  >[0]);
  return { path: tempFilePath, data: Taro.getFileSystemManager().readFileSync(tempFilePath) as ArrayBuffer };
}

/** Fallback: an OffscreenCanvas encoded by toDataURL, written to a user-data file. */
function exportOffscreen(canvas: WxOffscreen, quality: number): Exported {
  const data = Taro.base64ToArrayBuffer(canvas.toDataURL('image/jpeg', quality).split(',')[1]);
  const path = `${Taro.env.USER_DATA_PATH}/stamp-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`;
  Taro.getFileSystemManager().writeFileSync(path, data);
  return { path, data };
}

/** Where to draw at width × height: the page's canvas node, or an OffscreenCanvas on old base libraries. */
function surface(node: WxCanvas | null, width: number, height: number): { canvas: WxCanvas; encode: (q: number) => Promise<Exported> } {
  if (node) return { canvas: node, encode: (q) => exportNode(node, q) };
  if (typeof Taro.createOffscreenCanvas !== 'function') throw new Error('此微信版本不支持照片加盖标识，请升级微信');
  const createOffscreen = Taro.createOffscreenCanvas as unknown as (o: { type: '2d'; width: number; height: number }) => WxOffscreen;
  const off = createOffscreen({ type: '2d', width, height });
  return { canvas: off, encode: async (q) => exportOffscreen(off, q) };
}

async function thumbWeapp(node: WxCanvas | null, src: string, w: number, h: number): Promise<string> {
  let out: Exported | null = null;
  for (const long of THUMB_SIDES) {
    const { width, height } = fit(w, h, long);
    const s = surface(node, width, height);
    await draw(s.canvas, src, width, height, null);
    out = await encodeUnder(s.encode, (o) => o.data.byteLength, THUMB_MAX_BYTES, 0.7);
    if (out.data.byteLength <= THUMB_MAX_BYTES) break;
  }
  return out!.path;
}

async function prepareWeapp(src: string, stamp: { text: StampText; logoUrl: string } | null): Promise<PreparedPhoto> {
  const info = await Taro.getImageInfo({ src });
  const node = await canvasNode();
  let long = MAX_LONG_SIDE;
  for (;;) {
    const { width, height } = fit(info.width, info.height, long);
    const s = surface(node, width, height);
    await draw(s.canvas, src, width, height, stamp);
    const out = await encodeUnder(s.encode, (o) => o.data.byteLength, MAX_BYTES - 1, 0.88);
    // Still too big at the lowest quality: shrink and try again.
    if (out.data.byteLength >= MAX_BYTES && long > 800) {
      long = Math.round(long * 0.8);
      continue;
    }
    const thumb = await thumbWeapp(node, out.path, width, height);
    return { file: out.path, sha256: sha256Hex(out.data), width, height, bytes: out.data.byteLength, thumb };
  }
}

/** A camera photo with the logo, banner, time and place drawn on. */
export function stampPhoto(src: Blob | string, text: StampText, logoUrl?: string | null): Promise<PreparedPhoto> {
  const stamp = { text, logoUrl: logoUrl || DEFAULT_LOGO };
  return process.env.TARO_ENV === 'h5' ? prepareH5(src, stamp) : prepareWeapp(String(src), stamp);
}

/** An album photo: scaled and compressed the same way, but nothing drawn on it. */
export function preparePlainPhoto(src: Blob | string): Promise<PreparedPhoto> {
  return process.env.TARO_ENV === 'h5' ? prepareH5(src, null) : prepareWeapp(String(src), null);
}
