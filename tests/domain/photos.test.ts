// Which photos are album photos, and what counts as a JPEG thumbnail, by the bytes.
import { isJpegBytes, photoSourceOf, photoPathOf, thumbPathOf } from '../../src/domain/photos';

describe('photoSourceOf', () => {
  test.each([
    ['拍照上传（记录了来源）', { source: 'camera' as const, stamped: true }, 'camera'],
    ['相册照片（记录了来源）', { source: 'album' as const, stamped: false }, 'album'],
    ['相册照片即使声称已加盖标识，仍是相册照片', { source: 'album' as const, stamped: true }, 'album'],
    ['早期记录：未加盖标识即当时的相册照片', { stamped: false }, 'album'],
    ['早期记录：加盖了标识即拍照上传', { stamped: true }, 'camera'],
  ])('%s', (_name, photo, want) => {
    expect(photoSourceOf(photo)).toBe(want);
  });
});

describe('isJpegBytes', () => {
  test.each([
    ['JPEG 文件头', [0xff, 0xd8, 0xff, 0xe0, 0x00], true],
    ['PNG 文件头', [0x89, 0x50, 0x4e, 0x47, 0x0d], false],
    ['只有三个字节', [0xff, 0xd8, 0xff], false],
    ['空文件', [], false],
  ])('%s', (_name, bytes, want) => {
    expect(isJpegBytes(Uint8Array.from(bytes))).toBe(want);
  });
});

test('缩略图与原图放在同一活动的照片目录，名称由 sha256 决定', () => {
  const sha = 'a'.repeat(64);
  expect(photoPathOf('ev-2023-1', sha)).toBe(`events/ev-2023-1/photos/${sha}.jpg`);
  expect(thumbPathOf('ev-2023-1', sha)).toBe(`events/ev-2023-1/photos/${sha}.thumb.jpg`);
});
