// Draws the app's own default 政务公开主题日 badge (src/assets/logo-default.png)
// in Chromium's canvas: a red ring with the words, a white core with 公开.
// Offices may upload their own logo; this one is original and license-free.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
const dataUrl = await page.evaluate(() => {
  const S = 256;
  const c = document.createElement('canvas');
  c.width = S;
  c.height = S;
  const g = c.getContext('2d');
  const r = S / 2;
  g.fillStyle = '#c8161d';
  g.beginPath();
  g.arc(r, r, r - 2, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#ffffff';
  g.beginPath();
  g.arc(r, r, r * 0.56, 0, Math.PI * 2);
  g.fill();
  g.strokeStyle = '#ffd54f';
  g.lineWidth = 4;
  g.beginPath();
  g.arc(r, r, r * 0.6, 0, Math.PI * 2);
  g.stroke();
  // The words run around the ring, top arc.
  const text = '政务公开主题日';
  g.fillStyle = '#ffffff';
  g.font = `bold ${Math.round(S * 0.13)}px "WenQuanYi Micro Hei", sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  const span = Math.PI * 1.15;
  for (let i = 0; i < text.length; i += 1) {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / text.length;
    g.save();
    g.translate(r + Math.cos(a) * r * 0.79, r + Math.sin(a) * r * 0.79);
    g.rotate(a + Math.PI / 2);
    g.fillText(text[i], 0, 0);
    g.restore();
  }
  // A five-point star at the bottom of the ring.
  g.fillStyle = '#ffd54f';
  g.beginPath();
  for (let i = 0; i < 10; i += 1) {
    const rad = i % 2 ? S * 0.03 : S * 0.07;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    g.lineTo(r + Math.cos(a) * rad, r + r * 0.79 + Math.sin(a) * rad);
  }
  g.fill();
  g.fillStyle = '#c8161d';
  g.font = `bold ${Math.round(S * 0.2)}px "WenQuanYi Micro Hei", sans-serif`;
  g.fillText('公开', r, r + 2);
  return c.toDataURL('image/png');
});
await browser.close();
fs.writeFileSync('src/assets/logo-default.png', Buffer.from(dataUrl.split(',')[1], 'base64'));
console.log('src/assets/logo-default.png written');
