export interface MonthRange {
  from: number;
  to: number;
}

export type ColumnKind = 'seq' | 'theme' | 'forms' | 'units' | 'months' | 'other';

/** A judgement call the office should check: `row` is the line in the pasted text (the sheet row of an .xlsx), 0 for the whole table. */
export interface PlanWarning {
  row: number;
  /** The worksheet, when a workbook has the plan on several sheets (`row` is then that sheet's row). */
  sheet?: string;
  /** The Word table (1-based), when a .docx has the plan in several tables (`row` is then that table's row). */
  table?: number;
  field?: 'seq' | 'theme' | 'forms' | 'units' | 'months';
  message: string;
}

export interface ParsedEvent {
  seq: number;
  theme: string;
  forms: string[];
  units: string[];
  months: MonthRange | null;
  /** The day printed in the time cell ("4月23日"), YYYY-MM-DD; null when the cell gives no day. */
  date: string | null;
  /** The last day of a printed range of days ("4月23日-25日"), else null. */
  endDate: string | null;
  /** The line (or sheet row) where this row starts. */
  row: number;
  /** The worksheet, when a workbook has the plan on several sheets. */
  sheet?: string;
  /** The Word table (1-based), when a .docx has the plan in several tables. */
  table?: number;
  /** The source lines of this row, for the office to check against. */
  raw: string;
}

export interface PlanParseResult {
  events: ParsedEvent[];
  warnings: PlanWarning[];
}

export interface PlanParseOptions {
  /** The plan's year; a table titled or dated with another year is warned about, and days get this year. */
  year?: number;
  /** The time the source names for the whole table (an .xlsx sheet named "4月"): rows with no time of their own take it, as under a time heading. */
  time?: string;
  /** How a message names another line ("第3行"); a reader whose lines are not the source's own rows (Word) names them its way. */
  rowName?: (line: number) => string;
}

/** One line of pasted text or one spreadsheet row. `line` is 1-based in the source. */
export interface SourceRow {
  line: number;
  cells: string[];
  /** Original text, for ParsedEvent.raw. */
  text: string;
}

/** "第N行：…" for places that show warnings as plain text (the CLI, logs). */
export function warningText(w: PlanWarning): string {
  return `${placeOf(w)}${w.message}`;
}

type Place = { row: number; sheet?: string; table?: number };

/** "工作表“5月”第3行", "第2个表格第3行", "第3行"; the sheet or table alone for row 0. */
export function rowLabel(w: Place): string {
  const part = w.sheet ? `工作表“${w.sheet}”` : w.table ? `第${w.table}个表格` : '';
  return w.row > 0 ? `${part}第${w.row}行` : part;
}

/** "工作表“5月”第3行：", "第3行：" or nothing (a warning about the whole table). */
export function placeOf(w: Place): string {
  const label = rowLabel(w);
  return label ? `${label}：` : '';
}

/** Which planned event a row is, across imports and sheets: its theme (spaces aside) and its units in any order. */
export function planRowKey(theme: string, units: string[]): string {
  return `${theme.replace(/\s+/g, '')}|${[...units].sort().join('、')}`;
}
