/**
 * Record segmentation: source rows → the table's records (one per plan row) and
 * the lines that belong to no record. One pass over the rows; a record never
 * takes more than a few lines per column, so a paste of any shape costs time in
 * proportion to its length.
 */
import { looksLikeUnit, splitForms, splitOnSpaces, splitUnits } from './cells';
import { detectHeader, nonEmpty, type Header, type Layout } from './header';
import { toHalfWidth } from './text';
import { END_OF_TABLE, KNOWN_FORMS, PAGE_MARK, TOTAL_ROW } from './vocabulary';
import { parseWhen } from './when';
import type { ColumnKind, SourceRow } from './types';

export interface Fragment {
  text: string;
  /** Starts a source line, so it may continue the previous fragment's cell. */
  newLine: boolean;
}

export interface TableRecord {
  /** Source line where the record starts. */
  row: number;
  columns: ColumnKind[];
  layout: Layout;
  /** 'cells' and 'spaces': the row's cells as the paste carries them. */
  cells: string[];
  /** 'lines': the row's lines, to be laid over the columns. */
  fragments: Fragment[];
  rows: SourceRow[];
  /** The section heading above the row ("一、4月", "第二季度", "（二）区直部门"), or null. */
  section: Section | null;
}

/** A heading line inside the table that groups the rows below it. */
export interface Section {
  row: number;
  text: string;
  /** The time it names ("4月份", "二、第二季度"), as a time cell would print it; null for a group of units. */
  when: string | null;
  /** The one unit it names ("一、市发展和改革委员会"), for its rows whose units cell is blank; else null. */
  unit: string | null;
}

export interface Stray {
  row: number;
  text: string;
}

export interface Segmented {
  headers: Header[];
  records: TableRecord[];
  /** Lines inside the table that belong to no record, in order. */
  strays: Stray[];
  /** Lines taken as the next line of a row's last cell although nothing but their place says so. */
  joined: Stray[];
  /** Tables after the plan that are forms to fill in (a 统计表 attached to the notice), not read. */
  forms: Stray[];
}

/** A line after a complete row that can only be more of its last cell. */
function continuesLast(kind: ColumnKind, text: string): boolean {
  switch (kind) {
    case 'forms':
      return splitForms(text).every((f) => KNOWN_FORMS.has(f));
    case 'units':
      return splitUnits(text).every(looksLikeUnit);
    case 'theme':
    case 'other':
      return !END_OF_TABLE.test(text) && seqNumber(text) === null;
    default:
      return false;
  }
}

const SEQ_CELL = /^[（(]?(\d{1,4}|[一二三四五六七八九十]{1,3})[.、．)）]?$/;
/** 一 to 九十九 as 序号 cells write them, else null. */
function chineseNumber(cn: string): number | null {
  const digit = (d: string) => '一二三四五六七八九'.indexOf(d) + 1;
  const ten = cn.indexOf('十');
  if (ten < 0) return cn.length === 1 ? digit(cn) : null;
  const [tens, ones] = [cn.slice(0, ten), cn.slice(ten + 1)];
  if (tens.length > 1 || ones.length > 1 || ones === '十') return null;
  return (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0);
}

/** A 序号 cell's number: 1, 1., 1、, (1), （1）, in full-width digits too, or 一 to 九十九; else null. */
export function seqNumber(cell: string): number | null {
  const m = SEQ_CELL.exec(toHalfWidth(cell).trim());
  if (!m) return null;
  return /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
}

/** An ordinal that opens a heading: 一、 （一） (一) 第一部分 … */
const HEADING_ORDINAL =
  /^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）]、?|第[一二三四五六七八九十]+(部分|阶段|批)[:：、]?)\s*/;

/** The time a heading line names ("一、4月" → "4月", "五月份", "第二季度（3项）"), or null. */
export function headingTime(text: string): string | null {
  const t = text
    .trim()
    .replace(HEADING_ORDINAL, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/[:：]$/, '')
    .replace(/(开展的?活动|活动安排|活动)$/, '')
    .trim();
  if (!t || t.length > 12) return null;
  const w = parseWhen(t);
  return w.ok && w.months !== null && w.days === null ? t : null;
}
/** A group of units, not one unit: "区直部门", "各乡镇（街道）", "市直单位". */
const UNIT_GROUP = /^各|(部门|单位|机关|系统|乡镇|镇街|街镇)$|^乡镇[（(]?街道[)）]?$/;

/** The one unit a heading names ("一、市发展和改革委员会", "县教育局："), or null. */
export function headingUnit(text: string): string | null {
  const t = text
    .trim()
    .replace(HEADING_ORDINAL, '')
    .replace(/[（(]\d+项[)）]$/, '')
    .replace(/[:：]$/, '')
    .trim();
  if (!t || headingTime(text) !== null || UNIT_GROUP.test(t)) return null;
  const units = splitUnits(t);
  return units.length === 1 && looksLikeUnit(units[0]) ? units[0] : null;
}

/** Lines a record of the 'lines' layout may take per column before the rest counts as unmatched. */
const LINES_PER_COLUMN = 3;

/**
 * Splits text into rows, cells on tabs; a cell quoted by Excel may hold line breaks ("a\nb").
 * Text without a tab whose header is comma-separated is read as CSV (a .csv file opened
 * as text), with commas inside quoted cells kept.
 */
export function textToRows(text: string): SourceRow[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const sep = !text.includes('\t') && lines.slice(0, 40).some(isCsvHeader) ? ',' : '\t';
  const rows: SourceRow[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i];
    const start = i;
    if (line.includes(sep)) {
      while (quoteOpen(line, sep) && i + 1 < lines.length) {
        i += 1;
        line += `\n${lines[i]}`;
      }
    }
    const cells = !line.includes(sep) ? [line] : sep === ',' ? splitQuoted(line, sep) : line.split(sep).map(unquote);
    rows.push({ line: start + 1, cells, text: line });
  }
  return rows;
}

function isCsvHeader(line: string): boolean {
  const cells = splitQuoted(line, ',').map((c) => c.trim());
  // The same decision as for a header in cells, so a CSV may start with a column such as 县市区.
  return nonEmpty(cells).length >= 3 && detectHeader([{ line: 1, cells, text: line }], 0) !== null;
}

function quoteOpen(line: string, sep: string): boolean {
  if (!line.split(sep).some((c) => c.startsWith('"'))) return false;
  let quotes = 0;
  for (const c of line) if (c === '"') quotes += 1;
  return quotes % 2 === 1;
}

/** A tab-separated cell as Excel quotes it: whole in quotes, "" for one quote; anything else as it is. */
function unquote(cell: string): string {
  if (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')) return cell.slice(1, -1).replace(/""/g, '"');
  return cell;
}

/** CSV cells of one line; a cell in double quotes may hold the separator, and "" stands for one quote. */
function splitQuoted(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let k = 0; k < line.length; k += 1) {
    const c = line[k];
    if (quoted) {
      if (c === '"' && line[k + 1] === '"') {
        cur += '"';
        k += 1;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (c === sep) {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

function lastColumnFits(rec: TableRecord): boolean {
  const dataCols = rec.columns.filter((k) => k !== 'seq');
  if (rec.fragments.length < dataCols.length) return false;
  const last = rec.fragments[rec.fragments.length - 1].text;
  switch (dataCols[dataCols.length - 1]) {
    case 'months':
      return parseWhen(last).ok;
    case 'units':
      return looksLikeUnit(last);
    default:
      return true;
  }
}

export function segment(rows: SourceRow[]): Segmented {
  const out: Segmented = { headers: [], records: [], strays: [], joined: [], forms: [] };
  let header: Header | null = null;
  let ended = false;
  let open: TableRecord | null = null;
  let lastSeq = 0;

  const close = () => {
    if (open) out.records.push(open);
    open = null;
  };
  let section: Section | null = null;
  const startRecord = (row: SourceRow, h: Header, cells: string[], fragments: Fragment[]): TableRecord => ({
    row: row.line,
    columns: h.kinds,
    layout: h.layout,
    cells,
    fragments,
    rows: [row],
    section,
  });
  const sectionOf = (row: SourceRow, text: string): Section => ({ row: row.line, text, when: headingTime(text), unit: headingUnit(text) });
  const startSection = (row: SourceRow, text: string) => {
    close();
    section = sectionOf(row, text);
  };

  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    const cells = row.cells.map((c) => c.replace(/\r/g, ''));
    const filled = nonEmpty(cells);
    if (filled.length === 0) {
      // A marked empty cell ("\t" alone) in a row copied one cell per line.
      const rec: TableRecord | null = open;
      if (rec && header?.layout === 'cells' && cells.length > 1 && rec.cells.length < rec.columns.length) {
        rec.cells.push(...cells.slice(1).map(() => ''));
        rec.rows.push(row);
      }
      continue;
    }
    const h = detectHeader(rows, i);
    if (h) {
      close();
      const headerAt = i;
      i += h.used - 1;
      // After the plan, a table titled as a form to fill in (附件2 开展情况统计表) is not more of the plan.
      const form = out.records.length > 0 ? formTitleAbove(rows, headerAt) : null;
      if (form) {
        out.forms.push(form);
        ended = true;
        continue;
      }
      // "一、4月" just above a header: a table per month, each with its own header.
      const above = headerAt > 0 ? lastFilledAbove(rows, headerAt) : null;
      const heading = above ? sectionOf(above.row, above.text) : null;
      if (heading?.when || heading?.unit) section = heading;
      header = h;
      ended = false;
      out.headers.push(h);
      continue;
    }
    if (!header || ended) continue;
    const text = filled.join(' ');
    const seqAt = header.kinds.indexOf('seq');
    if (TOTAL_ROW.test(filled[0].replace(/\s/g, ''))) {
      close();
      continue;
    }
    const openRow: TableRecord | null = open;
    const midRow =
      openRow !== null && (header.layout === 'lines' ? !lastColumnFits(openRow) : openRow.cells.length < openRow.columns.length);
    // A row led by its 序号 ("一、" in a 序号 column of Chinese numerals) is a row, not notice text.
    const seqLed = filled.length >= 2 && seqAt === 0 && seqNumber(filled[0]) !== null;
    if (END_OF_TABLE.test(filled[0]) && !seqLed) {
      // "一、区直部门" above more rows of the table groups them; after the last row it is the notice going on.
      if (filled.length === 1 && HEADING_ORDINAL.test(filled[0]) && rowFollows(rows, i + 1, header, lastSeq)) {
        startSection(row, filled[0]);
        continue;
      }
      // "一、宪法宣传进社区" as a line of a cell: the row above is not complete, and the table goes on after it.
      if (!(midRow && HEADING_ORDINAL.test(filled[0]) && nextRowWithin(rows, i + 1, header, lastSeq))) {
        close();
        ended = true;
        continue;
      }
    }
    // "4月份", "第二季度": a heading over the rows of that time, once the row above is complete.
    if (filled.length === 1 && !midRow && headingTime(filled[0]) !== null) {
      const alone = header.layout === 'lines' || seqNumber(filled[0]) === null;
      // Just above a repeated header ("五月份" between a table per month), the header takes it as its time.
      if (alone && headerNext(rows, i + 1)) continue;
      if (alone && rowFollows(rows, i + 1, header, lastSeq)) {
        startSection(row, filled[0]);
        continue;
      }
    }
    // "县教育局" on a line of its own over rows that leave the units cell blank: a heading naming their unit.
    if (filled.length === 1 && !midRow && header.layout !== 'lines' && headingUnit(filled[0]) !== null) {
      if (rowFollows(rows, i + 1, header, lastSeq) && unitsBlankNext(rows, i + 1, header)) {
        startSection(row, filled[0]);
        continue;
      }
    }

    if (header.layout === 'lines') {
      const v = (seqAt === 0 ? seqNumber(filled[0]) : null) ?? NaN;
      const starts =
        seqAt === 0
          ? v > 0 && (filled.length >= 2 || (v > lastSeq && v <= lastSeq + 30))
          : filled.length >= Math.min(3, header.kinds.length);
      if (starts) {
        close();
        const rest = seqAt === 0 ? filled.slice(1) : filled;
        open = startRecord(
          row,
          header,
          [],
          rest.map((t, k) => ({ text: t, newLine: k === 0 })),
        );
        if (seqAt === 0) open.cells = [filled[0]];
        lastSeq = Math.max(lastSeq, Number.isNaN(v) ? lastSeq : v);
        continue;
      }
      if (PAGE_MARK.test(text)) continue;
      const rec: TableRecord | null = open;
      if (rec && !lastColumnFits(rec) && rec.fragments.length < rec.columns.filter((k) => k !== 'seq').length * LINES_PER_COLUMN) {
        rec.fragments.push(...filled.map((t, k) => ({ text: t, newLine: k === 0 })));
        rec.rows.push(row);
        continue;
      }
      close();
      out.strays.push({ row: row.line, text });
      continue;
    }

    const segs = segmentsOf(cells, header.layout);
    const leading = cells.length > 1 && segs[0] === '';
    const seqCell = seqAt >= 0 ? seqNumber(segs[seqAt] ?? '') : null;
    const v = seqCell ?? NaN;
    const startsRow = seqCell !== null && v > 0 && (nonEmpty(segs).length >= 2 || v === lastSeq + 1);
    // A tab-led line as long as the header is a whole row without its 序号, not the rest of the row above.
    const wholeRow = leading && segs.length >= header.kinds.length && header.kinds.length >= 4;
    const rec: TableRecord | null = open;
    if (rec && rec.cells.length < rec.columns.length && !startsRow && !wholeRow) {
      if (leading) rec.cells.push(...segs.slice(1));
      else {
        rec.cells[rec.cells.length - 1] = `${rec.cells[rec.cells.length - 1]}\n${segs[0]}`;
        rec.cells.push(...segs.slice(1));
      }
      rec.rows.push(row);
      continue;
    }
    if (!startsRow && filled.length === 1 && PAGE_MARK.test(text)) continue;
    // Word puts the second line of a row's last cell on a line of its own: take it when it fits that column.
    const last = rec ? rec.columns[rec.columns.length - 1] : null;
    if (
      rec &&
      last &&
      !leading &&
      !startsRow &&
      filled.length === 1 &&
      rec.cells.length === rec.columns.length &&
      // An empty cell has no line to continue: text after it is something else (a heading, a signature).
      rec.cells[rec.cells.length - 1].trim() !== '' &&
      continuesLast(last, filled[0])
    ) {
      rec.cells[rec.cells.length - 1] = `${rec.cells[rec.cells.length - 1]}\n${filled[0]}`;
      rec.rows.push(row);
      if (last === 'theme' || last === 'other') out.joined.push({ row: row.line, text: filled[0] });
      continue;
    }
    close();
    open = startRecord(row, header, segs, []);
    if (startsRow) lastSeq = Math.max(lastSeq, v);
  }
  close();
  return out;
}

/** A row's cells as its layout carries them: a PDF line split on runs of spaces, else as pasted. */
function segmentsOf(cells: string[], layout: Layout): string[] {
  return layout === 'spaces' && cells.length === 1 ? splitOnSpaces(cells[0]) : cells.map((c) => c.trim());
}

/** True when the next non-empty row after a heading starts a row of the table. */
function rowFollows(rows: SourceRow[], from: number, header: Header, lastSeq: number): boolean {
  for (let k = from; k < rows.length && k < from + 3; k += 1) {
    const filled = nonEmpty(rows[k].cells);
    if (filled.length === 0) continue;
    const seqAt = header.kinds.indexOf('seq');
    if (header.layout === 'lines') {
      return seqAt === 0 && seqNumber(filled[0]) === lastSeq + 1;
    }
    const segs = segmentsOf(rows[k].cells, header.layout);
    const filledCells = nonEmpty(segs).length;
    if (seqAt >= 0) return filledCells >= 2 && seqNumber(segs[seqAt] ?? '') !== null;
    // No 序号: a row of the table's width (merged cells copied as blanks), not a line of prose.
    return filledCells >= 2 && (segs.length >= header.kinds.length - 1 || filledCells >= 3);
  }
  return false;
}

/**
 * Whether the next non-empty line is a whole row of the table (every column on the line)
 * that leaves its units cell blank, or has none: the table gives units by headings.
 */
function unitsBlankNext(rows: SourceRow[], from: number, header: Header): boolean {
  const k = nextFilled(rows, from);
  if (k < 0) return false;
  const at = header.kinds.indexOf('units');
  const segs = segmentsOf(rows[k].cells, header.layout);
  const whole = segs.length >= header.kinds.length && nonEmpty(segs).length >= header.kinds.length - 2;
  return whole && (at < 0 || !(segs[at] ?? '').trim());
}

/** Whether the next non-empty line starts a header (a table's header repeated below a heading). */
function headerNext(rows: SourceRow[], from: number): boolean {
  const k = nextFilled(rows, from);
  return k >= 0 && detectHeader(rows, k) !== null;
}

/** The index of the first non-empty row from `from`, or -1. */
function nextFilled(rows: SourceRow[], from: number): number {
  for (let k = from; k < rows.length; k += 1) if (nonEmpty(rows[k].cells).length > 0) return k;
  return -1;
}

/** Lines a row may still take after an ordinal line inside one of its cells, before the next row must start. */
const ROW_RESUMES_WITHIN = 12;

/** Whether the next row of the table (序号 one more than the last) starts within a few lines from `from`. */
function nextRowWithin(rows: SourceRow[], from: number, header: Header, lastSeq: number): boolean {
  const seqAt = header.kinds.indexOf('seq');
  if (seqAt < 0) return false;
  let seen = 0;
  for (let k = from; k < rows.length && seen < ROW_RESUMES_WITHIN; k += 1) {
    const filled = nonEmpty(rows[k].cells);
    if (filled.length === 0) continue;
    seen += 1;
    const first = header.layout === 'lines' ? filled[0] : (segmentsOf(rows[k].cells, header.layout)[seqAt] ?? '');
    if (seqNumber(first) === lastSeq + 1) return true;
    if (END_OF_TABLE.test(filled[0]) && !HEADING_ORDINAL.test(filled[0])) return false;
  }
  return false;
}

/** A form's title: a table the units fill in and send back, not a plan of events. */
const FORM_TITLE = /(统计|反馈|回执|报名|登记|评价|评分|考核)表|开展情况/;

/** The title of a form just above the header at rows[i] (within a few lines), or null. */
function formTitleAbove(rows: SourceRow[], i: number): Stray | null {
  let seen = 0;
  for (let k = i - 1; k >= 0 && seen < 4; k -= 1) {
    const filled = nonEmpty(rows[k].cells);
    if (filled.length === 0) continue;
    seen += 1;
    if (filled.length === 1 && FORM_TITLE.test(filled[0])) return { row: rows[k].line, text: filled[0].trim() };
  }
  return null;
}

/** The nearest non-empty row above rows[i] when it is a single cell (a heading), else null. */
function lastFilledAbove(rows: SourceRow[], i: number): { row: SourceRow; text: string } | null {
  for (let k = i - 1; k >= 0 && k >= i - 3; k -= 1) {
    const filled = nonEmpty(rows[k].cells);
    if (filled.length === 0) continue;
    return filled.length === 1 ? { row: rows[k], text: filled[0] } : null;
  }
  return null;
}
