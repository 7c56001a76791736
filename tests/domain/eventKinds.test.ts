import { eventDaysLabel, isMultiDay, placeLabel } from '../../src/domain/eventKinds';

describe('活动日期的说法', () => {
  test.each([
    ['一天的活动', { date: '2023-04-27' }, '4月27日', false],
    ['结束日期与开始日期相同，仍是一天', { date: '2023-04-27', endDate: '2023-04-27' }, '4月27日', false],
    ['跨劳动节前两天', { date: '2023-04-27', endDate: '2023-04-28' }, '4月27日至4月28日（共2天）', true],
    ['跨月的宣传周', { date: '2023-05-29', endDate: '2023-06-04' }, '5月29日至6月4日（共7天）', true],
    ['跨年的活动', { date: '2023-12-30', endDate: '2024-01-02' }, '12月30日至2024年1月2日（共4天）', true],
  ])('%s', (_name, span, label, multi) => {
    expect(eventDaysLabel(span, { year: 2023 })).toBe(label);
    expect(isMultiDay(span)).toBe(multi);
  });
});

describe('活动地点的说法', () => {
  test.each([
    ['现场活动', { name: '区政务服务中心三楼会议室' }, '区政务服务中心三楼会议室'],
    ['现场活动带地址', { name: '区教育局', address: '韶山中路1号' }, '区教育局（韶山中路1号）'],
    [
      '线上活动写平台，不写地址',
      { name: '在线访谈', online: true, platform: '红网问政', link: 'https://wz.rednet.cn' },
      '线上活动：红网问政',
    ],
    ['线上活动只有链接', { name: '线上活动', online: true, link: 'https://wz.rednet.cn' }, '线上活动：https://wz.rednet.cn'],
  ])('%s', (_name, venue, label) => {
    expect(placeLabel(venue)).toBe(label);
  });
});
