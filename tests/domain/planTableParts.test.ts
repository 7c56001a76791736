// Each piece of the plan-table reader on its own (src/domain/planTable/*).
import { assign } from '@/domain/planTable/align';
import { splitOnSpaces, unitProblem } from '@/domain/planTable/cells';
import { detectHeader } from '@/domain/planTable/header';
import { segment, textToRows } from '@/domain/planTable/records';
import { joinCellLines, joinWrapped } from '@/domain/planTable/text';
import { parseWhen } from '@/domain/planTable/when';

describe('when.ts：时间一列照印的读', () => {
  test.each([
    ['某日', '4月23日', { months: { from: 4, to: 4 }, days: { from: { month: 4, day: 23 }, to: { month: 4, day: 23 } }, year: null }],
    [
      '带年份的某日',
      '2023年4月23日',
      { months: { from: 4, to: 4 }, days: { from: { month: 4, day: 23 }, to: { month: 4, day: 23 } }, year: 2023 },
    ],
    [
      '同月几天',
      '4月25日-27日',
      { months: { from: 4, to: 4 }, days: { from: { month: 4, day: 25 }, to: { month: 4, day: 27 } }, year: null },
    ],
    [
      '跨月几天',
      '4月28日至5月2日',
      { months: { from: 4, to: 5 }, days: { from: { month: 4, day: 28 }, to: { month: 5, day: 2 } }, year: null },
    ],
    [
      '中文数字日期',
      '四月二十三日',
      { months: { from: 4, to: 4 }, days: { from: { month: 4, day: 23 }, to: { month: 4, day: 23 } }, year: null },
    ],
    ['“号”', '5月20号', { months: { from: 5, to: 5 }, days: { from: { month: 5, day: 20 }, to: { month: 5, day: 20 } }, year: null }],
    ['季度', '第二季度', { months: { from: 4, to: 6 }, days: null, year: null }],
    ['全年', '全年', { months: { from: 1, to: 12 }, days: null, year: null }],
    ['待定', '待定', { months: null, days: null, year: null }],
    ['点号年月', '2024.5', { months: { from: 5, to: 5 }, days: null, year: 2024 }],
    ['横线年月', '2024-06', { months: { from: 6, to: 6 }, days: null, year: 2024 }],
    ['斜线年月', '2024/6', { months: { from: 6, to: 6 }, days: null, year: 2024 }],
    [
      '点号年月日',
      '2024.5.15',
      { months: { from: 5, to: 5 }, days: { from: { month: 5, day: 15 }, to: { month: 5, day: 15 } }, year: 2024 },
    ],
    [
      '横线年月日',
      '2024-05-15',
      { months: { from: 5, to: 5 }, days: { from: { month: 5, day: 15 }, to: { month: 5, day: 15 } }, year: 2024 },
    ],
    ['点号月日', '5.15', { months: { from: 5, to: 5 }, days: { from: { month: 5, day: 15 }, to: { month: 5, day: 15 } }, year: null }],
    [
      '点号月日段',
      '5.15-5.20',
      { months: { from: 5, to: 5 }, days: { from: { month: 5, day: 15 }, to: { month: 5, day: 20 } }, year: null },
    ],
    [
      '斜线月日跨月',
      '4/28至5/2',
      { months: { from: 4, to: 5 }, days: { from: { month: 4, day: 28 }, to: { month: 5, day: 2 } }, year: null },
    ],
    [
      '带星期',
      '4月23日（星期日）',
      { months: { from: 4, to: 4 }, days: { from: { month: 4, day: 23 }, to: { month: 4, day: 23 } }, year: null },
    ],
    [
      '带上午和钟点',
      '4月23日上午9:30-11:30',
      { months: { from: 4, to: 4 }, days: { from: { month: 4, day: 23 }, to: { month: 4, day: 23 } }, year: null },
    ],
    [
      '带钟点（全角冒号）',
      '2024年4月23日 14：30',
      { months: { from: 4, to: 4 }, days: { from: { month: 4, day: 23 }, to: { month: 4, day: 23 } }, year: 2024 },
    ],
    [
      '几天带星期',
      '5月15日(周三)至5月21日(周二)',
      { months: { from: 5, to: 5 }, days: { from: { month: 5, day: 15 }, to: { month: 5, day: 21 } }, year: null },
    ],
  ])('%s：%s', (_n, text, expected) => {
    expect(parseWhen(text)).toEqual({ ok: true, ...expected });
  });

  test.each([
    ['“6月底前”按6月读并提醒', '6月底前', '“6月底前”按6月处理，请核对是否需要更早开展'],
    ['几个月份并列', '4月、6月', '“4月、6月”是几个月份，已按4月至6月处理，请核对'],
    ['常态化：按全年并提醒', '常态化', '“常态化”没有具体月份，已按全年处理，请责任单位报备方案时确定日期'],
    ['每季度：按全年并提醒', '每季度', '“每季度”没有具体月份，已按全年处理，请责任单位报备方案时确定日期'],
    ['第几周：按月并提醒', '5月第二周', '“5月第二周”按5月处理，请责任单位报备方案时确定日期'],
    ['某日前：按月并提醒', '5月15日前', '“5月15日前”按5月处理，请核对是否需要更早开展'],
    ['暂定：照读并提醒', '9月中旬（暂定）', '“9月中旬（暂定）”是暂定时间，请责任单位报备方案时确定日期'],
    ['左右：照读并提醒', '6月20日左右', '“6月20日左右”是暂定时间，请责任单位报备方案时确定日期'],
  ])('%s', (_n, text, note) => {
    expect(parseWhen(text)).toMatchObject({ ok: true, note });
  });

  test.each([
    ['不存在的日期', '4月31日'],
    ['倒着的日期段', '4月27日-25日'],
    ['几个日期并列（不截成月份）', '4月23日、25日'],
    ['近期', '近期'],
    ['不存在的点号日期', '2024.2.30'],
    ['十三月', '2024.13'],
  ])('无法识别：%s', (_n, text) => {
    expect(parseWhen(text)).toEqual({ ok: false });
  });
});

describe('text.ts：单元格内换行怎么接', () => {
  test.each([
    ['Word 单元格里有意换行：中间留一个空格', joinCellLines('响应新时代', '迎接新开局'), '响应新时代 迎接新开局'],
    ['换行处已有标点：不加空格', joinCellLines('城乡供水安全', '“水从哪里来”'), '城乡供水安全“水从哪里来”'],
    ['PDF 排版折行：直接接上', joinWrapped('持续推', '进“放管服”改革'), '持续推进“放管服”改革'],
    ['PDF 折行在英文数字之间：留空格', joinWrapped('2023', 'ABC'), '2023 ABC'],
  ])('%s', (_n, got, want) => {
    expect(got).toBe(want);
  });
});

describe('cells.ts：分列与单位核对', () => {
  test.each([
    ['全角空格分列', '1\u3000响应新时代 迎接新开局\u30004 月', ['1', '响应新时代 迎接新开局', '4 月']],
    ['两个以上空格分列，一个空格不分', '3   营商环境 体验  现场体验', ['3', '营商环境 体验', '现场体验']],
  ])('%s', (_n, line, cells) => {
    expect(splitOnSpaces(line)).toEqual(cells);
  });

  test.each([
    [
      '单位里混进了活动形式',
      '现场解答芙蓉北路街道',
      '责任单位“现场解答芙蓉北路街道”里有活动形式的字样“解答”，请核对是否与活动形式一列错位',
    ],
    ['单位里混进了月份', '区教育局4月', '责任单位“区教育局4月”里有月份，请核对是否与时间一列错位'],
    ['单位里有数字', '区教育局2', '责任单位“区教育局2”里有数字，请核对是否与序号或时间一列错位'],
    ['括号里的数字不算', '区税务局(第一税务所)', null],
    ['市委宣传部是单位', '市委宣传部', null],
  ])('%s', (_n, name, problem) => {
    expect(unitProblem(name)).toBe(problem);
  });
});

describe('header.ts：表头与排版', () => {
  test.each([
    [
      '制表符表头',
      '标题\n序号\t活动主题\t活动形式\t责任单位\t时间',
      { kinds: ['seq', 'theme', 'forms', 'units', 'months'], layout: 'cells', line: 2, used: 1 },
    ],
    [
      '全角空格表头',
      '标题\n编号\u3000主题\u3000开展时间\u3000牵头单位',
      { kinds: ['seq', 'theme', 'months', 'units'], layout: 'spaces', line: 2, used: 1 },
    ],
    [
      '一格一行，制表符开头',
      '标题\n序号\n\t活动主题\n\t责任单位\n\t时间',
      { kinds: ['seq', 'theme', 'units', 'months'], layout: 'cells', line: 2, used: 4 },
    ],
    [
      '一格一行，没有标记',
      '标题\n序号\n活动主题\n活动方式\n责任单位\n活动时间\n1',
      { kinds: ['seq', 'theme', 'forms', 'units', 'months'], layout: 'lines', line: 2, used: 5 },
    ],
    [
      '表头带括号注释',
      '标题\n序号\t活动主题（内容）\t活动形式\t责任单位（牵头）\t时间（月份）\t配合单位（协办）',
      { kinds: ['seq', 'theme', 'forms', 'units', 'months', 'other'], layout: 'cells', line: 2, used: 1 },
    ],
    [
      '没见过的表头用词',
      '标题\n序号\t活动名称及主要内容\t开展方式\t具体负责部门\t具体开展时间\t活动地点及参与对象',
      { kinds: ['seq', 'theme', 'forms', 'units', 'months', 'other'], layout: 'cells', line: 2, used: 1 },
    ],
  ])('%s', (_n, text, header) => {
    expect(detectHeader(textToRows(text), 1)).toEqual(header);
  });

  test.each([
    ['一行活动', '1\t学习主题活动\t现场观摩\t区税务局\t4月'],
    ['通知正文', '各单位要按照活动主题和活动形式，由责任单位在规定时间内开展'],
    ['两格数据', '政策宣讲活动\t区税务局单位\t4月时间'],
  ])('不是表头：%s', (_n, text) => {
    expect(detectHeader(textToRows(`标题\n${text}`), 1)).toBeNull();
  });
});

describe('records.ts：一行一条记录', () => {
  test('Word 复制：不带制表符的行接上一格，带制表符的行开新格', () => {
    const seg = segment(textToRows('序号\t活动主题\t活动形式\t责任单位\t时间\n1\t主题\t设点宣传\n政策发布\n现场观摩\t县住建局\t4月'));
    expect(seg.records.map((r) => r.cells)).toEqual([['1', '主题', '设点宣传\n政策发布\n现场观摩', '县住建局', '4月']]);
  });

  test('一格一行：一条活动后的大量短句只留少量给这条活动，其余算作无法识别', () => {
    const seg = segment(
      textToRows(
        ['序号', '活动主题', '活动形式', '责任单位', '时间', '1', '主题', ...Array.from({ length: 100 }, (_, i) => `短句${i}`)].join('\n'),
      ),
    );
    expect(seg.records).toHaveLength(1);
    expect(seg.records[0].fragments.length).toBeLessThanOrEqual(12);
    expect(seg.strays.length).toBeGreaterThan(80);
  });
});

describe('align.ts：一格一行时按内容对应各列（一趟，不搜索所有对齐方式）', () => {
  const frag = (text: string) => ({ text, newLine: true });
  test.each([
    [
      '主题折行',
      ['学习贯彻《优化营商环境条例》，持续推', '进“放管服”改革', '政策发布', '市发改委', '3月-4月'],
      [['学习贯彻《优化营商环境条例》，持续推', '进“放管服”改革'], ['政策发布'], ['市发改委'], ['3月-4月']],
    ],
    [
      '单位名称折行',
      ['耕地保护暨6·25全国土地日宣传', '现场宣传', '市自然资源和规划', '局', '6月'],
      [['耕地保护暨6·25全国土地日宣传'], ['现场宣传'], ['市自然资源和规划', '局'], ['6月']],
    ],
    [
      '几种形式各占一行',
      ['政务公开开放日', '现场观摩', '座谈交流', '市政府办', '第二季度'],
      [['政务公开开放日'], ['现场观摩', '座谈交流'], ['市政府办'], ['第二季度']],
    ],
    ['少了活动形式：跳过这一列', ['垃圾分类进小区', '县城管局', '6月'], [['垃圾分类进小区'], [], ['县城管局'], ['6月']]],
  ])('%s', (_n, texts, parts) => {
    expect(assign(texts.map(frag), ['theme', 'forms', 'units', 'months'])).toEqual(parts);
  });
});
