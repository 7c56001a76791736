import { bannerText, checkReportKeyword, templateForPeople, templateFromPeople } from '@/domain/reportRules';
import { DEFAULT_RULES, PRESETS } from '@/domain/rules';

const K = '政务公开主题日';
const ALL = PRESETS['news-strict'].reportKeywordPlaces;

describe('checkReportKeyword', () => {
  test.each([
    [
      '四处都有关键字',
      {
        title: '区教育局开展“政务公开主题日”活动',
        paragraphs: [
          '4月20日，区教育局开展政务公开主题日活动。',
          '活动现场，群众参与政务公开主题日互动。',
          '本次“政务公开主题日”活动取得实效。',
        ],
      },
      { title: true, first: true, body: true, last: true },
      [],
    ],
    [
      '标题缺关键字',
      { title: '区教育局开展招生政策解读', paragraphs: ['政务公开主题日活动。', '政务公开主题日现场', '政务公开主题日结束'] },
      { title: false, first: true, body: true, last: true },
      ['title'],
    ],
    [
      '正文（中间段落）缺关键字',
      { title: '政务公开主题日', paragraphs: ['政务公开主题日', '中间一段', '中间二段', '政务公开主题日'] },
      { title: true, first: true, body: false, last: true },
      ['body'],
    ],
    [
      '只有一段：首段、正文、结尾都是这一段',
      { title: '政务公开主题日', paragraphs: ['今天举办政务公开主题日活动。'] },
      { title: true, first: true, body: true, last: true },
      [],
    ],
    [
      '两段：正文取全文，结尾缺',
      { title: '政务公开主题日', paragraphs: ['政务公开主题日开幕', '活动圆满结束'] },
      { title: true, first: true, body: true, last: false },
      ['last'],
    ],
    [
      '空白段落不计入，关键字中间有空格也算',
      { title: '“政务公开 主题日”', paragraphs: ['政务公开主题日', '  ', '政务公开主题日中段', '政务公开主题日', ''] },
      { title: true, first: true, body: true, last: true },
      [],
    ],
    [
      '没有段落',
      { title: '政务公开主题日', paragraphs: [] },
      { title: true, first: false, body: false, last: false },
      ['first', 'body', 'last'],
    ],
  ])('%s', (_name, report, places, missing) => {
    expect(checkReportKeyword(report, K, ALL)).toEqual({ places, missing });
  });

  test('只要求标题时，其他位置缺失不算', () => {
    const r = checkReportKeyword({ title: '政务公开主题日', paragraphs: ['无', '无', '无'] }, K, ['title']);
    expect(r.missing).toEqual([]);
    expect(r.places.first).toBe(false);
  });
});

describe('bannerText', () => {
  const [plain, withTopic] = DEFAULT_RULES.bannerTemplates;
  test.each([
    ['雨花区会标一', plain, { unit: '区教育局', year: 2023 }, '区教育局2023年“政务公开主题日”活动'],
    [
      '雨花区会标二（带主题）',
      withTopic,
      { unit: '区教育局', year: 2023, topic: '小升初招生政策解读' },
      '区教育局2023年“政务公开主题日”活动暨小升初招生政策解读',
    ],
    ['会标二没填主题时去掉“暨”', withTopic, { unit: '区教育局', year: 2023 }, '区教育局2023年“政务公开主题日”活动'],
  ])('%s', (_n, tpl, values, expected) => {
    expect(bannerText(tpl, values)).toBe(expected);
  });
});

test.each([
  ['单位与年份', '{unit}{year}年“政务公开主题日”活动', '【单位名称】【年份】年“政务公开主题日”活动'],
  ['带主题', '{unit}“政务公开主题日”活动暨{topic}', '【单位名称】“政务公开主题日”活动暨【活动主题】'],
  ['没有占位', '政务公开主题日', '政务公开主题日'],
])('会标模板给人看的写法：%s', (_w, stored, shown) => {
  expect(templateForPeople(stored)).toBe(shown);
  expect(templateFromPeople(shown)).toBe(stored);
});

test.each([
  ['方括号', '[单位名称]活动', '{unit}活动'],
  ['括号内有空格', '【 年份 】年', '{year}年'],
  ['不认识的词原样保留', '【单位】活动', '【单位】活动'],
])('会标模板：公开办手写的占位也认得：%s', (_w, typed, stored) => expect(templateFromPeople(typed)).toBe(stored));
