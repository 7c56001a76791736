// Whether an uploaded photo carries the jurisdiction's logo, decided from its
// bytes (the client's `stamped` is only recorded). The app falls back to the
// default logo when the office's cannot be loaded, so either one counts. The list
// thumbnail beside a photo is checked here too, by its bytes.
import crypto from 'node:crypto';
import { BusinessError } from '../../src/domain/errors';
import { isJpegBytes, THUMB_MAX_BYTES } from '../../src/domain/photos';
import { cloud } from './cloud';
import { DEFAULT_LOGO_GRID } from './defaultLogoGrid';
import { decodeGrid, decodeImage, GRID, logoGrid, matchLogo, type LogoGrid } from './image';

/** The largest photo downloaded for the check (the app sends < 400 KB). */
const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const LOGO_CHECK_METHOD = `grid${GRID}-meandiff-correlation`;

export interface LogoCheck {
  method: string;
  /** Mean absolute colour difference of the logo square, 0–255 (lower is closer). */
  score: number;
  correlation: number;
  /** Which logo matched best. */
  logo: 'jurisdiction' | 'default';
  /** sha256 of the bytes that were checked. */
  sha256: string;
  at: Date;
}

const DEFAULT_GRID = decodeGrid(DEFAULT_LOGO_GRID);
// Logo file ids are never overwritten (each upload has its own name), so a grid can be kept per id.
const grids = new Map<string, LogoGrid | null>();

async function download(fileID: string): Promise<Buffer | null> {
  try {
    return ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
  } catch {
    return null;
  }
}

async function jurisdictionGrid(logoFileID: string | undefined): Promise<LogoGrid | null> {
  if (!logoFileID) return null;
  if (!grids.has(logoFileID)) {
    const bytes = await download(logoFileID);
    const img = bytes && bytes.length <= MAX_PHOTO_BYTES ? decodeImage(bytes) : null;
    grids.set(logoFileID, img ? logoGrid(img) : null);
  }
  return grids.get(logoFileID) ?? null;
}

/** Downloads and decodes the photo and looks for the logo; refuses what is not a JPEG/PNG photo. */
export async function checkPhotoLogo(
  fileID: string,
  logoFileID: string | undefined,
  now: Date,
): Promise<{ hasLogo: boolean; logoCheck: LogoCheck }> {
  const [bytes, own] = await Promise.all([download(fileID), jurisdictionGrid(logoFileID)]);
  if (!bytes) throw new BusinessError('NOT_FOUND', '找不到上传的照片，请重新上传', { fields: ['fileID'] });
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new BusinessError('INVALID_ARGUMENT', '照片超过 20MB，请用小程序拍摄或重新选择', { fields: ['fileID'] });
  const photo = decodeImage(bytes);
  if (!photo) throw new BusinessError('INVALID_ARGUMENT', '上传的文件不是 JPEG 或 PNG 照片，请重新拍摄或选择照片', { fields: ['fileID'] });
  const candidates: Array<['jurisdiction' | 'default', LogoGrid]> = own
    ? [
        ['jurisdiction', own],
        ['default', DEFAULT_GRID],
      ]
    : [['default', DEFAULT_GRID]];
  const results = candidates.map(([logo, grid]) => ({ logo, m: matchLogo(photo, grid) }));
  const best = results.find((r) => r.m.passed) ?? results[0];
  return {
    hasLogo: best.m.passed,
    logoCheck: {
      method: LOGO_CHECK_METHOD,
      score: best.m.meanDiff,
      correlation: best.m.correlation,
      logo: best.logo,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      at: now,
    },
  };
}

/** A list thumbnail must be a small JPEG by its bytes: lists load dozens of them. */
export async function checkThumb(fileID: string): Promise<void> {
  const bytes = await download(fileID);
  const fields = ['thumbFileID'];
  if (!bytes) throw new BusinessError('NOT_FOUND', '找不到上传的缩略图，请重新上传照片', { fields });
  if (bytes.length > THUMB_MAX_BYTES)
    throw new BusinessError('INVALID_ARGUMENT', '缩略图超过 40KB，请重新上传照片', { fields, bytes: bytes.length, max: THUMB_MAX_BYTES });
  if (!isJpegBytes(bytes) || !decodeImage(bytes))
    throw new BusinessError('INVALID_ARGUMENT', '缩略图不是 JPEG 图片，请重新上传照片', { fields });
}
