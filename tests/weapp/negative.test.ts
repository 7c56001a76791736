// Negative controls: small mini-programs that make the mistakes the simulator
// exists to catch, each run through it. Every one must fail here, as it would
// on a phone, while the real build (pages.test.ts, journeys.test.ts) passes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WeappSimulator, WEAPP_DIR } from './simulator';

/** A mini-program with the real base.wxml, one main page and an office and a unit subpackage. */
function miniProgram(pages: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-neg-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  fs.copyFileSync(path.join(WEAPP_DIR, 'base.wxml'), path.join(dir, 'base.wxml'));
  write(
    'app.json',
    JSON.stringify({
      pages: ['pages/index/index'],
      subPackages: [
        { root: 'office', pages: ['home/index'] },
        { root: 'unit', pages: ['home/index', 'lib'] },
      ],
    }),
  );
  write('app.js', 'App({ onLaunch() {} });');
  const all = {
    'pages/index/index': 'Page({ data: {} });',
    'office/home/index': 'Page({ data: {} });',
    'unit/home/index': 'Page({ data: {} });',
    'unit/lib': 'module.exports = 1;',
    ...pages,
  };
  for (const [route, js] of Object.entries(all)) {
    write(`${route}.js`, js);
    write(`${route}.json`, '{}');
  }
  return dir;
}

/** Launches `route` and returns what went wrong (load failures and recorded errors). */
async function run(dir: string, route: string, opts: { without?: string[]; tap?: boolean } = {}): Promise<string> {
  const sim = new WeappSimulator({ dir, cloudUrl: 'http://127.0.0.1:9', openid: 'x', without: opts.without });
  try {
    sim.launch(`/${route}`);
    if (opts.tap) (sim.page.onTap as () => void).call(sim.page);
    await sim.settle();
  } catch (e) {
    return `${(e as Error).message}\n${sim.errors.join('\n')}`;
  }
  return sim.errors.join('\n');
}

afterEach(() => WeappSimulator.disposeAll());

test('the h5 transport (fetch) does not exist in WeChat', async () => {
  const dir = miniProgram({ 'pages/index/index': "Page({ onLoad() { fetch('/api/fn/account', { method: 'POST' }); } });" });
  expect(await run(dir, 'pages/index/index')).toMatch(/fetch is not defined/);
});

test('document at load time is undefined (define() binds it so)', async () => {
  const dir = miniProgram({ 'pages/index/index': "document.title = '政务公开主题日'; Page({});" });
  expect(await run(dir, 'pages/index/index')).toMatch(/Cannot set properties of undefined|document/);
});

test('Node-only globals (process, Buffer, URL) are absent', async () => {
  for (const expr of ['process.env.TARO_APP_TEMPLATE_DEADLINE', "Buffer.from('a')", "new URL('https://x')"]) {
    const dir = miniProgram({ 'pages/index/index': `var x = ${expr}; Page({});` });
    expect(await run(dir, 'pages/index/index')).toMatch(/is not defined/);
  }
});

test('eval and new Function are refused', async () => {
  const dir = miniProgram({ 'pages/index/index': "var f = new Function('return 1'); Page({});" });
  expect(await run(dir, 'pages/index/index')).toMatch(/Code generation from strings disallowed/);
});

test('a subpackage cannot require another subpackage', async () => {
  const dir = miniProgram({ 'office/home/index': "require('../../unit/lib.js'); Page({});" });
  expect(await run(dir, 'office/home/index')).toMatch(/subpackage "office" cannot require subpackage "unit"/);
  // Its own files and the main package's stay reachable.
  const ok = miniProgram({ 'unit/home/index': "require('../lib.js'); Page({});" });
  expect(await run(ok, 'unit/home/index')).toBe('');
});

test('a base library without createOffscreenCanvas', async () => {
  const dir = miniProgram({
    'pages/index/index': "Page({ onTap() { wx.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }); } });",
  });
  expect(await run(dir, 'pages/index/index', { without: ['createOffscreenCanvas'], tap: true })).toMatch(
    /createOffscreenCanvas is not a function/,
  );
  expect(await run(dir, 'pages/index/index', { tap: true })).toBe('');
});

test('undocumented members of what WeChat returns are refused', async () => {
  const dir = miniProgram({
    'pages/index/index':
      "Page({ onTap() { wx.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }).toDataURL('image/jpeg', 0.8); } });",
  });
  expect(await run(dir, 'pages/index/index', { tap: true })).toMatch(/OffscreenCanvas\.toDataURL is not documented/);
});

test('platform rules: location undeclared, subscribe outside a tap, unknown page, long modal button', async () => {
  const dir = miniProgram({
    'pages/index/index': `Page({ onLoad() {
      wx.getLocation({ type: 'gcj02' }).catch(function () {});
      wx.requestSubscribeMessage({ tmplIds: ['t1'] }).catch(function () {});
      wx.navigateTo({ url: '/pages/nowhere/index' }).catch(function () {});
      wx.showModal({ title: '确认', confirmText: '确认提交报告' }).catch(function () {});
    } });`,
  });
  const errors = await run(dir, 'pages/index/index');
  expect(errors).toMatch(/getLocation is not declared in app.json requiredPrivateInfos/);
  expect(errors).toMatch(/requestSubscribeMessage called outside a tap handler/);
  expect(errors).toMatch(/navigateTo to "pages\/nowhere\/index"/);
  expect(errors).toMatch(/confirmText "确认提交报告" is longer than 4 characters/);
});

test('async APIs never answer synchronously, and give Promises without callbacks', async () => {
  const dir = miniProgram({
    'pages/index/index': `Page({ onLoad() {
      var order = [];
      var p = wx.getNetworkType();
      p.then(function () { order.push('answer'); getApp().order = order; });
      order.push('after call');
      if (!(p instanceof Promise)) throw new Error('not a Promise');
    } });`,
  });
  const sim = new WeappSimulator({ dir, cloudUrl: 'http://127.0.0.1:9', openid: 'x' });
  sim.launch('/pages/index/index');
  await sim.settle();
  expect(sim.errors).toEqual([]);
  expect((appOf(sim) as { order: string[] }).order).toEqual(['after call', 'answer']);
});

function appOf(sim: WeappSimulator): unknown {
  return (sim as unknown as { app: unknown }).app;
}
