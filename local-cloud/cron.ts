// WeChat timer triggers use a 7-field cron (sec min hour day month weekday year)
// read in UTC+8. This finds the next instant a trigger fires, minute by minute.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function matches(field: string, value: number, min: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [min, Number.MAX_SAFE_INTEGER];
    else if (range.includes('-')) [lo, hi] = range.split('-').map(Number) as [number, number];
    else [lo, hi] = stepText ? [Number(range), Number.MAX_SAFE_INTEGER] : [Number(range), Number(range)];
    return value >= lo && value <= hi && (value - lo) % step === 0;
  });
}

export function nextFireTime(cron: string, after: Date): Date | null {
  const [sec, min, hour, day, month, weekday, year = '*'] = cron.trim().split(/\s+/);
  const firstSecond = Array.from({ length: 60 }, (_, s) => s).find((s) => matches(sec, s, 0));
  if (firstSecond === undefined) return null;
  // Walk minutes in Shanghai wall-clock time, as UTC fields of a shifted date.
  const start = new Date(Math.floor((after.getTime() + SHANGHAI_OFFSET_MS) / 60_000) * 60_000);
  for (let i = 0; i < 366 * 24 * 60; i++) {
    const t = new Date(start.getTime() + i * 60_000);
    const ok =
      matches(min, t.getUTCMinutes(), 0) &&
      matches(hour, t.getUTCHours(), 0) &&
      matches(day, t.getUTCDate(), 1) &&
      matches(month, t.getUTCMonth() + 1, 1) &&
      matches(weekday, t.getUTCDay(), 0) &&
      matches(year, t.getUTCFullYear(), 1970);
    if (!ok) continue;
    const fire = new Date(t.getTime() + firstSecond * 1000 - SHANGHAI_OFFSET_MS);
    if (fire > after) return fire;
  }
  return null;
}
