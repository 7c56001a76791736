// Page data as WeChat keeps it: setData paths ("root.cn.[0].cn[2].v") applied to
// a plain object, and a view of Taro's render tree (root.cn, each node with its
// `nn` template id, `sid`, children `cn`, text `v`) read through the templates of
// the built base.wxml: which element each `nn` is and which events it binds.
import fs from 'node:fs';
import path from 'node:path';

/** WeChat refuses a single setData larger than 1 MB. */
export const SET_DATA_LIMIT = 1024 * 1024;

export function applySetData(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const segments: Array<string | number> = [];
    const re = /([^.[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(key))) segments.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    if (!segments.length) throw new Error(`setData: invalid path "${key}"`);
    let node: Record<string | number, unknown> = target;
    for (let i = 0; i < segments.length - 1; i++) {
      const seg = segments[i];
      let next = node[seg];
      if (next === null || typeof next !== 'object') {
        next = typeof segments[i + 1] === 'number' ? [] : {};
        node[seg] = next;
      }
      node = next as Record<string | number, unknown>;
    }
    // WeChat copies the data across to the view layer: no shared references.
    node[segments[segments.length - 1]] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
}

export interface TemplateInfo {
  tag: string;
  /** How the element binds each event Taro routes through `eh`. */
  events: Record<string, 'bind' | 'catch'>;
}

/** tmpl_0_<nn> of base.wxml: the element it renders and its event bindings. */
export function readTemplates(dir: string): Map<string, TemplateInfo> {
  const src = fs.readFileSync(path.join(dir, 'base.wxml'), 'utf8');
  const out = new Map<string, TemplateInfo>();
  const re = /<template name="tmpl_0_([^"]+)">\s*<([\w-]+)([^>]*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const events: Record<string, 'bind' | 'catch'> = {};
    for (const b of m[3].matchAll(/\b(bind|catch)(\w+)="eh"/g)) events[b[2]] = b[1] as 'bind' | 'catch';
    out.set(m[1], { tag: m[2], events });
  }
  return out;
}

export interface TaroNode {
  nn: string;
  sid: string;
  uid?: string;
  v?: string;
  cl?: string;
  cn?: TaroNode[];
  [prop: string]: unknown;
}

export interface ViewNode {
  node: TaroNode;
  parent: ViewNode | null;
  tag: string;
  info: TemplateInfo | undefined;
  children: ViewNode[];
}

/** The element tree a page's data renders to (text nodes have tag '#text'). */
export function viewTree(root: { cn?: TaroNode[] } | undefined, templates: Map<string, TemplateInfo>): ViewNode[] {
  const build = (n: TaroNode, parent: ViewNode | null): ViewNode => {
    // Input-like templates come in _focus/_blur variants; both bind the same events.
    const direct = templates.get(n.nn);
    const info = direct && direct.tag !== 'template' ? direct : (templates.get(`${n.nn}_blur`) ?? direct);
    const v: ViewNode = { node: n, parent, tag: n.v !== undefined && !n.cn ? '#text' : (info?.tag ?? `nn:${n.nn}`), info, children: [] };
    v.children = (n.cn ?? []).map((c) => build(c, v));
    return v;
  };
  return (root?.cn ?? []).map((n) => build(n, null));
}

export function textOf(v: ViewNode): string {
  if (v.tag === '#text') return String(v.node.v ?? '');
  return v.children.map(textOf).join('');
}

export function* walk(nodes: ViewNode[]): Generator<ViewNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

/** The page as lines of text: one per element holding text, its text runs joined as WeChat shows them inline. */
export function pageText(nodes: ViewNode[]): string {
  const lines: string[] = [];
  for (const n of walk(nodes)) {
    if (n.tag === '#text' || !n.children.some((c) => c.tag === '#text')) continue;
    const line = n.children
      .map((c) => (c.tag === '#text' ? String(c.node.v ?? '') : ''))
      .join('')
      .trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}
