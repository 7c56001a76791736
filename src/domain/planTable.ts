/**
 * Reads the annual plan table (计划安排表) as offices really paste it: TSV from
 * Excel/WPS, one cell per line from Word or PDF, headers repeated on every page,
 * cells broken over lines, notice prose around the table.
 *
 * Pipeline: text → SourceRow[] (one per line, cells split on tabs) → header
 * detection → records (a record starts at a 序号) → each record's fragments
 * aligned to the columns by a small dynamic programme that scores how well a
 * text fits a column (a month for 时间, a "…局/街道" name for 责任单位…).
 * planXlsx builds SourceRow[] from a spreadsheet and reuses parseRows.
 */

export interface MonthRange {
  from: number;
  to: number;
}

export interface ParsedEvent {
  seq: number;
  theme: string;
  forms: string[];
  units: string[];
  months: MonthRange | null;
  /** The source lines of this row, for the office to check against. */
  raw: string;
}

export interface PlanParseResult {
  events: ParsedEvent[];
  /** Chinese, one per problem, "第N行：…" where N counts the table's data rows. */
  warnings: string[];
}

export interface PlanParseOptions {
  /** The plan's year; a table titled or dated with another year is warned about. */
  year?: number;
}

/** One line of pasted text or one spreadsheet row. `line` is 1-based in the source. */
export interface SourceRow {
  line: number;
  cells: string[];
  /** Original text, for ParsedEvent.raw. */
  text: string;
}

export type ColumnKind = 'seq' | 'theme' | 'forms' | 'units' | 'months' | 'other';

// ---------------------------------------------------------------- text helpers

function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Collapses runs of white space inside a line; trims. */
function squash(s: string): string {
  return s.replace(/[ \t\u3000\u00a0]+/g, ' ').trim();
}

/** Joins two pieces of a cell that was broken over lines: no space between Chinese characters. */
function joinBroken(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1];
  const first = b[0];
  return /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first) ? `${a} ${b}` : `${a}${b}`;
}

const OPENERS = '（(“‘《【[「';
const CLOSERS = '）)”’》】]」';

function unbalanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (OPENERS.includes(c)) depth += 1;
    else if (CLOSERS.includes(c)) depth -= 1;
  }
  return depth > 0;
}

/** Splits on separators that are not inside brackets. */
function splitOutsideBrackets(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (OPENERS.includes(c)) depth += 1;
    if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && sep.test(c)) {
      out.push(cur);
      cur = c === '\n' ? '\n' : '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

// ---------------------------------------------------------------- months

export type MonthsParse = { ok: true; months: MonthRange | null } | { ok: false };

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnToNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_NUM[s[1]] ?? 0);
  return CN_NUM[s] ?? NaN;
}

/**
 * "4月", "4 月", "3月-4月", "3-4月", "5月至9月", "4月中旬", "第二季度", "全年" ({1,12}),
 * "待定" (null). Anything else: { ok: false }.
 */
export function parseMonths(input: string): MonthsParse {
  let s = toHalfWidth(input).replace(/\s+/g, '');
  if (s === '') return { ok: false };
  if (/^(待定|未定|暂定|另定|另行通知|待通知|视情况而定|根据情况)$/.test(s)) return { ok: true, months: null };
  if (/^(全年|全年度|常年|每月|全年开展|1-12月)$/.test(s)) return { ok: true, months: { from: 1, to: 12 } };
  s = s.replace(/^\d{4}年(度)?/, '');
  if (/^上半年$/.test(s)) return { ok: true, months: { from: 1, to: 6 } };
  if (/^下半年$/.test(s)) return { ok: true, months: { from: 7, to: 12 } };
  if (/^(年底|年末)$/.test(s)) return { ok: true, months: { from: 12, to: 12 } };
  const quarter = /^第?([一二三四1-4])季度$/.exec(s);
  if (quarter) {
    const q = /\d/.test(quarter[1]) ? Number(quarter[1]) : cnToNumber(quarter[1]);
    return { ok: true, months: { from: q * 3 - 2, to: q * 3 } };
  }
  s = s
    .replace(/([一二三四五六七八九十]{1,3})月/g, (_m, n: string) => `${cnToNumber(n)}月`)
    .replace(/[~〜～—–―－至到]+/g, '-')
    .replace(/(\d{1,2}日|[上中下]旬|初|中|底|末|份)/g, '');
  const range = /^(\d{1,2})月?-(\d{1,2})月?$/.exec(s) ?? /^(\d{1,2})月?$/.exec(s);
  const list = range ? null : /^(\d{1,2})月?(?:[、,和及](\d{1,2})月?)+$/.test(s) ? s.match(/\d{1,2}/g) : null;
  const nums = range ? range.slice(1).filter(Boolean).map(Number) : list ? list.map(Number) : [];
  if (nums.length === 0) return { ok: false };
  const from = Math.min(...nums);
  const to = Math.max(...nums);
  if (from < 1 || to > 12 || (range && nums.length === 2 && nums[0] > nums[1])) return { ok: false };
  return { ok: true, months: { from, to } };
}

// ---------------------------------------------------------------- forms and units

const TBD_RE = /^(待定|未定|暂定|待确定)$/;

/** Activity forms that appear in real plans; a cell made only of these is a list. */
const KNOWN_FORMS = new Set([
  '现场观摩', '座谈交流', '实地调研', '政策发布', '政策宣传', '政策宣讲', '政策解读', '培训宣讲', '现场咨询',
  '问卷调查', '宣传讲座', '现场宣传', '现场培训', '宣传展览', '现场调研', '实地观摩', '现场活动', '现场宣讲',
  '座谈会', '开放日', '在线访谈', '网络直播', '直播', '新闻发布会', '媒体见面会', '现场体验', '体验活动',
  '宣传活动', '主题活动', '现场会', '研讨会', '听证会', '专题培训', '知识竞赛', '实地参观', '参观学习',
]);

/**
 * Forms are separated by 、，,;；+ spaces or line breaks ("政策发布+现场观摩" → two),
 * but a sentence stays one form: when a piece is long (>8 characters), the cell
 * has a 。, or pieces after the first start with 进 ("宣传进学习、进社区、进园区"
 * is one activity taken to three places, not three forms).
 */
export function splitForms(input: string): string[] {
  const text = input
    .split('\n')
    .map(squash)
    .filter(Boolean)
    .join('\n');
  if (text === '') return [];
  // "待定" is kept as printed (the office sees the table as it wrote it); a warning asks for a form.
  if (TBD_RE.test(text)) return [text];
  const pieces = splitOutsideBrackets(text, /[、，,;；+＋\n ]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const isList =
    pieces.length > 1 &&
    !text.includes('。') &&
    pieces.every((p) => p.length >= 2 && p.length <= 8) &&
    !pieces.slice(1).some((p) => p.startsWith('进'));
  if (isList) return Array.from(new Set(pieces));
  // One form: lines of a wrapped sentence join without a break.
  return [text.split('\n').reduce(joinBroken)];
}

const UNIT_END = /(局|委|办|中心|街道|镇|乡|区|县|市|院|会|所|司|队|站|室|部|处|科|团|社|联|协|厅|馆|组|署|府|行|台|园|校|厂|场|店|所|园区|分局)$/;

/** True for a name that ends like an organisation ("区教育局", "县住建局(自来水公司)"). */
export function looksLikeUnit(name: string): boolean {
  const n = name.trim().replace(/[（(][^（()）]*[)）]$/, '');
  return n.length >= 2 && n.length <= 30 && UNIT_END.test(n);
}

/**
 * Units are separated by 、，,;； / spaces or line breaks, never inside brackets.
 * A line that does not end like a unit name was a long name wrapped by the
 * layout, so it is joined with the next line ("市自然资源和规划" + "局").
 */
export function splitUnits(input: string): string[] {
  const pieces = splitOutsideBrackets(squash(input.replace(/\n/g, '\u0001')).replace(/\u0001/g, '\n'), /[、，,;；/\n ]/);
  const out: string[] = [];
  let carry = '';
  for (const raw of pieces) {
    const p = raw.trim();
    if (!p) continue;
    if (carry) {
      carry = joinBroken(carry, p);
    } else {
      carry = p;
    }
    if (looksLikeUnit(carry)) {
      out.push(carry);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return Array.from(new Set(out));
}

// ---------------------------------------------------------------- headers

const HEADER_WORDS: [RegExp, ColumnKind][] = [
  [/^(序号|编号|序|号)$/, 'seq'],
  [/^(活动主题|主题|活动名称|主题名称|活动内容|活动主题及内容|主题活动|活动项目)$/, 'theme'],
  [/^(活动形式|活动方式|形式|方式|开展形式|开展方式|活动形式及内容)$/, 'forms'],
  [/^(责任单位|牵头单位|承办单位|主办单位|责任部门|牵头部门|承办部门|单位|部门|责任单位及联系人|实施单位)$/, 'units'],
  [/^(时间|活动时间|计划开展时间|开展时间|计划时间|时间安排|计划月份|月份|拟开展时间|预计时间)$/, 'months'],
  [/^(备注|配合单位|协办单位|联系人|联系电话|地点|活动地点|参与对象|邀请对象)$/, 'other'],
];

export function headerKind(cell: string): ColumnKind | null {
  const c = toHalfWidth(cell).replace(/[\s:：*]/g, '');
  for (const [re, kind] of HEADER_WORDS) if (re.test(c)) return kind;
  return null;
}

function isHeaderSet(kinds: ColumnKind[]): boolean {
  const named = kinds.filter((k) => k !== 'other');
  return kinds.includes('theme') && named.length >= 3 && new Set(named).size === named.length;
}

// ---------------------------------------------------------------- source rows

/** Splits text into rows; a cell quoted by Excel may hold line breaks ("a\nb"). */
export function textToRows(text: string): SourceRow[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const rows: SourceRow[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i];
    const start = i;
    // Excel puts a multi-line cell in quotes; keep reading until the quote closes.
    if (line.includes('\t')) {
      while (countOpenQuotes(line) && i + 1 < lines.length) {
        i += 1;
        line += `\n${lines[i]}`;
      }
    }
    const cells = line.includes('\t') ? line.split('\t').map(unquote) : [line];
    rows.push({ line: start + 1, cells, text: line });
  }
  return rows;
}

function countOpenQuotes(line: string): boolean {
  // A cell that starts with " and has an odd number of quotes is still open.
  const cells = line.split('\t');
  const lastQuoted = cells.filter((c) => c.startsWith('"'));
  if (lastQuoted.length === 0) return false;
  const quotes = (line.match(/"/g) ?? []).length;
  return quotes % 2 === 1;
}

function unquote(cell: string): string {
  if (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')) return cell.slice(1, -1).replace(/""/g, '"');
  return cell;
}

// ---------------------------------------------------------------- records

interface Fragment {
  text: string;
  /** Starts a new source line, so it may continue the previous fragment's cell. */
  newLine: boolean;
}

interface Record_ {
  seq: number | null;
  rowIndex: number;
  fragments: Fragment[];
  rows: SourceRow[];
  columns: ColumnKind[];
}

const END_OF_TABLE = /^(附件|附表|注[:：]|说明[:：]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
const PAGE_MARK = /^([-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页.*|共\s*\d+\s*页.*|\d+\s*\/\s*\d+)$/;
const SEQ_CELL = /^(\d{1,3})[.、．]?$/;

function nonEmpty(cells: string[]): string[] {
  return cells.map((c) => c.trim()).filter(Boolean);
}

/** Finds a header starting at rows[i]: in one row, or one cell per row. Returns kinds and rows used. */
function detectHeader(rows: SourceRow[], i: number): { kinds: ColumnKind[]; used: number } | null {
  const cells = nonEmpty(rows[i].cells);
  if (cells.length === 0) return null;
  let parts = cells;
  if (cells.length === 1) {
    const bySpace = cells[0].split(/\s+/);
    if (bySpace.length >= 3) parts = bySpace;
  }
  if (parts.length >= 3) {
    const kinds = parts.map(headerKind);
    if (kinds.every((k): k is ColumnKind => k !== null) && isHeaderSet(kinds)) return { kinds, used: 1 };
    return null;
  }
  if (parts.length !== 1 || headerKind(parts[0]) === null) return null;
  const kinds: ColumnKind[] = [];
  let j = i;
  for (; j < rows.length; j += 1) {
    const c = nonEmpty(rows[j].cells);
    if (c.length === 0) continue;
    const k = c.length === 1 ? headerKind(c[0]) : null;
    if (k === null || (k !== 'other' && kinds.includes(k))) break;
    kinds.push(k);
  }
  return isHeaderSet(kinds) ? { kinds, used: j - i } : null;
}

function lastColumnFits(rec: Record_): boolean {
  const dataCols = rec.columns.filter((k) => k !== 'seq');
  if (rec.fragments.length < dataCols.length) return false;
  const last = rec.fragments[rec.fragments.length - 1].text;
  switch (dataCols[dataCols.length - 1]) {
    case 'months':
      return parseMonths(last).ok;
    case 'units':
      return splitUnits(last).every(looksLikeUnit);
    default:
      return true;
  }
}

// ---------------------------------------------------------------- alignment

function monthLike(text: string): boolean {
  const p = parseMonths(text);
  return p.ok && p.months !== null;
}

function fitScore(kind: ColumnKind, text: string): number {
  if (kind === 'other') return 0;
  if (kind === 'months') {
    if (parseMonths(text).ok) return 6;
    // An odd time ("近期") still belongs in 时间 rather than pushing other cells sideways.
    const single = text.replace(/\n/g, '');
    return single.length <= 10 && !KNOWN_FORMS.has(single) && !looksLikeUnit(single) ? -3 : -8;
  }
  if (monthLike(text)) return -8;
  const single = text.replace(/\n/g, '');
  switch (kind) {
    case 'units': {
      const units = splitUnits(text);
      const ok = units.filter(looksLikeUnit).length;
      if (ok === units.length) return 3;
      return ok > 0 ? 1 : -1;
    }
    case 'forms': {
      if (TBD_RE.test(single)) return 3;
      const forms = splitForms(text);
      if (forms.every((f) => KNOWN_FORMS.has(f))) return 3;
      if (looksLikeUnit(single)) return -2;
      return single.length <= 12 ? 1 : 0;
    }
    case 'theme':
      return KNOWN_FORMS.has(single) || looksLikeUnit(single) ? -1 : 0;
    default:
      return 0;
  }
}

const EMPTY_PENALTY: Record<ColumnKind, number> = { seq: 0, theme: -12, forms: -4, units: -4, months: -4, other: 0 };

function mergeScore(kind: ColumnKind, prev: string, next: Fragment): number {
  if (!next.newLine) return -20; // two cells of one line never share a column
  if (kind === 'units' && looksLikeUnit(prev) && looksLikeUnit(next.text)) return 0;
  if (kind === 'units' && KNOWN_FORMS.has(prev)) return -4;
  if (kind === 'forms' && KNOWN_FORMS.has(prev) && KNOWN_FORMS.has(next.text)) return 0.5;
  if (/[，、,；;：:（(“‘《\-—～~至+]$/.test(prev) || unbalanced(prev)) return 2;
  if (kind === 'theme' || kind === 'forms') return prev.length >= 12 ? 0.5 : -1.5;
  return -1;
}

function joinFor(kind: ColumnKind, parts: string[]): string {
  if (kind === 'forms' || kind === 'units') return parts.join('\n');
  return parts.reduce(joinBroken, '');
}

/** Best split of the fragments, in order, over the columns (each column gets 0..n fragments). */
function align(fragments: Fragment[], columns: ColumnKind[]): string[] {
  const n = fragments.length;
  const m = columns.length;
  const NEG = -Infinity;
  const best: number[][] = Array.from({ length: m + 1 }, () => Array<number>(n + 1).fill(NEG));
  const back: number[][] = Array.from({ length: m + 1 }, () => Array<number>(n + 1).fill(-1));
  best[0][0] = 0;
  for (let j = 1; j <= m; j += 1) {
    const kind = columns[j - 1];
    for (let end = 0; end <= n; end += 1) {
      for (let start = 0; start <= end; start += 1) {
        if (best[j - 1][start] === NEG) continue;
        let score: number;
        if (start === end) {
          score = EMPTY_PENALTY[kind];
        } else {
          const parts = fragments.slice(start, end).map((f) => f.text);
          score = fitScore(kind, joinFor(kind, parts));
          for (let k = start + 1; k < end; k += 1) score += mergeScore(kind, fragments[k - 1].text, fragments[k]);
        }
        const total = best[j - 1][start] + score;
        if (total > best[j][end]) {
          best[j][end] = total;
          back[j][end] = start;
        }
      }
    }
  }
  const out: string[] = Array<string>(m).fill('');
  let end = n;
  for (let j = m; j >= 1; j -= 1) {
    const start = back[j][end];
    out[j - 1] = joinFor(columns[j - 1], fragments.slice(start, end).map((f) => f.text));
    end = start;
  }
  return out;
}

/**
 * A one-line row whose cells match the header one for one (empty cells included)
 * needs no guessing: take the cells by position.
 */
function positionalCells(rec: Record_): string[] | null {
  if (rec.rows.length !== 1) return null;
  const cells = rec.rows[0].cells;
  if (cells.length !== rec.columns.length) return null;
  return cells
    .map((c, i) => ({ c: c.trim(), kind: rec.columns[i] }))
    .filter((x) => x.kind !== 'seq')
    .map((x) => x.c);
}

// ---------------------------------------------------------------- main

/** Parses pasted text (TSV, one cell per line, PDF text). */
export function parsePlanTable(text: string, opts: PlanParseOptions = {}): PlanParseResult {
  return parseRows(textToRows(text), opts);
}

/** Parses rows of cells (from text or a spreadsheet). */
export function parseRows(rows: SourceRow[], opts: PlanParseOptions = {}): PlanParseResult {
  const warnings: string[] = [];
  const records: Record_[] = [];
  const ignored: { afterRow: number; text: string }[] = [];
  let columns: ColumnKind[] | null = null;
  let current: Record_ | null = null;
  let rowIndex = 0;
  let lastSeq = 0;
  let headerSeen = false;

  const close = () => {
    if (current) records.push(current);
    current = null;
  };

  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    const cells = row.cells.map((c) => c.replace(/\r/g, ''));
    const filled = nonEmpty(cells);
    if (filled.length === 0) continue;

    const header = detectHeader(rows, i);
    if (header) {
      close();
      if (!headerSeen) checkTitleYear(rows, i, opts, warnings);
      headerSeen = true;
      columns = header.kinds;
      i += header.used - 1;
      continue;
    }
    if (!columns) continue; // prose before the table

    const seqFirst = columns[0] === 'seq';
    const seqMatch = SEQ_CELL.exec(filled[0]);
    const seqValue = seqMatch ? Number(seqMatch[1]) : NaN;
    const multiCell = filled.length >= 2;
    const plausible = seqValue > 0 && (multiCell || (seqValue > lastSeq && seqValue <= lastSeq + 30));
    const startsRecord = seqFirst ? seqMatch !== null && plausible : filled.length >= Math.min(3, columns.length);

    if (startsRecord) {
      close();
      rowIndex += 1;
      const rest = seqFirst ? filled.slice(1) : filled;
      current = {
        seq: seqFirst ? seqValue : null,
        rowIndex,
        fragments: rest.map((t, k) => ({ text: t, newLine: k === 0 })),
        rows: [row],
        columns,
      };
      if (seqFirst) lastSeq = Math.max(lastSeq, seqValue);
      continue;
    }

    const text = filled.join(' ');
    const open: Record_ | null = current;
    if (open && !lastColumnFits(open) && !END_OF_TABLE.test(text) && !PAGE_MARK.test(text)) {
      open.fragments.push(...filled.map((t, k) => ({ text: t, newLine: k === 0 })));
      open.rows.push(row);
      continue;
    }
    close();
    if (!PAGE_MARK.test(text)) ignored.push({ afterRow: rowIndex, text });
  }
  close();

  if (!headerSeen) {
    warnings.push('没有找到计划表的表头（序号、活动主题、活动形式、责任单位、时间），请把表格连同表头一起粘贴。');
    return { events: [], warnings };
  }

  const events: ParsedEvent[] = [];
  let prevSeq: number | null = null;
  for (const rec of records) {
    const dataCols: ColumnKind[] = rec.columns.filter((k) => k !== 'seq');
    const cells = positionalCells(rec) ?? align(rec.fragments, dataCols);
    const get = (kind: ColumnKind) => {
      const idx = dataCols.indexOf(kind);
      return idx >= 0 ? cells[idx] : '';
    };
    const at = `第${rec.rowIndex}行`;
    const seq = rec.seq ?? rec.rowIndex;
    if (rec.seq !== null) {
      if (prevSeq === null && seq !== 1) warnings.push(`${at}：序号从${seq}开始，请核对前面的活动是否漏贴`);
      if (prevSeq !== null && seq > prevSeq + 1) {
        const missing = seq - prevSeq === 2 ? `序号${prevSeq + 1}` : `序号${prevSeq + 1}至${seq - 1}`;
        warnings.push(`${at}：序号从${prevSeq}跳到${seq}，请核对是否漏了${missing}的活动`);
      }
      if (prevSeq !== null && seq <= prevSeq) warnings.push(`${at}：序号${seq}与前面的序号重复或倒退，请核对`);
      prevSeq = seq;
    }

    const theme = squash(get('theme').replace(/\n/g, ''));
    if (!theme) {
      warnings.push(`${at}（序号${seq}）：没有活动主题，已跳过这一行，请补上主题后重新导入`);
      continue;
    }
    const formsText = get('forms');
    const forms = splitForms(formsText);
    if (TBD_RE.test(squash(formsText))) warnings.push(`${at}：活动形式为“待定”，请责任单位在报备方案时确定`);
    else if (dataCols.includes('forms') && forms.length === 0) warnings.push(`${at}：没有填写活动形式，请责任单位在报备方案时确定`);

    const units = splitUnits(get('units'));
    if (units.length === 0) warnings.push(`${at}：没有填写责任单位，请补上后重新导入，否则这项活动没有单位负责`);

    const monthsText = squash(get('months').replace(/\n/g, ''));
    let months: MonthRange | null = null;
    if (monthsText) {
      const p = parseMonths(monthsText);
      if (p.ok) months = p.months;
      else warnings.push(`${at}：活动时间“${monthsText}”无法识别，请写成“4月”“3月-4月”或“待定”`);
      const y = /(20\d{2})\s*年/.exec(monthsText);
      if (y && opts.year && Number(y[1]) !== opts.year) warnings.push(`${at}：活动时间写的是${y[1]}年，不是${opts.year}年，请核对`);
    } else if (dataCols.includes('months')) {
      warnings.push(`${at}：没有填写活动时间，已按“待定”处理`);
    }

    events.push({ seq, theme, forms, units, months, raw: rec.rows.map((r) => r.text).join('\n') });
  }

  const lastRow = records.length ? records[records.length - 1].rowIndex : 0;
  for (const ig of ignored) {
    if (ig.afterRow > 0 && ig.afterRow < lastRow) {
      const snippet = ig.text.length > 20 ? `${ig.text.slice(0, 20)}…` : ig.text;
      warnings.push(`第${ig.afterRow}行之后有一行无法识别，已忽略：“${snippet}”，请核对是否少了一项活动`);
    }
  }
  if (records.length === 0) warnings.push('找到了表头，但表头下面没有活动，请检查粘贴的内容。');
  return { events, warnings };
}

function checkTitleYear(rows: SourceRow[], headerAt: number, opts: PlanParseOptions, warnings: string[]): void {
  if (!opts.year) return;
  for (let k = headerAt - 1; k >= Math.max(0, headerAt - 4); k -= 1) {
    const t = rows[k].cells.join(' ');
    const m = /(20\d{2})\s*年/.exec(t);
    if (m && /(计划|安排|主题日)/.test(t)) {
      if (Number(m[1]) !== opts.year) {
        warnings.push(`表格标题是${m[1]}年的计划，导入的是${opts.year}年，请确认是否粘贴了正确的表格`);
      }
      return;
    }
  }
}
