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
if (fs.existsSync(outDir))
  for (const old of fs.readdirSync(outDir)) if (!names.includes(old)) fs.rmSync(path.join(outDir, old), { recursive: true, force: true });
// A function may keep heavy, rarely used code in excel.ts (office: exceljs): it is
// bundled into its own excel.js beside index.js, and index.js keeps
// `require('./excel.js')` as written so it loads only when an action needs it.
const LAZY = 'excel';
const keepLazyRequire = {
  name: 'keep-lazy-require',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^\\./${LAZY}\\.js$`) }, (args) => ({ path: args.path, external: true }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  external: ['wx-server-sdk'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
const sizes = {};
const lazySizes = {};
await Promise.all(
  names.map(async (name) => {
    const out = path.join(outDir, name);
    await build({
      ...common,
      entryPoints: [path.join(srcDir, name, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      plugins: [keepLazyRequire],
    });
    const lazySrc = path.join(srcDir, name, `${LAZY}.ts`);
    const lazyOut = path.join(out, `${LAZY}.js`);
    if (fs.existsSync(lazySrc)) {
      await build({ ...common, entryPoints: [lazySrc], outfile: lazyOut });
      lazySizes[name] = fs.statSync(lazyOut).size;
    } else fs.rmSync(lazyOut, { force: true });
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
if (!process.argv.includes('--quiet')) console.log(JSON.stringify({ functionBytes: sizes, lazyBytes: lazySizes }));
