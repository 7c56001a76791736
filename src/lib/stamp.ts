// Stamps an on-site photo: the photo scaled so its long side is ≤ 1920 px, the
// jurisdiction's 政务公开主题日 logo top-left, and a band at the bottom with the
// banner text, the time and the place. Encoded as JPEG, quality lowered until
// the file is under 400 KB. The same layout on h5 (HTMLCanvasElement) and
// weapp (the page's <canvas type="2d"> node, see StampCanvas).
import Taro from '@tarojs/taro';
import defaultLogo from '../assets/logo-default.png';
import { sha256Hex, sha256Of } from './sha256';
import { logoBox } from '../domain/stampLayout';

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
  /** A small data URL to show in lists. */
  thumb?: string;
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

async function encodeH5(c: HTMLCanvasElement): Promise<Blob> {
  let blob = await toBlob(c, 0.88);
  for (let q = 0.8; blob.size >= MAX_BYTES && q >= 0.3; q -= 0.1) blob = await toBlob(c, q);
  return blob;
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
    const blob = await encodeH5(c);
    // Still too big at the lowest quality: shrink and try again.
    if (blob.size >= MAX_BYTES && long > 800) {
      long = Math.round(long * 0.8);
      continue;
    }
    const t = document.createElement('canvas');
    const tf = fit(width, height, 240);
    t.width = tf.width;
    t.height = tf.height;
    t.getContext('2d')?.drawImage(c, 0, 0, tf.width, tf.height);
    return {
      file: blob,
      sha256: await sha256Of(await blob.arrayBuffer()),
      width,
      height,
      bytes: blob.size,
      thumb: t.toDataURL('image/jpeg', 0.7),
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

/** JPEG bytes of a canvas node at `quality`, through the documented temp-file export. */
async function exportNode(canvas: WxCanvas, quality: number): Promise<{ path: string; data: ArrayBuffer }> {
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'jpg', quality } as unknown as Parameters<
    typeof Taro.canvasToTempFilePath
  >[0]);
  return { path: tempFilePath, data: Taro.getFileSystemManager().readFileSync(tempFilePath) as ArrayBuffer };
}

/** Fallback: an OffscreenCanvas encoded by toDataURL, written to a user-data file. */
function exportOffscreen(canvas: WxOffscreen, quality: number): { path: string; data: ArrayBuffer } {
  const data = Taro.base64ToArrayBuffer(canvas.toDataURL('image/jpeg', quality).split(',')[1]);
  const path = `${Taro.env.USER_DATA_PATH}/stamp-${Date.now()}.jpg`;
  Taro.getFileSystemManager().writeFileSync(path, data);
  return { path, data };
}

async function prepareWeapp(src: string, stamp: { text: StampText; logoUrl: string } | null): Promise<PreparedPhoto> {
  const info = await Taro.getImageInfo({ src });
  const node = await canvasNode();
  let long = MAX_LONG_SIDE;
  for (;;) {
    const { width, height } = fit(info.width, info.height, long);
    let encode: (q: number) => Promise<{ path: string; data: ArrayBuffer }>;
    if (node) {
      await draw(node, src, width, height, stamp);
      encode = (q) => exportNode(node, q);
    } else {
      if (typeof Taro.createOffscreenCanvas !== 'function') throw new Error('此微信版本不支持照片加盖标识，请升级微信');
      const createOffscreen = Taro.createOffscreenCanvas as unknown as (o: { type: '2d'; width: number; height: number }) => WxOffscreen;
      const off = createOffscreen({ type: '2d', width, height });
      await draw(off, src, width, height, stamp);
      encode = async (q) => exportOffscreen(off, q);
    }
    let out = await encode(0.88);
    for (let q = 0.8; out.data.byteLength >= MAX_BYTES && q >= 0.3; q -= 0.1) out = await encode(q);
    // Still too big at the lowest quality: shrink and try again.
    if (out.data.byteLength >= MAX_BYTES && long > 800) {
      long = Math.round(long * 0.8);
      continue;
    }
    return { file: out.path, sha256: sha256Hex(out.data), width, height, bytes: out.data.byteLength };
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
