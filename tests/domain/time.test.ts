// The date helpers every screen, message and file name uses: Shanghai wall clock
// whatever the process zone (the suite runs under Asia/Shanghai and UTC).
import {
  dateOfEpochDay,
  epochDayOf,
  fileStamp,
  fmtDate,
  fmtDateTime,
  isoDate,
  shanghaiDateOf,
  shanghaiMonthOf,
} from '../../src/domain/time';

test.each([
  ['劳动节后第一天', 2023, 5, 4, '2023-05-04'],
  ['跨年的第一天', 2024, 1, 1, '2024-01-01'],
  ['国庆', 2023, 10, 1, '2023-10-01'],
])('isoDate：%s', (_w, y, m, d, out) => expect(isoDate(y, m, d)).toBe(out));

test.each([
  ['北京时间晚上，UTC 还是下午', '2023-04-24T15:59:59.000Z', '2023-04-24'],
  ['北京时间过了零点，UTC 还是前一天', '2023-04-24T16:00:00.000Z', '2023-04-25'],
  ['带 +08:00 的截止时间', '2023-04-24T23:59:59+08:00', '2023-04-24'],
  ['日期原样', '2023-05-10', '2023-05-10'],
  ['空', null, ''],
  ['乱码', '明天', ''],
])('shanghaiDateOf：%s', (_w, value, out) => expect(shanghaiDateOf(value)).toBe(out));

test.each([
  ['月底晚上的 UTC 时刻是北京的下个月', '2023-04-30T16:30:00.000Z', 5],
  ['日期', '2023-12-31', 12],
  ['带 +08:00', '2023-06-01T00:00:00+08:00', 6],
])('shanghaiMonthOf：%s', (_w, value, out) => expect(shanghaiMonthOf(value)).toBe(out));

test('shanghaiMonthOf 不猜：乱码抛出', () => expect(() => shanghaiMonthOf('五月')).toThrow(RangeError));

test.each([
  ['北京时间上午', '2023-04-20T01:30:05.000Z', '20230420093005'],
  ['北京时间已是元旦', '2023-12-31T16:00:00.000Z', '20240101000000'],
])('fileStamp：%s', (_w, iso, out) => expect(fileStamp(new Date(iso))).toBe(out));

test.each([
  ['UTC 写法的截止时间按北京时间显示', '2023-04-24T15:59:59.000Z', {}, '4月24日 23:59'],
  ['今年的不写年份', '2023-05-10T01:30:00.000Z', { year: 2023 }, '5月10日 09:30'],
  ['别的年份写上年份（打印的材料总写年份）', '2023-05-10T01:30:00.000Z', { year: 0 }, '2023年5月10日 09:30'],
])('fmtDateTime：%s', (_w, iso, opts, out) => expect(fmtDateTime(iso, opts)).toBe(out));

test('fmtDate 带星期：2023-04-15 是周六', () => expect(fmtDate('2023-04-15', { weekday: true })).toBe('4月15日 周六'));

test.each([
  ['纪元第一天', '1970-01-01', 0],
  ['纪元之前', '1969-12-31', -1],
  ['闰日', '2024-02-29', 19782],
  ['闰日后一天', '2024-03-01', 19783],
  ['年末', '2026-12-31', 20818],
])('epochDayOf / dateOfEpochDay：%s', (_w, date, day) => {
  expect(epochDayOf(date)).toBe(day);
  expect(dateOfEpochDay(day)).toBe(date);
});

test('epochDayOf 不猜：不存在的日期抛出', () => expect(() => epochDayOf('2023-02-29')).toThrow(RangeError));
