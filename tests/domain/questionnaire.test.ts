import { checkAnswers, percent, questionnaireSchema, summaryLines, tally, type Answer, type Question } from '@/domain/questionnaire';

const Q: Question[] = [
  { kind: 'single', title: '您从哪里得知本次活动', options: ['政府网站', '微信', '社区通知'], required: true },
  { kind: 'multiple', title: '您关注哪些事项', options: ['水价', '学位', '交通'] },
  { kind: 'rating', title: '总体满意度', required: true },
  { kind: 'text', title: '意见建议' },
];

test.each([
  ['全部答对', [1, [2, 0, 2], 5, '  很好  '], [], [1, [0, 2], 5, '很好']],
  ['选填题不答', [0, null, 4, ''], [], [0, null, 4, null]],
  ['必答题不答', [null, [], 3, null], ['第 1 题：此题必答'], null],
  ['单选越界', [3, [], 3, null], ['第 1 题：请选择一个选项'], null],
  ['多选越界', [0, [5], 3, null], ['第 2 题：请选择选项'], null],
  ['评分为 0', [0, [], 0, null], ['第 3 题：评分为 1–5 分'], null],
  ['题型不符：评分题给文字', [0, [], '五星', null], ['第 3 题：评分为 1–5 分'], null],
  ['题数不符', [0], ['请按问卷的 4 道题作答'], null],
] as Array<[string, Answer[], string[], Answer[] | null]>)('%s', (_n, answers, problems, normalised) => {
  const r = checkAnswers(Q, answers);
  expect(r.problems.map((p) => p.message)).toEqual(problems);
  if (normalised) expect(r.normalised).toEqual(normalised);
});

test.each([
  ['没有题目', { title: '问卷', questions: [] }, false],
  ['21 道题', { title: '问卷', questions: Array.from({ length: 21 }, () => ({ kind: 'rating', title: '满意度' })) }, false],
  ['20 道题', { title: '问卷', questions: Array.from({ length: 20 }, () => ({ kind: 'rating', title: '满意度' })) }, true],
  ['单选只有 1 个选项', { title: '问卷', questions: [{ kind: 'single', title: '题', options: ['是'] }] }, false],
  ['未知题型', { title: '问卷', questions: [{ kind: 'matrix', title: '题' }] }, false],
  ['评分题带选项', { title: '问卷', questions: [{ kind: 'rating', title: '题', options: ['1', '2'] }] }, false],
])('问卷定义：%s', (_n, q, valid) => {
  expect(questionnaireSchema.safeParse(q).success).toBe(valid);
});

test('统计：每个选项的人数和百分比、平均分、遮挡后的文字意见', () => {
  const sets: Answer[][] = [
    [0, [0, 1], 5, '联系我13812345678'],
    [0, [1], 4, null],
    [2, null, 3, '很好'],
  ];
  const r = tally(Q, sets);
  expect(r[0]).toEqual({
    kind: 'single',
    title: Q[0].title,
    answered: 3,
    options: [
      { label: '政府网站', count: 2, percent: 66.7 },
      { label: '微信', count: 0, percent: 0 },
      { label: '社区通知', count: 1, percent: 33.3 },
    ],
  });
  expect(r[1]).toMatchObject({
    answered: 2,
    options: [
      { count: 1, percent: 50 },
      { count: 2, percent: 100 },
      { count: 0, percent: 0 },
    ],
  });
  expect(r[2]).toEqual({ kind: 'rating', title: '总体满意度', answered: 3, mean: 4, counts: [0, 0, 1, 1, 1] });
  expect(r[3]).toEqual({ kind: 'text', title: '意见建议', answered: 2, texts: ['联系我138****5678', '很好'] });
  expect(summaryLines('水价听证问卷', 3, r)).toEqual([
    '活动现场开展“水价听证问卷”问卷调查，共回收问卷 3 份。',
    '1. 您从哪里得知本次活动：政府网站 2 人（66.7%），微信 0 人（0%），社区通知 1 人（33.3%）。',
    '2. 您关注哪些事项：水价 1 人（50%），学位 2 人（100%），交通 0 人（0%）。',
    '3. 总体满意度：平均 4 分（3 人评分）。',
    '4. 意见建议：收到文字意见 2 条。',
  ]);
});

test.each([
  [0, 0, 0],
  [1, 3, 33.3],
  [2, 3, 66.7],
  [30, 30, 100],
])('percent(%i, %i) = %f', (n, of, p) => expect(percent(n, of)).toBe(p));
