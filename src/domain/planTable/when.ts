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

/** "（暂定）", "拟定", "左右", "前后" after the time; "（待定）" after a month is tentative too. */
const TENTATIVE = /[(（]?(暂定|拟定|初定|待调整|待定|拟)[)）]?$|(左右|前后)$/;
/** "暂定10月", "拟于10月", "约10月", "预计4月中旬" before the time. */
const TENTATIVE_BEFORE = /^[(（]?(暂定|拟定|初定|预计|预定|大约|大概|约|拟)[)）]?(于|在)?/;
/** A note in brackets beside the time ("9月（统计开放日）", "第二季度（4-6月）"). */
const REMARK = /[(（【[]([^()（）【】[\]]*)[)）】\]]/g;
/** A remark that speaks of time ("（23日）", "（每月一次）") may say more than the time read. */
const TIME_WORDS = /\d|[一二三四五六七八九十][月日号]|旬|季度|每[月周季]/;
const WEEKDAY = /^(星期|周)[一二三四五六日天]$/;

export interface WhenOptions {
  /** The cell is surely in a 月份/时间 column (a table's cell, not a guess): a bare 4 or 4.0 is 4月. */
  bareMonth?: boolean;
}

/** Reads one time cell. */
export function parseWhen(input: string, opts: WhenOptions = {}): When {
  const shown = input.trim();
  const bare = opts.bareMonth ? /^(\d{1,2})(\.0+)?$/.exec(toHalfWidth(shown)) : null;
  if (bare) return monthsOnly(Number(bare[1]), Number(bare[1]), null);
  // A holiday's name alone ("世界读书日") is more often a theme or a remark than a time.
  if (HOLIDAY_ALONE.test(shown.replace(/[()（）\s]/g, ''))) return { ok: false };
  // Notes in brackets are read apart: "（暂定）" makes the time tentative, "（星期日）" is the day's weekday,
  // "（统计开放日）" is a remark; what is left is the time.
  const remarks: string[] = [];
  let bracketTentative = false;
  let cell = shown.replace(REMARK, (whole, inner: string) => {
    const t = inner.trim();
    if (TENTATIVE.test(t) && t.replace(TENTATIVE, '') === '') bracketTentative = true;
    else if (WEEKDAY.test(t)) return whole;
    else if (t) remarks.push(t);
    return '';
  });
  if (cell.trim() === '') cell = shown.replace(/[()（）【】[\]]/g, '');
  const after = TENTATIVE.test(cell) && cell.replace(TENTATIVE, '').trim() !== '';
  if (after) cell = cell.replace(TENTATIVE, '');
  const before = TENTATIVE_BEFORE.test(cell) && cell.replace(TENTATIVE_BEFORE, '').trim() !== '';
  if (before) cell = cell.replace(TENTATIVE_BEFORE, '');
  const w = readCell(cell, shown);
  if (!w.ok || (!w.months && !w.days)) return w;
  const notes = w.note ? [w.note] : [];
  const timeRemarks = remarks.filter((r) => TIME_WORDS.test(r) && !sameTime(parseWhen(r), w));
  if (timeRemarks.length > 0) notes.push(`“${shown}”只按括号外的时间导入，括号里的“${timeRemarks.join('；')}”请核对`);
  if (notes.length === 0 && (after || before || bracketTentative)) notes.push(`“${shown}”是暂定时间，请责任单位报备方案时确定日期`);
  return notes.length > 0 ? { ...w, note: notes.join('；') } : w;
}

/** True when a remark reads as the same months and days as the time ("第二季度（4-6月）"). */
function sameTime(r: When, w: When): boolean {
  return r.ok && w.ok && JSON.stringify([r.months, r.days]) === JSON.stringify([w.months, w.days]);
}

const QUARTER = '([1-4一二三四])';
/** "第三季度", "三、四季度", "第三至四季度", "Q3", "Q3-Q4", "三季度末". */
const QUARTERS = new RegExp(
  `^(?:第?${QUARTER}(?:季度)?(?:([-、,和及与或])第?${QUARTER})?季度|Q${QUARTER}(?:([-、,和及与或])Q?${QUARTER})?)(末|底)?$`,
  'i',
);
/** Words around a time that say nothing about it: "计划于10月", "10月开展". */
const FILLER_BEFORE = /^(计划于|计划在|计划|于|在)/;
const FILLER_AFTER = /(组织开展|开展|举行|举办|进行|启动|实施|期间|内|一次|1次)$/;

/** Days of the year the programme ties activities to ("国庆节前", "世界环境日前后"): fixed dates only. */
const HOLIDAYS: Record<string, MonthDay> = {
  元旦: { month: 1, day: 1 },
  植树节: { month: 3, day: 12 },
  消费者权益日: { month: 3, day: 15 },
  全民国家安全教育日: { month: 4, day: 15 },
  世界读书日: { month: 4, day: 23 },
  五一: { month: 5, day: 1 },
  劳动节: { month: 5, day: 1 },
  六一: { month: 6, day: 1 },
  儿童节: { month: 6, day: 1 },
  世界环境日: { month: 6, day: 5 },
  七一: { month: 7, day: 1 },
  建党节: { month: 7, day: 1 },
  八一: { month: 8, day: 1 },
  建军节: { month: 8, day: 1 },
  国庆: { month: 10, day: 1 },
  国庆节: { month: 10, day: 1 },
  国家宪法日: { month: 12, day: 4 },
  宪法日: { month: 12, day: 4 },
};
const HOLIDAY = new RegExp(`^(${Object.keys(HOLIDAYS).join('|')})(节)?(前|之前|以前)?$`);
const HOLIDAY_ALONE = new RegExp(`^(${Object.keys(HOLIDAYS).join('|')})(节)?$`);

const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

const digit = (n: string) => (/\d/.test(n) ? Number(n) : cnToNumber(n));

function readCell(text: string, input: string): When {
  let s = toHalfWidth(text).replace(/\s+/g, '');
  if (s === '') return { ok: false };
  if (TBD.test(s)) return { ok: true, months: null, days: null, year: null };
  // Numbers as spreadsheets and forms write them: 2024.5.15, 2024-05-15, 2024/5, 2024.4-2024.6, 5.15, 5.15-5.20.
  s = s
    .replace(/(20\d{2})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/g, '$1年$2月$3日')
    .replace(/(20\d{2})[./-](\d{1,2})(?![\d./]|-\d{1,2}(?!\d))/g, '$1年$2月')
    .replace(/(^|[^\d年])(\d{1,2})[./](\d{1,2})(?![\d./])/g, '$1$2月$3日');
  // "二〇二四年四月": the year in Chinese digits.
  s = s.replace(/^([〇零一二三四五六七八九]{4})年/, (_m, cn: string) => `${[...cn].map((c) => CN_DIGIT[c]).join('')}年`);
  const y = /^(20\d{2})年(度)?/.exec(s);
  const year = y ? Number(y[1]) : null;
  if (y) s = s.slice(y[0].length);
  s = s.replace(FILLER_BEFORE, '').replace(FILLER_AFTER, '');
  if (/^(全年|全年度|常年|每月)$/.test(s)) return monthsOnly(1, 12, year);
  if (/^(常态化|长期|持续|每季度|每季|每半年|定期|年|年度|本年度|全年)$/.test(s))
    return monthsOnly(1, 12, year, `“${input.trim()}”没有具体月份，已按全年处理，请责任单位报备方案时确定日期`);
  const holiday = HOLIDAY.exec(s);
  if (holiday) {
    const { month, day } = HOLIDAYS[holiday[1]];
    // Before a holiday on the 1st is the month before it.
    const m = holiday[3] && day === 1 ? month - 1 : month;
    return monthsOnly(m, m, year, `“${input.trim()}”按${m}月处理，请责任单位报备方案时确定日期`);
  }
  if (s === '上半年') return monthsOnly(1, 6, year);
  if (s === '下半年') return monthsOnly(7, 12, year);
  if (/^(年底|年末)$/.test(s)) return monthsOnly(12, 12, year);
  if (/^(年底|年末)(前|之前|以前)$/.test(s)) return monthsOnly(12, 12, year, `“${input.trim()}”按12月处理，请核对是否需要更早开展`);
  s = s
    .replace(/[~〜～—–―‐‑‒─━－至到]+/g, '-')
    // "2024年4月-2024年6月": the year again after the dash; another year is a range this grammar does not read.
    .replace(/-(20\d{2})年/g, (m, y2: string) => (year === null || Number(y2) === year ? '-' : m))
    // "四至五月", "三、四月": a Chinese numeral before a separator and a month.
    .replace(/([一二三四五六七八九十]{1,3})(?=[-、,和及与或][一二三四五六七八九十]{1,3}月)/g, (n: string) => String(cnToNumber(n)))
    .replace(/([一二三四五六七八九十]{1,3})([月日号])/g, (_m, n: string, u: string) => `${cnToNumber(n)}${u}`)
    .replace(/号/g, '日')
    // A day cell may add its weekday and hours: "4月23日（星期日）上午9:30-11:30" is 4月23日.
    .replace(/\(?(星期|周)[一二三四五六日天]\)?/g, '')
    .replace(/日(上午|下午|晚上|早上|中午|全天)?(\d{1,2}:\d{2}(-\d{1,2}:\d{2})?|\d{1,2}[时点](\d{1,2}分)?)?/g, '日');
  if (/20\d{2}年/.test(s)) return { ok: false };
  const quarter = QUARTERS.exec(s);
  if (quarter) {
    const [q1, sep, q2] = quarter[1] ? [quarter[1], quarter[2], quarter[3]] : [quarter[4], quarter[5], quarter[6]];
    const from = digit(q1);
    const to = q2 ? digit(q2) : from;
    if (quarter[7]) return monthsOnly(to * 3, to * 3, year, `“${input.trim()}”按${to * 3}月处理，请核对`);
    const gap = to > from + 1 || sep === '或';
    return monthsOnly(from * 3 - 2, to * 3, year, gap ? `“${input.trim()}”已按${from * 3 - 2}月至${to * 3}月处理，请核对` : undefined);
  }
  const week = /^(\d{1,2})月第?([1-5一二三四五])周$/.exec(s);
  if (week) {
    const m = Number(week[1]);
    return monthsOnly(m, m, year, `“${input.trim()}”按${m}月处理，请责任单位报备方案时确定日期`);
  }
  const before = /^(\d{1,2})月(底|末|初|中|[上中下]旬|\d{1,2}日)?(前|之前|以前)$/.exec(s);
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
  // Two days one after the other, "4月23日、24日", are a range of days; any other list of days is not read.
  const pair = /^(\d{1,2})月(\d{1,2})日[、,和及](\d{1,2})日$/.exec(s);
  if (pair && Number(pair[3]) === Number(pair[2]) + 1) {
    const from = { month: Number(pair[1]), day: Number(pair[2]) };
    const to = { month: from.month, day: Number(pair[3]) };
    if (okDay(from) && okDay(to)) return { ok: true, months: { from: from.month, to: from.month }, days: { from, to }, year };
  }
  if (/\d日/.test(s)) return { ok: false }; // days in a shape not read above ("4月23日、25日"): never cut to a month
  s = s.replace(/([上中下]旬|初|中|底|末|份)/g, '');
  const range = /^(\d{1,2})月?-(\d{1,2})月$/.exec(s) ?? /^(\d{1,2})月-(\d{1,2})月?$/.exec(s) ?? /^(\d{1,2})月$/.exec(s);
  if (range) {
    const from = Number(range[1]);
    return monthsOnly(from, range[2] ? Number(range[2]) : from, year);
  }
  // Several months: "4月、6月", "4月和9月", "4、5月", "4月或5月"; a line break in the cell leaves "4月5月".
  const parts = s.split(/[、,和及与或]|(?<=月)(?=\d)/);
  if (parts.length > 1 && s.includes('月') && parts.every((p) => /^\d{1,2}月?$/.test(p))) {
    const nums = parts.map((p) => parseInt(p, 10));
    const from = Math.min(...nums);
    const to = Math.max(...nums);
    // Months one after another ("4月和5月") are exactly 4月至5月; a gap or a choice ("或") is for the office to check.
    const exact = !s.includes('或') && new Set(nums).size === to - from + 1;
    return monthsOnly(from, to, year, exact ? undefined : `“${input.trim()}”是几个月份，已按${from}月至${to}月处理，请核对`);
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
