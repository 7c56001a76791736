// Plan tables in layouts beyond the seed notices: grouped by headings ("一、4月", "五月份", "第二季度", "（一）区直部门")
// and tables whose first columns were merged cells in Excel (a copy leaves them
// blank under the first row of each group). Every row must come out with the
// time or unit its group gives it, and a heading must not end the table.
import ExcelJS from 'exceljs';
import { headingTime } from '@/domain/planTable/records';
import { parsePlanTable } from '@/domain/planTable';
import { parsePlanXlsx } from '@/domain/planXlsx';

const brief = (r: ReturnType<typeof parsePlanTable>) => r.events.map(({ seq, theme, units, months }) => ({ seq, theme, units, months }));

describe('headingTime: a heading line that names a time', () => {
  test.each([
    ['一、4月', '4月'],
    ['二、5月份', '5月份'],
    ['五月份', '五月份'],
    ['（一）第二季度', '第二季度'],
    ['(二)下半年', '下半年'],
    ['三、6月（3项）', '6月'],
    ['第一阶段：4月-5月', '4月-5月'],
    ['7月开展的活动', '7月'],
  ])('“%s” → %s', (line, when) => {
    expect(headingTime(line)).toBe(when);
  });

  test.each([['一、区直部门'], ['4月23日'], ['开放日'], ['一、活动时间安排及要求说明文字很长很长很长'], ['（此处内容被删除）']])(
    '“%s” is not a time heading',
    (line) => {
      expect(headingTime(line)).toBeNull();
    },
  );
});

describe('rows grouped under time headings, no time column', () => {
  const rows = [
    '1\t税务开放日\t现场观摩\t区税务局',
    '2\t就业政策宣讲\t政策宣讲\t区人社局',
    '3\t民生座谈会\t座谈交流\t区民政局',
    '4\t安全生产宣传\t设点宣传\t区应急管理局',
  ];
  test.each([
    ['一、4月 / 二、5月', ['一、4月', '二、5月']],
    ['四月份 / 五月份', ['四月份', '五月份']],
    ['（一）第二季度 / （二）第三季度', ['（一）第二季度', '（二）第三季度']],
    ['4月（2项） / 5-6月', ['4月（2项）', '5-6月']],
  ])('%s', (_name, [first, second]) => {
    const text = [
      '2024年政务公开主题日活动安排表',
      '序号\t活动主题\t活动形式\t责任单位',
      first,
      rows[0],
      rows[1],
      second,
      rows[2],
      rows[3],
    ].join('\n');
    const r = parsePlanTable(text, { year: 2024 });
    expect(r.warnings).toEqual([]);
    const a = parsePlanTable(
      `序号\t活动主题\t活动形式\t责任单位\t时间\n1\tx\t现场观摩\t区税务局\t${first.replace(/^[（(]?[一二三四五六七八九十]+[)）、]/, '').replace(/（2项）$/, '')}`,
    ).events[0].months;
    const b = parsePlanTable(
      `序号\t活动主题\t活动形式\t责任单位\t时间\n1\tx\t现场观摩\t区税务局\t${second.replace(/^[（(]?[一二三四五六七八九十]+[)）、]/, '')}`,
    ).events[0].months;
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(brief(r)).toEqual([
      { seq: 1, theme: '税务开放日', units: ['区税务局'], months: a },
      { seq: 2, theme: '就业政策宣讲', units: ['区人社局'], months: a },
      { seq: 3, theme: '民生座谈会', units: ['区民政局'], months: b },
      { seq: 4, theme: '安全生产宣传', units: ['区应急管理局'], months: b },
    ]);
  });

  test('a heading over rows that have their own time: the row’s cell wins, a blank cell takes the heading', () => {
    const r = parsePlanTable(
      [
        '序号\t活动主题\t活动形式\t责任单位\t时间',
        '第二季度',
        '1\t税务开放日\t现场观摩\t区税务局\t4月',
        '2\t就业政策宣讲\t政策宣讲\t区人社局\t',
      ].join('\n'),
    );
    expect(brief(r).map((e) => e.months)).toEqual([
      { from: 4, to: 4 },
      { from: 4, to: 6 },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('Word one cell per line: headings between rows', () => {
    const text = [
      '序号',
      '活动主题',
      '活动形式',
      '责任单位',
      '一、4月',
      '1',
      '税务开放日',
      '现场观摩',
      '区税务局',
      '二、5月',
      '2',
      '民生座谈会',
      '座谈交流',
      '区民政局',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r)).toEqual([
      { seq: 1, theme: '税务开放日', units: ['区税务局'], months: { from: 4, to: 4 } },
      { seq: 2, theme: '民生座谈会', units: ['区民政局'], months: { from: 5, to: 5 } },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('PDF copy, columns by spaces: headings between rows', () => {
    const text = [
      '序号  活动主题  活动形式  责任单位',
      '一、4月',
      '1  税务开放日  现场观摩  区税务局',
      '二、5月',
      '2  民生座谈会  座谈交流  区民政局',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r).map((e) => [e.seq, e.months])).toEqual([
      [1, { from: 4, to: 4 }],
      [2, { from: 5, to: 5 }],
    ]);
  });
});

describe('group headings that are not times', () => {
  test('“一、区直部门 / 二、街道” keep the table going', () => {
    const text = [
      '序号\t活动主题\t活动形式\t责任单位\t时间',
      '一、区直部门',
      '1\t税务开放日\t现场观摩\t区税务局\t4月',
      '二、街道（镇）',
      '2\t社区议事会\t座谈交流\t东塘街道\t5月',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r).map((e) => [e.seq, e.units])).toEqual([
      [1, ['区税务局']],
      [2, ['东塘街道']],
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('the notice going on after the table (“一、活动要求”) still ends it', () => {
    const text = [
      '序号\t活动主题\t活动形式\t责任单位\t时间',
      '1\t税务开放日\t现场观摩\t区税务局\t4月',
      '一、活动要求',
      '各单位要高度重视，认真组织。',
      '2.活动结束后5个工作日内报送总结。',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(r.events).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });
});

describe('merged cells copied from Excel: blanks under the first row of a group', () => {
  test('责任单位 first and merged: each row takes the unit above, one warning per group', () => {
    const text = [
      '责任单位\t活动主题\t活动形式\t开展时间',
      '区教育局\t校园开放日\t现场观摩\t4月',
      '\t家长政策宣讲会\t政策宣讲\t9月',
      '\t招生政策解读\t政策解读\t6月',
      '区卫健委\t健康义诊进社区\t现场咨询\t5月',
      '\t医改政策大家谈\t座谈交流\t7月',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r).map((e) => [e.seq, e.theme, e.units])).toEqual([
      [1, '校园开放日', ['区教育局']],
      [2, '家长政策宣讲会', ['区教育局']],
      [3, '招生政策解读', ['区教育局']],
      [4, '健康义诊进社区', ['区卫健委']],
      [5, '医改政策大家谈', ['区卫健委']],
    ]);
    expect(r.warnings).toEqual([
      { row: 3, field: 'units', message: '序号2起责任单位空白，已按合并单元格沿用上方的“区教育局”，请核对' },
      { row: 6, field: 'units', message: '序号5起责任单位空白，已按合并单元格沿用上方的“区卫健委”，请核对' },
    ]);
  });

  test('序号 then 月份 merged: each row takes the month above', () => {
    const text = [
      '序号\t月份\t活动主题\t活动形式\t责任单位',
      '1\t4月\t税务开放日\t现场观摩\t区税务局',
      '2\t\t就业政策宣讲\t政策宣讲\t区人社局',
      '3\t5月\t民生座谈会\t座谈交流\t区民政局',
      '4\t\t安全生产宣传\t设点宣传\t区应急管理局',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r).map((e) => e.months)).toEqual([
      { from: 4, to: 4 },
      { from: 4, to: 4 },
      { from: 5, to: 5 },
      { from: 5, to: 5 },
    ]);
    expect(r.warnings.map((w) => w.row)).toEqual([3, 5]);
  });

  test('a blank unit right of the theme is not guessed: it is reported', () => {
    const text = [
      '序号\t活动主题\t活动形式\t责任单位\t时间',
      '1\t税务开放日\t现场观摩\t区税务局\t4月',
      '2\t就业政策宣讲\t政策宣讲\t\t5月',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(r.events[1].units).toEqual([]);
    expect(r.warnings).toEqual([{ row: 3, field: 'units', message: '序号2没有填写责任单位，请补上后重新导入，否则这项活动没有单位负责' }]);
  });

  test('a heading between groups stops the fill: the unit is not carried across it', () => {
    const text = [
      '责任单位\t活动主题\t活动形式\t开展时间',
      '一、4月',
      '区教育局\t校园开放日\t现场观摩\t',
      '二、5月',
      '\t家长政策宣讲会\t政策宣讲\t',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r).map((e) => [e.units, e.months])).toEqual([
      [['区教育局'], { from: 4, to: 4 }],
      [[], { from: 5, to: 5 }],
    ]);
  });
});

test('.xlsx: month headings in merged rows and a merged 责任单位 column', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('计划表');
  ws.addRow(['2024年政务公开主题日活动计划表']);
  ws.mergeCells('A1:D1');
  ws.addRow(['责任单位', '活动主题', '活动形式', '序号']);
  ws.addRow(['一、4月']);
  ws.mergeCells('A3:D3');
  ws.addRow(['区教育局', '校园开放日', '现场观摩', 1]);
  ws.addRow(['', '家长政策宣讲会', '政策宣讲', 2]);
  ws.mergeCells('A4:A5');
  ws.addRow(['二、5月']);
  ws.mergeCells('A6:D6');
  ws.addRow(['区卫健委', '健康义诊进社区', '现场咨询', 3]);
  const r = await parsePlanXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), { year: 2024 });
  expect(brief(r)).toEqual([
    { seq: 1, theme: '校园开放日', units: ['区教育局'], months: { from: 4, to: 4 } },
    { seq: 2, theme: '家长政策宣讲会', units: ['区教育局'], months: { from: 4, to: 4 } },
    { seq: 3, theme: '健康义诊进社区', units: ['区卫健委'], months: { from: 5, to: 5 } },
  ]);
  expect(r.warnings).toEqual([]);
});

describe('headers no table here used', () => {
  test('a column the reader has no word for (县市区) is kept in raw, the others still read', () => {
    const text = [
      '序号\t县市区\t活动主题\t活动形式\t责任单位\t时间',
      '1\t大祥区\t税务开放日\t现场观摩\t大祥区税务局\t4月',
      '2\t双清区\t民生座谈会\t座谈交流\t双清区民政局\t5月',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r)).toEqual([
      { seq: 1, theme: '税务开放日', units: ['大祥区税务局'], months: { from: 4, to: 4 } },
      { seq: 2, theme: '民生座谈会', units: ['双清区民政局'], months: { from: 5, to: 5 } },
    ]);
    expect(r.events[0].raw).toContain('大祥区');
    expect(r.warnings).toEqual([]);
  });

  test('the same column in a Word copy with one cell per line', () => {
    const text = [
      '序号',
      '县市区',
      '活动主题',
      '活动形式',
      '责任单位',
      '时间',
      '1',
      '大祥区',
      '税务开放日',
      '现场观摩',
      '大祥区税务局',
      '4月',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(brief(r)).toEqual([{ seq: 1, theme: '税务开放日', units: ['大祥区税务局'], months: { from: 4, to: 4 } }]);
    expect(r.warnings).toEqual([]);
  });

  test('two unknown columns are not a header: a row of data never becomes one', () => {
    const r = parsePlanTable('序号\t县市区\t牵头领导\t活动主题\t活动形式\n1\t大祥区\t张三\t税务开放日\t现场观摩');
    expect(r.events).toEqual([]);
  });

  test('a two-row header: “活动安排” over 主题 and 形式', () => {
    const text = [
      '序号\t活动安排\t\t责任单位\t时间',
      '\t主题\t形式\t\t',
      '1\t税务开放日\t现场观摩\t区税务局\t4月',
      '2\t民生座谈会\t座谈交流\t区民政局\t5月',
    ].join('\n');
    const r = parsePlanTable(text);
    expect(r.events.map(({ seq, theme, forms, units, months }) => ({ seq, theme, forms, units, months }))).toEqual([
      { seq: 1, theme: '税务开放日', forms: ['现场观摩'], units: ['区税务局'], months: { from: 4, to: 4 } },
      { seq: 2, theme: '民生座谈会', forms: ['座谈交流'], units: ['区民政局'], months: { from: 5, to: 5 } },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('.xlsx two-row header with merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('计划表');
    ws.addRow(['序号', '活动安排', '', '责任单位', '时间']);
    ws.addRow(['', '主题', '形式', '', '']);
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:C1');
    ws.mergeCells('D1:D2');
    ws.mergeCells('E1:E2');
    ws.addRow([1, '税务开放日', '现场观摩', '区税务局', '4月']);
    const r = await parsePlanXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.events.map(({ seq, theme, forms, units }) => ({ seq, theme, forms, units }))).toEqual([
      { seq: 1, theme: '税务开放日', forms: ['现场观摩'], units: ['区税务局'] },
    ]);
    expect(r.warnings).toEqual([]);
  });
});

test('序号 written as (1) / 3、 and a totals row at the foot: three activities, no warning', () => {
  const text = [
    '2024年度XX区政务公开主题日活动计划表',
    '填报单位（盖章）：区政务公开办    填报日期：2024年3月1日',
    '序号\t活动主题\t活动形式\t责任单位\t时间',
    '（1）\t税务开放日\t现场观摩\t区税务局\t4月',
    '(2)\t民生座谈会\t座谈交流\t区民政局\t5月',
    '3、\t就业宣讲\t政策宣讲\t区人社局\t6月',
    '合计\t3项\t\t\t',
  ].join('\n');
  const r = parsePlanTable(text, { year: 2024 });
  expect(r.events.map((e) => [e.seq, e.theme])).toEqual([
    [1, '税务开放日'],
    [2, '民生座谈会'],
    [3, '就业宣讲'],
  ]);
  expect(r.warnings).toEqual([]);
});

describe('CSV (a .csv file opened as text)', () => {
  test('commas inside quoted cells, a quoted cell over two lines, UTF-8 BOM', () => {
    const text =
      '\ufeff序号,活动主题,活动形式,责任单位,时间\r\n1,税务开放日,现场观摩,区税务局,4月\r\n2,"政策宣讲,进社区",政策宣讲,"区人社局,区医保局",5月\r\n3,"“放管服”改革\r\n大家谈",座谈交流,区发改局,6月\r\n';
    const r = parsePlanTable(text);
    expect(r.events.map(({ seq, theme, forms, units, months }) => ({ seq, theme, forms, units, months }))).toEqual([
      { seq: 1, theme: '税务开放日', forms: ['现场观摩'], units: ['区税务局'], months: { from: 4, to: 4 } },
      { seq: 2, theme: '政策宣讲,进社区', forms: ['政策宣讲'], units: ['区人社局', '区医保局'], months: { from: 5, to: 5 } },
      { seq: 3, theme: '“放管服”改革 大家谈', forms: ['座谈交流'], units: ['区发改局'], months: { from: 6, to: 6 } },
    ]);
    expect(r.events[1].raw).toBe('2,"政策宣讲,进社区",政策宣讲,"区人社局,区医保局",5月');
    expect(r.warnings).toEqual([]);
  });

  test('prose with commas and no tab is not read as CSV', () => {
    const r = parsePlanTable('各单位要高度重视, 认真组织, 按时报送。\n请于3月底前, 报送联系人。');
    expect(r.events).toEqual([]);
    expect(r.warnings[0].message).toContain('没有找到计划表的表头');
  });
});

test('a table per month, each under its own heading and header', () => {
  const text = [
    '一、4月',
    '序号\t活动主题\t活动形式\t责任单位',
    '1\t税务开放日\t现场观摩\t区税务局',
    '',
    '二、5月',
    '序号\t活动主题\t活动形式\t责任单位',
    '2\t民生座谈会\t座谈交流\t区民政局',
  ].join('\n');
  const r = parsePlanTable(text);
  expect(brief(r).map((e) => [e.seq, e.months])).toEqual([
    [1, { from: 4, to: 4 }],
    [2, { from: 5, to: 5 }],
  ]);
  expect(r.warnings).toEqual([]);
});

test('a contact person or phone written in the unit cell is not imported as part of the unit', () => {
  const text = [
    '序号\t活动主题\t活动形式\t责任单位\t时间',
    '1\t税务开放日\t现场观摩\t区税务局（联系人：李四）\t4月',
    '2\t民生座谈会\t座谈交流\t区民政局(电话 0731-88888888)、区残联\t5月',
    '3\t法治宣传\t政策宣讲\t区司法局（公共法律服务中心）\t6月',
  ].join('\n');
  const r = parsePlanTable(text);
  expect(r.events.map((e) => e.units)).toEqual([['区税务局'], ['区民政局', '区残联'], ['区司法局（公共法律服务中心）']]);
  expect(r.warnings).toEqual([
    { row: 2, field: 'units', message: '序号1的责任单位里写有联系人或电话，只导入了单位名称：区税务局' },
    { row: 3, field: 'units', message: '序号2的责任单位里写有联系人或电话，只导入了单位名称：区民政局、区残联' },
  ]);
});
