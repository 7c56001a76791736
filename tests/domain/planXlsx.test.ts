import ExcelJS from 'exceljs';
import { parsePlanXlsx } from '@/domain/planXlsx';
import { warningText } from '@/domain/planTable';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('Excel：标题行、合并单元格、单元格内换行、富文本，第二页重复表头', async () => {
  const bytes = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('计划表');
    ws.addRow(['邵阳市2023年“政务公开主题日”活动计划安排表']);
    ws.mergeCells('A1:E1');
    ws.addRow(['序号', '活动主题', '活动方式', '责任单位', '时间']);
    ws.addRow([1, '学习贯彻政府采购政策', '现场培训', '市财政局', '4月']);
    ws.addRow([2, '税惠千万家，共建现代化', '座谈交流\n实地调研', '市税务局', '4 月']);
    ws.addRow([
      3,
      { richText: [{ text: '“千所联千企”' }, { text: '专项活动' }] },
      '律师事务所进中小微企业开展法律服务座谈交流',
      '市司法局、市律师协会',
      '3月-4月',
    ]);
    ws.addRow(['序号', '活动主题', '活动方式', '责任单位', '时间']);
    ws.addRow([5, '市区供水', '现场观摩', '县住建局(自来水公司)', '待定']);
  });
  const r = await parsePlanXlsx(bytes, { year: 2023 });
  expect(r.events.map(({ seq, theme, forms, units, months }) => ({ seq, theme, forms, units, months }))).toEqual([
    { seq: 1, theme: '学习贯彻政府采购政策', forms: ['现场培训'], units: ['市财政局'], months: { from: 4, to: 4 } },
    { seq: 2, theme: '税惠千万家，共建现代化', forms: ['座谈交流', '实地调研'], units: ['市税务局'], months: { from: 4, to: 4 } },
    {
      seq: 3,
      theme: '“千所联千企”专项活动',
      forms: ['律师事务所进中小微企业开展法律服务座谈交流'],
      units: ['市司法局', '市律师协会'],
      months: { from: 3, to: 4 },
    },
    { seq: 5, theme: '市区供水', forms: ['现场观摩'], units: ['县住建局(自来水公司)'], months: null },
  ]);
  expect(r.warnings).toEqual([{ row: 7, field: 'seq', message: '序号从3跳到5，请核对是否漏了序号4的活动' }]);
});

test('Excel：第一个工作表是说明，表格在第二个工作表；列顺序不同', async () => {
  const bytes = await workbookBytes((wb) => {
    wb.addWorksheet('说明').addRow(['请各单位按计划开展活动']);
    const ws = wb.addWorksheet('2023');
    ws.addRow(['编号', '主题', '牵头单位', '开展时间', '活动形式']);
    ws.addRow([1, '安全生产月宣传', '区应急局', '6月', '政策发布+现场观摩']);
  });
  const r = await parsePlanXlsx(bytes);
  expect(r.events).toEqual([
    {
      seq: 1,
      theme: '安全生产月宣传',
      forms: ['政策发布', '现场观摩'],
      units: ['区应急局'],
      months: { from: 6, to: 6 },
      date: null,
      endDate: null,
      row: 2,
      raw: '1\t安全生产月宣传\t区应急局\t6月\t政策发布+现场观摩',
    },
  ]);
  expect(r.warnings).toEqual([]);
});

test('不是 Excel 文件：提示另存为 .xlsx', async () => {
  const r = await parsePlanXlsx(new TextEncoder().encode('序号\t活动主题'));
  expect(r.events).toEqual([]);
  expect(r.warnings[0].message).toContain('.xlsx');
});

test('Excel：时间一列填的是日期格式：有日的按日读，只显示年月的按月读', async () => {
  const bytes = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('计划表');
    ws.addRow(['序号', '活动主题', '活动形式', '责任单位', '时间']);
    ws.addRow([1, '税务开放日', '现场观摩', '区税务局', new Date(Date.UTC(2024, 4, 15))]);
    ws.getCell('E2').numFmt = 'yyyy/m/d';
    ws.addRow([2, '民生座谈会', '座谈交流', '区民政局', new Date(Date.UTC(2024, 5, 1))]);
    ws.getCell('E3').numFmt = 'yyyy"年"m"月"';
    ws.addRow([3, '就业政策宣讲', '政策宣讲', '区人社局', new Date(Date.UTC(2024, 6, 1))]);
    ws.getCell('E4').numFmt = 'yyyy-mm-dd';
  });
  const r = await parsePlanXlsx(bytes, { year: 2024 });
  expect(r.events.map(({ seq, months, date }) => ({ seq, months, date }))).toEqual([
    { seq: 1, months: { from: 5, to: 5 }, date: '2024-05-15' },
    { seq: 2, months: { from: 6, to: 6 }, date: null },
    { seq: 3, months: { from: 7, to: 7 }, date: '2024-07-01' },
  ]);
  expect(r.warnings).toEqual([]);
});

test('Excel 分月放在几张工作表：每张都导入，行和提示写明工作表；汇总表里重复的只导入一次', async () => {
  const header = ['序号', '活动主题', '活动形式', '责任单位', '时间'];
  const bytes = await workbookBytes((wb) => {
    const april = wb.addWorksheet('4月');
    april.addRow(header);
    april.addRow([1, '医保政策进社区', '政策宣讲', '区医保局', '4月']);
    april.addRow([3, '校园开放日', '现场观摩', '区教育局', '4月']);
    const may = wb.addWorksheet('5月');
    may.addRow(header);
    may.addRow([1, '税务开放日', '现场观摩', '区税务局', '5月']);
    const all = wb.addWorksheet('汇总');
    all.addRow(header);
    all.addRow([1, '医保政策进社区', '政策宣讲', '区医保局', '4月']);
  });
  const r = await parsePlanXlsx(bytes, { year: 2023 });
  expect(r.events.map((e) => [e.sheet, e.row, e.theme])).toEqual([
    ['4月', 2, '医保政策进社区'],
    ['4月', 3, '校园开放日'],
    ['5月', 2, '税务开放日'],
  ]);
  expect(r.warnings.map(warningText)).toEqual([
    '工作表“4月”第3行：序号从1跳到3，请核对是否漏了序号2的活动',
    '工作表“汇总”第2行：与工作表“4月”第2行是同一项活动（主题和责任单位相同），只导入一次',
  ]);
});
