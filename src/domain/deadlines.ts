/** Deadlines of one event, counted in working days on the jurisdiction's calendar. */
import { addWorkdays, countWorkdaysBetween } from './calendar';
import { BusinessError } from './errors';
import type { Rules } from './rules';
import { addDays, endOfDayInstant, fmtDate, isoDate, isValidDate, parseInstant, shanghaiDate } from './time';

export interface EventDeadlines {
  /** End of the Nth working day before the event date. */
  plan: string;
  /** End of the Nth working day after the event's last day. */
  report: string;
  /** Photos + text for the public column, N working days after the last day; null when the jurisdiction has no such rule. */
  materials: string | null;
}

type DeadlineRules = Pick<Rules, 'planLeadWorkdays' | 'reportWithinWorkdays' | 'materialsWithinWorkdays' | 'calendar'>;

function assertEventDate(eventDate: string): void {
  if (!isValidDate(eventDate)) {
    throw new BusinessError('INVALID_ARGUMENT', `活动日期“${eventDate}”不是有效日期，请写成 2023-05-04 这样的格式`, {
      fields: ['date'],
    });
  }
}

export function planDeadline(eventDate: string, rules: DeadlineRules): string {
  assertEventDate(eventDate);
  return endOfDayInstant(addWorkdays(eventDate, -rules.planLeadWorkdays, rules.calendar));
}

/**
 * The plan counts back from the first day; the report and the materials count on
 * from the last day (`endDate` of a multi-day event, else the event date).
 */
export function eventDeadlines(eventDate: string, rules: DeadlineRules, endDate?: string): EventDeadlines {
  assertEventDate(eventDate);
  const last = endDate ?? eventDate;
  assertEventDate(last);
  const after = (n: number) => endOfDayInstant(addWorkdays(last, n, rules.calendar));
  return {
    plan: planDeadline(eventDate, rules),
    report: after(rules.reportWithinWorkdays),
    materials: rules.materialsWithinWorkdays === null ? null : after(rules.materialsWithinWorkdays),
  };
}

/** True when `at` is not after the deadline instant (the deadline second itself is on time). */
/**
 * The last millisecond a deadline allows. Deadlines are written to the second
 * ("…T23:59:59+08:00") and mean the whole of that second: up to 23:59:59.999.
 */
export function deadlineEnd(deadline: string): number {
  const t = parseInstant(deadline).getTime();
  return t % 1000 === 0 ? t + 999 : t;
}

export function isOnTime(deadline: string, at: Date): boolean {
  return at.getTime() <= deadlineEnd(deadline);
}

export function isPlanOnTime(eventDate: string, filedAt: Date, rules: DeadlineRules): boolean {
  return isOnTime(planDeadline(eventDate, rules), filedAt);
}

/**
 * The earliest event date whose plan can still be filed on time at `now`
 * (e.g. at 2023-04-20 10:00 with 5 working days: 2023-04-26).
 */
export function earliestFilableDate(now: Date, rules: DeadlineRules): string {
  // Walking forward day by day reuses planDeadline, so the two can never disagree.
  let candidate = shanghaiDate(now);
  for (let i = 0; i < 400; i += 1) {
    if (isOnTime(planDeadline(candidate, rules), now)) return candidate;
    candidate = addDays(candidate, 1);
  }
  throw new BusinessError('INTERNAL', '无法计算最早可报备日期，请检查工作日历设置', { now: now.toISOString() });
}

/**
 * How late a submission is, in working days, for the performance review.
 * 0 when on time; otherwise the number of working days after the deadline's date
 * up to and including the submission date, and at least 1 (a submission on the
 * weekend right after a Friday deadline is 1 day late, as is the Monday after).
 */
export function workdaysLate(deadline: string, submittedAt: Date, rules: Pick<Rules, 'calendar'>): number {
  if (isOnTime(deadline, submittedAt)) return 0;
  const deadlineDate = shanghaiDate(parseInstant(deadline));
  const submittedDate = shanghaiDate(submittedAt);
  return Math.max(1, countWorkdaysBetween(deadlineDate, submittedDate, rules.calendar));
}

/**
 * Refuses a plan filed after its deadline with DEADLINE_PASSED and
 * details.earliestDate, as the filePlan contract requires.
 */
export function assertPlanFilable(eventDate: string, now: Date, rules: DeadlineRules, endDate?: string): EventDeadlines {
  const deadlines = eventDeadlines(eventDate, rules, endDate);
  if (!isOnTime(deadlines.plan, now)) {
    const earliestDate = earliestFilableDate(now, rules);
    throw new BusinessError(
      'DEADLINE_PASSED',
      `活动日期${fmtDate(eventDate)}的方案应在${fmtDate(deadlines.plan)}（提前${rules.planLeadWorkdays}个工作日）前报备，已过期限。` +
        `请改选${earliestDate}或之后的日期；确需按原日期举办的，请联系公开办。`,
      { eventDate, planDeadline: deadlines.plan, earliestDate },
    );
  }
  return deadlines;
}

/** Last day of an event's planned months ("4月" of 2023 → 2023-04-30); null when 待定. */
export function lastPlannedDay(year: number, months: { from: number; to: number } | null): string | null {
  if (!months) return null;
  const to = Math.max(months.from, months.to);
  return addDays(to === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, to + 1, 1), -1);
}

/**
 * When the plan of an event that has no date yet is due: the plan deadline of the
 * last day of its planned months, the last moment to file on time and still hold
 * the event as planned. Null when the months are 待定 or that year's calendar is
 * unknown: no deadline can then be claimed. Unit screens, the office's year view,
 * the dashboard and the reminders all use this one definition.
 */
export function unfiledPlanDeadline(year: number, months: { from: number; to: number } | null, rules: DeadlineRules): string | null {
  const last = lastPlannedDay(year, months);
  if (!last) return null;
  try {
    return planDeadline(last, rules);
  } catch (e) {
    if (e instanceof BusinessError && e.code === 'CALENDAR_UNAVAILABLE') return null;
    throw e;
  }
}

/** Whether `today` is one of the event's days (from its date to its end date, both included). */
export function isEventDay(plan: { date: string; endDate?: string }, today: string): boolean {
  return today >= plan.date && today <= (plan.endDate ?? plan.date);
}

/** Whether the event's last day is over on `today` (the report no longer waits for a check-in). */
export function isEventOver(plan: { date: string; endDate?: string }, today: string): boolean {
  return today > (plan.endDate ?? plan.date);
}
