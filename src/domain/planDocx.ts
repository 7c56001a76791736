/**
 * Reads the plan table from a Word .docx (Node only, like planXlsx): the rows of the
 * tables in word/document.xml, in document order, then parsed like a spreadsheet.
 * Offices publish their plans as Word attachments; reading the file keeps what a paste
 * loses (cells merged down a group of rows, headings merged across the table).
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { parseRows, rowLabel, type PlanParseOptions, type PlanParseResult, type SourceRow } from './planTable';

/** Paragraphs before or between tables as short as this may be headings ("一、4月", "二、区直部门"): kept as rows. */
const HEADING_MAX_CHARS = 40;

const SKIPPED = new Set(['mc:Fallback', 'w:moveFrom', 'w:del']);

interface Cell {
  paragraphs: string[];
  span: number;
  /** w:vMerge: the cell continues the one above (merged down), or starts such a group. */
  continues: boolean;
}

/** A table row knows its place as Word shows it: the table (1-based) and its row in that table. */
type Block = { kind: 'row'; cells: string[]; table: number; row: number } | { kind: 'paragraph'; text: string };

/** The document's top-level table rows (cells laid on the table grid) and body paragraphs, in order. */
function documentBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  const parser = new SaxesParser();
  let tableDepth = 0;
  let tables = 0;
  let rowInTable = 0;
  let inText = false;
  // Text Word keeps twice (a drawing's fallback copy) or has moved away (tracked changes) is not read.
  let skipped = 0;
  // Word's automatic numbering (a 序号 column numbered as a list) has no text in the file: the
  // number is counted here, per list and level, as Word counts it.
  let listItem: { numId: string; level: string } | null = null;
  const listCounts = new Map<string, number>();
  let paragraph: string | null = null;
  let row: { cells: Cell[]; before: number } | null = null;
  let cell: Cell | null = null;
  // The value each grid column had in the row above, for cells merged down.
  let above: string[] = [];

  const val = (attrs: Record<string, string>) => attrs['w:val'];
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (SKIPPED.has(tag.name)) skipped += 1;
    switch (tag.name) {
      case 'w:tbl':
        tableDepth += 1;
        if (tableDepth === 1) {
          above = [];
          tables += 1;
          rowInTable = 0;
        }
        break;
      case 'w:tr':
        if (tableDepth === 1) row = { cells: [], before: 0 };
        break;
      case 'w:gridBefore':
        if (tableDepth === 1 && row) row.before = Number(val(attrs)) || 0;
        break;
      case 'w:tc':
        if (tableDepth === 1) cell = { paragraphs: [], span: 1, continues: false };
        break;
      case 'w:gridSpan':
        if (tableDepth === 1 && cell) cell.span = Math.max(1, Number(val(attrs)) || 1);
        break;
      case 'w:vMerge':
        if (tableDepth === 1 && cell) cell.continues = val(attrs) !== 'restart';
        break;
      case 'w:p':
        // A table nested in a cell adds its text to that cell.
        if (paragraph === null) paragraph = '';
        else if (paragraph) paragraph += ' ';
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:numId':
        if (paragraph !== null && val(attrs) && val(attrs) !== '0') listItem = { numId: val(attrs), level: listItem?.level ?? '0' };
        break;
      case 'w:ilvl':
        if (paragraph !== null) listItem = { numId: listItem?.numId ?? '', level: val(attrs) ?? '0' };
        break;
      case 'w:tab':
        if (paragraph !== null) paragraph += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph !== null) paragraph += '\n';
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && !skipped && paragraph !== null) paragraph += text;
  });
  parser.on('closetag', (tag) => {
    if (SKIPPED.has(tag.name)) skipped -= 1;
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p': {
        let text = (paragraph ?? '').trim();
        if (listItem?.numId && cell && tableDepth === 1) {
          const key = `${listItem.numId}:${listItem.level}`;
          const n = (listCounts.get(key) ?? 0) + 1;
          listCounts.set(key, n);
          if (!text) text = String(n);
        }
        listItem = null;
        const nested = tableDepth > 1;
        if (!nested) paragraph = null;
        if (tableDepth === 0 && text) blocks.push({ kind: 'paragraph', text });
        else if (cell && !nested) cell.paragraphs.push(text);
        break;
      }
      case 'w:tc':
        if (tableDepth === 1 && cell && row) row.cells.push(cell);
        if (tableDepth === 1) cell = null;
        break;
      case 'w:tr':
        if (tableDepth === 1 && row) {
          const cells: string[] = Array.from({ length: row.before }, () => '');
          for (const c of row.cells) {
            const text = c.paragraphs.filter(Boolean).join('\n');
            // Merged down: every row of the group has the value; merged across: one cell, the rest blank.
            cells.push(c.continues ? (above[cells.length] ?? '') : text);
            for (let k = 1; k < c.span; k += 1) cells.push('');
          }
          above = cells;
          rowInTable += 1;
          blocks.push({ kind: 'row', cells, table: tables, row: rowInTable });
          row = null;
        }
        break;
      case 'w:tbl':
        tableDepth -= 1;
        break;
    }
  });
  parser.write(xml).close();
  return blocks;
}

/** Where a line of the rows handed to the table reader is in the document. */
interface Place {
  table: number;
  /** The row in that table; 0 for a heading paragraph before it. */
  row: number;
}

/**
 * Table rows in order, with the short paragraphs before and between tables as one-cell rows:
 * the table reader tells a section heading from the notice's title and text, as in a paste.
 * Each line's place in the document goes beside it, for the warnings.
 */
function sourceRows(blocks: Block[]): { rows: SourceRow[]; places: Map<number, Place> } {
  const lastRow = blocks.map((b) => b.kind).lastIndexOf('row');
  const rows: SourceRow[] = [];
  const places = new Map<number, Place>();
  blocks.forEach((b, i) => {
    let cells: string[];
    if (b.kind === 'row') cells = b.cells;
    else if (i < lastRow && b.text.length <= HEADING_MAX_CHARS) cells = [b.text];
    else return;
    const line = rows.length + 1;
    rows.push({ line, cells, text: cells.join('\t') });
    const next = blocks.slice(i).find((x): x is Extract<Block, { kind: 'row' }> => x.kind === 'row');
    places.set(line, b.kind === 'row' ? { table: b.table, row: b.row } : { table: next?.table ?? 0, row: 0 });
  });
  return { rows, places };
}

/**
 * Warnings and rows point where the office looks in Word: the row of the table ("第3行"),
 * and which table when there are several ("第2个表格第3行"), not a count of lines that
 * included the title paragraphs.
 */
function inDocumentPlaces(result: PlanParseResult, at: (line: number) => { row: number; table?: number }): PlanParseResult {
  return {
    events: result.events.map((e) => ({ ...e, ...at(e.row) })),
    warnings: result.warnings.map((w) => (w.row > 0 ? { ...w, ...at(w.row) } : w)),
  };
}

/** A line's place: its table's row, with the table's number when the document has several. */
function locator(places: Map<number, Place>): (line: number) => { row: number; table?: number } {
  const several = new Set([...places.values()].map((p) => p.table)).size > 1;
  return (line) => {
    const p = places.get(line);
    if (!p) return { row: line };
    return several ? { row: p.row, table: p.table } : { row: p.row };
  };
}

const unreadable = (message: string): PlanParseResult => ({ events: [], warnings: [{ row: 0, message }] });

/** The plan table of a .docx, read like the rows of a spreadsheet. */
export function parsePlanDocx(data: ArrayBuffer | Uint8Array, opts: PlanParseOptions = {}): PlanParseResult {
  let xml: string;
  try {
    const files = unzipSync(data instanceof Uint8Array ? data : new Uint8Array(data), {
      filter: (f) => f.name === 'word/document.xml',
    });
    // A zip without a Word document (an .xlsx or any archive renamed .docx) is not a Word file.
    if (!files['word/document.xml']) throw new Error('no word/document.xml');
    xml = strFromU8(files['word/document.xml']);
  } catch {
    return unreadable('无法读取这个 Word 文件，请确认是 .docx 格式（旧的 .doc 请在 Word 中另存为 .docx）后重试。');
  }
  let blocks: Block[];
  try {
    blocks = documentBlocks(xml);
  } catch {
    return unreadable('这个 Word 文件的内容已损坏，请在 Word 中打开后另存一份再上传。');
  }
  const { rows, places } = sourceRows(blocks);
  if (!rows.length) return unreadable('Word 文件里没有表格：请把计划安排表做成表格后上传，或复制表格内容粘贴到上面的文本框。');
  const at = locator(places);
  // A heading paragraph has no row of its own: it is named by the table it stands before.
  const rowName = (line: number) => {
    const p = at(line);
    return p.row > 0 ? rowLabel(p) : `${p.table ? `第${p.table}个表格` : '表格'}前的标题`;
  };
  return inDocumentPlaces(parseRows(rows, { ...opts, rowName }), at);
}
