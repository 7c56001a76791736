// The WeChat build (scripts/test.mjs runs `taro build --type weapp` first):
// the h5-only identity picker is absent, app.json declares what WeChat checks,
// and the main package stays small.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const WEAPP = path.join(ROOT, 'dist/weapp');
const H5 = path.resolve(ROOT, process.env.H5_DIR ?? 'dist/h5');
/** Strings only the identity picker contains (src/components/IdentityPicker.h5.tsx). */
const MARKERS = ['identity-picker', '切换身份'];
const MAIN_BUDGET = 400 * 1024;

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
}

describe('微信小程序构建', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(WEAPP, 'app.json'))) throw new Error('dist/weapp 不存在：先运行 npx taro build --type weapp');
  });

  test('不含 h5 本地模式的身份切换', () => {
    const hits = files(WEAPP).filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return MARKERS.some((m) => text.includes(m));
    });
    expect(hits.map((f) => path.relative(WEAPP, f))).toEqual([]);
  });

  // Proves the grep above would find the picker if it leaked in.
  (fs.existsSync(H5) ? test : test.skip)('对照：h5 构建含身份切换', () => {
    expect(files(H5).some((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(MARKERS[1]))).toBe(true);
  });

  test('app.json 声明分包、位置接口和授权说明', () => {
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP, 'app.json'), 'utf8')) as AppJson;
    expect(app.pages[0]).toBe('pages/index/index');
    expect((app.subPackages ?? []).map((p) => p.root).sort()).toEqual(['office', 'resident', 'unit']);
    for (const p of app.subPackages ?? []) expect(p.pages.length).toBeGreaterThan(0);
    expect(app.requiredPrivateInfos).toEqual(expect.arrayContaining(['getLocation', 'chooseLocation']));
    expect(app.permission?.['scope.userLocation']?.desc).toMatch(/签到/);
  });

  // WeChat's own wcc/wcsc (miniprogram-compiler, shipped with Taro's webpack
  // runner) reject a broken template or stylesheet with its file and line.
  test('WXML 和 WXSS 能被微信编译器编译', () => {
    const compiler = require('miniprogram-compiler') as { wxmlToJs(dir: string): string; wxssToJs(dir: string): string };
    const wxml = compiler.wxmlToJs(WEAPP);
    expect(compiler.wxssToJs(WEAPP).length).toBeGreaterThan(0);
    const g = globalThis as { window?: unknown };
    g.window = globalThis; // wcc's output expects a browser-like global
    const gwx = new Function(wxml)() as (page: string) => unknown;
    expect(typeof gwx('pages/index/index.wxml')).toBe('function');
  });

  test('主包小于 400 KB（scripts/weapp-size.mjs）', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/weapp-size.mjs'), WEAPP], { encoding: 'utf8' });
    const sizes = JSON.parse(out) as { main: number; subpackages: Record<string, number>; total: number };
    expect(Object.keys(sizes.subpackages).sort()).toEqual(['office', 'resident', 'unit']);
    expect(sizes.main).toBeGreaterThan(0);
    expect(sizes.main).toBeLessThan(MAIN_BUDGET);
    expect(files(WEAPP).filter((f) => /LICENSE/.test(f))).toEqual([]);
  });
});
