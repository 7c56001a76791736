/** Records → events, with a warning for every judgement call. */
import { assign } from './align';
import { readUnits, splitForms, unitProblem } from './cells';
import { nonEmpty, type Header } from './header';
import { seqNumber, type Fragment, type Section, type Segmented, type TableRecord } from './records';
import { joinCellLines, joinWrapped, runsOf, squash, toHalfWidth } from './text';
import { DITTO, TBD } from './vocabulary';
import { dateOf, parseWhen } from './when';
import type { ColumnKind, MonthRange, ParsedEvent, PlanParseOptions, PlanWarning, SourceRow } from './types';

type Warn = (row: number, message: string, field?: PlanWarning['field']) => void;

interface RowCells {
  seq: number | null;
  get: (kind: ColumnKind) => string;
  has: (kind: ColumnKind) => boolean;
}

const joinParts = (kind: ColumnKind, parts: string[], join: (a: string, b: string) => string) =>
  kind === 'forms' || kind === 'units' ? parts.join('\n') : parts.reduce(join, '');

/** The record's text per column; warns when the paste's cells do not match the header. */
function cellsOf(rec: TableRecord, warn: Warn): RowCells {
  const seqAt = rec.columns.indexOf('seq');
  const dataCols: ColumnKind[] = rec.columns.filter((k) => k !== 'seq');
  let seqText = '';
  let texts: string[];
  if (rec.layout === 'lines') {
    seqText = rec.cells[0] ?? '';
    texts = assign(rec.fragments, dataCols).map((p, i) => joinParts(dataCols[i], p, joinWrapped));
  } else {
    let cells = rec.cells;
    const m = rec.columns.length;
    const filled = nonEmpty(cells).length;
    if (cells.length > m && filled <= m) {
      // Empty cells the paste added (Word's merged columns): drop them, right to left from the first.
      const out = [...cells];
      for (let i = out.length - 1; out.length > m && i >= 0; i -= 1) if (out[i].trim() === '' && i !== seqAt) out.splice(i, 1);
      if (filled < m) warn(rec.row, `这一行比表头多${cells.length - m}个空格子，已去掉后按顺序对应各列，请核对`);
      cells = out;
    }
    if (cells.length === m) {
      seqText = seqAt >= 0 ? cells[seqAt] : '';
      texts = dataCols.map((k) => cells[rec.columns.indexOf(k)].trim());
    } else {
      warn(
        rec.row,
        cells.length > m
          ? `这一行有${cells.length}格，比表头多${cells.length - m}格，已按内容对应各列，请核对`
          : `这一行只有${cells.length}格，比表头少${m - cells.length}格，已按内容对应各列，请核对`,
      );
      const seqFirst = seqAt >= 0 && seqNumber(cells[seqAt] ?? '') !== null;
      seqText = seqFirst ? cells[seqAt] : '';
      const rest = cells.filter((c, i) => c.trim() !== '' && !(seqFirst && i === seqAt));
      const frags: Fragment[] = rest.map((text) => ({ text, newLine: false }));
      texts = assign(frags, dataCols).map((p, i) => joinParts(dataCols[i], p, joinCellLines));
    }
  }
  return {
    seq: seqNumber(seqText),
    get: (kind) => {
      const i = dataCols.indexOf(kind);
      return i >= 0 ? texts[i] : '';
    },
    has: (kind) => dataCols.includes(kind),
  };
}

const COLUMN_NAMES: Partial<Record<ColumnKind, string>> = { units: '责任单位', months: '活动时间', forms: '活动形式' };

/**
 * Columns left of the theme group the rows below them (责任单位 or 月份 first,
 * merged over several rows in Excel); a copy of the sheet leaves them blank
 * under the first row of the group.
 */
function groupingColumns(rec: TableRecord): ColumnKind[] {
  if (rec.layout === 'lines') return [];
  return rec.columns.slice(0, rec.columns.indexOf('theme')).filter((k) => k in COLUMN_NAMES);
}

/** The grouping cells of the row above, for blanks left by merged cells. */
interface Group {
  section: Section | null;
  cells: Map<ColumnKind, string>;
  filled: Set<ColumnKind>;
}

/** The title above the header ("XX县2024年4月“政务公开主题日”活动安排表"): its year, and the time it names after the year. */
function titleOf(rows: SourceRow[], header: Header): { year: number; row: number; time: string | null } | null {
  const at = rows.findIndex((r) => r.line === header.line);
  for (let k = at - 1; k >= Math.max(0, at - 4); k -= 1) {
    const t = rows[k].cells.join(' ');
    const m = /(20\d{2})\s*年(度)?/.exec(t);
    if (m && /(计划|安排|主题日)/.test(t))
      return { year: Number(m[1]), row: rows[k].line, time: timeAfterYear(t.slice(m.index + m[0].length)) };
  }
  return null;
}

/** "4月“政务公开主题日”…" → "4月"; "第二季度…" → "第二季度"; the longest start that reads as months, else null. */
function timeAfterYear(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  for (let n = Math.min(t.length, 12); n >= 2; n -= 1) {
    const part = t.slice(0, n);
    if (!/(月|份|季度|半年)$/.test(part)) continue;
    const w = parseWhen(part);
    if (w.ok && w.months && !w.days && !w.note) return part;
  }
  return null;
}

interface When {
  months: MonthRange | null;
  date: string | null;
  endDate: string | null;
}

function readWhen(
  text: string,
  row: number,
  seq: number,
  year: number | null,
  hasColumn: boolean,
  ownCell: boolean,
  opts: PlanParseOptions,
  warn: Warn,
): When {
  const none = { months: null, date: null, endDate: null };
  if (!text) {
    if (hasColumn) warn(row, `序号${seq}没有填写活动时间，已按“待定”处理`, 'months');
    return none;
  }
  // A bare "4" is 4月 only in a cell that is surely the time column's, never in a guess over lines.
  const w = parseWhen(text, { bareMonth: ownCell });
  if (!w.ok) {
    warn(row, `活动时间“${text}”无法识别，已按“待定”处理；请写成“4月”“3月-4月”“4月23日”或“待定”`, 'months');
    return none;
  }
  if (w.note) warn(row, w.note, 'months');
  if (w.year && opts.year && w.year !== opts.year) warn(row, `活动时间写的是${w.year}年，不是${opts.year}年，请核对`, 'months');
  if (!w.days) return { months: w.months, date: null, endDate: null };
  const y = w.year ?? opts.year ?? year;
  if (!y) {
    warn(row, `活动时间“${text}”有日期但表格没有写年份，请导入时选择年份`, 'months');
    return { months: w.months, date: null, endDate: null };
  }
  const from = dateOf(y, w.days.from);
  const to = dateOf(y, w.days.to);
  if (!from || !to) {
    warn(row, `活动时间“${text}”在${y}年不存在，请核对日期`, 'months');
    return { months: w.months, date: null, endDate: null };
  }
  return { months: w.months, date: from, endDate: to === from ? null : to };
}

export function toEvents(seg: Segmented, rows: SourceRow[], opts: PlanParseOptions): { events: ParsedEvent[]; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const warn: Warn = (row, message, field) => warnings.push(field ? { row, field, message } : { row, message });
  const nameOf = opts.rowName ?? ((line: number) => `第${line}行`);
  const first = seg.headers[0];
  if (!first) {
    warn(0, '没有找到计划表的表头（序号、活动主题、活动形式、责任单位、时间），请把表格连同表头一起粘贴。');
    return { events: [], warnings };
  }
  const title = titleOf(rows, first);
  if (title && opts.year && title.year !== opts.year)
    warn(title.row, `表格标题是${title.year}年的计划，导入的是${opts.year}年，请确认是否粘贴了正确的表格`);
  const tableYear = title?.year ?? null;
  // The time the whole table is for: "2024年4月…安排表" above it, or a sheet named "4月".
  const tableTime = title?.time ? { text: title.time, from: '表格标题里的' } : opts.time ? { text: opts.time, from: '工作表名' } : null;
  if (seg.headers.some((h) => h.layout === 'spaces')) {
    const h = seg.headers.find((x) => x.layout === 'spaces')!;
    warn(h.line, '这张表的各列之间是空格而不是表格线（常见于从 PDF 复制），已按两个以上空格或全角空格分列；一个空格不算分列，请逐行核对');
  }

  const events: ParsedEvent[] = [];
  const strays = [...seg.strays];
  const seenSeq = new Map<number, number>();
  let prevSeq: number | null = null;
  let lastNumbered = 0;
  let group: Group | null = null;
  // Unit headings already reported: one note per heading, not one per row under it.
  const unitHeadings = new Set<Section>();
  let rowAbove: Map<ColumnKind, string> | null = null;
  for (const rec of seg.records) {
    const filled = rec.layout === 'lines' ? rec.fragments.length + 1 : nonEmpty(rec.cells).length;
    const read = rec.layout === 'lines' || filled >= 2 ? cellsOf(rec, warn) : null;
    if (!read) {
      strays.push({ row: rec.row, text: nonEmpty(rec.cells).join(' ') });
      continue;
    }
    const above: Group | null = group?.section === rec.section ? group : null;
    const grouping = groupingColumns(rec);
    // "同上" / "〃" in any column: the same column of the row above, as a blank under a merged cell is.
    const dittos = new Map<ColumnKind, { mark: string; value: string }>();
    for (const k of DITTO_COLUMNS) {
      const mark = squash(read.get(k));
      if (DITTO.test(toHalfWidth(mark))) dittos.set(k, { mark, value: rowAbove?.get(k) ?? '' });
    }
    const own = (k: ColumnKind) => dittos.get(k)?.value ?? read.get(k);
    const fills = new Map<ColumnKind, string>();
    for (const k of grouping) {
      const up = above?.cells.get(k);
      if (!own(k).trim() && !dittos.has(k) && up) fills.set(k, up);
    }
    const c: RowCells = { ...read, get: (k) => fills.get(k) ?? own(k) };
    group = { section: rec.section, cells: new Map(grouping.map((k) => [k, c.get(k)])), filled: new Set(fills.keys()) };
    // A row under a heading such as "4月份" or "第二季度" takes its time from the heading when its own cell is blank,
    // else from the table's title or sheet name.
    const cellTime = squash(c.get('months').replace(/\n/g, ''));
    const monthsText = cellTime || rec.section?.when || tableTime?.text || '';
    rowAbove = new Map([
      ['forms', c.get('forms')],
      ['units', c.get('units')],
      ['months', monthsText],
    ]);
    let seq: number;
    if (c.seq !== null) {
      seq = c.seq;
      const dup = seenSeq.get(seq);
      if (dup !== undefined) warn(rec.row, `序号${seq}与${nameOf(dup)}重复，请核对是否贴了两次或序号写错`, 'seq');
      else if (prevSeq === null && seq !== 1) warn(rec.row, `序号从${seq}开始，请核对前面的活动是否漏贴`, 'seq');
      else if (prevSeq !== null && seq > prevSeq + 1) {
        const missing = seq - prevSeq === 2 ? `序号${prevSeq + 1}` : `序号${prevSeq + 1}至${seq - 1}`;
        warn(rec.row, `序号从${prevSeq}跳到${seq}，请核对是否漏了${missing}的活动`, 'seq');
      } else if (prevSeq !== null && seq < prevSeq) warn(rec.row, `序号${seq}比上一行的${prevSeq}小，请核对`, 'seq');
      seenSeq.set(seq, rec.row);
      prevSeq = seq;
      lastNumbered = Math.max(lastNumbered, seq);
    } else {
      seq = lastNumbered + 1;
      lastNumbered = seq;
      if (rec.columns.includes('seq')) warn(rec.row, `这一行没有序号，已按序号${seq}导入，请核对是否是一项活动`, 'seq');
      seenSeq.set(seq, rec.row);
    }

    for (const [k, value] of fills)
      if (!above?.filled.has(k))
        warn(rec.row, `序号${seq}起${COLUMN_NAMES[k]}空白，已按合并单元格沿用上方的“${value}”，请核对`, k as PlanWarning['field']);
    if (dittos.size > 0) warnDittos(dittos, rec.row, seq, warn);

    const theme = squash(
      c
        .get('theme')
        .split('\n')
        .map(squash)
        .filter(Boolean)
        .reduce(rec.layout === 'lines' ? joinWrapped : joinCellLines, ''),
    );
    if (!theme) {
      warn(rec.row, `序号${seq}没有活动主题，已跳过这一行，请补上主题后重新导入`, 'theme');
      continue;
    }
    const formsText = c.get('forms');
    const forms = splitForms(formsText);
    if (TBD.test(squash(formsText))) warn(rec.row, `序号${seq}的活动形式为“待定”，请责任单位在报备方案时确定`, 'forms');
    else if (c.has('forms') && forms.length === 0) warn(rec.row, `序号${seq}没有填写活动形式，请责任单位在报备方案时确定`, 'forms');

    // A heading naming one unit ("一、市发展和改革委员会") gives it to its rows that leave the cell blank.
    const headingUnit = !c.get('units').trim() && rec.section?.unit ? rec.section.unit : null;
    if (headingUnit && rec.section && !unitHeadings.has(rec.section)) {
      unitHeadings.add(rec.section);
      warn(rec.row, `序号${seq}起的活动没有填写责任单位，已按上方标题“${rec.section.text}”填为${headingUnit}，请核对`, 'units');
    }
    const { units, contactDropped } = readUnits(headingUnit ?? c.get('units'));
    if (contactDropped) warn(rec.row, `序号${seq}的责任单位里写有联系人或电话，只导入了单位名称：${units.join('、')}`, 'units');
    if (units.length === 0) warn(rec.row, `序号${seq}没有填写责任单位，请补上后重新导入，否则这项活动没有单位负责`, 'units');
    for (const u of units) {
      const problem = unitProblem(u);
      if (problem) warn(rec.row, problem, 'units');
    }

    if (!cellTime && !rec.section?.when && tableTime && c.has('months'))
      warn(rec.row, `序号${seq}没有填写活动时间，已按${tableTime.from}“${tableTime.text}”处理，请核对`, 'months');
    const when = readWhen(monthsText, rec.row, seq, tableYear, c.has('months'), !!cellTime && rec.layout !== 'lines', opts, warn);
    events.push({ seq, theme, forms, units, ...when, row: rec.row, raw: rec.rows.map((r) => r.text).join('\n') });
  }

  if (!seg.headers.some((h) => h.kinds.includes('months'))) warnNoTime(events, warn);
  for (const j of seg.joined)
    warn(j.row, `这一行没有表格分隔，已当作上一行最后一格的续行：“${j.text.length > 20 ? `${j.text.slice(0, 20)}…` : j.text}”，请核对`);
  warnStrays(strays, warn, nameOf);
  for (const f of seg.forms) warn(f.row, `从这里起是${f.text}，是要填报的表格，不是活动计划，其中的内容没有导入，请核对`);
  if (seg.records.length === 0) warn(first.line, '找到了表头，但表头下面没有活动，请检查粘贴的内容。');
  return { events, warnings: warnings.sort((a, b) => a.row - b.row) };
}

/**
 * A table without a time column: rows under no time heading are 待定, which has no filing deadline;
 * one warning for the table rather than one per row.
 */
function warnNoTime(events: ParsedEvent[], warn: Warn): void {
  const tbd = events.filter((e) => e.months === null);
  if (tbd.length === 0) return;
  const which = tbd.length === events.length ? `${tbd.length}项活动` : `序号${tbd.map((e) => e.seq).join('、')}`;
  warn(
    0,
    `表格没有“时间”一列，${which}的时间按“待定”导入：不计报备期限，由责任单位报备方案时确定日期。如已定了月份，请在表格中加上“时间”一列后重新导入`,
  );
}

const DITTO_COLUMNS: ColumnKind[] = ['forms', 'units', 'months'];

/** One warning per row for its ditto marks, naming what was copied. */
function warnDittos(dittos: Map<ColumnKind, { mark: string; value: string }>, row: number, seq: number, warn: Warn): void {
  const copied = [...dittos].filter(([, d]) => d.value.trim() !== '');
  const empty = [...dittos].filter(([, d]) => d.value.trim() === '');
  const names = (list: typeof copied) => list.map(([k]) => COLUMN_NAMES[k]).join('、');
  const field = dittos.size === 1 ? ([...dittos.keys()][0] as PlanWarning['field']) : undefined;
  const mark = [...new Set([...dittos.values()].map((d) => `“${d.mark}”`))].join('');
  if (copied.length > 0) {
    const values = copied.map(([, d]) => `“${squash(d.value.replace(/\n/g, '、'))}”`).join('');
    warn(row, `序号${seq}的${names(copied)}写的是${mark}，已沿用上一行的${values}，请核对`, field);
  }
  if (empty.length > 0) warn(row, `序号${seq}的${names(empty)}写的是${mark}，但上一行没有可沿用的内容，已按空白处理`, field);
}

/** One warning per run of consecutive unmatched lines, so a long tail of prose is one message. */
function warnStrays(strays: Array<{ row: number; text: string }>, warn: Warn, nameOf: (line: number) => string): void {
  strays.sort((a, b) => a.row - b.row);
  const runs = runsOf(
    strays.map((s) => s.row),
    2,
  );
  for (const [i, j] of runs) {
    const t = strays[i].text.replace(/\s+/g, ' ');
    const snippet = t.length > 20 ? `${t.slice(0, 20)}…` : t;
    const n = j - i + 1;
    warn(
      strays[i].row,
      n === 1
        ? `这一行无法识别，已忽略：“${snippet}”，请核对是否少了一项活动`
        : `从这一行起共${n}行无法识别（到${nameOf(strays[j].row)}），已忽略：“${snippet}”…，请核对是否少了活动`,
    );
  }
}
