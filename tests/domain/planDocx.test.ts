import { strToU8, zipSync } from 'fflate';
import { parsePlanDocx } from '@/domain/planDocx';
import { warningText } from '@/domain/planTable';
import { docx, para, table } from '../helpers/docx';

const HEADER = ['序号', '活动主题', '活动形式', '责任单位', '时间'];
const brief = (r: ReturnType<typeof parsePlanDocx>) => r.events.map(({ seq, theme, units, months }) => ({ seq, theme, units, months }));

test('Word 表格：标题段落在表外，单元格内分行的单位，& 等字符原样读出', () => {
  const r = parsePlanDocx(
    docx(
      para('附件'),
      para('2024年“政务公开主题日”活动计划安排表'),
      table([
        HEADER,
        ['1', '“税费服务 & 政策解读”进园区', '政策宣讲', '区税务局', '4月'],
        ['2', '法治护航营商环境', '座谈交流', '区司法局\n区律师协会', '5月至6月'],
      ]),
      para('抄送：区委办，区人大办。'),
    ),
    { year: 2024 },
  );
  expect(brief(r)).toEqual([
    { seq: 1, theme: '“税费服务 & 政策解读”进园区', units: ['区税务局'], months: { from: 4, to: 4 } },
    { seq: 2, theme: '法治护航营商环境', units: ['区司法局', '区律师协会'], months: { from: 5, to: 6 } },
  ]);
});

test('Word 合并单元格：向下合并的责任单位每行都有，横跨整表的“一、4月”是时间标题', () => {
  const r = parsePlanDocx(
    docx(
      table([
        HEADER,
        [{ text: '一、4月', span: 5 }],
        ['1', '义务教育招生政策解读', '政策宣讲', { text: '区教育局', merge: 'restart' }, ''],
        ['2', '校园开放日', '现场观摩', { text: '', merge: 'continue' }, ''],
        [{ text: '二、5月', span: 5 }],
        ['3', '社区矫正工作开放日', '现场观摩', '区司法局', ''],
      ]),
    ),
    { year: 2024 },
  );
  expect(brief(r)).toEqual([
    { seq: 1, theme: '义务教育招生政策解读', units: ['区教育局'], months: { from: 4, to: 4 } },
    { seq: 2, theme: '校园开放日', units: ['区教育局'], months: { from: 4, to: 4 } },
    { seq: 3, theme: '社区矫正工作开放日', units: ['区司法局'], months: { from: 5, to: 5 } },
  ]);
});

test('Word 分成几张表，表前、表间的短段落“一、4月”“二、5月”是标题，表头重复也照读', () => {
  const r = parsePlanDocx(
    docx(
      para('一、4月'),
      table([HEADER, ['1', '医保政策进社区', '政策宣讲', '区医保局', '']]),
      para('二、5月'),
      table([HEADER, ['2', '12345热线开放日', '现场体验', '区政务服务中心', '']]),
    ),
    { year: 2024 },
  );
  expect(brief(r)).toEqual([
    { seq: 1, theme: '医保政策进社区', units: ['区医保局'], months: { from: 4, to: 4 } },
    { seq: 2, theme: '12345热线开放日', units: ['区政务服务中心'], months: { from: 5, to: 5 } },
  ]);
});

test('Word 修订和文本框：删除、移走的字不读，文本框的备用副本不重复', () => {
  const runs =
    '<w:r><w:t>医保</w:t></w:r>' +
    '<w:del><w:r><w:delText>旧</w:delText></w:r></w:del>' +
    '<w:moveFrom><w:r><w:t>挪走的</w:t></w:r></w:moveFrom>' +
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>政策</w:t></mc:Choice><mc:Fallback><w:t>政策</w:t></mc:Fallback></mc:AlternateContent></w:r>' +
    '<w:r><w:t>进社区</w:t></w:r>';
  const row = (cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc><w:p>${c}</w:p></w:tc>`).join('')}</w:tr>`;
  const t = (s: string) => `<w:r><w:t>${s}</w:t></w:r>`;
  const body = `<w:tbl>${row(['序号', '活动主题', '活动形式', '责任单位', '时间'].map(t))}${row([t('1'), runs, t('政策宣讲'), t('区医保局'), t('6月')])}</w:tbl>`;
  const r = parsePlanDocx(docx(body), { year: 2024 });
  expect(brief(r)).toEqual([{ seq: 1, theme: '医保政策进社区', units: ['区医保局'], months: { from: 6, to: 6 } }]);
});

test('Word 自动编号的序号列（文件里没有数字）按 Word 的编号读出，不报“没有序号”', () => {
  const numbered = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>';
  const c = (inner: string) => `<w:tc>${inner}</w:tc>`;
  const p = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(c).join('')}</w:tr>`;
  const body = `<w:tbl>${row(...['序号', '活动主题', '活动形式', '责任单位', '时间'].map(p))}${row(numbered, p('医保进社区'), p('政策宣讲'), p('区医保局'), p('6月'))}${row(numbered, p('税务开放日'), p('现场观摩'), p('区税务局'), p('7月'))}</w:tbl>`;
  const r = parsePlanDocx(docx(body), { year: 2024 });
  expect(r.events.map((e) => [e.seq, e.theme])).toEqual([
    [1, '医保进社区'],
    [2, '税务开放日'],
  ]);
  expect(r.warnings).toEqual([]);
});

test.each([
  ['不是 Word 文件', new Uint8Array([1, 2, 3, 4]), '无法读取这个 Word 文件'],
  ['旧的 .doc 改了扩展名', strToU8('\u00d0\u00cf\u0011\u00e0 not a zip'), '另存为 .docx'],
  ['没有表格', docx(para('2024年政务公开主题日活动方案'), para('各单位：请认真组织。')), '没有表格'],
  ['Excel 文件改成了 .docx（压缩包里没有 Word 文档）', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), '无法读取这个 Word 文件'],
  ['document.xml 损坏', zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:tbl><w:tr>') }), '已损坏'],
])('%s：不导入，用中文说明怎么办', (_w, bytes, says) => {
  const r = parsePlanDocx(bytes, { year: 2024 });
  expect(r.events).toEqual([]);
  expect(r.warnings.map((w) => w.message).join('')).toContain(says);
});

describe('Word 的警告指向 Word 里看到的位置：表格的第几行，几张表时是第几个表格', () => {
  const cases: Array<{ name: string; body: string[]; rows: Array<{ theme: string; row: number; table?: number }>; warnings: string[] }> = [
    {
      name: '一张表，表前有“附件”和标题：行号是表格的行（表头是第1行），不数标题段落',
      body: [
        para('附件1'),
        para('2024年政务公开主题日活动计划安排表'),
        table([HEADER, ['1', '医保政策进社区', '政策宣讲', '区医保局', '4月'], ['1', '税务开放日', '现场观摩', '区税务局', '5月']]),
      ],
      rows: [
        { theme: '医保政策进社区', row: 2 },
        { theme: '税务开放日', row: 3 },
      ],
      warnings: ['第3行：序号1与第2行重复，请核对是否贴了两次或序号写错'],
    },
    {
      name: '两张表，表间有标题：第几个表格第几行，序号重复时说出另一张表的位置',
      body: [
        para('一、区直部门'),
        table([HEADER, ['1', '医保政策进社区', '政策宣讲', '区医保局', '4月'], ['2', '税务开放日', '现场观摩', '区税务局', '5月']]),
        para('二、街道'),
        table([HEADER, ['2', '社区议事会开放日', '座谈交流', '东塘街道', '6月']]),
      ],
      rows: [
        { theme: '医保政策进社区', row: 2, table: 1 },
        { theme: '税务开放日', row: 3, table: 1 },
        { theme: '社区议事会开放日', row: 2, table: 2 },
      ],
      warnings: ['第2个表格第2行：序号2与第1个表格第3行重复，请核对是否贴了两次或序号写错'],
    },
  ];
  test.each(cases)('$name', ({ body, rows, warnings }) => {
    const r = parsePlanDocx(docx(...body), { year: 2024 });
    expect(r.events.map(({ theme, row, table }) => ({ theme, row, ...(table ? { table } : {}) }))).toEqual(rows);
    expect(r.warnings.map(warningText)).toEqual(warnings);
  });
});
