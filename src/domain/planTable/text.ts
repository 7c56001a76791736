/** Small text helpers shared by the plan-table reader. */

export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Runs of ascending numbers (row numbers) whose neighbours are at most `maxGap` apart, as [first, last] indexes. */
export function runsOf(sorted: number[], maxGap: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] - sorted[j] <= maxGap) j += 1;
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/** Collapses runs of white space inside a line; trims. */
export function squash(s: string): string {
  return s.replace(/[ \t\u3000\u00a0]+/g, ' ').trim();
}

const WORD = /[A-Za-z0-9]/;
/** Punctuation that already separates what is on either side of it. */
const SEPARATING = /[\s，、,；;：:。！？!?（(“‘《【\[「）)”’》】\]」\-—～~+·]/;

/** Joins a line that the page layout wrapped (a PDF copy): no space between Chinese characters. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return WORD.test(a[a.length - 1]) && WORD.test(b[0]) ? `${a} ${b}` : `${a}${b}`;
}

/**
 * Joins two lines of one cell that the writer broke on purpose (Word, Excel):
 * a space where the lines met, unless punctuation already separates them.
 */
export function joinCellLines(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return SEPARATING.test(a[a.length - 1]) || SEPARATING.test(b[0]) ? `${a}${b}` : `${a} ${b}`;
}

const OPENERS = '（(“‘《【[「';
const CLOSERS = '）)”’》】]」';

export function unbalanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (OPENERS.includes(c)) depth += 1;
    else if (CLOSERS.includes(c)) depth -= 1;
  }
  return depth > 0;
}

/** Splits on separator characters that are not inside brackets. */
export function splitOutsideBrackets(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (OPENERS.includes(c)) depth += 1;
    if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && sep.test(c)) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}
