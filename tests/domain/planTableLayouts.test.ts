// Generative: random plan tables (themes with quotes and line breaks, 1–4 forms,
// compound units, months, ranges, days, 待定, columns in any order) rendered in
// every layout offices paste, and the reader must give back the same events.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parsePlanTable } from '@/domain/planTable';
import { parsePlanXlsx } from '@/domain/planXlsx';
import { parsePlanDocx } from '@/domain/planDocx';
import { docx, para, table as wordTable } from '../helpers/docx';

jest.setTimeout(120_000);

type Kind = 'theme' | 'forms' | 'units' | 'months';
interface Row {
  theme: string[]; // lines of the theme cell
  forms: string[];
  units: string[];
  when: { text: string; months: { from: number; to: number } | null; date: string | null; endDate: string | null };
}
interface Table {
  order: Kind[];
  headerWords: Record<Kind | 'seq', string>;
  rows: Row[];
}

const WORDS = [
  '政策',
  '宣传',
  '营商环境',
  '优化',
  '开展“一件事一次办”体验',
  '民生实事',
  '法治',
  '乡村振兴',
  '安全生产',
  '税费服务',
  '医保',
  '招生',
  '“放管服”改革',
  '开放日',
  '进社区',
  '大家谈',
];
const FORMS = ['现场观摩', '座谈交流', '政策宣讲', '实地调研', '设点宣传', '政策发布', '问卷调查', '现场咨询', '宣传讲座'];
const UNITS = [
  '县发改局',
  '县住建局(自来水公司)',
  '县教育局',
  '县应急管理局',
  '芙蓉街道',
  '县医保局',
  '县水利局（防汛办）',
  '县政务服务中心',
];
const HEADERS: Record<Kind | 'seq', string[]> = {
  seq: ['序号', '编号'],
  theme: ['活动主题', '主题', '活动名称'],
  forms: ['活动形式', '活动方式'],
  units: ['责任单位', '牵头单位'],
  months: ['时间', '活动时间', '计划开展时间'],
};
const pad = (n: number) => String(n).padStart(2, '0');

// A theme line starts and ends with a Chinese character (quotes inside), may hold one single space.
const themeLine = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([ws, spaced]) => (['主题', ...ws].join(spaced && ws.length > 1 ? ' ' : '') + '活动').replace(/^主题/, '关于'));

const when = fc.oneof(
  fc
    .integer({ min: 1, max: 12 })
    .chain((m) => fc.constantFrom(`${m}月`, `${m} 月`).map((text) => ({ text, months: { from: m, to: m }, date: null, endDate: null }))),
  fc.tuple(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 11 })).map(([a, d]) => {
    const b = Math.min(12, a + d);
    return { text: `${a}月-${b}月`, months: { from: a, to: b }, date: null, endDate: null };
  }),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 27 }), fc.integer({ min: 0, max: 3 })).map(([m, d, span]) => {
    const e = Math.min(28, d + span);
    return {
      text: span ? `${m}月${d}日-${e}日` : `${m}月${d}日`,
      months: { from: m, to: m },
      date: `2023-${pad(m)}-${pad(d)}`,
      endDate: span && e !== d ? `2023-${pad(m)}-${pad(e)}` : null,
    };
  }),
  fc.constant({ text: '待定', months: null, date: null, endDate: null }),
  fc.constant({ text: '全年', months: { from: 1, to: 12 }, date: null, endDate: null }),
  fc.constant({ text: '第二季度', months: { from: 4, to: 6 }, date: null, endDate: null }),
);

const row: fc.Arbitrary<Row> = fc.record({
  theme: fc.array(themeLine, { minLength: 1, maxLength: 2 }),
  forms: fc.uniqueArray(fc.constantFrom(...FORMS), { minLength: 1, maxLength: 4 }),
  units: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 2 }),
  when,
});

const table: fc.Arbitrary<Table> = fc.record({
  order: fc.shuffledSubarray<Kind>(['theme', 'forms', 'units', 'months'], { minLength: 4, maxLength: 4 }),
  headerWords: fc.record({
    seq: fc.constantFrom(...HEADERS.seq),
    theme: fc.constantFrom(...HEADERS.theme),
    forms: fc.constantFrom(...HEADERS.forms),
    units: fc.constantFrom(...HEADERS.units),
    months: fc.constantFrom(...HEADERS.months),
  }),
  rows: fc.array(row, { minLength: 1, maxLength: 12 }),
});

/** A cell's text with its own line breaks (Word, Excel) or on one line (PDF). */
function cell(r: Row, k: Kind, oneLine: boolean): string {
  switch (k) {
    case 'theme':
      return r.theme.join(oneLine ? ' ' : '\n');
    case 'forms':
      return r.forms.join(oneLine ? '、' : '\n');
    case 'units':
      return r.units.join(oneLine ? '、' : '\n');
    default:
      return r.when.text;
  }
}

const TITLE = '××县2023年“政务公开主题日”活动计划安排表';
const header = (t: Table) => [t.headerWords.seq, ...t.order.map((k) => t.headerWords[k])];
const cells = (t: Table, r: Row, i: number, oneLine: boolean) => [String(i + 1), ...t.order.map((k) => cell(r, k, oneLine))];
const quote = (c: string) => (c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c);

/** Every text layout: name → rendering. */
const LAYOUTS: Record<string, (t: Table) => string> = {
  'Excel 复制（制表符，多行单元格带引号）': (t) =>
    [TITLE, header(t).join('\t'), ...t.rows.map((r, i) => cells(t, r, i, false).map(quote).join('\t'))].join('\n'),
  'Word 复制（制表符，单元格内换行不带制表符）': (t) =>
    [TITLE, header(t).join('\t'), ...t.rows.map((r, i) => cells(t, r, i, false).join('\t'))].join('\n'),
  'Word 复制（一格一行，制表符开头表示新格）': (t) =>
    [
      TITLE,
      [
        header(t)[0],
        ...header(t)
          .slice(1)
          .map((h) => `\t${h}`),
      ].join('\n'),
      ...t.rows.map((r, i) =>
        cells(t, r, i, false)
          .map((c, k) => (k ? `\t${c}` : c))
          .join('\n'),
      ),
    ].join('\n'),
  'PDF 复制（连续空格分列）': (t) =>
    [TITLE, header(t).join('   '), ...t.rows.map((r, i) => cells(t, r, i, true).join(i % 2 ? '  ' : '    '))].join('\n'),
  'PDF 复制（全角空格分列）': (t) =>
    [TITLE, header(t).join('\u3000'), ...t.rows.map((r, i) => cells(t, r, i, true).join('\u3000'))].join('\n'),
  '每页重复表头、页码': (t) =>
    [
      TITLE,
      ...t.rows.flatMap((r, i) => [
        ...(i % 4 === 0 ? [...(i ? [`— ${i / 4 + 1} —`, ''] : []), header(t).join('\t')] : []),
        cells(t, r, i, false).join('\t'),
      ]),
    ].join('\n'),
  'Windows 换行（CRLF）': (t) =>
    [TITLE, header(t).join('\t'), ...t.rows.map((r, i) => cells(t, r, i, false).map(quote).join('\t'))].join('\r\n'),
};

async function xlsx(t: Table): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('计划表');
  ws.addRow([TITLE]);
  ws.addRow(header(t));
  t.rows.forEach((r, i) => ws.addRow([i + 1, ...t.order.map((k) => cell(r, k, false))]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const expected = (t: Table) =>
  t.rows.map((r, i) => ({
    seq: i + 1,
    theme: r.theme.join(' '),
    forms: r.forms,
    units: r.units,
    months: r.when.months,
    date: r.when.date,
    endDate: r.when.endDate,
  }));
const shape = (
  events: Array<{
    seq: number;
    theme: string;
    forms: string[];
    units: string[];
    months: unknown;
    date: string | null;
    endDate: string | null;
  }>,
) => events.map(({ seq, theme, forms, units, months, date, endDate }) => ({ seq, theme, forms, units, months, date, endDate }));

test.each(Object.keys(LAYOUTS))('随机计划表：%s 读出的活动与原表一致', (name) => {
  fc.assert(
    fc.property(table, (t) => {
      const r = parsePlanTable(LAYOUTS[name](t), { year: 2023 });
      expect(shape(r.events)).toEqual(expected(t));
    }),
    { numRuns: 150 },
  );
});

test('随机计划表：Word .docx（单元格内分段）读出的活动与原表一致', () => {
  fc.assert(
    fc.property(table, (t) => {
      const file = docx(para(TITLE), wordTable([header(t), ...t.rows.map((r, i) => cells(t, r, i, false))]));
      expect(shape(parsePlanDocx(file, { year: 2023 }).events)).toEqual(expected(t));
    }),
    { numRuns: 80 },
  );
});

test('随机计划表：.xlsx（单元格内换行）读出的活动与原表一致', async () => {
  await fc.assert(
    fc.asyncProperty(table, async (t) => {
      const r = await parsePlanXlsx(await xlsx(t), { year: 2023 });
      expect(shape(r.events)).toEqual(expected(t));
    }),
    { numRuns: 40 },
  );
});
