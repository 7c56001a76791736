// Time cells as offices write them, and rows whose time the table gives elsewhere
// (a ditto mark, a sheet or title naming the month) or not at all.
import { parsePlanTable, warningText } from '@/domain/planTable';
import { parseWhen } from '@/domain/planTable/when';

const month = (from: number, to = from) => ({ months: { from, to }, days: null });
const day = (m: number, d: number) => ({
  months: { from: m, to: m },
  days: { from: { month: m, day: d }, to: { month: m, day: d } },
});

describe('when.ts：人一看就懂的时间', () => {
  test.each([
    ['括号里是备注（月）', '9月（统计开放日）', month(9)],
    ['括号里是备注（日）', '4月23日（世界读书日）', day(4, 23)],
    ['括号里重复了季度的月份', '第二季度（4-6月）', month(4, 6)],
    ['Q3', 'Q3', month(7, 9)],
    ['Q2-Q3', 'Q2-Q3', month(4, 9)],
    ['第三、四季度', '第三、四季度', month(7, 12)],
    ['三、四季度', '三、四季度', month(7, 12)],
    ['第二至三季度', '第二至三季度', month(4, 9)],
    ['年份写两遍（长横线）', '2024年4月—2024年6月', { ...month(4, 6), year: 2024 }],
    ['年份写两遍（至）', '2024年4月至2024年6月', { ...month(4, 6), year: 2024 }],
    ['年份写两遍（波浪线）', '2024年4月~2024年6月', { ...month(4, 6), year: 2024 }],
    ['点号年月段', '2024.4-2024.6', { ...month(4, 6), year: 2024 }],
    ['到', '4月到6月', month(4, 6)],
    ['10月底', '10月底', month(10)],
    ['下半年', '下半年', month(7, 12)],
    ['4-5月份', '4-5月份', month(4, 5)],
    ['四至五月', '四至五月', month(4, 5)],
    ['四、五月', '四、五月', month(4, 5)],
    ['带年份的下旬', '2024年4月下旬', { ...month(4), year: 2024 }],
    ['中下旬', '4月中下旬', month(4)],
    ['相连的两个月', '4月和5月', month(4, 5)],
    ['单元格里换行的两个月', '4月5月', month(4, 5)],
    ['计划于', '计划于10月', month(10)],
    ['开展', '10月开展', month(10)],
    ['中文数字的年份', '二〇二四年四月', { ...month(4), year: 2024 }],
    ['期间', '4月至5月期间', month(4, 5)],
    ['相连的两天', '4月23日、24日', { ...day(4, 23), days: { from: { month: 4, day: 23 }, to: { month: 4, day: 24 } } }],
  ])('%s：%s', (_n, text, expected) => {
    expect(parseWhen(text)).toEqual({ ok: true, year: null, ...expected });
  });

  test.each([
    ['暂定在前', '暂定10月', '“暂定10月”是暂定时间，请责任单位报备方案时确定日期'],
    ['拟', '拟10月', '“拟10月”是暂定时间，请责任单位报备方案时确定日期'],
    ['约', '约10月', '“约10月”是暂定时间，请责任单位报备方案时确定日期'],
    ['括号在前', '（暂定）10月', '“（暂定）10月”是暂定时间，请责任单位报备方案时确定日期'],
    ['半角括号在后', '10月(暂定)', '“10月(暂定)”是暂定时间，请责任单位报备方案时确定日期'],
    ['括号里待定', '4月（待定）', '“4月（待定）”是暂定时间，请责任单位报备方案时确定日期'],
    ['前后', '4月前后', '“4月前后”是暂定时间，请责任单位报备方案时确定日期'],
    ['中旬前', '5月中旬前', '“5月中旬前”按5月处理，请核对是否需要更早开展'],
    ['年底前', '年底前', '“年底前”按12月处理，请核对是否需要更早开展'],
    ['年内', '年内', '“年内”没有具体月份，已按全年处理，请责任单位报备方案时确定日期'],
    ['不相连的季度', '一、三季度', '“一、三季度”已按1月至9月处理，请核对'],
    ['季度末', '第三季度末', '“第三季度末”按9月处理，请核对'],
    ['或', '4月或5月', '“4月或5月”是几个月份，已按4月至5月处理，请核对'],
    ['每季度一次', '每季度一次', '“每季度一次”没有具体月份，已按全年处理，请责任单位报备方案时确定日期'],
    ['节日前：1日的节日算上个月', '国庆节前', '“国庆节前”按9月处理，请责任单位报备方案时确定日期'],
    ['节日前后', '世界环境日前后', '“世界环境日前后”按6月处理，请责任单位报备方案时确定日期'],
    ['括号里另有日期', '4月（23日）', '“4月（23日）”只按括号外的时间导入，括号里的“23日”请核对'],
  ])('读出并提醒：%s', (_n, text, note) => {
    expect(parseWhen(text)).toMatchObject({ ok: true, note });
  });

  test.each([
    ['月份一列里的数字', '4', month(4)],
    ['表格软件的小数', '4.0', month(4)],
    ['十二', '12', month(12)],
  ])('月份一列：%s', (_n, text, expected) => {
    expect(parseWhen(text, { bareMonth: true })).toEqual({ ok: true, year: null, ...expected });
  });

  test.each([
    ['不在月份一列的数字', '4', {}],
    ['十三', '13', { bareMonth: true }],
    ['零', '0', { bareMonth: true }],
    ['跨年', '2024年11月-2025年1月', {}],
    ['没有月的数字', '4、5', {}],
    ['星期几', '周一至周五', {}],
    ['只有备注', '（统计开放日）', {}],
    ['只写节日名（多是主题或备注）', '世界读书日', {}],
    ['不相连的几天', '4月23日、25日', {}],
  ])('无法识别：%s', (_n, text, opts) => {
    expect(parseWhen(text, opts)).toEqual({ ok: false });
  });
});

describe('时间一列：整张表', () => {
  test('月份一列填数字，照月份读，不提醒', () => {
    const r = parsePlanTable(
      '序号\t活动主题\t活动形式\t责任单位\t月份\n1\t政府采购政策宣讲\t现场培训\t县财政局\t4\n2\t警营开放日\t现场观摩\t县公安局\t8',
      { year: 2024 },
    );
    expect(r.events.map((e) => e.months)).toEqual([
      { from: 4, to: 4 },
      { from: 8, to: 8 },
    ]);
    expect(r.warnings).toEqual([]);
  });

  test('时间带备注、季度、年份写两遍：都读出月份或日期', () => {
    const r = parsePlanTable(
      [
        '序号\t活动主题\t活动形式\t责任单位\t时间',
        '1\t统计开放日\t开放日\t县统计局\t9月（统计开放日）',
        '2\t世界读书日\t现场宣传\t县文旅局\t4月23日（世界读书日）',
        '3\t警营开放日\t现场观摩\t县公安局\tQ3',
        '4\t宪法宣传周\t现场宣传\t县司法局\t第三、四季度',
        '5\t医保政策进社区\t政策宣讲\t县医保局\t2024年4月—2024年6月',
      ].join('\n'),
      { year: 2024 },
    );
    expect(r.events.map(({ months, date }) => ({ months, date }))).toEqual([
      { months: { from: 9, to: 9 }, date: null },
      { months: { from: 4, to: 4 }, date: '2024-04-23' },
      { months: { from: 7, to: 9 }, date: null },
      { months: { from: 7, to: 12 }, date: null },
      { months: { from: 4, to: 6 }, date: null },
    ]);
    expect(r.warnings.map(warningText)).toEqual([]);
  });
});

describe('同上、〃：沿用上一行同一列', () => {
  const header = '序号\t活动主题\t活动形式\t责任单位\t时间';
  test.each([
    [
      '三列都写同上',
      ['1\t政府采购政策宣讲\t现场培训\t县财政局\t4月', '2\t政府采购开放日\t同上\t同上\t同上'],
      { forms: ['现场培训'], units: ['县财政局'], months: { from: 4, to: 4 } },
      ['第3行：序号2的活动形式、责任单位、活动时间写的是“同上”，已沿用上一行的“现场培训”“县财政局”“4月”，请核对'],
    ],
    [
      '〃 和 Excel 复制出的引号',
      ['1\t警营开放日\t现场观摩\t县公安局\t8月', '2\t交通安全宣传\t现场宣传\t〃\t""""'],
      { forms: ['现场宣传'], units: ['县公安局'], months: { from: 8, to: 8 } },
      ['第3行：序号2的责任单位、活动时间写的是“〃”“"”，已沿用上一行的“县公安局”“8月”，请核对'],
    ],
    [
      '同上一行，只在时间一列',
      ['1\t世界读书日\t现场宣传\t县文旅局\t4月23日', '2\t全民阅读讲座\t宣传讲座\t县图书馆\t同上一行'],
      { forms: ['宣传讲座'], units: ['县图书馆'], months: { from: 4, to: 4 }, date: '2024-04-23' },
      ['第3行：序号2的活动时间写的是“同上一行”，已沿用上一行的“4月23日”，请核对'],
    ],
    [
      '连着两行同上：沿用的是上一行沿用来的',
      ['1\t医保政策进社区\t政策宣讲\t县医保局\t5月', '2\t医保政策进校园\t同上\t同上\t6月', '3\t医保政策进企业\t同上\t同上\t同上'],
      { forms: ['政策宣讲'], units: ['县医保局'], months: { from: 6, to: 6 } },
      [
        '第3行：序号2的活动形式、责任单位写的是“同上”，已沿用上一行的“政策宣讲”“县医保局”，请核对',
        '第4行：序号3的活动形式、责任单位、活动时间写的是“同上”，已沿用上一行的“政策宣讲”“县医保局”“6月”，请核对',
      ],
    ],
  ])('%s', (_n, lines, last, warnings) => {
    const r = parsePlanTable([header, ...lines].join('\n'), { year: 2024 });
    expect(r.events[r.events.length - 1]).toMatchObject(last);
    expect(r.warnings.map(warningText)).toEqual(warnings);
  });

  test('第一行就写同上：上面没有可沿用的，按空白处理并提醒', () => {
    const r = parsePlanTable(`${header}\n1\t政府采购政策宣讲\t现场培训\t同上\t4月`, { year: 2024 });
    expect(r.events[0].units).toEqual([]);
    expect(r.warnings.map(warningText)).toEqual([
      '第2行：序号1的责任单位写的是“同上”，但上一行没有可沿用的内容，已按空白处理',
      '第2行：序号1没有填写责任单位，请补上后重新导入，否则这项活动没有单位负责',
    ]);
  });
});

describe('没有时间一列', () => {
  const header = '序号\t活动主题\t活动形式\t责任单位';
  const rows = ['1\t政府采购政策宣讲\t现场培训\t县财政局', '2\t税惠万家\t座谈交流\t县税务局'];

  test.each([
    ['标题写了月份', 'XX县2024年4月“政务公开主题日”活动安排表', { from: 4, to: 4 }],
    ['标题写了季度', 'XX县2024年第二季度政务公开主题日活动计划', { from: 4, to: 6 }],
    ['标题写了几个月', 'XX县2024年4月至6月政务公开主题日活动安排', { from: 4, to: 6 }],
  ])('%s：各行按标题的时间，不提醒', (_n, title, months) => {
    const r = parsePlanTable([title, header, ...rows].join('\n'), { year: 2024 });
    expect(r.events.map((e) => e.months)).toEqual([months, months]);
    expect(r.warnings).toEqual([]);
  });

  test('标题和表里都没有时间：整张表提醒一次', () => {
    const r = parsePlanTable(['XX县2024年度政务公开主题日活动安排表', header, ...rows].join('\n'), { year: 2024 });
    expect(r.events.map((e) => e.months)).toEqual([null, null]);
    expect(r.warnings).toEqual([
      {
        row: 0,
        message:
          '表格没有“时间”一列，2项活动的时间按“待定”导入：不计报备期限，由责任单位报备方案时确定日期。如已定了月份，请在表格中加上“时间”一列后重新导入',
      },
    ]);
  });

  test('部分行在月份标题下：其余的行列出序号提醒一次', () => {
    const r = parsePlanTable([header, ...rows, '4月', '3\t警营开放日\t现场观摩\t县公安局'].join('\n'), { year: 2024 });
    expect(r.events.map((e) => e.months)).toEqual([null, null, { from: 4, to: 4 }]);
    expect(r.warnings.map(warningText)).toEqual([
      '表格没有“时间”一列，序号1、2的时间按“待定”导入：不计报备期限，由责任单位报备方案时确定日期。如已定了月份，请在表格中加上“时间”一列后重新导入',
    ]);
  });

  test('有时间一列、一格空着、标题写了月份：按标题并提醒', () => {
    const r = parsePlanTable(
      ['XX县2024年4月政务公开主题日活动安排表', `${header}\t时间`, `${rows[0]}\t4月23日`, `${rows[1]}\t`].join('\n'),
      { year: 2024 },
    );
    expect(r.events.map((e) => e.months)).toEqual([
      { from: 4, to: 4 },
      { from: 4, to: 4 },
    ]);
    expect(r.warnings.map(warningText)).toEqual(['第4行：序号2没有填写活动时间，已按表格标题里的“4月”处理，请核对']);
  });
});
