// Where a row of the plan table starts and ends: 序号 cells as offices write them, and
// numbered lines inside a cell, which look like the notice's "一、…" headings.
import { parsePlanTable, warningText } from '@/domain/planTable';

const HEADER = '序号\t活动主题\t活动形式\t责任单位\t时间';
const brief = (text: string) => {
  const r = parsePlanTable(text, { year: 2024 });
  return {
    events: r.events.map((e) => [e.seq, e.theme.replace(/\s+/g, ' '), e.forms.join('、'), e.units.join('、'), e.months?.from ?? null]),
    warnings: r.warnings.map(warningText),
  };
};

describe('序号的写法：全角数字、中文数字都是序号，不报“没有序号”', () => {
  test.each([
    ['全角数字', ['１', '２．', '（３）']],
    ['中文数字', ['一', '二', '三']],
    ['中文数字加顿号', ['一、', '二、', '三、']],
    ['十以上的中文数字', ['十', '十一', '二十一']],
  ])('%s', (_name, seqs) => {
    const rows = ['政府采购政策宣讲\t现场培训\t县财政局\t4月', '税惠万家\t座谈交流\t县税务局\t5月', '安全生产月\t政策宣传\t县应急局\t6月'];
    const text = [HEADER, ...rows.map((r, i) => `${seqs[i]}\t${r}`)].join('\n');
    const r = parsePlanTable(text, { year: 2024 });
    expect(r.events.map((e) => e.theme)).toEqual(['政府采购政策宣讲', '税惠万家', '安全生产月']);
    expect(
      r.warnings
        .filter((w) => w.field === 'seq')
        .map(warningText)
        .join(''),
    ).not.toContain('没有序号');
  });
});

describe('单元格里的“一、”“（一）”分行：是这一格的内容，后面的活动一项不丢', () => {
  const cases: Array<[string, string, ReturnType<typeof brief>]> = [
    [
      'Word 复制（按 Tab 分格）：主题格里分条列出',
      [
        HEADER,
        '1\t政府采购政策宣讲\t现场培训\t县财政局\t4月',
        '2\t“法律进万家”系列活动',
        '一、宪法宣传进社区',
        '二、民法典宣传进乡村\t现场宣传\t县司法局\t5月',
        '3\t警营开放日\t现场观摩\t县公安局\t8月',
      ].join('\n'),
      {
        events: [
          [1, '政府采购政策宣讲', '现场培训', '县财政局', 4],
          [2, '“法律进万家”系列活动 一、宪法宣传进社区 二、民法典宣传进乡村', '现场宣传', '县司法局', 5],
          [3, '警营开放日', '现场观摩', '县公安局', 8],
        ],
        warnings: [],
      },
    ],
    [
      'Word 复制（一格一行）：主题格里分条列出',
      [
        '序号',
        '活动主题',
        '活动形式',
        '责任单位',
        '时间',
        '1',
        '税惠万家',
        '座谈交流',
        '县税务局',
        '4月',
        '2',
        '“法律进万家”系列活动',
        '（一）宪法宣传进社区',
        '现场宣传',
        '县司法局',
        '5月',
        '3',
        '警营开放日',
        '现场观摩',
        '县公安局',
        '8月',
      ].join('\n'),
      {
        events: [
          [1, '税惠万家', '座谈交流', '县税务局', 4],
          [2, '“法律进万家”系列活动（一）宪法宣传进社区', '现场宣传', '县司法局', 5],
          [3, '警营开放日', '现场观摩', '县公安局', 8],
        ],
        warnings: [],
      },
    ],
    [
      '最后一行不完整，后面是通知正文“一、活动要求”：表格到此结束，正文不并入活动',
      [
        HEADER,
        '1\t政府采购政策宣讲\t现场培训\t县财政局\t4月',
        '2\t税惠万家\t座谈交流\t县税务局',
        '一、活动要求',
        '各单位要高度重视，认真组织。',
      ].join('\n'),
      {
        events: [
          [1, '政府采购政策宣讲', '现场培训', '县财政局', 4],
          [2, '税惠万家', '座谈交流', '县税务局', null],
        ],
        warnings: ['第3行：这一行只有4格，比表头少1格，已按内容对应各列，请核对', '第3行：序号2没有填写活动时间，已按“待定”处理'],
      },
    ],
  ];
  test.each(cases)('%s', (_name, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('表格后面的文字不并入最后一格', () => {
  test('备注为空，表后是落款：落款不算备注的续行', () => {
    const text = [
      `${HEADER}\t备注`,
      '1\t政府采购政策宣讲\t现场培训\t县财政局\t4月\t',
      '2\t税惠万家\t座谈交流\t县税务局\t5月\t',
      '',
      'XX县政务公开领导小组办公室',
      '2024年3月20日',
    ].join('\n');
    const r = parsePlanTable(text, { year: 2024 });
    expect(r.events.map((e) => e.raw)).toEqual([
      '1\t政府采购政策宣讲\t现场培训\t县财政局\t4月\t',
      '2\t税惠万家\t座谈交流\t县税务局\t5月\t',
    ]);
    expect(r.warnings.map(warningText).join('')).not.toContain('续行');
  });

  test('每月一张表，表间是“五月份”，下面重复表头：标题给出月份，不并入上一行，也不报无法识别', () => {
    const text = [
      '四月份',
      `${HEADER}\t备注`,
      '1\t政府采购政策宣讲\t现场培训\t县财政局\t\t',
      '五月份',
      `${HEADER}\t备注`,
      '2\t节水宣传\t设点宣传\t县水利局\t\t',
    ].join('\n');
    expect(brief(text)).toEqual({
      events: [
        [1, '政府采购政策宣讲', '现场培训', '县财政局', 4],
        [2, '节水宣传', '设点宣传', '县水利局', 5],
      ],
      warnings: [],
    });
  });
});
