/**
 * Working days on the official Chinese calendar (weekends and public holidays off,
 * State Council make-up days on), with the office's own adjustments on top.
 *
 * We read chinese-days' data file rather than its functions: the functions read
 * dates in the process time zone and report the wrong day west of UTC, while the
 * data is plain YYYY-MM-DD keys.
 */
import officialData from 'chinese-days/dist/chinese-days.json';
import { BusinessError } from './errors';
import { dateOfEpochDay, epochDayOf, isValidDate, yearOf } from './time';

// Deadlines step through many days (every event of a list, on every screen), so the
// loops below count days as numbers and never parse a date string per step.
const DAY_MS = 86_400_000;

export interface CalendarAdjustmentDay {
  date: string;
  kind: 'off' | 'work';
  name?: string;
}

/** What an office stored about its calendar (rules.calendar). */
export interface CalendarAdjustments {
  /** Years the office entered completely (e.g. 2027 once the State Council publishes it). */
  publishedYears?: number[];
  /** Single days that override the official calendar (a local holiday, a published make-up day…). */
  days?: CalendarAdjustmentDay[];
}

interface OfficialCalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
const official = officialData as OfficialCalendarData;

/** Years chinese-days has published data for; outside them it would silently guess weekdays. */
export const OFFICIAL_CALENDAR_YEARS: readonly number[] = Array.from(
  new Set(Object.keys(official.holidays).map((d) => Number(d.slice(0, 4)))),
).sort((a, b) => a - b);

const officialYears = new Set(OFFICIAL_CALENDAR_YEARS);

/** Longest stretch we search for a working day; the longest real break is 9 days. */
const MAX_SEARCH_DAYS = 400;

function assertDate(date: string): void {
  if (!isValidDate(date)) {
    throw new BusinessError('INVALID_ARGUMENT', `日期“${date}”不是有效日期，请写成 2023-05-04 这样的格式`, {
      field: 'date',
      value: date,
    });
  }
}

export function calendarUnavailable(year: number): BusinessError {
  return new BusinessError(
    'CALENDAR_UNAVAILABLE',
    `系统还没有${year}年的法定节假日和调休安排，无法计算工作日期限。请公开办在国务院办公厅公布${year}年放假安排后，` +
      `在“规则设置—工作日历”中录入${year}年的放假和调休日期，并标记${year}年已录入完整。`,
    { year },
  );
}

/** True when the year's working days are known (officially or entered by the office). */
export function isYearCovered(year: number, adjustments?: CalendarAdjustments): boolean {
  return officialYears.has(year) || (adjustments?.publishedYears ?? []).includes(year);
}

/** `date` (valid) is epoch day `day`. */
function workday(date: string, day: number, adjustments?: CalendarAdjustments): boolean {
  const override = adjustments?.days?.find((d) => d.date === date);
  if (override) return override.kind === 'work';
  const year = new Date(day * DAY_MS).getUTCFullYear();
  if (officialYears.has(year)) {
    if (date in official.workdays) return true;
    if (date in official.holidays) return false;
  } else if (!(adjustments?.publishedYears ?? []).includes(year)) {
    throw calendarUnavailable(year);
  }
  const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return dow !== 0 && dow !== 6;
}

/** Whether a YYYY-MM-DD date is a working day; throws CALENDAR_UNAVAILABLE for an unknown year. */
export function isWorkday(date: string, adjustments?: CalendarAdjustments): boolean {
  assertDate(date);
  return workday(date, epochDayOf(date), adjustments);
}

/**
 * The |n|th working day after (n > 0) or before (n < 0) a date, not counting the
 * date itself. n = 0 returns the date unchanged.
 */
export function addWorkdays(date: string, n: number, adjustments?: CalendarAdjustments): string {
  assertDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`Workday count must be an integer: ${n}`);
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let day = epochDayOf(date);
  let current = date;
  let searched = 0;
  while (remaining > 0) {
    day += step;
    current = dateOfEpochDay(day);
    if (++searched > MAX_SEARCH_DAYS + Math.abs(n)) throw calendarUnavailable(yearOf(current));
    if (workday(current, day, adjustments)) remaining -= 1;
  }
  return current;
}

/** Number of working days d with from < d ≤ to (0 when to ≤ from). */
export function countWorkdaysBetween(from: string, to: string, adjustments?: CalendarAdjustments): number {
  assertDate(from);
  assertDate(to);
  let count = 0;
  for (let day = epochDayOf(from) + 1, last = epochDayOf(to); day <= last; day++) {
    if (workday(dateOfEpochDay(day), day, adjustments)) count += 1;
  }
  return count;
}

/** Next working day on or after a date. */
export function nextWorkdayOnOrAfter(date: string, adjustments?: CalendarAdjustments): string {
  return isWorkday(date, adjustments) ? date : addWorkdays(date, 1, adjustments);
}
