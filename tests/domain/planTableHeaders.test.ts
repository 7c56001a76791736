// Header rows in the wordings offices really use: cells naming two columns at once
// ("活动主题及形式", "责任单位/配合单位"), two cells naming the same column ("活动主题" and
// "活动内容"), columns the reader has no word for left of 序号 (a city's table listing
// the county first), and 责任单位 split into 牵头 and 配合 in a two-row header.
import ExcelJS from 'exceljs';
import { detectHeader, headerKinds } from '@/domain/planTable/header';
import { parsePlanTable, textToRows, type PlanParseResult } from '@/domain/planTable';
import { parsePlanDocx } from '@/domain/planDocx';
import { parsePlanXlsx } from '@/domain/planXlsx';
import { docx, para, table } from '../helpers/docx';

const brief = (r: PlanParseResult) =>
  r.events.map(({ seq, theme, forms, units, months }) => ({ seq, theme, forms, units, from: months?.from ?? null }));

describe('一格表头写了两样：先认主题，再认责任单位', () => {
  test.each([
    ['活动主题及形式', ['theme', 'forms']],
    ['主题和内容', ['theme']],
    ['活动内容及形式', ['theme', 'forms']],
    ['活动形式及内容', ['forms']],
    ['责任单位/配合单位', ['units', 'other']],
    ['责任单位／配合单位', ['units', 'other']],
    ['牵头单位及配合单位', ['units', 'other']],
    ['责任单位及联系方式', ['units', 'other']],
    ['责任单位、联系人', ['units', 'other']],
    ['活动时间及地点', ['months', 'other']],
    ['活动地点及参与对象', ['other']],
    ['配合单位', ['other']],
    ['牵头', ['units']],
    ['配合', ['other']],
    ['县市区', []],
  ])('“%s” → %j', (cell, kinds) => {
    expect(headerKinds(cell)).toEqual(kinds);
  });
});

describe('表头：同一列写了两次、左边有没见过的列', () => {
  test.each([
    [
      '活动主题和活动内容：内容一列另存',
      '序号\t活动主题\t活动内容\t活动形式\t责任单位\t时间',
      ['seq', 'theme', 'other', 'forms', 'units', 'months'],
    ],
    ['活动内容在前也一样', '序号\t活动内容\t活动主题\t活动形式\t责任单位\t时间', ['seq', 'other', 'theme', 'forms', 'units', 'months']],
    [
      '活动名称与“活动内容及形式”：后者是形式',
      '序号\t活动名称\t活动内容及形式\t牵头单位及配合单位\t开展时间（月份）',
      ['seq', 'theme', 'forms', 'units', 'months'],
    ],
    [
      '活动形式与“活动内容及形式”：写明形式的那列是形式',
      '序号\t活动主题\t活动内容及形式\t活动形式\t责任单位\t时间',
      ['seq', 'theme', 'other', 'forms', 'units', 'months'],
    ],
    ['活动主题与主要内容', '序号\t活动主题\t主要内容\t活动形式\t责任单位\t时间', ['seq', 'theme', 'other', 'forms', 'units', 'months']],
    [
      '形式写了两列：左边的是形式',
      '序号\t活动主题\t活动形式\t开展方式\t责任单位\t时间',
      ['seq', 'theme', 'forms', 'other', 'units', 'months'],
    ],
    ['单位与责任单位：写明责任的那列是单位', '序号\t活动主题\t单位\t责任单位\t时间', ['seq', 'theme', 'other', 'units', 'months']],
    ['县市区在最左边', '县市区\t序号\t活动主题\t活动形式\t责任单位\t时间', ['other', 'seq', 'theme', 'forms', 'units', 'months']],
    [
      '区县、类别在最左边',
      '区县\t类别\t序号\t活动主题\t活动形式\t责任单位\t时间',
      ['other', 'other', 'seq', 'theme', 'forms', 'units', 'months'],
    ],
    ['没见过的列在两边', '县市区\t序号\t活动主题\t责任单位\t时间\t责任领导', ['other', 'seq', 'theme', 'units', 'months', 'other']],
  ])('%s', (_n, header, kinds) => {
    expect(detectHeader(textToRows(`标题\n${header}`), 1)?.kinds).toEqual(kinds);
  });

  test('PDF 复制（空格分列），县市区在最左边', () => {
    expect(detectHeader(textToRows('标题\n县市区  序号  活动主题  活动形式  责任单位  时间'), 1)).toEqual({
      kinds: ['other', 'seq', 'theme', 'forms', 'units', 'months'],
      layout: 'spaces',
      line: 2,
      used: 1,
    });
  });

  test('Word 一格一行：活动名称下面是“活动内容及形式”', () => {
    const text = '序号\n活动名称\n活动内容及形式\n责任单位\n时间\n1\n税务开放日\n现场观摩\n区税务局\n4月';
    expect(detectHeader(textToRows(text), 0)?.kinds).toEqual(['seq', 'theme', 'forms', 'units', 'months']);
    expect(brief(parsePlanTable(text))).toEqual([{ seq: 1, theme: '税务开放日', forms: ['现场观摩'], units: ['区税务局'], from: 4 }]);
  });

  test.each([
    ['县市区开头的一行活动', '大祥区\t区直部门\t1\t医保政策进社区\t现场咨询\t区医保局\t4月'],
    ['没有序号和月份的一行活动', '大祥区\t主题活动\t现场观摩\t区直各部门\t待定'],
    ['没有单位的一行：两列没见过的词不算表头', '县市区\t类别\t牵头领导\t活动主题\t活动形式'],
    ['没见过的词比认得的多', '县市区\t类别\t片区\t活动主题\t责任单位\t时间'],
    ['标题', 'XX市2024年政务公开主题日活动计划汇总表'],
    ['填报说明', '填报单位（盖章）\t\t联系人\t\t联系电话'],
    ['空格分列的通知正文', '各单位  按照活动主题  由责任单位  在规定时间内开展'],
  ])('不是表头：%s', (_n, text) => {
    expect(detectHeader(textToRows(`标题\n${text}`), 1)).toBeNull();
  });
});

describe('各地表头写法：读出的活动', () => {
  test.each([
    [
      '活动主题和活动内容两列：内容留在原文里',
      ['序号\t活动主题\t活动内容\t活动形式\t责任单位\t时间', '1\t政府采购政策宣讲\t解读政府采购新规，现场答疑\t现场培训\t市财政局\t4月'],
      [{ seq: 1, theme: '政府采购政策宣讲', forms: ['现场培训'], units: ['市财政局'], from: 4 }],
    ],
    [
      '“活动主题及形式”一列，没有形式列',
      ['序号\t活动主题及形式\t责任单位\t时间', '1\t“税惠千万家”政策宣讲会\t区税务局\t4月', '2\t医保政策进社区（现场咨询）\t区医保局\t5月'],
      [
        { seq: 1, theme: '“税惠千万家”政策宣讲会', forms: [], units: ['区税务局'], from: 4 },
        { seq: 2, theme: '医保政策进社区（现场咨询）', forms: [], units: ['区医保局'], from: 5 },
      ],
    ],
    [
      '“主题和内容”一列',
      ['序号\t主题和内容\t活动形式\t责任单位\t时间', '1\t民生座谈会\t座谈交流\t区民政局\t5月'],
      [{ seq: 1, theme: '民生座谈会', forms: ['座谈交流'], units: ['区民政局'], from: 5 }],
    ],
    [
      '“责任单位/配合单位”一列',
      ['序号\t活动主题\t活动形式\t责任单位/配合单位\t时间', '1\t政府采购政策宣讲\t现场培训\t市财政局\t4月'],
      [{ seq: 1, theme: '政府采购政策宣讲', forms: ['现场培训'], units: ['市财政局'], from: 4 }],
    ],
    [
      '“牵头单位及配合单位”一列，活动名称与“活动内容及形式”',
      [
        '序号\t活动名称\t活动内容及形式\t牵头单位及配合单位\t开展时间（月份）',
        '1\t政府采购政策\t现场培训\t市财政局、市公共资源交易中心\t4月',
      ],
      [{ seq: 1, theme: '政府采购政策', forms: ['现场培训'], units: ['市财政局', '市公共资源交易中心'], from: 4 }],
    ],
    [
      '“责任单位及联系方式”一列',
      ['序号\t活动主题\t活动形式\t责任单位及联系方式\t时间', '1\t政府采购政策宣讲\t现场培训\t市财政局\t4月'],
      [{ seq: 1, theme: '政府采购政策宣讲', forms: ['现场培训'], units: ['市财政局'], from: 4 }],
    ],
    [
      '市级汇总表：县市区在最左边，合并单元格复制后下面是空的',
      [
        '县市区\t序号\t活动主题\t活动形式\t责任单位\t时间',
        '大祥区\t1\t医保政策进社区\t现场咨询\t区医保局\t4月',
        '\t2\t安全生产宣传\t政策宣传\t区应急局\t6月',
        '双清区\t3\t就业政策宣讲\t政策宣讲\t区人社局\t7月',
      ],
      [
        { seq: 1, theme: '医保政策进社区', forms: ['现场咨询'], units: ['区医保局'], from: 4 },
        { seq: 2, theme: '安全生产宣传', forms: ['政策宣传'], units: ['区应急局'], from: 6 },
        { seq: 3, theme: '就业政策宣讲', forms: ['政策宣讲'], units: ['区人社局'], from: 7 },
      ],
    ],
    [
      '市级汇总表：标题下是区县、类别两列',
      [
        'XX市2024年政务公开主题日活动计划汇总表',
        '区县\t类别\t序号\t活动主题\t活动形式\t责任单位\t时间',
        '大祥区\t区直部门\t1\t医保政策进社区\t现场咨询\t区医保局\t4月',
        '\t乡镇街道\t2\t社区开放日\t现场观摩\t城西街道\t5月',
      ],
      [
        { seq: 1, theme: '医保政策进社区', forms: ['现场咨询'], units: ['区医保局'], from: 4 },
        { seq: 2, theme: '社区开放日', forms: ['现场观摩'], units: ['城西街道'], from: 5 },
      ],
    ],
    [
      '两行表头：责任单位下分牵头、配合，牵头的是责任单位',
      [
        '序号\t活动主题\t活动形式\t责任单位\t\t时间',
        '\t\t\t牵头\t配合\t',
        '1\t政府采购政策宣讲\t现场培训\t县财政局\t县公共资源交易中心\t4月',
        '2\t警营开放日\t现场观摩\t县公安局\t\t8月',
      ],
      [
        { seq: 1, theme: '政府采购政策宣讲', forms: ['现场培训'], units: ['县财政局'], from: 4 },
        { seq: 2, theme: '警营开放日', forms: ['现场观摩'], units: ['县公安局'], from: 8 },
      ],
    ],
    [
      '两行表头：责任单位下分牵头单位、配合单位',
      ['序号\t活动主题\t活动形式\t责任单位\t\t时间', '\t\t\t牵头单位\t配合单位\t', '1\t税务开放日\t现场观摩\t区税务局\t区财政局\t4月'],
      [{ seq: 1, theme: '税务开放日', forms: ['现场观摩'], units: ['区税务局'], from: 4 }],
    ],
  ])('%s', (_n, lines, events) => {
    const r = parsePlanTable(lines.join('\n'), { year: 2024 });
    expect(brief(r)).toEqual(events);
    expect(r.warnings).toEqual([]);
  });

  test('另存的列留在原文里：活动内容、县市区、配合单位', () => {
    const r = parsePlanTable(
      [
        '县市区\t序号\t活动主题\t活动内容\t责任单位\t\t时间',
        '\t\t\t\t牵头\t配合\t',
        '大祥区\t1\t政府采购政策宣讲\t解读政府采购新规\t区财政局\t区公共资源交易中心\t4月',
      ].join('\n'),
    );
    expect(brief(r)).toEqual([{ seq: 1, theme: '政府采购政策宣讲', forms: [], units: ['区财政局'], from: 4 }]);
    for (const kept of ['大祥区', '解读政府采购新规', '区公共资源交易中心']) expect(r.events[0].raw).toContain(kept);
  });
});

describe('文件里的表头', () => {
  test('CSV：县市区在最左边也认作逗号分隔', () => {
    const r = parsePlanTable('县市区,序号,活动主题,活动形式,责任单位,时间\r\n大祥区,1,税务开放日,现场观摩,区税务局,4月\r\n');
    expect(brief(r)).toEqual([{ seq: 1, theme: '税务开放日', forms: ['现场观摩'], units: ['区税务局'], from: 4 }]);
    expect(r.warnings).toEqual([]);
  });

  test('Word：两行表头，责任单位横跨牵头、配合（其余表头格向下合并）', () => {
    const down = (text: string) => ({ text, merge: 'restart' as const });
    const below = { text: '', merge: 'continue' as const };
    const r = parsePlanDocx(
      docx(
        para('2024年政务公开主题日活动计划安排表'),
        table([
          [down('序号'), down('活动主题'), down('活动形式'), { text: '责任单位', span: 2 }, down('时间')],
          [below, below, below, '牵头', '配合', below],
          ['1', '政府采购政策宣讲', '现场培训', '县财政局', '县公共资源交易中心', '4月'],
          ['2', '警营开放日', '现场观摩', '县公安局', '', '8月'],
        ]),
      ),
    );
    expect(brief(r)).toEqual([
      { seq: 1, theme: '政府采购政策宣讲', forms: ['现场培训'], units: ['县财政局'], from: 4 },
      { seq: 2, theme: '警营开放日', forms: ['现场观摩'], units: ['县公安局'], from: 8 },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('Excel：区县、类别两列在最左边，向下合并', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总');
    ws.addRow(['区县', '类别', '序号', '活动主题', '活动形式', '责任单位', '时间']);
    ws.addRow(['大祥区', '区直部门', 1, '医保政策进社区', '现场咨询', '区医保局', '4月']);
    ws.addRow(['', '', 2, '安全生产宣传', '政策宣传', '区应急局', '6月']);
    ws.addRow(['双清区', '区直部门', 3, '就业政策宣讲', '政策宣讲', '区人社局', '7月']);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    const r = await parsePlanXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(brief(r)).toEqual([
      { seq: 1, theme: '医保政策进社区', forms: ['现场咨询'], units: ['区医保局'], from: 4 },
      { seq: 2, theme: '安全生产宣传', forms: ['政策宣传'], units: ['区应急局'], from: 6 },
      { seq: 3, theme: '就业政策宣讲', forms: ['政策宣讲'], units: ['区人社局'], from: 7 },
    ]);
    expect(r.events[1].raw).toContain('大祥区');
    expect(r.warnings).toEqual([]);
  });
});

describe('PDF 复制：表头格折成两三行', () => {
  test.each([
    [
      '一格一行：序/号、活动/形式、责任/单位各折成两行',
      ['序', '号', '活动主题', '活动', '形式', '责任', '单位', '时间', '1', '政府采购政策宣讲', '现场培训', '县财政局', '4月'],
      { kinds: ['seq', 'theme', 'forms', 'units', 'months'], layout: 'lines', line: 1, used: 8 },
    ],
    [
      '一格一行：计划/开展/时间折成三行',
      ['序号', '活动主题', '活动形式', '责任单位', '计划', '开展', '时间', '1', '政府采购政策宣讲', '现场培训', '县财政局', '4月'],
      { kinds: ['seq', 'theme', 'forms', 'units', 'months'], layout: 'lines', line: 1, used: 7 },
    ],
    [
      '空格分列：“计划开展”下一行是“时间”',
      [
        '序号  活动主题            活动形式  责任单位    计划开展',
        '                                              时间',
        '1     政府采购政策宣讲    现场培训  县财政局    4月',
      ],
      { kinds: ['seq', 'theme', 'forms', 'units', 'months'], layout: 'spaces', line: 1, used: 2 },
    ],
    [
      '空格分列：序/号、责任/单位折行',
      [
        '序  活动主题          活动形式  责任  时间',
        '号                              单位',
        '1   政府采购政策宣讲    现场培训  县财政局  4月',
      ],
      { kinds: ['seq', 'theme', 'forms', 'units', 'months'], layout: 'spaces', line: 1, used: 2 },
    ],
  ])('%s', (_n, lines, header) => {
    const text = lines.join('\n');
    expect(detectHeader(textToRows(text), 0)).toEqual(header);
    expect(brief(parsePlanTable(text))).toEqual([{ seq: 1, theme: '政府采购政策宣讲', forms: ['现场培训'], units: ['县财政局'], from: 4 }]);
  });

  test('表头下面一行是活动，不当作折行', () => {
    const text = ['序号  活动主题  活动形式  责任单位  时间', '1  税务开放日  现场观摩  区税务局  4月'].join('\n');
    expect(detectHeader(textToRows(text), 0)?.used).toBe(1);
  });
});
