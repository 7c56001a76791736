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

/** The column one word names: a header word, else what a short word contains. */
function wordKind(word: string): ColumnKind | null {
  for (const [re, kind] of HEADER_WORDS) if (re.test(word)) return kind;
  if (word.length < 2 || word.length > 10 || /\d/.test(word)) return null;
  for (const [re, kind] of HEADER_PARTS) if (re.test(word)) return kind;
  return null;
}

/** How one header cell joins two names ("活动主题及形式", "责任单位/配合单位", "时间、地点"). */
const JOINED = /以及|[及和、/]/;

/** Which reading of a cell that names two columns comes first: the theme, then the units (the 责任单位 over 配合/联系). */
const PRIMACY: readonly ColumnKind[] = ['theme', 'units', 'forms', 'months', 'seq', 'other'];

/** A header cell read: the columns it may name, first what it names first; `sure` unless guessed from one word inside. */
interface Reading {
  text: string;
  kinds: ColumnKind[];
  sure: boolean;
}

/**
 * The columns a header cell may name, the one it names first in front: "活动主题及形式" is the
 * theme (or the forms, should another column be the theme), "责任单位及联系方式" the units.
 */
function readCell(cell: string): Reading {
  const c = toHalfWidth(cell).replace(/[\s:：*]/g, '');
  const known = (t: string) => HEADER_WORDS.find(([re]) => re.test(t))?.[1];
  // "责任单位(牵头)", "时间(月份)", "活动名称及主要内容": the words inside, without notes in brackets.
  const bare = c.replace(/\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/g, '');
  const word = known(c) ?? (bare !== c ? known(bare) : undefined);
  if (word) return { text: cell, kinds: [word], sure: true };
  if (bare.length < 2 || bare.length > 10 || /\d/.test(bare)) return { text: cell, kinds: [], sure: false };
  const parts = bare.split(JOINED).filter(Boolean);
  const kinds = new Set<ColumnKind>();
  for (const part of parts) {
    const k = wordKind(part);
    if (k) kinds.add(k);
  }
  const sorted = [...kinds].sort((x, y) => PRIMACY.indexOf(x) - PRIMACY.indexOf(y));
  return { text: cell, kinds: sorted, sure: parts.length > 1 && sorted.length > 0 };
}

export function headerKinds(cell: string): ColumnKind[] {
  return readCell(cell).kinds;
}

export function headerKind(cell: string): ColumnKind | null {
  return headerKinds(cell)[0] ?? null;
}

/** Words that name a column outright: such a cell wins over another naming the same column ("活动主题" over "活动内容"). */
const OUTRIGHT: Partial<Record<ColumnKind, RegExp>> = { theme: /主题|名称/, units: /责任|牵头/ };

/**
 * One column per kind. Where two cells name the same column, the one naming it by its first
 * reading and outright keeps it (else the leftmost); the other takes its next reading, or is
 * kept in raw only ('other'): "活动主题 | 活动内容" is the theme and an extra column. Only a
 * header word or a cell naming two columns gives way; two cells guessed from a word inside
 * ("各单位", "由责任单位") are more likely prose than a header, so the row is not one (null).
 */
function resolveKinds(cells: Reading[]): ColumnKind[] | null {
  const at = cells.map(() => 0);
  const kindOf = (i: number): ColumnKind => cells[i].kinds[at[i]] ?? 'other';
  const strength = (i: number) => (at[i] === 0 ? 2 : 0) + (OUTRIGHT[kindOf(i)]?.test(cells[i].text) ? 1 : 0);
  // Each step moves one cell to a later reading, so this ends within the number of readings.
  for (let moved = true; moved;) {
    moved = false;
    for (let i = 0; i < cells.length && !moved; i += 1) {
      const k = kindOf(i);
      if (k === 'other') continue;
      const beaten = cells.some(
        (_, j) => j !== i && kindOf(j) === k && (strength(j) > strength(i) || (strength(j) === strength(i) && j < i)),
      );
      if (beaten) {
        if (!cells[i].sure) return null;
        at[i] += 1;
        moved = true;
      }
    }
  }
  return cells.map((_, i) => kindOf(i));
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

/** More cells than any plan table has columns: prose or data, not looked at further. */
const MAX_COLUMNS = 30;

function allKinds(parts: string[]): ColumnKind[] | null {
  if (parts.length > MAX_COLUMNS) return null;
  const readings = parts.map(readCell);
  const unknown = parts.filter((_, i) => readings[i].kinds.length === 0);
  if (unknown.some((p) => !unknownColumn(p))) return null;
  const kinds = resolveKinds(readings);
  if (!kinds || !isHeaderSet(kinds)) return null;
  // Columns without a word ("县市区", "类别" left of 序号 in a city's table) are kept in raw when the
  // row names the theme and the units around them; a row of data names neither.
  const named = kinds.filter((k) => k !== 'other').length;
  return unknown.length <= 1 || (kinds.includes('units') && unknown.length < named) ? kinds : null;
}

/**
 * A second header row under the first, as a two-row header pastes ("序号 | 活动安排 |   | 责任单位"
 * over "  | 主题 | 形式 |  ", or 责任单位 over "牵头 | 配合"): the columns by position, the lower
 * row's word where it has one.
 */
function twoRowKinds(top: string[], below: string[] | undefined): ColumnKind[] | null {
  if (!below) return null;
  const words = nonEmpty(below);
  if (words.length < 2 || words.length === below.length || !words.every((w) => headerKind(w) !== null)) return null;
  const n = Math.max(top.length, below.length);
  const texts: string[] = [];
  for (let p = 0; p < n; p += 1) texts.push((below[p] ?? '').trim() || (top[p] ?? '').trim());
  const kinds = resolveKinds(texts.map(readCell));
  return kinds && isHeaderSet(kinds) ? kinds : null;
}

/** A header starting at rows[i]: in one row, or one cell per row (with or without tab markers). */
export function detectHeader(rows: SourceRow[], i: number): Header | null {
  const cells = nonEmpty(rows[i].cells);
  const line = rows[i].line;
  if (cells.length === 0) return null;
  // A header in one row may start with a column the reader has no word for ("县市区").
  if (cells.length >= 3) {
    const kinds = allKinds(cells);
    if (!kinds) return null;
    const two = twoRowKinds(rows[i].cells, rows[i + 1]?.cells);
    return two ? { kinds: two, layout: 'cells', line, used: 2 } : { kinds, layout: 'cells', line, used: 1 };
  }
  if (cells.length !== 1) return null;
  const bySpace = cells[0].split(/[\s\u3000]+/);
  if (bySpace.length >= 3) {
    const wrapped = wrappedBelow(bySpace, rows[i + 1]);
    const joined = wrapped && allKinds(wrapped);
    if (joined) return { kinds: joined, layout: 'spaces', line, used: 2 };
    const kinds = allKinds(bySpace);
    return kinds ? { kinds, layout: 'spaces', line, used: 1 } : null;
  }
  // One cell per line: the header starts with a header word, so one look rules out a data row.
  if (headerKind(cells[0]) === null) return null;
  const readings: Reading[] = [];
  let marked = false;
  let j = i;
  // Header words one per line; bounded by the number of columns, so this stays linear.
  let unknown = 0;
  for (; j < rows.length && readings.length <= HEADER_WORDS.length + 4; j += 1) {
    const c = nonEmpty(rows[j].cells);
    if (c.length === 0) continue;
    const wrap = c.length === 1 ? wrappedLines(rows, j) : null;
    const r = readCell(wrap ? wrap.text : c.length === 1 ? c[0] : '');
    // One column without a known word ("县市区") between header words, as in a one-row header.
    if (r.kinds.length === 0 && c.length === 1 && j > i && unknown === 0 && unknownColumn(c[0]) && headerWordAt(rows, j + 1)) {
      r.kinds = ['other'];
      unknown += 1;
    }
    // A word naming only columns already named is the next row's, not this header's.
    const taken = readings.map((k) => k.kinds[0]);
    if (r.kinds.length === 0 || !r.kinds.some((k) => k === 'other' || !taken.includes(k))) break;
    if (j > i && rows[j].cells[0] === '' && rows[j].cells.length > 1) marked = true;
    readings.push(r);
    if (wrap) j = wrap.last;
  }
  const kinds = resolveKinds(readings);
  return kinds && isHeaderSet(kinds) ? { kinds, layout: marked ? 'cells' : 'lines', line, used: j - i } : null;
}

/** A header word as written, without spaces or a colon ("序 号", "时间："). */
const isHeaderWord = (text: string) => {
  const c = toHalfWidth(text).replace(/[\s:：*]/g, '');
  return HEADER_WORDS.some(([re]) => re.test(c));
};

/**
 * A PDF copy wraps a narrow header cell over two or three lines ("序" over "号", "责任" over
 * "单位"): lines that make a header word only together are one cell. Returns the word and
 * the last row it takes, or null.
 */
function wrappedLines(rows: SourceRow[], j: number): { text: string; last: number } | null {
  let text = '';
  let best: { text: string; last: number } | null = null;
  for (let k = j; k < rows.length && k < j + 3; k += 1) {
    const c = nonEmpty(rows[k].cells);
    if (c.length !== 1 || c[0].length > 6) break;
    text += c[0];
    if (k > j && isHeaderWord(text)) best = { text, last: k };
  }
  return best;
}

/**
 * The line under a header copied from a PDF with spaces between columns, when it only
 * carries the wrapped ends of header cells ("计划开展" over "时间"): the header cells with
 * those ends joined on, each end to the first cell from the left it makes a header word with.
 */
function wrappedBelow(cells: string[], below: SourceRow | undefined): string[] | null {
  const next = below ? nonEmpty(below.cells) : [];
  if (next.length !== 1 || cells.length > MAX_COLUMNS) return null;
  const pieces = next[0].split(/[\s\u3000]+/);
  if (pieces.length > cells.length) return null;
  const out = [...cells];
  let at = 0;
  for (const piece of pieces) {
    while (at < out.length && !isHeaderWord(out[at] + piece)) at += 1;
    if (at === out.length) return null;
    out[at] += piece;
    at += 1;
  }
  return out;
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
