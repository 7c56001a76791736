// The server's logo check (cloudfunctions/_shared/image.ts): a photo stamped the
// way the app stamps it passes, whatever the scene and JPEG quality; the same
// scene without the stamp fails, including flat white or red corners.
import { decodeGrid, decodeImage, encodeGrid, logoGrid, matchLogo, type Rgba } from '../../cloudfunctions/_shared/image';
import { DEFAULT_LOGO_GRID } from '../../cloudfunctions/_shared/defaultLogoGrid';
import { defaultLogo, jpegOf, pngOf, scene, stamp } from '../helpers/photos';

const expected = decodeGrid(DEFAULT_LOGO_GRID);

const decoded = (img: Rgba, quality: number): Rgba => decodeImage(jpegOf(img, quality))!;

test('the stored default-logo grid is the one computed from src/assets/logo-default.png', () => {
  expect(encodeGrid(logoGrid(defaultLogo()))).toBe(DEFAULT_LOGO_GRID);
});

const SIZES: Array<[number, number]> = [
  [800, 600],
  [360, 480],
];
const TONES: Array<[string, [number, number, number] | undefined]> = [
  ['busy scene', undefined],
  ['white wall', [250, 250, 250]],
  ['red banner', [200, 22, 29]],
  ['dark hall', [20, 20, 25]],
];

describe.each(SIZES)('%i × %i', (w, h) => {
  test.each(TONES)('stamped on a %s passes at JPEG quality 88 and 30', (_, tone) => {
    for (const q of [88, 30]) {
      const m = matchLogo(decoded(stamp(scene(w, h, `s${w}`, tone), defaultLogo()), q), expected);
      expect({ q, ...m }).toMatchObject({ passed: true });
    }
  });
  test.each(TONES)('unstamped, a %s fails', (_, tone) => {
    const m = matchLogo(decoded(scene(w, h, `u${w}`, tone), 88), expected);
    expect(m).toMatchObject({ passed: false });
  });
});

test('a photo stamped with a different logo does not pass for this one, and passes for its own', () => {
  const other = scene(256, 256, 'another logo');
  const img = decoded(stamp(scene(800, 600, 'x'), other), 85);
  expect(matchLogo(img, expected).passed).toBe(false);
  expect(matchLogo(img, logoGrid(other)).passed).toBe(true);
});

test('PNG photos are decoded too; bytes that are neither JPEG nor PNG are not', () => {
  const img = stamp(scene(640, 480, 'png'), defaultLogo());
  expect(matchLogo(decodeImage(pngOf(img))!, expected).passed).toBe(true);
  expect(decodeImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  expect(decodeImage(Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]))).toBeNull();
});

test('decoding a 1920 × 1440 JPEG and checking it stays fast', () => {
  const bytes = jpegOf(stamp(scene(1920, 1440, 'fast'), defaultLogo()), 80);
  const t = Date.now();
  const m = matchLogo(decodeImage(bytes)!, expected);
  expect(m.passed).toBe(true);
  expect(Date.now() - t).toBeLessThan(5000); // ~150 ms on an idle core; generous for a shared machine;
});
