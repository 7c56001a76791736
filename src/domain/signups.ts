/**
 * Resident sign-up rules shared by the resident function and the app: when an
 * event starts, until when people may sign up, and until when they may cancel.
 */
import { parseInstant, shanghaiDate, startOfDayInstant } from './time';

export const IDENTITIES = ['人大代表', '政协委员', '专家学者', '新闻媒体', '普通市民'] as const;
export type Identity = (typeof IDENTITIES)[number];

export interface SignupPlan {
  date: string; // YYYY-MM-DD
  startTime?: string; // HH:mm
  publicSeats: number;
  signupDeadline?: string; // ISO instant
}

/** Cancelling later than this before the start leaves no time to offer the seat to the next person. */
export const CANCEL_HOURS_BEFORE_START = 2;

/** The instant the event starts; without a start time, the start of its day. */
export function eventStart(plan: Pick<SignupPlan, 'date' | 'startTime'>): Date {
  const base = startOfDayInstant(plan.date);
  if (!plan.startTime || !/^\d{2}:\d{2}$/.test(plan.startTime)) return base;
  const [h, m] = plan.startTime.split(':').map(Number);
  return new Date(base.getTime() + (h * 60 + m) * 60_000);
}

/** Sign-ups close at the unit's deadline, or when the event starts if it set none. */
export function signupClosesAt(plan: SignupPlan): Date {
  return plan.signupDeadline ? parseInstant(plan.signupDeadline) : eventStart(plan);
}

/**
 * Cancelling is possible until the sign-up deadline (after it the unit prints its list),
 * or, without a deadline, until 2 hours before the start.
 */
export function cancelClosesAt(plan: SignupPlan): Date {
  return plan.signupDeadline
    ? parseInstant(plan.signupDeadline)
    : new Date(eventStart(plan).getTime() - CANCEL_HOURS_BEFORE_START * 3_600_000);
}

export function signupOpen(plan: SignupPlan | undefined, now: Date): boolean {
  return Boolean(plan && plan.publicSeats > 0 && now < signupClosesAt(plan) && shanghaiDate(now) <= plan.date);
}

/** Where and when an event takes place, as the residents who signed up know it. */
export interface EventWhereWhen {
  date: string;
  endDate?: string;
  startTime?: string;
  venue: { name: string; address?: string; online?: boolean; platform?: string; link?: string };
}

/** What changed for the residents who signed up when a plan is re-filed: '日期', '开始时间', '地点'. */
export function changesForResidents(before: EventWhereWhen, after: EventWhereWhen): string[] {
  const place = (v: EventWhereWhen['venue']) => [v.name, v.address ?? '', Boolean(v.online), v.platform ?? '', v.link ?? ''].join('\n');
  const changes: string[] = [];
  if (before.date !== after.date || (before.endDate ?? before.date) !== (after.endDate ?? after.date)) changes.push('日期');
  if ((before.startTime ?? '') !== (after.startTime ?? '')) changes.push('开始时间');
  if (place(before.venue) !== place(after.venue)) changes.push('地点');
  return changes;
}
