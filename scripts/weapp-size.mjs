#!/usr/bin/env node
// Package sizes of the weapp build (run after `taro build --type weapp`).
// WeChat caps the main package and each subpackage at 2 MB, 30 MB in all;
// we aim for a main package under 400 KB. Prints JSON; exits 1 over the cap.
import fs from 'node:fs';
import path from 'node:path';

const MAIN_LIMIT = 2 * 1024 * 1024;
const dir = path.resolve(process.argv[2] ?? 'dist/weapp');

if (!fs.existsSync(path.join(dir, 'app.json'))) {
  console.error(`没有找到 ${dir}/app.json，请先运行 taro build --type weapp`);
  process.exit(2);
}

const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/^\/+|\/+$/g, ''));

/** Files WeChat DevTools does not upload with the package. */
const ignored = (rel) =>
  /(^|\/)LICENSE\.txt$|\.LICENSE\.txt$|\.map$/.test(rel) || rel === 'project.config.json' || rel === 'project.private.config.json';

const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0 };
(function walk(abs) {
  for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
    const p = path.join(abs, ent.name);
    if (ent.isDirectory()) {
      walk(p);
      continue;
    }
    const rel = path.relative(dir, p).split(path.sep).join('/');
    if (ignored(rel)) continue;
    const bytes = fs.statSync(p).size;
    const root = roots.find((r) => rel.startsWith(`${r}/`));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.main += bytes;
    sizes.total += bytes;
  }
})(dir);

console.log(JSON.stringify(sizes, null, 2));
const over = [
  sizes.main > MAIN_LIMIT && `主包 ${sizes.main} 字节，超过微信 2 MB 上限`,
  ...Object.entries(sizes.subpackages).map(([r, b]) => b > MAIN_LIMIT && `分包 ${r} ${b} 字节，超过微信 2 MB 上限`),
  sizes.total > 30 * 1024 * 1024 && `总大小 ${sizes.total} 字节，超过微信 30 MB 上限`,
].filter(Boolean);
if (over.length) {
  console.error(over.join('\n'));
  process.exit(1);
}
