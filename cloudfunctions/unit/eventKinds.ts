// Multi-day and online events: what filePlan and checkIn decide differently for
// them, kept apart from the handlers so each handler only calls in.
import { BusinessError } from '../../src/domain/errors';
import { isEventDay } from '../../src/domain/deadlines';
import { addDays } from '../../src/domain/time';
import type { PlanSummary } from '../_shared/data';

/** The longest event a plan may span (a 宣传周, a month-long 开放月). */
export const MAX_EVENT_DAYS = 31;

/** Refuses an end date before the date or too far after it. */
export function assertEventSpan(date: string, endDate: string | undefined): void {
  if (endDate === undefined) return;
  if (endDate < date || endDate > addDays(date, MAX_EVENT_DAYS - 1)) {
    throw new BusinessError('INVALID_ARGUMENT', `结束日期须在活动日期${date}当天或之后，且活动不超过${MAX_EVENT_DAYS}天`, {
      fields: ['endDate'],
    });
  }
}

/** An online event must say where it runs: a platform or a link. */
export function assertOnlineVenue(venue: { online?: boolean; platform?: string; link?: string }): void {
  if (venue.online && !venue.platform && !venue.link) {
    throw new BusinessError('INVALID_ARGUMENT', '线上活动请填写平台名称或活动链接，方便公开办和群众查看', {
      fields: ['venue.platform', 'venue.link'],
    });
  }
}

/** Refuses a check-in outside the event's days (any day of a multi-day event is fine). */
export function assertEventDay(plan: Pick<PlanSummary, 'date' | 'endDate'>, today: string): void {
  if (isEventDay(plan, today)) return;
  const span = plan.endDate && plan.endDate !== plan.date ? `${plan.date}至${plan.endDate}` : `当天（${plan.date}）`;
  throw new BusinessError('NOT_EVENT_DAY', `只能在活动${span}签到，今天是${today}。如活动改期，请先重新报备方案。`, {
    date: plan.date,
    endDate: plan.endDate ?? plan.date,
    today,
  });
}

/**
 * What a check-in must carry: a position at a venue, or for an online event a
 * screenshot or link instead (a position is then optional and not measured).
 */
export function assertCheckinProof(
  online: boolean | undefined,
  input: { latitude?: number; longitude?: number; evidenceFileID?: string; evidenceLink?: string },
): void {
  if (online) {
    if (!input.evidenceFileID && !input.evidenceLink) {
      throw new BusinessError('INVALID_ARGUMENT', '线上活动签到请上传活动截图或填写活动链接', {
        fields: ['evidenceFileID', 'evidenceLink'],
      });
    }
    return;
  }
  if (input.latitude === undefined || input.longitude === undefined) {
    throw new BusinessError('INVALID_ARGUMENT', '请允许获取位置后在活动现场签到', { fields: ['latitude', 'longitude'] });
  }
}
