// `npm run upload:weapp [-- --dry-run]`: uploads dist/weapp as a development
// version through miniprogram-ci. Needs WEAPP_APPID and WEAPP_PRIVATE_KEY_PATH
// (the upload key from the mini-program console, 开发管理 → 小程序代码上传);
// the version is package.json's, the description WEAPP_DESC or the last commit.
// --dry-run prints what would be uploaded without loading miniprogram-ci.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dryRun = process.argv.includes('--dry-run');
const projectPath = path.join(root, 'dist/weapp');
const appid = process.env.WEAPP_APPID ?? '';
const privateKeyPath = process.env.WEAPP_PRIVATE_KEY_PATH ?? '';
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
let desc = process.env.WEAPP_DESC ?? '';
if (!desc) {
  try {
    desc = execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: root, encoding: 'utf8' }).trim().slice(0, 100);
  } catch {
    desc = `v${version}`;
  }
}

const problems = [];
if (!fs.existsSync(path.join(projectPath, 'app.json'))) problems.push('dist/weapp is not built: run the build of README deploy step 2');
if (!appid) problems.push('WEAPP_APPID is not set');
if (!privateKeyPath) problems.push('WEAPP_PRIVATE_KEY_PATH is not set');
else if (!fs.existsSync(privateKeyPath)) problems.push(`no private key at ${privateKeyPath}`);

console.log(
  `${dryRun ? 'Would upload' : 'Uploading'} ${path.relative(root, projectPath)}/ as version ${version} ("${desc}") for AppID ${appid || '(WEAPP_APPID not set)'} with key ${privateKeyPath || '(WEAPP_PRIVATE_KEY_PATH not set)'}.`,
);
console.log('Settings: es6 off (Taro already compiles), minify on, upload as a development version.');
if (problems.length) console.log(`\n${dryRun ? 'Before a real upload' : 'Cannot upload'}: ${problems.join('; ')}.`);
if (dryRun) process.exit(0);
if (problems.length) process.exit(1);

let ci;
try {
  // Loaded only for a real upload: it is large and not needed for anything else.
  ci = await import('miniprogram-ci');
} catch {
  console.error(
    '\nminiprogram-ci is not installed. Install it with `npm i -D miniprogram-ci` (or run `npx -p miniprogram-ci ...`), then run this again.',
  );
  process.exit(1);
}
const { Project, upload } = ci.default ?? ci;
const project = new Project({ appid, type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'] });
const result = await upload({ project, version, desc, setting: { es6: false, minify: true }, onProgressUpdate: () => undefined });
console.log(JSON.stringify(result));
