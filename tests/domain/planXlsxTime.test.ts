// The time of .xlsx rows: number and date cells, a sheet named for its month, hidden rows.
import ExcelJS from 'exceljs';
import { parsePlanXlsx } from '@/domain/planXlsx';
import { warningText } from '@/domain/planTable';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER = ['序号', '活动主题', '活动形式', '责任单位', '时间'];

test('月份一列是数字单元格：照月份读', async () => {
  const bytes = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['序号', '活动主题', '活动形式', '责任单位', '月份']);
    ws.addRow([1, '政府采购政策宣讲', '现场培训', '县财政局', 4]);
    ws.addRow([2, '警营开放日', '现场观摩', '县公安局', 8]);
  });
  const r = await parsePlanXlsx(bytes, { year: 2024 });
  expect(r.events.map((e) => e.months)).toEqual([
    { from: 4, to: 4 },
    { from: 8, to: 8 },
  ]);
  expect(r.warnings).toEqual([]);
});

test.each([
  ['只显示月日的日期：按计划的年份', 'm"月"d"日"', new Date(Date.UTC(2023, 3, 23)), '2024-04-23', []],
  ['斜线月日', 'm/d', new Date(Date.UTC(2023, 9, 1)), '2024-10-01', []],
  [
    '显示年份的日期：照写的年份，并提醒',
    'yyyy"年"m"月"d"日"',
    new Date(Date.UTC(2023, 3, 23)),
    '2023-04-23',
    ['第2行：活动时间写的是2023年，不是2024年，请核对'],
  ],
])('Excel 日期单元格：%s', async (_n, numFmt, value, date, warnings) => {
  const bytes = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(HEADER);
    ws.addRow([1, '世界读书日', '现场宣传', '县文旅局', value]).getCell(5).numFmt = numFmt;
  });
  const r = await parsePlanXlsx(bytes, { year: 2024 });
  expect(r.events[0].date).toBe(date);
  expect(r.warnings.map(warningText)).toEqual(warnings);
});

test('一个月一张工作表、没有时间一列：工作表名就是月份', async () => {
  const bytes = await workbookBytes((wb) => {
    const april = wb.addWorksheet('4月');
    april.addRow(['序号', '活动主题', '活动形式', '责任单位']);
    april.addRow([1, '政府采购政策宣讲', '现场培训', '县财政局']);
    const may = wb.addWorksheet('第二季度');
    may.addRow(['序号', '活动主题', '活动形式', '责任单位']);
    may.addRow([1, '节水宣传', '设点宣传', '县水利局']);
    const other = wb.addWorksheet('Sheet3');
    other.addRow(['序号', '活动主题', '活动形式', '责任单位']);
    other.addRow([1, '防灾减灾日', '现场宣传', '县应急局']);
  });
  const r = await parsePlanXlsx(bytes, { year: 2024 });
  expect(r.events.map((e) => [e.sheet, e.months])).toEqual([
    ['4月', { from: 4, to: 4 }],
    ['第二季度', { from: 4, to: 6 }],
    ['Sheet3', null],
  ]);
  expect(r.warnings.map(warningText)).toEqual([
    '工作表“Sheet3”：表格没有“时间”一列，1项活动的时间按“待定”导入：不计报备期限，由责任单位报备方案时确定日期。如已定了月份，请在表格中加上“时间”一列后重新导入',
  ]);
});

test('工作表名是月份、时间一格空着：按工作表名并提醒', async () => {
  const bytes = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('5月');
    ws.addRow(HEADER);
    ws.addRow([1, '节水宣传', '设点宣传', '县水利局', '5月20日']);
    ws.addRow([2, '防灾减灾日', '现场宣传', '县应急局', '']);
  });
  const r = await parsePlanXlsx(bytes, { year: 2024 });
  expect(r.events.map((e) => e.months)).toEqual([
    { from: 5, to: 5 },
    { from: 5, to: 5 },
  ]);
  expect(r.warnings.map(warningText)).toEqual(['第3行：序号2没有填写活动时间，已按工作表名“5月”处理，请核对']);
});

test('隐藏的行不导入，每段连续的隐藏行提醒一次', async () => {
  const bytes = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(HEADER);
    ws.addRow([1, '政府采购政策宣讲', '现场培训', '县财政局', '4月']);
    ws.addRow([2, '（已取消）旧活动', '现场观摩', '县公安局', '5月']).hidden = true;
    ws.addRow([2, '警营开放日', '现场观摩', '县公安局', '8月']);
    ws.addRow([3, '旧活动甲', '座谈交流', '县民政局', '9月']).hidden = true;
    ws.addRow([4, '旧活动乙', '座谈交流', '县民政局', '9月']).hidden = true;
    ws.addRow([3, '宪法宣传周', '现场宣传', '县司法局', '12月']);
  });
  const r = await parsePlanXlsx(bytes, { year: 2024 });
  expect(r.events.map((e) => [e.row, e.theme])).toEqual([
    [2, '政府采购政策宣讲'],
    [4, '警营开放日'],
    [7, '宪法宣传周'],
  ]);
  expect(r.warnings.map(warningText)).toEqual([
    '第3行：这一行在 Excel 中是隐藏的，未导入（隐藏的行多是删去或作废的活动）；如果要开展，请在 Excel 中取消隐藏后重新导入',
    '第5行：从这一行起共2行（到第6行）在 Excel 中是隐藏的，未导入（隐藏的行多是删去或作废的活动）；如果要开展，请在 Excel 中取消隐藏后重新导入',
  ]);
});

test('Excel 里的同上：沿用上一行', async () => {
  const bytes = await workbookBytes((wb) => {
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(HEADER);
    ws.addRow([1, '政府采购政策宣讲', '现场培训', '县财政局', '4月']);
    ws.addRow([2, '政府采购开放日', '现场观摩', '〃', '"']);
  });
  const r = await parsePlanXlsx(bytes, { year: 2024 });
  expect(r.events[1]).toMatchObject({ units: ['县财政局'], months: { from: 4, to: 4 } });
  expect(r.warnings.map(warningText)).toEqual(['第3行：序号2的责任单位、活动时间写的是“〃”“"”，已沿用上一行的“县财政局”“4月”，请核对']);
});
