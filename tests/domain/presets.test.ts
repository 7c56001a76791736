import { eventDeadlines, isEventDay, isEventOver } from '@/domain/deadlines';
import { changedFromPreset, mergeRules, PRESETS, presetRules, type Rules } from '@/domain/rules';
import { checkNewsKeyword, partsToParagraphs, suggestedParticipants, videoProblem } from '@/domain/reportParts';

const KW = '政务公开主题日';

describe('规则预设', () => {
  test.each<[string, keyof typeof PRESETS, Partial<Rules>]>([
    [
      '标准：不要求新闻稿、无专栏材料期限、不要求带标识照片',
      'standard',
      { planLeadWorkdays: 5, reportWithinWorkdays: 5, materialsWithinWorkdays: null, reportKeywordPlaces: [], minLogoPhotos: 0 },
    ],
    [
      '新闻从严（雨花区）：材料2个工作日、新闻稿四处关键字、至少1张带标识照片',
      'news-strict',
      {
        planLeadWorkdays: 5,
        reportWithinWorkdays: 5,
        materialsWithinWorkdays: 2,
        reportKeywordPlaces: ['title', 'first', 'body', 'last'],
        minLogoPhotos: 1,
      },
    ],
  ])('%s；报名前审查默认关闭', (_name, preset, expected) => {
    expect(presetRules(preset).listingNeedsReview).toBe(false);
    expect(presetRules(preset)).toMatchObject({ ...expected, preset, keyword: KW });
  });

  test('预设规则是副本：改动不影响预设本身', () => {
    const r = presetRules('news-strict');
    r.reportKeywordPlaces.push('title');
    expect(PRESETS['news-strict'].reportKeywordPlaces).toHaveLength(4);
  });

  test.each<[string, Rules, unknown, string[]]>([
    ['未改动', presetRules('standard'), {}, []],
    ['标准预设上开启专栏材料3个工作日', presetRules('standard'), { materialsWithinWorkdays: 3 }, ['materialsWithinWorkdays']],
    [
      '新闻从严只要求标题有关键字、不要求照片',
      presetRules('news-strict'),
      { reportKeywordPlaces: ['title'], minLogoPhotos: 0 },
      ['reportKeywordPlaces', 'minLogoPhotos'],
    ],
    ['改回预设值不算改动', presetRules('news-strict'), { materialsWithinWorkdays: 2 }, []],
    ['开启报名前审查', presetRules('news-strict'), { listingNeedsReview: true }, ['listingNeedsReview']],
    ['旧辖区没有报名前审查一项，等同关闭，不算改动', { ...presetRules('standard'), listingNeedsReview: undefined }, {}, []],
    ['联系人不算规则改动', presetRules('standard'), { contact: { name: '李明', phone: '0731-85888888', email: 'gkb@yuhua.gov.cn' } }, []],
  ])('与预设相比改动了什么：%s', (_name, start, input, expected) => {
    expect(changedFromPreset(mergeRules(start, input))).toEqual(expected);
  });

  test.each([
    ['邮箱格式不对', { contact: { name: '李明', phone: '85888888', email: 'gkb' } }, 'contact.email'],
    ['电话含字母', { contact: { name: '李明', phone: 'call me', email: '' } }, 'contact.phone'],
  ])('联系人填写有误：%s', (_name, input, field) => {
    expect(() => mergeRules(presetRules('standard'), input)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', details: expect.objectContaining({ fields: [field] }) }),
    );
  });
});

describe('多日活动的期限从最后一天算起', () => {
  const strict = presetRules('news-strict');
  test.each<[string, string, string | undefined, { plan: string; report: string; materials: string | null }]>([
    [
      '4月27日至28日：劳动节放假4/29–5/3，材料截止5月5日（周五），方案截止4月21日，报告截止5月9日',
      '2023-04-27',
      '2023-04-28',
      { plan: '2023-04-21T23:59:59+08:00', report: '2023-05-09T23:59:59+08:00', materials: '2023-05-05T23:59:59+08:00' },
    ],
    [
      '单日活动5月4日：材料截止5月6日（调休周六）',
      '2023-05-04',
      undefined,
      { plan: '2023-04-24T23:59:59+08:00', report: '2023-05-10T23:59:59+08:00', materials: '2023-05-06T23:59:59+08:00' },
    ],
    [
      '宣传周9月25日至28日：国庆放假，报告截止10月11日',
      '2023-09-25',
      '2023-09-28',
      { plan: '2023-09-18T23:59:59+08:00', report: '2023-10-11T23:59:59+08:00', materials: '2023-10-08T23:59:59+08:00' },
    ],
  ])('%s', (_name, date, endDate, expected) => {
    expect(eventDeadlines(date, strict, endDate)).toEqual(expected);
  });

  test('标准预设没有专栏材料期限', () => {
    expect(eventDeadlines('2023-04-27', presetRules('standard'), '2023-04-28').materials).toBeNull();
  });

  test.each<[string, string, string | undefined, string, boolean, boolean]>([
    ['第一天可以签到', '2023-04-27', '2023-04-28', '2023-04-27', true, false],
    ['第二天可以签到', '2023-04-27', '2023-04-28', '2023-04-28', true, false],
    ['结束后一天不能签到', '2023-04-27', '2023-04-28', '2023-04-29', false, true],
    ['开始前一天不能签到', '2023-04-27', '2023-04-28', '2023-04-26', false, false],
    ['单日活动只有当天', '2023-05-04', undefined, '2023-05-04', true, false],
  ])('活动日：%s', (_name, date, endDate, today, day, over) => {
    expect(isEventDay({ date, endDate }, today)).toBe(day);
    expect(isEventOver({ date, endDate }, today)).toBe(over);
  });
});

describe('情况报告与新闻稿', () => {
  const places = PRESETS['news-strict'].reportKeywordPlaces;
  const news = { title: `区教育局开展${KW}活动`, paragraphs: [`${KW}当天，区教育局…`, `活动中，${KW}…`, `此次${KW}活动…`] };
  const report = { title: '区教育局活动情况报告', paragraphs: ['活动概况…', '经验做法…'] };

  test.each<[string, { title: string; paragraphs: string[] } | null, string[], 'newsRelease' | 'report']>([
    ['新闻稿四处都有关键字', news, [], 'newsRelease'],
    ['新闻稿结尾缺关键字', { ...news, paragraphs: [...news.paragraphs.slice(0, 2), '此次活动圆满结束。'] }, ['last'], 'newsRelease'],
    ['新闻稿标题缺关键字', { ...news, title: '区教育局开放日' }, ['title'], 'newsRelease'],
    ['没有单独的新闻稿：以情况报告代替检查', null, ['title', 'first', 'body', 'last'], 'report'],
  ])('%s', (_name, newsRelease, missing, source) => {
    const check = checkNewsKeyword(report, newsRelease, KW, places);
    expect(check.missing).toEqual(missing);
    expect(check.source).toBe(source);
  });

  test('标准预设不检查新闻稿关键字', () => {
    expect(checkNewsKeyword(report, null, KW, PRESETS.standard.reportKeywordPlaces).missing).toEqual([]);
  });

  test.each([
    ['三部分齐全', { overview: '概况', practices: '做法', results: '实效' }, ['概况', '做法', '实效']],
    ['空的部分不成段', { overview: '概况', practices: '  ', results: '实效' }, ['概况', '实效']],
  ])('分部分的报告成段：%s', (_name, parts, expected) => {
    expect(partsToParagraphs(parts)).toEqual(expected);
  });

  test.each([
    ['有人扫码签到：按签到人数', { confirmed: 30, attended: 24 }, 24],
    ['无人扫码：按报名确认人数', { confirmed: 30, attended: 0 }, 30],
  ])('参与人数预填：%s', (_name, counts, expected) => {
    expect(suggestedParticipants(counts)).toBe(expected);
  });

  test.each([
    ['2分钟、20MB 可以', { bytes: 20 * 1024 * 1024, seconds: 120 }, null],
    ['4分钟太长', { bytes: 20 * 1024 * 1024, seconds: 240 }, '超过180秒'],
    ['80MB 太大', { bytes: 80 * 1024 * 1024, seconds: 60 }, '超过50MB'],
  ])('短视频限制：%s', (_name, video, problem) => {
    const p = videoProblem(video);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
