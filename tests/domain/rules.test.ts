import { BusinessError } from '@/domain/errors';
import { DEFAULT_RULES, mergeRules, rulesSchema } from '@/domain/rules';

test('默认规则是标准预设：会标体现关键字，不要求新闻稿和带标识照片', () => {
  expect(DEFAULT_RULES).toMatchObject({
    keyword: '政务公开主题日',
    planLeadWorkdays: 5,
    reportWithinWorkdays: 5,
    materialsWithinWorkdays: null,
    reportKeywordPlaces: [],
    minLogoPhotos: 0,
    calendar: {},
    preset: 'standard',
  });
});

test('setRules 仍接受合同列出的雨花区式取值（四处关键字、1张带标识照片）', () => {
  expect(mergeRules(DEFAULT_RULES, { reportKeywordPlaces: ['title', 'first', 'body', 'last'], minLogoPhotos: 1 })).toMatchObject({
    reportKeywordPlaces: ['title', 'first', 'body', 'last'],
    minLogoPhotos: 1,
  });
});

test.each([
  ['空输入得到默认规则', {}, DEFAULT_RULES],
  ['雨花区：专栏材料2个工作日', { materialsWithinWorkdays: 2 }, { ...DEFAULT_RULES, materialsWithinWorkdays: 2 }],
  ['只要求标题有关键字', { reportKeywordPlaces: ['title'] }, { ...DEFAULT_RULES, reportKeywordPlaces: ['title'] }],
  [
    '录入2027年日历',
    { calendar: { publishedYears: [2027], days: [{ date: '2027-01-01', kind: 'off' }] } },
    { ...DEFAULT_RULES, calendar: { publishedYears: [2027], days: [{ date: '2027-01-01', kind: 'off' }] } },
  ],
])('%s', (_n, input, expected) => {
  expect(rulesSchema.parse(input)).toEqual(expected);
});

test.each([
  ['提前天数为负', { planLeadWorkdays: -1 }, 'planLeadWorkdays', '不能小于0'],
  ['提前天数超过30', { planLeadWorkdays: 31 }, 'planLeadWorkdays', '不能超过30'],
  ['报告天数为小数', { reportWithinWorkdays: 2.5 }, 'reportWithinWorkdays', '整数'],
  ['关键字太短', { keyword: '公' }, 'keyword', '至少2个字'],
  ['关键字位置不认识', { reportKeywordPlaces: ['footer'] }, 'reportKeywordPlaces.0', '只能是'],
  ['会标模板缺单位占位符', { bannerTemplates: ['政务公开主题日'] }, 'bannerTemplates.0', '{unit}'],
  ['日历日期无效', { calendar: { days: [{ date: '2027-02-30', kind: 'off' }] } }, 'calendar.days.0.date', '有效日期'],
  ['未知字段', { planLead: 5 }, '(root)', ''],
])('拒绝：%s', (_n, input, field, text) => {
  try {
    mergeRules(DEFAULT_RULES, input);
    throw new Error('should have thrown');
  } catch (e) {
    expect(e).toBeInstanceOf(BusinessError);
    const err = e as BusinessError;
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.details.fields).toContain(field);
    expect(err.message).toContain(text);
  }
});

test('在已有规则上修改一项，其他保持', () => {
  const current = { ...DEFAULT_RULES, materialsWithinWorkdays: 2 };
  expect(mergeRules(current, { planLeadWorkdays: 3 })).toEqual({ ...current, planLeadWorkdays: 3 });
});

test('BusinessError 保持 instanceof 与 name', () => {
  const e = new BusinessError('NOT_FOUND', '找不到活动');
  expect(e).toBeInstanceOf(Error);
  expect(e).toBeInstanceOf(BusinessError);
  expect(e.name).toBe('BusinessError');
  expect(e.details).toEqual({});
});

describe('invisible characters', () => {
  test.each([
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner', '\u200d'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left mark', '\u200f'],
    ['word joiner', '\u2060'],
    ['invisible plus', '\u2064'],
    ['BOM', '\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['RLO', '\u202e'],
    ['LRI', '\u2066'],
    ['PDI', '\u2069'],
  ])('%s is stripped from a keyword, and a keyword of only that is refused', (_, c) => {
    expect(mergeRules(DEFAULT_RULES, { keyword: `政务${c}公开` }).keyword).toBe('政务公开');
    expect(() => mergeRules(DEFAULT_RULES, { keyword: c.repeat(5) })).toThrow(BusinessError);
  });
});
