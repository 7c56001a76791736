// cloudbaserc.json (deployment as code) against the functions on disk: every
// function folder is described, with what WeChat reads from its config.json
// (timer triggers, openapi permissions), a supported runtime, a timeout fit for
// its slow actions, and the environment variables its code reads.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const FN_DIR = path.join(ROOT, 'cloudfunctions');

interface Trigger {
  name: string;
  type: string;
  config: string;
}
interface FnEntry {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  envVariables: Record<string, string>;
  triggers: Trigger[];
  permissions: { openapi: string[] };
}
const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  version: string;
  envId: string;
  functionRoot: string;
  functions: FnEntry[];
};
const folders = fs.readdirSync(FN_DIR).filter((n) => !n.startsWith('_') && fs.existsSync(path.join(FN_DIR, n, 'index.ts')));
const entry = (name: string) => rc.functions.find((f) => f.name === name)!;
/** Seconds the slow work needs: the daily reminders run and the Excel import/export. */
const MIN_TIMEOUT: Record<string, number> = { reminders: 60, office: 60 };

/** Every source file a function bundles: its own folder and the shared helpers. */
function sources(name: string): string {
  const read = (dir: string): string[] =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  return [...read(path.join(FN_DIR, name)), ...read(path.join(FN_DIR, '_shared'))].join('\n');
}

test('one entry per function folder, deployed from the built bundles', () => {
  expect(rc.version).toBe('2.0');
  expect(rc.envId).toBe('{{env.CLOUD_ENV}}');
  expect(rc.functionRoot).toBe('dist/cloudfunctions');
  expect(rc.functions.map((f) => f.name).sort()).toEqual([...folders].sort());
});

test.each(folders)('%s: runtime, handler, timeout, memory', (name) => {
  const f = entry(name);
  expect(['Nodejs16.13', 'Nodejs18.15']).toContain(f.runtime);
  expect(f.handler).toBe('index.main');
  expect(f.timeout).toBeGreaterThanOrEqual(MIN_TIMEOUT[name] ?? 3);
  expect(f.timeout).toBeLessThanOrEqual(900);
  expect(f.memorySize).toBeGreaterThanOrEqual(128);
});

test.each(folders)('%s: triggers and openapi permissions equal its config.json', (name) => {
  const config = JSON.parse(fs.readFileSync(path.join(FN_DIR, name, 'config.json'), 'utf8')) as {
    triggers?: Trigger[];
    permissions?: { openapi?: string[] };
  };
  const f = entry(name);
  expect(f.triggers).toEqual(config.triggers ?? []);
  expect([...f.permissions.openapi].sort()).toEqual([...(config.permissions?.openapi ?? [])].sort());
});

test.each(folders)('%s: every environment variable its code reads is set, and TZ', (name) => {
  const read = new Set([...sources(name).matchAll(/process\.env\.(\w+)/g)].map((m) => m[1]));
  const f = entry(name);
  expect(f.envVariables.TZ).toBe('Asia/Shanghai');
  for (const v of read) expect(Object.keys(f.envVariables)).toContain(v);
});

test('npm run deploy:functions -- --dry-run lists every function with timeout, triggers and permissions', () => {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/deploy-functions.mjs'), '--dry-run'], {
    encoding: 'utf8',
    env: { ...process.env, CLOUD_ENV: 'env-test' },
  });
  for (const f of rc.functions) {
    const line = out.split('\n').find((l) => l.startsWith(`- ${f.name}:`));
    expect(line).toContain(`timeout ${f.timeout} s`);
    expect(line).toContain(`openapi: ${f.permissions.openapi.join(', ') || 'none'}`);
    for (const t of f.triggers) expect(line).toContain(t.config);
    expect(out).toContain(`tcb fn deploy ${f.name} -e env-test`);
  }
});

test('npm run upload:weapp -- --dry-run says what it would upload without miniprogram-ci', () => {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/upload-weapp.mjs'), '--dry-run'], {
    encoding: 'utf8',
    env: { ...process.env, WEAPP_APPID: 'wx0123456789abcdef', WEAPP_PRIVATE_KEY_PATH: '/nonexistent/key' },
  });
  expect(out).toMatch(/Would upload dist\/weapp\/ as version \S+ .* for AppID wx0123456789abcdef/);
  expect(out).toContain('no private key at /nonexistent/key');
});

// Cold start: exceljs is in <fn>/excel.js (office: the Excel import and export;
// unit: the questionnaire export), required only by those actions; the entry
// every other action starts from stays small.
test.each(['office', 'unit'])('the %s entry bundle is ≤ 300 KB and leaves exceljs to excel.js', (name) => {
  const dir = path.join(ROOT, rc.functionRoot, name);
  const index = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
  expect(index.length).toBeLessThanOrEqual(300 * 1024);
  expect(index.includes('require("./excel.js")')).toBe(true);
  // A path only exceljs's writer holds.
  expect(index.includes('xl/worksheets/')).toBe(false);
  expect(fs.readFileSync(path.join(dir, 'excel.js'), 'utf8').includes('xl/worksheets/')).toBe(true);
});
