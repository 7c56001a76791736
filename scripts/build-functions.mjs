// Bundles each cloud function (cloudfunctions/<name>/index.ts, with the shared
// server helpers and src/domain) into dist/cloudfunctions/<name>/, ready to upload,
// with wx-server-sdk left external as WeChat installs it. Also bundles the local cloud.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const srcDir = path.join(root, 'cloudfunctions');
const outDir = path.join(root, 'dist/cloudfunctions');
const names = fs.readdirSync(srcDir).filter((n) => !n.startsWith('_') && fs.existsSync(path.join(srcDir, n, 'index.ts')));

// Replace bundles in place (a running local cloud or test may be reading them); drop only stale ones.
if (fs.existsSync(outDir)) for (const old of fs.readdirSync(outDir)) if (!names.includes(old)) fs.rmSync(path.join(outDir, old), { recursive: true, force: true });
const sizes = {};
await Promise.all(
  names.map(async (name) => {
    const out = path.join(outDir, name);
    await build({
      entryPoints: [path.join(srcDir, name, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    for (const f of ['package.json', 'config.json']) fs.copyFileSync(path.join(srcDir, name, f), path.join(out, f));
    sizes[name] = fs.statSync(path.join(out, 'index.js')).size;
  }),
);

await build({
  entryPoints: [path.join(root, 'local-cloud/main.ts')],
  outfile: path.join(root, 'dist/local-cloud/main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
if (!process.argv.includes('--quiet')) console.log(JSON.stringify({ functionBytes: sizes }));
