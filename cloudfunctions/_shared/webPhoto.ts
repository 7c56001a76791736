// Photos sized for a web page: reports carry stamped photos of up to 1920 px;
// a portal page needs at most WEB_WIDTH. Wider JPEGs are downscaled (jpeg-js,
// pure JS, fine inside a cloud function's time); narrower ones and anything that
// is not a JPEG are kept as they are.
import jpeg from 'jpeg-js';

export const WEB_WIDTH = 1280;

export interface WebPhoto {
  bytes: Buffer;
  width?: number;
  height?: number;
}

/** Width and height from a JPEG's frame header, without decoding it; null if not a JPEG. */
export function jpegSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    const len = b.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

export function webPhoto(bytes: Buffer): WebPhoto {
  const size = jpegSize(bytes);
  if (!size) return { bytes };
  if (size.width <= WEB_WIDTH) return { bytes, ...size };
  try {
    const src = jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 256 });
    const width = WEB_WIDTH;
    const height = Math.max(1, Math.round((src.height * width) / src.width));
    const out = Buffer.alloc(width * height * 4);
    // Box filter: each output pixel averages the source pixels it covers.
    const sx = src.width / width;
    const sy = src.height / height;
    for (let y = 0; y < height; y++) {
      const y0 = Math.floor(y * sy);
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      for (let x = 0; x < width; x++) {
        const x0 = Math.floor(x * sx);
        const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
        let r = 0;
        let g = 0;
        let bl = 0;
        for (let yy = y0; yy < y1; yy++) {
          for (let xx = x0; xx < x1; xx++) {
            const k = (yy * src.width + xx) * 4;
            r += src.data[k];
            g += src.data[k + 1];
            bl += src.data[k + 2];
          }
        }
        const n = (y1 - y0) * (x1 - x0);
        const o = (y * width + x) * 4;
        out[o] = r / n;
        out[o + 1] = g / n;
        out[o + 2] = bl / n;
        out[o + 3] = 255;
      }
    }
    return { bytes: Buffer.from(jpeg.encode({ data: out, width, height }, 80).data), width, height };
  } catch {
    return { bytes, ...size }; // a photo the decoder cannot read is still shown as uploaded
  }
}
