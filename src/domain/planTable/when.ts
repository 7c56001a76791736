/**
 * The time column as printed: a month ("4月", "4 月", "四月"), a range ("3月-4月",
 * "5月至9月"), a day ("4月23日", "2023年4月23日"), a range of days ("4月23日-25日"),
 * a quarter, a half year, "全年", "6月底前", "待定". What is understood but not
 * exact comes with a note for the office; what is not understood is { ok: false }.
 */
import { isoDate } from '../time';
import { toHalfWidth } from './text';
import { TBD } from './vocabulary';
import type { MonthRange } from './types';

export interface MonthDay {
  month: number;
  day: number;
}

export type When =
  | { ok: true; months: MonthRange | null; days: { from: MonthDay; to: MonthDay } | null; year: number | null; note?: string }
  | { ok: false };

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnToNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_NUM[s[1]] ?? 0);
  if (s.endsWith('十')) return (CN_NUM[s[0]] ?? NaN) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_NUM[s[0]] ?? NaN) * 10 + (CN_NUM[s[2]] ?? NaN);
  return CN_NUM[s] ?? NaN;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const okMonth = (m: number) => m >= 1 && m <= 12;
const okDay = (d: MonthDay) => okMonth(d.month) && d.day >= 1 && d.day <= DAYS_IN_MONTH[d.month - 1];

const monthsOnly = (from: number, to: number, year: number | null, note?: string): When =>
  okMonth(from) && okMonth(to) && from <= to
    ? { ok: true, months: { from, to }, days: null, year, ...(note ? { note } : {}) }
    : { ok: false };

const TENTATIVE = /[(（]?(暂定|拟定|初定|待调整|拟)[)）]?$|左右$/;

/** Reads one time cell. */
export function parseWhen(input: string): When {
  const cell = input.replace(/\s+$/, '');
  // "9月中旬（暂定）": read the time, and say that the plan calls it tentative.
  const tentative = TENTATIVE.test(cell) && cell.replace(TENTATIVE, '').trim() !== '';
  const w = readCell(tentative ? cell.replace(TENTATIVE, '') : cell, input);
  if (!tentative || !w.ok || w.note || (!w.months && !w.days)) return w;
  return { ...w, note: `“${input.trim()}”是暂定时间，请责任单位报备方案时确定日期` };
}

function readCell(text: string, input: string): When {
  let s = toHalfWidth(text).replace(/\s+/g, '');
  if (s === '') return { ok: false };
  if (TBD.test(s)) return { ok: true, months: null, days: null, year: null };
  // Numbers as spreadsheets and forms write them: 2024.5.15, 2024-05-15, 2024/5, 5.15, 5.15-5.20.
  s = s
    .replace(/(20\d{2})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/g, '$1年$2月$3日')
    .replace(/(20\d{2})[./-](\d{1,2})(?![\d./-])/g, '$1年$2月')
    .replace(/(^|[^\d年])(\d{1,2})[./](\d{1,2})(?![\d./])/g, '$1$2月$3日');
  const y = /^(20\d{2})年(度)?/.exec(s);
  const year = y ? Number(y[1]) : null;
  if (y) s = s.slice(y[0].length);
  if (/^(全年|全年度|常年|每月|全年开展)$/.test(s)) return monthsOnly(1, 12, year);
  if (/^(常态化|长期|持续开展|每季度|每季|定期开展|常态化开展)$/.test(s))
    return monthsOnly(1, 12, year, `“${input.trim()}”没有具体月份，已按全年处理，请责任单位报备方案时确定日期`);
  if (s === '上半年') return monthsOnly(1, 6, year);
  if (s === '下半年') return monthsOnly(7, 12, year);
  if (/^(年底|年末)$/.test(s)) return monthsOnly(12, 12, year);
  const quarter = /^第?([一二三四1-4])季度$/.exec(s);
  if (quarter) {
    const q = /\d/.test(quarter[1]) ? Number(quarter[1]) : cnToNumber(quarter[1]);
    return monthsOnly(q * 3 - 2, q * 3, year);
  }
  s = s
    .replace(/([一二三四五六七八九十]{1,3})([月日号])/g, (_m, n: string, u: string) => `${cnToNumber(n)}${u}`)
    .replace(/号/g, '日')
    .replace(/[~〜～—–―－至到]+/g, '-')
    // A day cell may add its weekday and hours: "4月23日（星期日）上午9:30-11:30" is 4月23日.
    .replace(/\(?(星期|周)[一二三四五六日天]\)?/g, '')
    .replace(/日(上午|下午|晚上|早上|中午|全天)?(\d{1,2}:\d{2}(-\d{1,2}:\d{2})?|\d{1,2}[时点](\d{1,2}分)?)?/g, '日');
  const week = /^(\d{1,2})月第?([1-5一二三四五])周$/.exec(s);
  if (week) {
    const m = Number(week[1]);
    return monthsOnly(m, m, year, `“${input.trim()}”按${m}月处理，请责任单位报备方案时确定日期`);
  }
  const before = /^(\d{1,2})月(底|末|\d{1,2}日)?(前|之前|以前)$/.exec(s);
  if (before) {
    const m = Number(before[1]);
    return monthsOnly(m, m, year, `“${input.trim()}”按${m}月处理，请核对是否需要更早开展`);
  }
  const day = /^(\d{1,2})月(\d{1,2})日(?:-(?:(\d{1,2})月)?(\d{1,2})日)?$/.exec(s);
  if (day) {
    const from = { month: Number(day[1]), day: Number(day[2]) };
    const to = day[4] ? { month: Number(day[3] ?? day[1]), day: Number(day[4]) } : from;
    if (!okDay(from) || !okDay(to) || to.month * 100 + to.day < from.month * 100 + from.day) return { ok: false };
    return { ok: true, months: { from: from.month, to: to.month }, days: { from, to }, year };
  }
  if (/\d日/.test(s)) return { ok: false }; // days in a shape not read above ("4月23日、25日"): never cut to a month
  s = s.replace(/([上中下]旬|初|中|底|末|份)/g, '');
  const range = /^(\d{1,2})月?-(\d{1,2})月$/.exec(s) ?? /^(\d{1,2})月-(\d{1,2})月?$/.exec(s) ?? /^(\d{1,2})月$/.exec(s);
  if (range) {
    const from = Number(range[1]);
    return monthsOnly(from, range[2] ? Number(range[2]) : from, year);
  }
  if (/^(\d{1,2})月?(?:[、,和及](\d{1,2})月?)+$/.test(s) && s.includes('月')) {
    const nums = (s.match(/\d{1,2}/g) ?? []).map(Number);
    return monthsOnly(
      Math.min(...nums),
      Math.max(...nums),
      year,
      `“${input.trim()}”是几个月份，已按${Math.min(...nums)}月至${Math.max(...nums)}月处理，请核对`,
    );
  }
  return { ok: false };
}

export type MonthsParse = { ok: true; months: MonthRange | null } | { ok: false };

/** The months of a time cell (kept for callers that need only the months). */
export function parseMonths(input: string): MonthsParse {
  const w = parseWhen(input);
  return w.ok ? { ok: true, months: w.months } : { ok: false };
}

/** YYYY-MM-DD of a printed day in `year`; null for 2月29日 outside a leap year. */
export function dateOf(year: number, d: MonthDay): string | null {
  const t = new Date(Date.UTC(year, d.month - 1, d.day));
  if (t.getUTCMonth() !== d.month - 1) return null;
  return isoDate(year, d.month, d.day);
}
