import { lastPlannedDay, unfiledPlanDeadline } from '../../src/domain/deadlines';
import { DEFAULT_RULES } from '../../src/domain/rules';

describe('when an event without a date owes its plan', () => {
  test.each([
    ['“4月”的最后一天', 2023, { from: 4, to: 4 }, '2023-04-30'],
    ['“3月-4月”看结束月', 2023, { from: 3, to: 4 }, '2023-04-30'],
    ['2月平年28天', 2023, { from: 2, to: 2 }, '2023-02-28'],
    ['2月闰年29天', 2024, { from: 2, to: 2 }, '2024-02-29'],
    ['“12月”跨到下一年之前', 2023, { from: 12, to: 12 }, '2023-12-31'],
  ])('%s', (_name, year, months, expected) => {
    expect(lastPlannedDay(year, months)).toBe(expected);
  });

  test('“待定” has no last day and no deadline', () => {
    expect(lastPlannedDay(2023, null)).toBeNull();
    expect(unfiledPlanDeadline(2023, null, DEFAULT_RULES)).toBeNull();
  });

  test.each([
    // 4/30 is a Sunday in the Labour Day break; 5 working days back from it: 4/28, 4/27, 4/26, 4/25, 4/24.
    ['4月的活动：最晚4月24日报备', 2023, { from: 4, to: 4 }, '2023-04-24T23:59:59+08:00'],
    // 9/30 falls in the National Day break; 9/28, 9/27, 9/26, 9/25, 9/22 (9/23-24 weekend).
    ['9月的活动：跨国庆前最晚9月22日', 2023, { from: 9, to: 9 }, '2023-09-22T23:59:59+08:00'],
  ])('%s', (_name, year, months, expected) => {
    expect(unfiledPlanDeadline(year, months, DEFAULT_RULES)).toBe(expected);
  });

  test('a year without calendar data gives no deadline instead of a guess', () => {
    expect(unfiledPlanDeadline(2027, { from: 5, to: 5 }, DEFAULT_RULES)).toBeNull();
  });
});
