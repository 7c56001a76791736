// Runs dist/weapp as WeChat's app service does: app.js and the page files in a
// WeChat-only realm (realm.ts), `wx` from WeChat's typings (wx.ts), lifecycles
// in WeChat's order, setData with WeChat's path syntax and size limit, and taps
// dispatched to the handler each rendered element binds (Taro's `eh`) with
// WeChat's bubbling and catch rules. What a page shows is its data rendered by
// WeChat's template compiler over the built WXML (render.ts); after each settled
// render the screen rules of screen.ts are checked and any breach is an error.
import fs from 'node:fs';
import path from 'node:path';
import { Realm } from './realm';
import { binding, datasetOf, pageText, textOf, visible, walk, WxmlRenderer, type RNode } from './render';
import { screenProblems } from './screen';
import { applySetData, SET_DATA_LIMIT } from './setData';
import { createWx, type WxHost } from './wx';

type Obj = Record<string, unknown>;
type Fn = (this: unknown, ...args: unknown[]) => unknown;

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  requiredPrivateInfos?: string[];
  window?: Obj;
}

export interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
  data: Obj;
  setData(data: Obj, cb?: () => void): void;
  [k: string]: unknown;
}

export interface SimOptions {
  dir?: string;
  cloudUrl: string;
  openid: string;
  /** Template ids the deployment has (the mini-program console). */
  templateIds?: string[];
  /** Documented APIs to take away (an older base library). */
  without?: string[];
}

/** The build under test: dist/weapp, or WEAPP_DIR for a build of one's own (TARO_OUTPUT). */
export const WEAPP_DIR = path.resolve(__dirname, '../..', process.env.WEAPP_DIR ?? 'dist/weapp');

export class WeappSimulator {
  readonly dir: string;
  readonly appJson: AppJson;
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly stack: PageInstance[] = [];
  readonly host: WxHost;
  readonly files: Map<string, Buffer>;
  openid: string;
  private readonly realm: Realm;
  private readonly renderer: WxmlRenderer;
  private rendered: { page: PageInstance; count: number; nodes: RNode[] } | null = null;
  private readonly reported = new Set<string>();
  private readonly pageDefs = new Map<string, Obj>();
  private app: Obj | null = null;
  private loadingRoute: string | null = null;
  private inflight = 0;
  private tapDepth = 0;
  private setDataCount = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private static live = new Set<WeappSimulator>();

  constructor(opts: SimOptions) {
    this.dir = opts.dir ?? WEAPP_DIR;
    this.openid = opts.openid;
    this.appJson = JSON.parse(fs.readFileSync(path.join(this.dir, 'app.json'), 'utf8')) as AppJson;
    this.renderer = new WxmlRenderer(this.dir);
    const record =
      (list: string[]) =>
      (...args: unknown[]) =>
        list.push(
          args
            .map((a) =>
              a && typeof a === 'object' && 'stack' in a
                ? String((a as { stack: unknown }).stack)
                : typeof a === 'string'
                  ? a
                  : safeJson(a),
            )
            .join(' '),
        );
    const sim = this;
    // Timers run app code later: an exception there is an error of the app, not of the test.
    const guard =
      (fn: unknown) =>
      (...args: unknown[]) => {
        try {
          (fn as Fn)(...args);
        } catch (e) {
          sim.fail('timer callback', e);
        }
      };
    // Timers the app starts die with the simulator (dispose()), as with a closed mini-program.
    const timers = this.timers;
    const globals: Obj = {
      console: {
        log: () => undefined,
        info: () => undefined,
        debug: () => undefined,
        warn: record(this.warnings),
        error: record(this.errors),
      },
      setTimeout: (fn: unknown, ms?: number, ...a: unknown[]) => {
        const t = setTimeout(
          (...args: unknown[]) => {
            timers.delete(t);
            guard(fn)(...args);
          },
          ms,
          ...a,
        );
        timers.add(t);
        return t;
      },
      clearTimeout: (t: ReturnType<typeof setTimeout>) => (timers.delete(t), clearTimeout(t)),
      setInterval: (fn: unknown, ms?: number, ...a: unknown[]) => {
        const t = setInterval(guard(fn), ms, ...a);
        timers.add(t);
        return t;
      },
      clearInterval: (t: ReturnType<typeof setInterval>) => (timers.delete(t), clearInterval(t)),
      App: (options: Obj) => {
        this.app = options;
      },
      Page: (options: Obj) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file');
        this.pageDefs.set(this.loadingRoute, options);
      },
      Component: () => undefined, // Taro's `comp` renders data the page already holds
      Behavior: (o: unknown) => o,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: () => {
        throw new Error('this app uses no plugins');
      },
    };
    this.realm = new Realm({ dir: this.dir, subpackages: this.appJson.subPackages ?? [], globals });
    this.host = {
      appJson: this.appJson,
      readPackageFile: (f) => {
        const p = path.join(this.dir, f);
        return p.startsWith(this.dir) && fs.existsSync(p) && fs.statSync(p).isFile() ? fs.readFileSync(p) : null;
      },
      violation: (m) => this.errors.push(`platform rule: ${m}`),
      busy: (d) => (this.inflight += d),
      realmPromise: this.realm.intrinsic<PromiseConstructor>('Promise'),
      realmUint8Array: this.realm.intrinsic<Uint8ArrayConstructor>('Uint8Array'),
      inTap: () => this.tapDepth > 0,
      navigate: (kind, url) => this.navigate(kind, url),
      selectNode: (selector) => {
        const id = selector.replace(/^#/, '');
        const top = this.stack[this.stack.length - 1];
        if (!top) return null;
        for (const n of walk(this.view(top))) if (n.attr.id === id) return { id, tag: n.tag };
        return null;
      },
      cloud: { url: opts.cloudUrl, openid: () => this.openid },
      templateIds: opts.templateIds ?? [],
      answers: {
        location: { latitude: 28.11, longitude: 113.01, accuracy: 20 },
        place: { name: '区教育局会议室', address: '长沙市雨花区', latitude: 28.11, longitude: 113.01 },
        media: [],
        messageFiles: [],
        modalConfirm: true,
        subscribe: 'accept',
      },
      log: { toasts: [], modals: [], subscribed: [], calls: [], failures: [], trace: [] },
      without: new Set(opts.without ?? []),
    };
    const { wx, files } = createWx(this.host);
    this.files = files;
    this.realm.context.wx = wx;
    WeappSimulator.live.add(this);
  }

  /** Stops every timer the app started. */
  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    WeappSimulator.live.delete(this);
  }

  static disposeAll(): void {
    for (const s of [...WeappSimulator.live]) s.dispose();
  }

  private fail(where: string, e: unknown): void {
    // Errors thrown in the realm are the realm's Error, not this one: test by shape.
    const err = e as { message?: unknown; stack?: unknown } | null;
    this.errors.push(
      `${where}: ${err && typeof err === 'object' && typeof err.message === 'string' ? `${err.message}\n${String(err.stack ?? '')}` : safeJson(e)}`,
    );
  }

  /** Runs app code the way the platform would: an exception is recorded, not thrown into the test. */
  private invoke(target: Obj, method: string, ...args: unknown[]): unknown {
    const fn = target[method];
    if (typeof fn !== 'function') return undefined;
    try {
      return (fn as Fn).apply(target, args);
    } catch (e) {
      this.fail(`${method}`, e);
      return undefined;
    }
  }

  // ------------------------------------------------------------ launch and routes

  /** Cold start: app.js, App onLaunch/onShow, then the entry page. */
  launch(url = `/${this.appJson.pages[0]}`): PageInstance {
    const { route, query } = parseUrl(url);
    try {
      this.realm.require('app.js');
    } catch (e) {
      this.fail('app.js', e);
      throw new Error(`app.js failed to load:\n${this.errors.join('\n')}`);
    }
    if (!this.app) throw new Error('app.js did not call App()');
    const launch = { path: route, query, scene: 1001, referrerInfo: {} };
    this.invoke(this.app, 'onLaunch', launch);
    this.invoke(this.app, 'onShow', launch);
    return this.open(route, query);
  }

  private isPage(route: string): boolean {
    if (this.appJson.pages.includes(route)) return true;
    return (this.appJson.subPackages ?? []).some((p) => p.pages.some((pg) => `${p.root}/${pg}` === route));
  }

  private loadPage(route: string): Obj {
    const known = this.pageDefs.get(route);
    if (known) return known;
    const json = JSON.parse(fs.readFileSync(path.join(this.dir, `${route}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
    for (const comp of Object.values(json.usingComponents ?? {})) {
      const file = comp.startsWith('/') ? comp.slice(1) : path.posix.join(path.posix.dirname(route), comp);
      this.realm.require(file);
    }
    this.loadingRoute = route;
    try {
      this.realm.require(`${route}.js`);
    } finally {
      this.loadingRoute = null;
    }
    const def = this.pageDefs.get(route);
    if (!def) throw new Error(`${route}.js did not call Page()`);
    return def;
  }

  private open(route: string, query: Record<string, string>): PageInstance {
    if (!this.isPage(route)) throw new Error(`page "${route}" is not found in app.json`);
    let def: Obj;
    try {
      def = this.loadPage(route);
    } catch (e) {
      this.fail(`loading ${route}`, e);
      throw new Error(`page ${route} failed to load:\n${this.errors.join('\n')}`);
    }
    const page = Object.create(null) as PageInstance;
    for (const [k, v] of Object.entries(def)) if (k !== 'data') page[k] = v;
    Object.assign(page, {
      route,
      __route__: route,
      options: { ...query },
      data: JSON.parse(JSON.stringify(def.data ?? {})),
      setData: (data: Obj, cb?: () => void) => this.setData(page, data, cb),
      getPageId: () => `pageId:${this.stack.length}`,
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (this.realm.context.wx as Obj & { createSelectorQuery(): unknown }).createSelectorQuery(),
    });
    this.stack.push(page);
    this.invoke(page, 'onLoad', { ...query });
    this.invoke(page, 'onShow');
    // The view layer reports the first render a little later.
    this.inflight++;
    setTimeout(() => {
      this.inflight--;
      if (this.stack.includes(page)) this.invoke(page, 'onReady');
    }, 0);
    return page;
  }

  private navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', url: string | number): void {
    if (kind === 'navigateBack') {
      const delta = Math.min(Number(url), this.stack.length - 1);
      for (let i = 0; i < delta; i++) this.invoke(this.stack.pop()!, 'onUnload');
      const top = this.stack[this.stack.length - 1];
      if (top) this.invoke(top, 'onShow');
      return;
    }
    const { route, query } = parseUrl(String(url));
    if (!this.isPage(route)) {
      this.host.violation(`${kind} to "${route}", which is not a page in app.json`);
      throw { errMsg: `${kind}:fail page "${route}" is not found` };
    }
    if (kind === 'navigateTo') {
      if (this.stack.length >= 10) throw { errMsg: 'navigateTo:fail webview count limit exceed' };
      const top = this.stack[this.stack.length - 1];
      if (top) this.invoke(top, 'onHide');
    } else if (kind === 'redirectTo') {
      const top = this.stack.pop();
      if (top) this.invoke(top, 'onUnload');
    } else {
      while (this.stack.length) this.invoke(this.stack.pop()!, 'onUnload');
    }
    this.open(route, query);
  }

  /** Opens a page as a tap on a link would (wx.navigateTo). */
  async navigateTo(url: string): Promise<PageInstance> {
    this.navigate('navigateTo', url);
    await this.settle();
    return this.page;
  }

  // ------------------------------------------------------------ lifecycle events

  /** The user leaves WeChat and comes back. */
  async background(): Promise<void> {
    this.invoke(this.page, 'onHide');
    if (this.app) this.invoke(this.app, 'onHide');
    await this.settle();
  }
  async foreground(): Promise<void> {
    if (this.app) this.invoke(this.app, 'onShow', { path: this.page.route, query: this.page.options, scene: 1001, referrerInfo: {} });
    this.invoke(this.page, 'onShow');
    await this.settle();
  }
  async pullDown(): Promise<void> {
    this.invoke(this.page, 'onPullDownRefresh');
    await this.settle();
  }
  /** The share menu: what the page gives WeChat to share, checked against app.json. */
  share(): { title?: string; path?: string } | undefined {
    const res = this.invoke(this.page, 'onShareAppMessage', { from: 'menu' }) as { title?: string; path?: string } | undefined;
    if (res?.path && !this.isPage(parseUrl(res.path).route)) this.host.violation(`share path "${res.path}" is not a page`);
    return res;
  }

  // ------------------------------------------------------------ data and view

  private setData(page: PageInstance, data: Obj, cb?: () => void): void {
    const size = JSON.stringify(data).length;
    if (size > SET_DATA_LIMIT) {
      this.host.violation(`setData of ${size} bytes on ${page.route} exceeds WeChat's 1 MB limit`);
      throw new Error('Exceeded max data size');
    }
    applySetData(page.data, data);
    this.setDataCount++;
    if (cb) {
      this.inflight++;
      setTimeout(() => {
        this.inflight--;
        try {
          cb();
        } catch (e) {
          this.fail('setData callback', e);
        }
      }, 0);
    }
  }

  get page(): PageInstance {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  /** The page as WeChat's view layer renders its current data (rendered again only after a setData). */
  view(page: PageInstance = this.page): RNode[] {
    const r = this.rendered;
    if (r && r.page === page && r.count === this.setDataCount) return r.nodes;
    const nodes = this.renderer.render(page.route, { root: page.data.root });
    for (const w of this.renderer.takeWarnings()) this.report(`template on ${page.route}: ${w}`);
    this.rendered = { page, count: this.setDataCount, nodes };
    return nodes;
  }

  /** A problem found on screen, recorded once as an error. */
  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.errors.push(problem);
  }

  /** The screen rules (screen.ts) over what the top page shows now. */
  private checkScreen(): void {
    if (!this.stack.length) return;
    for (const p of screenProblems(this.view(), this.openid)) this.report(`screen rule on ${this.page.route}: ${p}`);
  }

  text(page: PageInstance = this.page): string {
    return pageText(this.view(page));
  }

  /** Waits until no API call, timer-driven render or cloud call is pending. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    let quiet = 0;
    let last = -1;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, 10));
      if (this.inflight === 0 && this.setDataCount === last) quiet++;
      else quiet = 0;
      last = this.setDataCount;
      if (quiet >= 3) break;
    }
    this.checkScreen();
  }

  async waitForText(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    const has = () => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text()));
    while (Date.now() < end) {
      if (this.stack.length && has()) {
        this.checkScreen();
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(
      `"${text}" did not appear on ${this.stack.length ? this.page.route : '(no page)'}; it shows:\n${this.stack.length ? this.text() : ''}\nerrors:\n${this.errors.join('\n')}\nfailed API calls:\n${this.host.log.failures.join('\n')}\nwx calls: ${this.host.log.trace.slice(-30).join(', ')}`,
    );
  }

  // ------------------------------------------------------------ user input

  /** The innermost element whose text matches, among those a tap on which someone handles. */
  find(text: string | RegExp, nth = 0): RNode {
    const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
    const candidates: RNode[] = [];
    for (const n of visible(this.view())) {
      if (n.tag === '#text' || !matches(textOf(n))) continue;
      // Innermost: no child element also matches.
      if (n.children.some((c) => c.tag !== '#text' && matches(textOf(c)))) continue;
      candidates.push(n);
    }
    const hit = candidates[nth];
    if (!hit) throw new Error(`nothing shows "${text}" on ${this.page.route}:\n${this.text()}`);
    return hit;
  }

  private event(type: string, target: RNode, current: RNode, detail: Obj): Obj {
    const ref = (n: RNode) => ({ id: n.attr.id ?? '', dataset: datasetOf(n), offsetLeft: 0, offsetTop: 0 });
    return {
      type,
      timeStamp: Date.now(),
      target: ref(target),
      currentTarget: ref(current),
      detail,
      touches: [],
      changedTouches: [],
      mark: {},
      mut: false,
    };
  }

  /** A tap: WeChat calls the handler each element binds, from the target up, and stops after a catch. */
  async tap(text: string | RegExp | RNode, nth = 0): Promise<void> {
    const target = typeof text === 'object' && 'tag' in text ? text : this.find(text, nth);
    const page = this.page;
    let handled = false;
    this.tapDepth++;
    try {
      for (let n: RNode | null = target; n; n = n.parent) {
        const bound = binding(n, 'tap');
        if (!bound) continue;
        handled = true;
        this.invoke(page, bound.handler, this.event('tap', target, n, { x: 10, y: 10 }));
        if (bound.how === 'catch') break;
      }
    } finally {
      this.tapDepth--;
    }
    if (!handled) throw new Error(`no element around "${textOf(target)}" binds tap on ${page.route}`);
    await this.settle();
  }

  /** Inputs and textareas on screen, with their attributes (placeholder, value) as rendered. */
  fields(): RNode[] {
    return [...visible(this.view())].filter((n) => n.tag === 'input' || n.tag === 'textarea');
  }

  /** Types into the field whose placeholder (or any attribute) contains `label`. */
  async input(label: string | number, value: string): Promise<void> {
    const fields = this.fields();
    const field =
      typeof label === 'number'
        ? fields[label]
        : fields.find((f) => Object.values(f.attr).some((v) => typeof v === 'string' && v.includes(label)));
    if (!field) throw new Error(`no input "${label}" on ${this.page.route}; inputs: ${safeJson(fields.map((f) => f.attr))}`);
    // input is not a bubbling event: only the field's own binding runs.
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.settle();
  }

  /** Chooses `value` in the picker showing `text` (its placeholder or current value). */
  async pick(text: string, value: string): Promise<void> {
    let n: RNode | null = this.find(text);
    while (n && n.tag !== 'picker') n = n.parent;
    if (!n) throw new Error(`"${text}" is not inside a picker on ${this.page.route}`);
    await this.change(n, value);
  }

  /** A picker or switch reporting a new value. */
  async change(node: RNode, value: unknown): Promise<void> {
    this.dispatch(node, 'change', { value });
    await this.settle();
  }

  /** A non-bubbling event on one element: only its own binding runs. */
  private dispatch(node: RNode, type: string, detail: Obj): void {
    const bound = binding(node, type);
    if (!bound) throw new Error(`${textOf(node) || `<${node.tag}>`} on ${this.page.route} does not bind ${type}`);
    this.invoke(this.page, bound.handler, this.event(type, node, node, detail));
  }
}

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [p, q = ''] = url.replace(/^\//, '').split('?');
  const query: Record<string, string> = {};
  for (const part of q.split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return { route: p, query };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
