// Negative controls: small mini-programs that make the mistakes the simulator
// exists to catch, each run through it. Every one must fail here, as it would
// on a phone, while the real build (pages.test.ts, journeys.test.ts) passes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WeappSimulator, WEAPP_DIR } from './simulator';

/** A mini-program with the real templates (base.wxml, comp), one main page and an office and a unit subpackage. */
function miniProgram(pages: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-neg-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  for (const f of ['base.wxml', 'utils.wxs', 'comp.wxml', 'comp.json']) fs.copyFileSync(path.join(WEAPP_DIR, f), path.join(dir, f));
  write('comp.js', 'Component({});');
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
    if (route === 'unit/lib') continue;
    // What Taro writes for every page: its data rendered through base.wxml, comp for deep trees.
    const up = '../'.repeat(route.split('/').length - 1);
    write(`${route}.wxml`, `<import src="${up}base.wxml"/>\n<template is="taro_tmpl" data="{{root:root}}" />`);
    write(`${route}.json`, JSON.stringify({ usingComponents: { comp: `${up}comp` } }));
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

// ------------------------------------------------------------ what the screen shows

/** Template ids (`nn`) of the real base.wxml, found by what they render. */
function templates(): { text: string; plainView: string; clickView: string; fullView: string; roleAttr: string } {
  const wxml = fs.readFileSync(path.join(WEAPP_DIR, 'base.wxml'), 'utf8');
  const all = [...wxml.matchAll(/<template name="tmpl_0_(\w+)">\s*<([\w-]+)([^>]*)>/g)].map((m) => ({ nn: m[1], tag: m[2], attrs: m[3] }));
  const text = /<template name="tmpl_0_(\w+)">\s*<block>\{\{i\.v\}\}<\/block>/.exec(wxml)?.[1];
  const plainView = all.find((t) => t.tag === 'view' && !/bindtap|hover-class|aria-role/.test(t.attrs));
  const clickView = all.find((t) => t.tag === 'view' && /bindtap="eh"/.test(t.attrs) && !/hover-class|aria-role/.test(t.attrs));
  const fullView = all.find((t) => t.tag === 'view' && /bindtap="eh"/.test(t.attrs) && /aria-role/.test(t.attrs));
  const roleAttr = fullView && /aria-role="\{\{i\.(\w+)\}\}"/.exec(fullView.attrs)?.[1];
  if (!text || !plainView || !clickView || !fullView || !roleAttr) throw new Error('base.wxml has changed shape: update templates()');
  return { text, plainView: plainView.nn, clickView: clickView.nn, fullView: fullView.nn, roleAttr };
}

/** A page whose data is Taro's render tree `cn`: what the data says, not what the template shows. */
function pageWithTree(cn: unknown[]): string {
  return miniProgram({ 'pages/index/index': `Page({ data: ${JSON.stringify({ root: { cn } })} });` });
}

test('a tappable view without a role or name is caught; with aria-role and text it passes', async () => {
  const t = templates();
  const bare = pageWithTree([{ nn: t.clickView, sid: '_n1', cn: [{ nn: t.text, sid: '_n2', v: '提交' }] }]);
  expect(await run(bare, 'pages/index/index')).toMatch(/<view>「提交」 handles taps but is neither a <button> nor has aria-role/);
  const unnamed = pageWithTree([{ nn: t.fullView, sid: '_n1', [t.roleAttr]: 'button', cn: [] }]);
  expect(await run(unnamed, 'pages/index/index')).toMatch(/handles taps but has no name/);
  const named = pageWithTree([{ nn: t.fullView, sid: '_n1', [t.roleAttr]: 'button', cn: [{ nn: t.text, sid: '_n2', v: '提交' }] }]);
  expect(await run(named, 'pages/index/index')).toBe('');
});

// Taro's data can hold a node whose template base.wxml lacks (a component left
// out of the build): reading the data, the text is there; WeChat shows nothing.
test('text whose template is missing from base.wxml is not on screen, and the missing template is an error', async () => {
  const t = templates();
  const dir = pageWithTree([{ nn: '999', sid: '_n1', cn: [{ nn: t.text, sid: '_n2', v: '提交报备' }] }]);
  const sim = new WeappSimulator({ dir, cloudUrl: 'http://127.0.0.1:9', openid: 'x' });
  sim.launch('/pages/index/index');
  await sim.settle();
  expect(JSON.stringify(sim.page.data)).toContain('提交报备');
  expect(sim.text()).not.toContain('提交报备');
  expect(() => sim.find('提交报备')).toThrow(/nothing shows "提交报备"/);
  expect(sim.errors.join('\n')).toMatch(/Template `tmpl_0_999` not found/);
});

test('unfilled placeholders, code values and openids on screen are caught', async () => {
  const t = templates();
  const text = (v: string, sid: string) => ({ nn: t.text, sid, v });
  const dir = pageWithTree([
    text('{unit}2023年“政务公开主题日”活动', '_n1'),
    text('报名人数：undefined', '_n2'),
    text('[object Object]', '_n3'),
    text('报名人：oAbC1dEfG2hIjK3lMnO4pQrS5tUv', '_n4'),
  ]);
  const errors = await run(dir, 'pages/index/index');
  for (const shown of ['{unit}', 'undefined', '[object Object]', 'an openid']) expect(errors).toContain(shown);
  // Not even to explain it: the rules page says 【单位名称】.
  expect(await run(pageWithTree([text('可用：{unit} 代表单位名称', '_n1')]), 'pages/index/index')).toContain('{unit}');
  expect(await run(pageWithTree([text('可写入【单位名称】【年份】', '_n1')]), 'pages/index/index')).toBe('');
});

// Not a mistake of the app but the renderer's own check: base.wxml unrolls 15
// levels; deeper nodes render through the recursive comp component, and a tap
// there still bubbles out to the page's elements.
test('a tree deeper than the templates renders through comp, and taps bubble out of it', async () => {
  const t = templates();
  let deep: Record<string, unknown> = {
    nn: t.fullView,
    sid: '_deep',
    [t.roleAttr]: 'button',
    cn: [{ nn: t.text, sid: '_t', v: '深处的按钮' }],
  };
  for (let i = 0; i < 20; i++) deep = { nn: t.plainView, sid: `_p${i}`, cn: [deep] };
  const outer = { nn: t.fullView, sid: '_outer', [t.roleAttr]: 'button', cn: [deep] };
  const dir = miniProgram({
    'pages/index/index': `Page({ data: ${JSON.stringify({ root: { cn: [outer] } })},
      eh: function (e) { (getApp().taps = getApp().taps || []).push(e.currentTarget.dataset.sid); } });`,
  });
  const sim = new WeappSimulator({ dir, cloudUrl: 'http://127.0.0.1:9', openid: 'x' });
  sim.launch('/pages/index/index');
  await sim.settle();
  expect(sim.text()).toBe('深处的按钮');
  await sim.tap('深处的按钮');
  expect((appOf(sim) as { taps: string[] }).taps).toEqual(['_deep', '_outer']);
  expect(sim.errors).toEqual([]);
});
