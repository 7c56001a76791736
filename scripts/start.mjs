// `npm start`: the whole product on this machine. Builds what is missing or
// stale (function bundles, the local cloud, the h5 app), starts the local cloud
// on 127.0.0.1:$PORT serving the h5 app, and loads the demo data on first run.
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from './seed-demo.mjs';

const root = path.resolve(import.meta.dirname, '..');
const env = {
  PORT: '10086',
  DATA_DIR: '.data',
  // The demo's tables are 2023's, so the demo clock starts in April 2023. LOCAL_NOW=now for real time.
  LOCAL_NOW: '2023-04-20T09:30:00+08:00',
  SETUP_TOKEN: 'demo-setup-token',
  ...process.env,
};
if (env.LOCAL_NOW === 'now') delete env.LOCAL_NOW;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

execSync('node scripts/build-functions.mjs --quiet', { cwd: root, stdio: 'inherit' });
const h5Index = path.join(root, 'dist/h5/index.html');
const h5Stale =
  !fs.existsSync(h5Index) ||
  fs.statSync(h5Index).mtimeMs < Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'config')));
if (h5Stale) {
  console.log('构建 h5 应用（首次约 30–60 秒）…');
  execSync('npx taro build --type h5', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

const cloud = spawn(process.execPath, ['dist/local-cloud/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
cloud.stdout.on('data', async (chunk) => {
  process.stdout.write(chunk);
  const m = /listening on (http:\/\/\S+)/.exec(chunk.toString());
  if (!m) return;
  try {
    const seeded = await seedDemo(m[1], env.SETUP_TOKEN);
    if (seeded) console.log('已载入演示数据（雨花区、邵阳市 2023 年计划）。');
  } catch (e) {
    console.error('演示数据载入失败：', e.message);
  }
  console.log(`\n打开 ${m[1]} 使用 h5 版；页面顶部可切换身份（公开办 office-yuhua、单位 staff-edu、市民 resident-1）。`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => cloud.kill('SIGTERM'));
cloud.on('exit', (code) => process.exit(code ?? 0));
