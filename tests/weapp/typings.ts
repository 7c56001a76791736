// What WeChat documents, read from its own API typings (miniprogram-api-typings,
// pinned in package.json): the members of `wx`, `wx.cloud` and of the objects
// WeChat hands back. The simulator exposes exactly these names, so a call to
// something WeChat does not have fails here as it would on a phone.
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.dirname(require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts'));

export interface Member {
  name: string;
  /** Returns PromisifySuccessResult: asynchronous, a Promise when called without callbacks. */
  promisable: boolean;
}

const cache = new Map<string, Map<string, Member>>();

/** Members of `interface <name>` in `file`, declared at the interface's own indentation + 4. */
export function membersOf(file: string, name: string): Map<string, Member> {
  const key = `${file}#${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const lines = fs.readFileSync(path.join(DIR, file), 'utf8').split('\n');
  const start = lines.findIndex((l) => new RegExp(`^(\\s*)interface ${name}\\b[^{]*\\{\\s*$`).test(l));
  if (start < 0) throw new Error(`interface ${name} not found in ${file}`);
  const indent = /^(\s*)/.exec(lines[start])![1];
  const memberRe = new RegExp(`^${indent}    (\\w+)\\??\\s*(<|\\(|:)`);
  const out = new Map<string, Member>();
  let current: Member | null = null;
  let inComment = false;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    // Doc comments hold code samples whose braces would end the interface early.
    if (inComment) {
      if (l.includes('*/')) inComment = false;
      continue;
    }
    if (l.trimStart().startsWith('/*')) {
      inComment = !l.includes('*/');
      continue;
    }
    if (l.startsWith(`${indent}}`)) break;
    const m = memberRe.exec(l);
    if (m) {
      current = out.get(m[1]) ?? { name: m[1], promisable: false };
      out.set(m[1], current);
    }
    if (current && l.includes('PromisifySuccessResult')) current.promisable = true;
  }
  cache.set(key, out);
  return out;
}

export const wxMembers = (): Map<string, Member> => membersOf('lib.wx.api.d.ts', 'Wx');
export const cloudMembers = (): Map<string, Member> => membersOf('lib.wx.cloud.d.ts', 'WxCloud');
