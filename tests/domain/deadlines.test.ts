import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { addWorkdays, countWorkdaysBetween, isWorkday, OFFICIAL_CALENDAR_YEARS } from '@/domain/calendar';
import type { CalendarAdjustments } from '@/domain/calendar';
import { assertPlanFilable, earliestFilableDate, eventDeadlines, isOnTime, isPlanOnTime, workdaysLate } from '@/domain/deadlines';
import { BusinessError } from '@/domain/errors';
import { DEFAULT_RULES, type Rules } from '@/domain/rules';

const yuhua: Rules = { ...DEFAULT_RULES, materialsWithinWorkdays: 2 };

describe('official calendar coverage', () => {
  test('chinese-days 1.5.7 covers exactly 2004–2026', () => {
    expect(OFFICIAL_CALENDAR_YEARS[0]).toBe(2004);
    expect(OFFICIAL_CALENDAR_YEARS[OFFICIAL_CALENDAR_YEARS.length - 1]).toBe(2026);
    expect(OFFICIAL_CALENDAR_YEARS).toHaveLength(23);
    expect(Object.keys((chineseDaysData as { holidays: object }).holidays).some((d) => d.startsWith('2027'))).toBe(false);
  });
});

describe('isWorkday', () => {
  test.each([
    ['调休周日算工作日（劳动节前 2023-04-23）', '2023-04-23', true],
    ['调休周六算工作日（劳动节后 2023-05-06）', '2023-05-06', true],
    ['国庆调休周六 2023-10-07', '2023-10-07', true],
    ['国庆调休周日 2023-10-08', '2023-10-08', true],
    ['劳动节假期 2023-05-01', '2023-05-01', false],
    ['劳动节假期中的周三 2023-05-03', '2023-05-03', false],
    ['国庆假期 2023-10-02', '2023-10-02', false],
    ['端午 2023-06-22（周四）', '2023-06-22', false],
    ['春节 2023-01-23（周一）', '2023-01-23', false],
    ['春节调休 2023-01-28（周六）', '2023-01-28', true],
    ['普通周六', '2023-04-15', false],
    ['普通周一', '2023-04-17', true],
    ['元旦 2026-01-01', '2026-01-01', false],
    ['2026年最后一天（周四）', '2026-12-31', true],
  ])('%s', (_name, date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });

  test('2027 年官方数据未公布：CALENDAR_UNAVAILABLE，不猜测', () => {
    expect(() => isWorkday('2027-01-04')).toThrow(BusinessError);
    try {
      isWorkday('2027-01-04');
    } catch (e) {
      const err = e as BusinessError;
      expect(err.code).toBe('CALENDAR_UNAVAILABLE');
      expect(err.details).toEqual({ year: 2027 });
      expect(err.message).toContain('2027');
    }
  });

  test.each([
    ['公开办设定的地方假日覆盖官方工作日', { days: [{ date: '2023-04-17', kind: 'off' as const, name: '地方假日' }] }, '2023-04-17', false],
    ['公开办设定的补班覆盖官方周末', { days: [{ date: '2023-04-15', kind: 'work' as const }] }, '2023-04-15', true],
    ['公开办录入2027全年后按周一到周五', { publishedYears: [2027] }, '2027-01-04', true],
    ['公开办录入2027全年后周末休息', { publishedYears: [2027] }, '2027-01-02', false],
    ['公开办录入2027元旦放假', { publishedYears: [2027], days: [{ date: '2027-01-01', kind: 'off' as const }] }, '2027-01-01', false],
    ['未录入全年但单独设定某天', { days: [{ date: '2027-01-01', kind: 'off' as const }] }, '2027-01-01', false],
  ])('%s', (_name, adjustments: CalendarAdjustments, date, expected) => {
    expect(isWorkday(date, adjustments)).toBe(expected);
  });

  test('无效日期 2023-02-30 被拒绝', () => {
    expect(() => isWorkday('2023-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('addWorkdays', () => {
  test.each([
    ['劳动节后活动往前数5个工作日（跨调休周日）', '2023-05-04', -5, '2023-04-24'],
    ['跨国庆往后数5个工作日', '2023-09-28', 5, '2023-10-11'],
    ['跨端午往后数5个工作日', '2023-06-21', 5, '2023-06-29'],
    ['调休周六算第1个工作日', '2023-05-05', 1, '2023-05-06'],
    ['往前数1个工作日跨劳动节', '2023-05-04', -1, '2023-04-28'],
    ['往前数4个工作日落在调休周日前一天', '2023-05-04', -4, '2023-04-25'],
    ['往前数3个工作日落在调休周日', '2023-05-04', -3, '2023-04-26'],
    ['跨春节往后', '2023-01-20', 1, '2023-01-28'],
    ['跨年：2023-12-29 后1个工作日', '2023-12-29', 1, '2024-01-02'],
    ['跨年：2024-01-02 前1个工作日', '2024-01-02', -1, '2023-12-29'],
    ['n=0 返回原日期', '2023-05-04', 0, '2023-05-04'],
    ['从周日出发往后1个工作日', '2023-04-16', 1, '2023-04-17'],
  ])('%s', (_name, date, n, expected) => {
    expect(addWorkdays(date, n)).toBe(expected);
  });

  test('2026年底往后数跨入2027年：CALENDAR_UNAVAILABLE', () => {
    expect(() => addWorkdays('2026-12-28', 5)).toThrow(expect.objectContaining({ code: 'CALENDAR_UNAVAILABLE', details: { year: 2027 } }));
  });

  test('2026年底往后数但不跨年：可以计算', () => {
    expect(addWorkdays('2026-12-28', 3)).toBe('2026-12-31');
  });

  test('公开办录入2027年后跨年可以计算', () => {
    const cal: CalendarAdjustments = { publishedYears: [2027], days: [{ date: '2027-01-01', kind: 'off' }] };
    expect(addWorkdays('2026-12-28', 5, cal)).toBe('2027-01-05');
  });
});

describe('countWorkdaysBetween', () => {
  test.each([
    ['同一天为0', '2023-04-24', '2023-04-24', 0],
    ['周五到下周一为1', '2023-04-14', '2023-04-17', 1],
    ['跨劳动节（4/28 到 5/6：5/4、5/5、调休5/6）', '2023-04-28', '2023-05-06', 3],
    ['倒序为0', '2023-05-06', '2023-04-28', 0],
  ])('%s', (_n, from, to, expected) => {
    expect(countWorkdaysBetween(from, to)).toBe(expected);
  });
});

describe('eventDeadlines', () => {
  test.each([
    [
      '劳动节后的活动 2023-05-04：方案4/24截止',
      '2023-05-04',
      { plan: '2023-04-24T23:59:59+08:00', report: '2023-05-10T23:59:59+08:00', materials: null },
    ],
    [
      '国庆前的活动 2023-09-28：报告10/11截止',
      '2023-09-28',
      { plan: '2023-09-21T23:59:59+08:00', report: '2023-10-11T23:59:59+08:00', materials: null },
    ],
    [
      '端午前的活动 2023-06-21：报告6/29截止',
      '2023-06-21',
      { plan: '2023-06-14T23:59:59+08:00', report: '2023-06-29T23:59:59+08:00', materials: null },
    ],
    ['周六举办的活动', '2023-04-15', { plan: '2023-04-10T23:59:59+08:00', report: '2023-04-21T23:59:59+08:00', materials: null }],
    ['春节后第一周的活动', '2023-01-30', { plan: '2023-01-18T23:59:59+08:00', report: '2023-02-06T23:59:59+08:00', materials: null }],
    ['元旦后活动方案跨年', '2024-01-03', { plan: '2023-12-26T23:59:59+08:00', report: '2024-01-10T23:59:59+08:00', materials: null }],
  ])('%s', (_name, date, expected) => {
    expect(eventDeadlines(date, DEFAULT_RULES)).toEqual(expected);
  });

  test('雨花区：专栏材料2个工作日内（国庆前活动，调休周六日算）', () => {
    expect(eventDeadlines('2023-09-28', yuhua).materials).toBe('2023-10-08T23:59:59+08:00');
  });

  test('2026年12月的活动报告期限落在2027年：CALENDAR_UNAVAILABLE', () => {
    expect(() => eventDeadlines('2026-12-28', DEFAULT_RULES)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_UNAVAILABLE', details: { year: 2027 } }),
    );
  });

  test('公开办录入2027年安排后可以算出期限', () => {
    const rules: Rules = { ...DEFAULT_RULES, calendar: { publishedYears: [2027], days: [{ date: '2027-01-01', kind: 'off' }] } };
    expect(eventDeadlines('2026-12-28', rules).report).toBe('2027-01-05T23:59:59+08:00');
  });

  test('2027年的活动在未录入时不能算方案期限', () => {
    expect(() => eventDeadlines('2027-03-10', DEFAULT_RULES)).toThrow(expect.objectContaining({ code: 'CALENDAR_UNAVAILABLE' }));
  });

  test('无效日期', () => {
    expect(() => eventDeadlines('2023-02-30', DEFAULT_RULES)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  test('提前0个工作日：活动当天截止', () => {
    expect(eventDeadlines('2023-05-04', { ...DEFAULT_RULES, planLeadWorkdays: 0 }).plan).toBe('2023-05-04T23:59:59+08:00');
  });
});

describe('earliestFilableDate', () => {
  test.each([
    ['4/20 上午10点，提前5个工作日（含调休周日）', '2023-04-20T10:00:00+08:00', '2023-04-26'],
    ['UTC 时间已是次日：按北京时间算 4/20', '2023-04-19T16:30:00Z', '2023-04-26'],
    ['当天23:59:59 仍算当天', '2023-04-20T23:59:59+08:00', '2023-04-26'],
    ['次日0点起算 4/21', '2023-04-21T00:00:00+08:00', '2023-04-27'],
    ['周六报备：从下周一算起', '2023-04-15T09:00:00+08:00', '2023-04-22'],
    ['劳动节假期中：从5/4算起（5/6调休）', '2023-05-01T09:00:00+08:00', '2023-05-10'],
  ])('%s', (_name, now, expected) => {
    expect(earliestFilableDate(new Date(now), DEFAULT_RULES)).toBe(expected);
  });

  test('最早日期本身按时，前一天已过期', () => {
    const now = new Date('2023-04-20T10:00:00+08:00');
    expect(isPlanOnTime('2023-04-26', now, DEFAULT_RULES)).toBe(true);
    expect(isPlanOnTime('2023-04-25', now, DEFAULT_RULES)).toBe(false);
  });
});

describe('assertPlanFilable', () => {
  test('按时：返回期限', () => {
    expect(assertPlanFilable('2023-05-04', new Date('2023-04-24T18:00:00+08:00'), DEFAULT_RULES).plan).toBe('2023-04-24T23:59:59+08:00');
  });
  test('超期：DEADLINE_PASSED 并给出最早日期', () => {
    try {
      assertPlanFilable('2023-05-04', new Date('2023-04-25T08:00:00+08:00'), DEFAULT_RULES);
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(BusinessError);
      const err = e as BusinessError;
      expect(err.code).toBe('DEADLINE_PASSED');
      expect(err.details.earliestDate).toBe('2023-05-05');
      expect(err.message).toContain('2023-05-05');
    }
  });
});

describe('workdaysLate', () => {
  const deadline = '2023-04-24T23:59:59+08:00'; // Monday
  const fridayDeadline = '2023-04-14T23:59:59+08:00';
  test.each([
    ['截止前提交', deadline, '2023-04-24T12:00:00+08:00', 0],
    ['截止那一秒提交不算迟', deadline, '2023-04-24T23:59:59+08:00', 0],
    ['次日凌晨提交迟1天', deadline, '2023-04-25T00:00:30+08:00', 1],
    ['UTC 表示的次日提交', deadline, '2023-04-24T16:00:30Z', 1],
    ['迟到劳动节后第一个工作日（5/4）', deadline, '2023-05-04T09:00:00+08:00', 5],
    ['周五截止、周六提交也算迟1天', fridayDeadline, '2023-04-15T10:00:00+08:00', 1],
    ['周五截止、周一提交迟1天', fridayDeadline, '2023-04-17T10:00:00+08:00', 1],
    ['周五截止、周二提交迟2天', fridayDeadline, '2023-04-18T10:00:00+08:00', 2],
  ])('%s', (_name, dl, at, expected) => {
    expect(workdaysLate(dl, new Date(at), DEFAULT_RULES)).toBe(expected);
  });
});

describe('a deadline is met up to 23:59:59.999 Asia/Shanghai', () => {
  const due = '2023-04-24T23:59:59+08:00';
  test.each([
    ['2023-04-24T23:59:59.000+08:00', true, 0],
    ['2023-04-24T23:59:59.500+08:00', true, 0],
    ['2023-04-24T23:59:59.999+08:00', true, 0],
    ['2023-04-25T00:00:00.000+08:00', false, 1],
  ])('at %s on time: %s, working days late: %i', (at, onTime, late) => {
    expect(isOnTime(due, new Date(at))).toBe(onTime);
    expect(workdaysLate(due, new Date(at), DEFAULT_RULES)).toBe(late);
  });
  test('a plan filed at 23:59:59.500 on its deadline day is accepted', () => {
    expect(() => assertPlanFilable('2023-05-04', new Date('2023-04-24T23:59:59.500+08:00'), DEFAULT_RULES)).not.toThrow();
    expect(() => assertPlanFilable('2023-05-04', new Date('2023-04-25T00:00:00.000+08:00'), DEFAULT_RULES)).toThrow(BusinessError);
  });
});
