// The photo stamp in Chromium: src/lib/stamp.ts (the app's own code, bundled for
// a bare page) on a 4000×3000 camera-like JPEG: output bytes, size and time.
import { build } from 'esbuild';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..');

export async function stampBench(): Promise<{
  inputBytes: number;
  outputBytes: number;
  width: number;
  height: number;
  ms: number;
  ratio: number;
}> {
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'src/lib/stamp.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Stamp',
    platform: 'browser',
    loader: { '.png': 'dataurl' },
    define: { 'process.env.TARO_ENV': '"h5"' },
    alias: { '@tarojs/taro': path.join(ROOT, 'bench/taro-stub.ts') },
    logLevel: 'error',
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    // tsx keeps function names with a __name helper; the page needs it to run our callback.
    await page.addScriptTag({ content: 'window.__name = (f) => f;' });
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    return await page.evaluate(async () => {
      // A camera-like picture: sky and ground gradients, shapes, and sensor noise.
      const c = document.createElement('canvas');
      c.width = 4000;
      c.height = 3000;
      const g = c.getContext('2d')!;
      const sky = g.createLinearGradient(0, 0, 0, 3000);
      sky.addColorStop(0, '#7fb2e5');
      sky.addColorStop(0.55, '#e8eef3');
      sky.addColorStop(0.56, '#8a7f6a');
      sky.addColorStop(1, '#3d3a33');
      g.fillStyle = sky;
      g.fillRect(0, 0, 4000, 3000);
      let seed = 7;
      const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      for (let i = 0; i < 400; i++) {
        g.fillStyle = `hsl(${Math.floor(rnd() * 360)},40%,${30 + Math.floor(rnd() * 40)}%)`;
        g.fillRect(rnd() * 4000, 1500 + rnd() * 1500, 40 + rnd() * 300, 40 + rnd() * 400);
      }
      const img = g.getImageData(0, 0, 4000, 3000);
      for (let i = 0; i < img.data.length; i += 4) {
        const n = (rnd() - 0.5) * 24;
        img.data[i] += n;
        img.data[i + 1] += n;
        img.data[i + 2] += n;
      }
      g.putImageData(img, 0, 0);
      const input = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.92));
      const t0 = performance.now();
      const out = await (
        window as unknown as { Stamp: { stampPhoto: (b: Blob, t: object) => Promise<{ bytes: number; width: number; height: number }> } }
      ).Stamp.stampPhoto(input, {
        banner: '雨花区教育局2023年“政务公开主题日”活动',
        time: '2023-04-27 09:30',
        place: '雨花区教育局三楼会议室',
      });
      const ms = performance.now() - t0;
      return {
        inputBytes: input.size,
        outputBytes: out.bytes,
        width: out.width,
        height: out.height,
        ms: Math.round(ms),
        ratio: Math.round((input.size / out.bytes) * 10) / 10,
      };
    });
  } finally {
    await browser.close();
  }
}
