/** The header row: which column is which, and how the paste lays out its cells. */
import { toHalfWidth } from './text';
import { HEADER_PARTS, HEADER_WORDS } from './vocabulary';
import type { ColumnKind, SourceRow } from './types';

/**
 * How the table's cells are carried:
 * - 'cells': tabs (Excel, Word) or real cells (.xlsx); a line starting with a tab
 *   opens a new cell of the row above, a line without one continues its last cell;
 * - 'spaces': one line per row, columns separated by 2+ spaces or full-width spaces (PDF);
 * - 'lines': one cell per line with no markers at all (Word or PDF), so the lines
 *   of a row are laid over the columns by what they look like.
 */
export type Layout = 'cells' | 'spaces' | 'lines';

export interface Header {
  kinds: ColumnKind[];
  layout: Layout;
  /** Source line of the header's first row. */
  line: number;
  /** Source rows the header takes. */
  used: number;
}

export function headerKind(cell: string): ColumnKind | null {
  const c = toHalfWidth(cell).replace(/[\s:：*]/g, '');
  for (const [re, kind] of HEADER_WORDS) if (re.test(c)) return kind;
  // "责任单位(牵头)", "时间(月份)", "活动名称及主要内容": the words inside, without notes in brackets.
  const bare = c.replace(/\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/g, '');
  if (bare !== c && bare) for (const [re, kind] of HEADER_WORDS) if (re.test(bare)) return kind;
  if (bare.length < 2 || bare.length > 10 || /\d/.test(bare)) return null;
  for (const [re, kind] of HEADER_PARTS) if (re.test(bare)) return kind;
  return null;
}

function isHeaderSet(kinds: ColumnKind[]): boolean {
  const named = kinds.filter((k) => k !== 'other');
  return kinds.includes('theme') && named.length >= 3 && new Set(named).size === named.length;
}

export function nonEmpty(cells: string[]): string[] {
  return cells.map((c) => c.trim()).filter(Boolean);
}

/** A header cell the reader has no word for ("县市区"): kept as 'other' when short and without figures. */
const unknownColumn = (cell: string) => cell.length <= 8 && !/\d/.test(cell);

function allKinds(parts: string[]): ColumnKind[] | null {
  const kinds = parts.map(headerKind);
  // One column the reader has no word for is allowed; two such cells are more likely a row of data.
  if (kinds.filter((k) => k === null).length > 1 || parts.some((p, i) => kinds[i] === null && !unknownColumn(p))) return null;
  const known = kinds.map((k) => k ?? 'other');
  return isHeaderSet(known) && kinds.filter((k) => k !== null && k !== 'other').length >= 3 ? known : null;
}

/**
 * A second header row under the first, as a two-row header pastes ("序号 | 活动安排 |   | 责任单位"
 * over "  | 主题 | 形式 |  "): the columns by position, the lower row's word where it has one.
 */
function twoRowKinds(top: string[], below: string[] | undefined): ColumnKind[] | null {
  if (!below) return null;
  const words = nonEmpty(below);
  if (words.length < 2 || words.length === below.length || !words.every((w) => headerKind(w) !== null)) return null;
  const n = Math.max(top.length, below.length);
  const kinds: ColumnKind[] = [];
  for (let p = 0; p < n; p += 1) {
    const b = (below[p] ?? '').trim();
    const t = (top[p] ?? '').trim();
    kinds.push((b ? headerKind(b) : t ? headerKind(t) : null) ?? 'other');
  }
  return isHeaderSet(kinds) ? kinds : null;
}

/** A header starting at rows[i]: in one row, or one cell per row (with or without tab markers). */
export function detectHeader(rows: SourceRow[], i: number): Header | null {
  const cells = nonEmpty(rows[i].cells);
  const line = rows[i].line;
  // Every header starts with a header word: one look at the first word rules out a data row.
  if (cells.length === 0 || (headerKind(cells[0]) === null && headerKind(cells[0].split(/[\s\u3000]+/)[0]) === null)) return null;
  if (cells.length >= 3) {
    const kinds = allKinds(cells);
    if (!kinds) return null;
    const two = twoRowKinds(rows[i].cells, rows[i + 1]?.cells);
    return two ? { kinds: two, layout: 'cells', line, used: 2 } : { kinds, layout: 'cells', line, used: 1 };
  }
  if (cells.length !== 1) return null;
  const bySpace = cells[0].split(/[\s\u3000]+/);
  if (bySpace.length >= 3) {
    const kinds = allKinds(bySpace);
    return kinds ? { kinds, layout: 'spaces', line, used: 1 } : null;
  }
  if (headerKind(cells[0]) === null) return null;
  const kinds: ColumnKind[] = [];
  let marked = false;
  let j = i;
  // Header words one per line; bounded by the number of columns, so this stays linear.
  let unknown = 0;
  for (; j < rows.length && kinds.length <= HEADER_WORDS.length + 4; j += 1) {
    const c = nonEmpty(rows[j].cells);
    if (c.length === 0) continue;
    let k = c.length === 1 ? headerKind(c[0]) : null;
    // One column without a known word ("县市区") between header words, as in a one-row header.
    if (k === null && c.length === 1 && j > i && unknown === 0 && unknownColumn(c[0]) && headerWordAt(rows, j + 1)) {
      k = 'other';
      unknown += 1;
    }
    if (k === null || (k !== 'other' && kinds.includes(k))) break;
    if (j > i && rows[j].cells[0] === '' && rows[j].cells.length > 1) marked = true;
    kinds.push(k);
  }
  return isHeaderSet(kinds) ? { kinds, layout: marked ? 'cells' : 'lines', line, used: j - i } : null;
}

/** True when the next non-empty row is a single header word. */
function headerWordAt(rows: SourceRow[], from: number): boolean {
  for (let k = from; k < rows.length; k += 1) {
    const c = nonEmpty(rows[k].cells);
    if (c.length === 0) continue;
    return c.length === 1 && headerKind(c[0]) !== null;
  }
  return false;
}
