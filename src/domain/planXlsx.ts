/**
 * Reads the plan table from an .xlsx file (Node only: pulls in exceljs, so it is
 * not re-exported from the domain index that the mini-program bundles).
 */
import ExcelJS from 'exceljs';
import {
  headingTime,
  parseRows,
  planRowKey,
  rowLabel,
  runsOf,
  type ParsedEvent,
  type PlanParseOptions,
  type PlanParseResult,
  type PlanWarning,
  type SourceRow,
} from './planTable';

/**
 * A date typed into the time column, as its cell format shows it: "2024年5月15日"
 * when the format has a day, else "2024年5月" (a month typed as a date). A format
 * without the year ("4月23日", m/d) shows no year, so none is read: the plan's year applies
 * (Excel stores such a date in the year it was typed, often the year before the plan's).
 */
function dateText(d: Date, numFmt: string): string {
  const format = numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, '');
  const year = format !== '' && !/[ye]/i.test(format) ? '' : `${d.getUTCFullYear()}年`;
  const month = `${year}${d.getUTCMonth() + 1}月`;
  return /d/i.test(format) || (format === '' && d.getUTCDate() !== 1) ? `${month}${d.getUTCDate()}日` : month;
}

function cellText(value: ExcelJS.CellValue, numFmt = ''): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue, numFmt);
  if ('error' in value) return '';
  return '';
}

/** The sheet's rows; hidden rows (usually ones struck from the plan) are left out, and listed in `hidden`. */
function sheetRows(sheet: ExcelJS.Worksheet): { rows: SourceRow[]; hidden: number[] } {
  const rows: SourceRow[] = [];
  const hidden: number[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const cell = row.getCell(c);
      // A cell merged across a row is one cell ("一、4月" over the whole table); merged down, each row has its value.
      const sideways = cell.isMerged && cell.master !== cell && cell.master.row === cell.row;
      cells.push(sideways ? '' : cellText(cell.value, cell.numFmt ?? '').trim());
    }
    if (row.hidden && cells.some((c) => c !== '')) hidden.push(rowNumber);
    else rows.push({ line: rowNumber, cells, text: cells.join('\t') });
  });
  return { rows, hidden };
}

/** One warning per run of hidden rows, so nothing is left out without a word. */
function hiddenWarnings(hidden: number[]): PlanWarning[] {
  return runsOf(hidden, 1).map(([i, j]) => ({
    row: hidden[i],
    message: `${i === j ? '这一行' : `从这一行起共${j - i + 1}行（到第${hidden[j]}行）`}在 Excel 中是隐藏的，未导入（隐藏的行多是删去或作废的活动）；如果要开展，请在 Excel 中取消隐藏后重新导入`,
  }));
}

/** One sheet parsed like pasted text; a sheet named "4月" or "第二季度" gives its time to rows without one. */
function parseSheet(sheet: ExcelJS.Worksheet, opts: PlanParseOptions): PlanParseResult {
  const { rows, hidden } = sheetRows(sheet);
  const time = headingTime(sheet.name);
  const result = parseRows(rows, time ? { ...opts, time } : opts);
  if (hidden.length === 0) return result;
  return { events: result.events, warnings: [...result.warnings, ...hiddenWarnings(hidden)].sort((a, b) => a.row - b.row) };
}

/** Every worksheet with a plan table (usually one), each parsed like pasted text. */
export async function parsePlanXlsx(data: ArrayBuffer | Uint8Array, opts: PlanParseOptions = {}): Promise<PlanParseResult> {
  const workbook = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    // exceljs types want its own Buffer flavour; a copied ArrayBuffer is accepted at runtime too.
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch {
    return {
      events: [],
      warnings: [{ row: 0, message: '无法读取这个 Excel 文件，请确认是 .xlsx 格式（旧的 .xls 请另存为 .xlsx）后重试。' }],
    };
  }
  const sheets = workbook.worksheets.map((sheet) => ({ name: sheet.name, result: parseSheet(sheet, opts) }));
  const withEvents = sheets.filter((s) => s.result.events.length > 0);
  if (withEvents.length === 0)
    return sheets[0]?.result ?? { events: [], warnings: [{ row: 0, message: 'Excel 文件里没有工作表，请检查文件。' }] };
  if (withEvents.length === 1) return withEvents[0].result;
  return allSheets(withEvents);
}

/**
 * A plan on several sheets (one per month, quarter or group of units) is read from every one,
 * each row and warning naming its sheet; a row a later sheet repeats (a summary sheet beside the
 * detailed ones) is read once, with a warning.
 */
function allSheets(sheets: Array<{ name: string; result: PlanParseResult }>): PlanParseResult {
  const seen = new Map<string, { sheet: string; row: number }>();
  const events: ParsedEvent[] = [];
  const warnings: PlanWarning[] = [];
  for (const { name, result } of sheets) {
    warnings.push(...result.warnings.map((w) => ({ ...w, sheet: name })));
    for (const e of result.events) {
      const key = planRowKey(e.theme, e.units);
      const first = seen.get(key);
      if (first) {
        warnings.push({
          row: e.row,
          sheet: name,
          message: `与${rowLabel(first)}是同一项活动（主题和责任单位相同），只导入一次`,
        });
        continue;
      }
      seen.set(key, { sheet: name, row: e.row });
      events.push({ ...e, sheet: name });
    }
  }
  return { events, warnings };
}
