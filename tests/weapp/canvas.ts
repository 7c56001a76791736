// A 2d canvas context as WeChat's <canvas type="2d"> gives it: drawing calls are
// recorded in order and rasterised when the page exports the canvas, so the
// exported JPEG holds what the page drew: images (the photo, the logo) scaled
// where they went, filled rectangles and circles in their colours with alpha, and
// text as one solid box per character where the glyph would stand (no font
// rasteriser here: the box says where text is and in which colour, not what it says).
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { jpegSize } from '../../cloudfunctions/_shared/webPhoto';

type Obj = Record<string, unknown>;
type Rgba = [number, number, number, number];

export type DrawOp =
  | { kind: 'image'; bytes: Buffer; args: number[] }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: Rgba }
  | { kind: 'disc'; cx: number; cy: number; r: number; color: Rgba }
  | { kind: 'text'; x: number; y: number; text: string; px: number; color: Rgba; baseline: string; align: string };

/** Width and height from a PNG or JPEG header. */
export function imageSize(b: Buffer): { width: number; height: number; type: 'png' | 'jpeg' } | null {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), type: 'png' };
  const size = jpegSize(b);
  return size && { ...size, type: 'jpeg' };
}

/** The bytes behind each image the page loaded (createImage), so drawImage can be rasterised. */
export const imageBytes = new WeakMap<object, Buffer>();

/** CSS colours the app uses: #rgb, #rrggbb, rgb(), rgba(); anything else is black. */
export function parseColor(s: unknown): Rgba {
  const c = String(s).trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((h) => h + h).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(1) as Rgba;
  }
  const fn = /^rgba?\(([^)]+)\)$/i.exec(c)?.[1];
  if (fn) {
    const [r, g, b, a = 1] = fn.split(',').map(Number);
    return [r, g, b, a];
  }
  return [0, 0, 0, 1];
}

/** Text width as a phone measures it, roughly: CJK characters a full em, others about half. */
function advance(ch: string, px: number): number {
  return ch.charCodeAt(0) > 0xff ? px : px * 0.55;
}

/** A 2d context recording what is drawn into `ops`. */
export function context2d(ops: DrawOp[]): Obj {
  const state: Obj = { font: '10px sans-serif', fillStyle: '#000', textBaseline: 'alphabetic', textAlign: 'start' };
  let path: Array<{ cx: number; cy: number; r: number }> = [];
  const px = () => Number(/(\d+(?:\.\d+)?)px/.exec(String(state.font))?.[1] ?? 10);
  const calls: Record<string, (...a: never[]) => unknown> = {
    measureText: (s: string) => ({ width: [...String(s)].reduce((w, ch) => w + advance(ch, px()), 0) }),
    drawImage: (img: object, ...args: number[]) => {
      const bytes = imageBytes.get(img);
      if (bytes) ops.push({ kind: 'image', bytes, args });
    },
    fillRect: (x: number, y: number, w: number, h: number) => ops.push({ kind: 'rect', x, y, w, h, color: parseColor(state.fillStyle) }),
    beginPath: () => {
      path = [];
    },
    arc: (cx: number, cy: number, r: number) => path.push({ cx, cy, r }),
    fill: () => {
      for (const p of path) ops.push({ kind: 'disc', ...p, color: parseColor(state.fillStyle) });
    },
    fillText: (text: string, x: number, y: number) =>
      ops.push({
        kind: 'text',
        text: String(text),
        x,
        y,
        px: px(),
        color: parseColor(state.fillStyle),
        baseline: String(state.textBaseline),
        align: String(state.textAlign),
      }),
  };
  return new Proxy(state, {
    get(t, prop) {
      if (typeof prop === 'string' && prop in calls) return calls[prop];
      if (typeof prop === 'string' && prop in t) return t[prop];
      return () => undefined; // other calls (save, restore, strokes) leave no pixels here
    },
    set(t, prop, v) {
      t[prop as string] = v;
      return true;
    },
  });
}

interface Decoded {
  width: number;
  height: number;
  data: Uint8Array;
}
/** Decoded once per image: a page exports the same photo at several qualities. */
const decodedImages = new WeakMap<Buffer, Decoded | null>();
function decodeImage(b: Buffer): Decoded | null {
  if (decodedImages.has(b)) return decodedImages.get(b)!;
  const size = imageSize(b);
  let out: Decoded | null = null;
  if (size?.type === 'png') {
    const png = PNG.sync.read(b);
    out = { width: png.width, height: png.height, data: png.data };
  } else if (size) {
    const img = jpeg.decode(b, { useTArray: true, maxMemoryUsageInMB: 512 });
    out = { width: img.width, height: img.height, data: img.data };
  }
  decodedImages.set(b, out);
  return out;
}

function blend(pixels: Buffer, i: number, [r, g, b, a]: Rgba): void {
  pixels[i] = Math.round(r * a + pixels[i] * (1 - a));
  pixels[i + 1] = Math.round(g * a + pixels[i + 1] * (1 - a));
  pixels[i + 2] = Math.round(b * a + pixels[i + 2] * (1 - a));
}

/** Paints RGBA pixels with the recorded operations, in order. */
export function rasterise(pixels: Buffer, width: number, height: number, ops: DrawOp[]): void {
  const fill = (x0: number, y0: number, x1: number, y1: number, color: Rgba, inside: (x: number, y: number) => boolean = () => true) => {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, y1); y++)
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, x1); x++) if (inside(x, y)) blend(pixels, (y * width + x) * 4, color);
  };
  for (const op of ops) {
    if (op.kind === 'rect') fill(op.x, op.y, op.x + op.w, op.y + op.h, op.color);
    else if (op.kind === 'disc') {
      const { cx, cy, r } = op;
      fill(cx - r, cy - r, cx + r, cy + r, op.color, (x, y) => (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r);
    } else if (op.kind === 'text') {
      const chars = [...op.text];
      const total = chars.reduce((w, ch) => w + advance(ch, op.px), 0);
      let x = op.align === 'center' ? op.x - total / 2 : op.align === 'right' || op.align === 'end' ? op.x - total : op.x;
      const top = op.baseline === 'top' ? op.y : op.baseline === 'middle' ? op.y - op.px / 2 : op.y - op.px * 0.8;
      for (const ch of chars) {
        const w = advance(ch, op.px);
        // The glyph's ink: a box inside its advance and the em, as a stand-in for the letter.
        if (ch.trim()) fill(x + w * 0.1, top + op.px * 0.1, x + w * 0.9, top + op.px * 0.9, op.color);
        x += w;
      }
    } else {
      const src = decodeImage(op.bytes);
      if (!src) continue;
      const a = op.args;
      const [sx, sy, sw, sh, dx, dy, dw, dh] =
        a.length >= 8
          ? a
          : a.length >= 4
            ? [0, 0, src.width, src.height, a[0], a[1], a[2], a[3]]
            : [0, 0, src.width, src.height, a[0], a[1], src.width, src.height];
      for (let y = Math.max(0, Math.floor(dy)); y < Math.min(height, dy + dh); y++) {
        for (let x = Math.max(0, Math.floor(dx)); x < Math.min(width, dx + dw); x++) {
          const u = Math.min(src.width - 1, Math.floor(sx + ((x - dx) * sw) / dw));
          const v = Math.min(src.height - 1, Math.floor(sy + ((y - dy) * sh) / dh));
          const si = (v * src.width + u) * 4;
          const di = (y * width + x) * 4;
          const alpha = src.data[si + 3] / 255;
          for (let c = 0; c < 3; c++) pixels[di + c] = Math.round(src.data[si + c] * alpha + pixels[di + c] * (1 - alpha));
        }
      }
    }
  }
}
