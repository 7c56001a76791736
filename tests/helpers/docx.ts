// Builds .docx files as Word writes them, for the plan-table reader's tests: a cell's text
// in runs (w:r/w:t), one paragraph per line, w:gridSpan for a cell merged across, w:vMerge
// for cells merged down.
import { strToU8, zipSync } from 'fflate';

export type CellSpec = string | { text: string; span?: number; merge?: 'restart' | 'continue' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One paragraph (bold, centred, as titles and header cells are). */
export const para = (text: string) =>
  `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

function cell(spec: CellSpec): string {
  const c = typeof spec === 'string' ? { text: spec } : spec;
  const props = [
    '<w:tcW w:w="1200" w:type="dxa"/>',
    c.span ? `<w:gridSpan w:val="${c.span}"/>` : '',
    c.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.merge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  // Lines in a cell are paragraphs; an empty cell still has one (empty) paragraph.
  const paragraphs = c.text === '' ? '<w:p/>' : c.text.split('\n').map(para).join('');
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs}</w:tc>`;
}

export const table = (rows: CellSpec[][]) =>
  `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(
    Math.max(...rows.map((r) => r.length)),
  )}</w:tblGrid>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A .docx whose body is these paragraphs and tables. */
export function docx(...body: string[]): Uint8Array {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body.join('') +
    '<w:sectPr/></w:body></w:document>';
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
}
