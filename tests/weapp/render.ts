// What a page shows, as WeChat's view layer builds it: the page's data rendered
// by WeChat's own template compiler (wcc, from miniprogram-compiler) over the
// built WXML (the page's file importing base.wxml), with custom components
// (Taro's recursive `comp`, used below base.wxml's template depth) expanded by
// rendering their own WXML with the properties they were given.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** One element of the rendered page ('#text' for text). Attribute names as wcc gives them (hoverClass, data-sid, bindtap). */
export interface RNode {
  tag: string;
  attr: Record<string, unknown>;
  text: string;
  children: RNode[];
  parent: RNode | null;
}

/** wcc's virtual DOM node (a string is text). */
interface WxNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: Array<WxNode | string>;
}
type WxmlGenerator = (data: unknown, env: unknown, global: unknown) => WxNode;

interface Compiled {
  gwx: (file: string) => WxmlGenerator | undefined;
  /** JSON.parse of the compiler's realm: wcc copies only objects whose constructor is its own Object. */
  parse: (json: string) => unknown;
  warnings: string[];
}

/** One compile per built directory and process (wcc takes about 0.1 s). */
const compiledDirs = new Map<string, Compiled>();
function compile(dir: string): Compiled {
  const known = compiledDirs.get(dir);
  if (known) return known;
  const compiler = require('miniprogram-compiler') as { wxmlToJs(dir: string): string };
  const warnings: string[] = [];
  // wcc's output is written for the view layer's browser global: its own realm, so nothing leaks into the tests'.
  const context = vm.createContext({ console: { warn: (m: unknown) => warnings.push(String(m)), log: () => undefined } });
  context.window = context;
  const gwx = vm.runInContext(`(function () {${compiler.wxmlToJs(dir)}\n})()`, context, { filename: 'wcc-output.js' }) as Compiled['gwx'];
  const parse = vm.runInContext('JSON.parse', context) as Compiled['parse'];
  const compiled = { gwx, parse, warnings };
  compiledDirs.set(dir, compiled);
  return compiled;
}

/** Deep enough for any real page; a loop in component expansion stops here. */
const MAX_COMPONENT_DEPTH = 50;

export class WxmlRenderer {
  private readonly compiled: Compiled;

  constructor(private readonly dir: string) {
    this.compiled = compile(dir);
  }

  /** Template problems wcc reported while rendering (a template that does not exist, a recursion), each once. */
  takeWarnings(): string[] {
    return this.compiled.warnings.splice(0);
  }

  /** The page `route` rendered with `data`; a page without WXML renders nothing. */
  render(route: string, data: unknown): RNode[] {
    const root: RNode = { tag: 'page', attr: {}, text: '', children: [], parent: null };
    this.renderFile(route, this.compiled.parse(JSON.stringify(data)), root, 0);
    for (const c of root.children) c.parent = null;
    return root.children;
  }

  private renderFile(file: string, data: unknown, into: RNode, depth: number): void {
    if (depth > MAX_COMPONENT_DEPTH) throw new Error(`custom components nested more than ${MAX_COMPONENT_DEPTH} deep under ${file}`);
    const gen = fs.existsSync(path.join(this.dir, `${file}.wxml`)) ? this.compiled.gwx(`${file}.wxml`) : undefined;
    if (!gen) return;
    const components = this.usingComponents(file);
    const convert = (n: WxNode | string, parent: RNode): void => {
      if (typeof n === 'string') {
        parent.children.push({ tag: '#text', attr: {}, text: n, children: [], parent });
        return;
      }
      const tag = n.tag.replace(/^wx-/, '');
      const component = components.get(tag);
      if (component) {
        // A custom component shows its own template, rendered with the properties it was given.
        this.renderFile(component, n.attr ?? {}, parent, depth + 1);
        return;
      }
      const node: RNode = { tag, attr: { ...n.attr }, text: '', children: [], parent };
      parent.children.push(node);
      for (const c of n.children ?? []) convert(c, node);
    };
    for (const c of gen(data, {}, {}).children ?? []) convert(c, into);
  }

  /** A page's or component's custom components: tag → file (without extension), from its .json. */
  private usingComponents(file: string): Map<string, string> {
    const jsonPath = path.join(this.dir, `${file}.json`);
    const json = fs.existsSync(jsonPath)
      ? (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { usingComponents?: Record<string, string> })
      : {};
    return new Map(
      Object.entries(json.usingComponents ?? {}).map(([tag, p]) => [
        tag,
        p.startsWith('/') ? p.slice(1) : path.posix.join(path.posix.dirname(file), p),
      ]),
    );
  }
}

export function* walk(nodes: RNode[]): Generator<RNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

/** Shown: not inside an element WeChat hides (`hidden`). */
export function* visible(nodes: RNode[]): Generator<RNode> {
  for (const n of nodes) {
    if (n.attr.hidden === true) continue;
    yield n;
    yield* visible(n.children);
  }
}

export function textOf(n: RNode): string {
  if (n.attr.hidden === true) return '';
  if (n.tag === '#text') return n.text;
  return n.children.map(textOf).join('');
}

/** The page as lines of text: one per element holding text, its text runs joined as WeChat shows them inline. */
export function pageText(nodes: RNode[]): string {
  const lines: string[] = [];
  for (const n of visible(nodes)) {
    if (n.tag === '#text' || !n.children.some((c) => c.tag === '#text')) continue;
    const line = n.children
      .map((c) => (c.tag === '#text' ? c.text : ''))
      .join('')
      .trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

/** How an element binds an event, as rendered: catch before bind, and the handler's method name (Taro binds `eh`). */
export function binding(n: RNode, event: string): { how: 'bind' | 'catch'; handler: string } | undefined {
  for (const how of ['catch', 'bind'] as const) {
    for (const key of [`${how}${event}`, `${how}:${event}`]) {
      const handler = n.attr[key];
      if (typeof handler === 'string') return { how, handler };
    }
  }
  return undefined;
}

/** dataset as WeChat builds it from data-* attributes (data-sid → sid). */
export function datasetOf(n: RNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n.attr))
    if (k.startsWith('data-')) out[k.slice(5).replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())] = v;
  return out;
}
