/**
 * Reads the annual plan table (计划安排表) as offices really paste it: TSV from
 * Excel/WPS, Word copies (a line starting with a tab opens a new cell, a line
 * without one continues the cell above), one cell per line, PDF copies with
 * columns separated by runs of spaces, headers repeated on every page, notice
 * prose around the table, rows grouped under headings ("一、4月", "第二季度",
 * "（一）区直部门"), and first columns merged in Excel (blank below the first row).
 *
 *   vocabulary.ts  the words it knows, and which real table each came from
 *   when.ts        the time column: months, days, ranges, quarters, 待定
 *   text.ts, cells.ts  splitting lines into cells and cells into forms / units
 *   header.ts      the header row and the layout of the paste
 *   records.ts     source rows → one record per plan row (one linear pass)
 *   align.ts       laying a row's pieces over the columns when the paste does not say
 *   events.ts      records → events and warnings
 * planXlsx builds SourceRow[] from a spreadsheet and reuses parseRows.
 */
import { toEvents } from './events';
import { segment, textToRows } from './records';
import type { PlanParseOptions, PlanParseResult, SourceRow } from './types';

export * from './types';
export { parseMonths, parseWhen, type MonthsParse, type When } from './when';
export { looksLikeUnit, readUnits, splitForms, splitUnits, unitProblem, type UnitsCell } from './cells';
export { headerKind } from './header';
export { headingTime, textToRows } from './records';
export { runsOf } from './text';

/** A .csv or .txt saved by Excel or WPS: UTF-8 (with or without BOM), or GB18030 as Chinese Windows saves it. */
export function decodeTableText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Parses pasted text (TSV, Word, one cell per line, PDF text). */
export function parsePlanTable(text: string, opts: PlanParseOptions = {}): PlanParseResult {
  return parseRows(textToRows(text), opts);
}

/** Parses rows of cells (from text or a spreadsheet). */
export function parseRows(rows: SourceRow[], opts: PlanParseOptions = {}): PlanParseResult {
  return toEvents(segment(rows), rows, opts);
}
