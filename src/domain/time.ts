/**
 * Asia/Shanghai date helpers that never read the process time zone.
 * China has had no daylight saving since 1991, so a fixed +8h offset is exact.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The wall clock in Shanghai as a UTC-based Date (read it with getUTC*). */
function shanghaiWallClock(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

/** Calendar date (YYYY-MM-DD) in Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  const w = shanghaiWallClock(instant);
  return isoDate(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate());
}

export function shanghaiYear(instant: Date): number {
  return shanghaiWallClock(instant).getUTCFullYear();
}

/** ISO 8601 with the +08:00 offset, second precision: 2023-04-24T23:59:59+08:00. */
export function toShanghaiISO(instant: Date): string {
  const w = shanghaiWallClock(instant);
  return `${shanghaiDate(instant)}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}+08:00`;
}

/** YYYY-MM-DD of a year, month (1–12) and day, padded: 2023, 5, 1 → 2023-05-01. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** A compact Shanghai stamp for file names: 20230420093000. */
export function fileStamp(instant: Date): string {
  const w = shanghaiWallClock(instant);
  return `${shanghaiDate(instant).replace(/-/g, '')}${pad(w.getUTCHours())}${pad(w.getUTCMinutes())}${pad(w.getUTCSeconds())}`;
}

/** True for a real calendar date written YYYY-MM-DD (2023-02-30 is false). */
export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function parts(date: string): [number, number, number] {
  if (!isValidDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/** Year of a YYYY-MM-DD date. */
export function yearOf(date: string): number {
  return parts(date)[0];
}

/** Day of week of a YYYY-MM-DD date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Date `n` calendar days after (negative: before) a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days since 1970-01-01 of a YYYY-MM-DD date: loops over many days count with numbers, not strings. */
export function epochDayOf(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The YYYY-MM-DD date of a day number since 1970-01-01 (epochDayOf's inverse). */
export function dateOfEpochDay(day: number): string {
  const t = new Date(day * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Instant at which a Shanghai date starts (00:00:00+08:00). */
export function startOfDayInstant(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
}

/** Last second of a Shanghai date, as an ISO string: "2023-04-24T23:59:59+08:00". */
export function endOfDayInstant(date: string): string {
  parts(date);
  return `${date}T23:59:59+08:00`;
}

/** Parses an ISO instant; throws on garbage so a bad deadline never compares as NaN. */
export function parseInstant(iso: string): Date {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new RangeError(`Not an ISO instant: ${iso}`);
  return t;
}

// ---- What people read: one Chinese format everywhere (app and messages). ----
// Dates: 5月10日 (with the year, 2024年5月10日, when it is not `year`), optionally
// with the weekday (5月10日 周三); times: 09:30, Shanghai wall clock whatever the
// phone's zone. Nothing else formats a date for a person.
const WEEKDAYS = '日一二三四五六';

/** The Shanghai wall-clock parts of an ISO instant or a YYYY-MM-DD date. */
function wallParts(value: string): { y: number; m: number; d: number; hh: string; mm: string; dow: number } | null {
  const plain = DATE_RE.exec(value);
  if (plain) {
    const [y, m, d] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    return { y, m, d, hh: '', mm: '', dow: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
  }
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return null;
  const w = shanghaiWallClock(t);
  return {
    y: w.getUTCFullYear(),
    m: w.getUTCMonth() + 1,
    d: w.getUTCDate(),
    hh: pad(w.getUTCHours()),
    mm: pad(w.getUTCMinutes()),
    dow: w.getUTCDay(),
  };
}

/** The Shanghai date (YYYY-MM-DD) of an ISO instant or a date; '' for nothing or garbage. */
export function shanghaiDateOf(value: string | null | undefined): string {
  const p = value ? wallParts(value) : null;
  return p ? isoDate(p.y, p.m, p.d) : '';
}

/** The Shanghai month (1–12) of an ISO instant or a YYYY-MM-DD date; throws on garbage. */
export function shanghaiMonthOf(value: string): number {
  const p = wallParts(value);
  if (!p) throw new RangeError(`Not a date or instant: ${value}`);
  return p.m;
}

export interface DateFormat {
  /** Leave the year out when it is this one. */
  year?: number;
  weekday?: boolean;
}

/** 2023-05-10 or an instant → 5月10日 (周三); '' for nothing. */
export function fmtDate(value: string | null | undefined, opts: DateFormat = {}): string {
  const p = value ? wallParts(value) : null;
  if (!p) return '';
  const day = `${opts.year === undefined || opts.year === p.y ? '' : `${p.y}年`}${p.m}月${p.d}日`;
  return opts.weekday ? `${day} 周${WEEKDAYS[p.dow]}` : day;
}

/** An instant → 5月10日 09:30 (Shanghai). */
export function fmtDateTime(value: string | null | undefined, opts: DateFormat = {}): string {
  const p = value ? wallParts(value) : null;
  if (!p) return '';
  return p.hh ? `${fmtDate(value, opts)} ${p.hh}:${p.mm}` : fmtDate(value, opts);
}

/** An instant → 09:30 (Shanghai). */
export function fmtTime(value: string | null | undefined): string {
  const p = value ? wallParts(value) : null;
  return p?.hh ? `${p.hh}:${p.mm}` : '';
}

/** 2023, 5 → 2023年5月 */
export function fmtMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}
