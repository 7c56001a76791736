// What a unit should do next for one event, and by when. Shared by myEvents and
// eventDetail so the list and the detail screen never disagree.
import { BusinessError } from '../../src/domain/errors';
import { earliestFilableDate, isOnTime, unfiledPlanDeadline } from '../../src/domain/deadlines';
import { STATUS_LABELS } from '../../src/domain/lifecycle';
import type { Rules } from '../../src/domain/rules';
import { shanghaiDate, toShanghaiISO } from '../../src/domain/time';
import type { EventDoc } from '../_shared/data';

export type NextStep = 'file_plan' | 'check_in' | 'submit_report' | 'fix_report' | 'wait_review' | 'done';

export interface Next {
  step: NextStep;
  label: string;
  due?: string;
  overdue: boolean;
  /** file_plan only: the earliest event date that can still be filed on time now. */
  earliestDate?: string;
}

const LABELS: Record<NextStep, string> = {
  file_plan: '报备活动方案',
  check_in: '活动当天到现场签到',
  submit_report: '提交情况报告',
  fix_report: '按公开办意见修改后重新提交报告',
  wait_review: '等待公开办审核',
  done: '已完成',
};

export const iso = (d: Date | string) => toShanghaiISO(new Date(d));

/** Calendar gaps (CALENDAR_UNAVAILABLE) must not break a list: that one value is just unknown. */
function orNull<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof BusinessError && e.code === 'CALENDAR_UNAVAILABLE') return null;
    throw e;
  }
}

export function earliestDateOrNull(now: Date, rules: Rules | undefined): string | null {
  return rules ? orNull(() => earliestFilableDate(now, rules)) : null;
}

/**
 * `rules` is needed only for an event without a filed plan (its plan deadline
 * depends on a date not chosen yet). Then `due` is the plan deadline for the
 * last day of the planned months — the last moment to file on time and still
 * hold the event as planned — and the event is overdue once that has passed.
 */
export function nextStep(event: EventDoc, now: Date, rules?: Rules, earliest?: string | null): Next {
  const today = shanghaiDate(now);
  const make = (step: NextStep, due?: string, extra: Partial<Next> = {}): Next => ({
    step,
    label: LABELS[step],
    ...(due ? { due } : {}),
    overdue: due ? !isOnTime(due, now) : false,
    ...extra,
  });
  switch (event.status) {
    case 'planned': {
      const due = rules ? unfiledPlanDeadline(event.year, event.months, rules) : null;
      return make('file_plan', due ?? undefined, earliest ? { earliestDate: earliest } : {});
    }
    case 'plan_filed': {
      const date = event.plan!.date;
      // The day has passed without a check-in: the report is what is due now.
      if (today > date) return make('submit_report', event.deadlines?.report);
      return { ...make('check_in'), due: `${date}T23:59:59+08:00`, overdue: false };
    }
    case 'held':
      return make('submit_report', event.deadlines?.report);
    case 'returned':
      return make('fix_report', event.deadlines?.report);
    case 'reported':
      return make('wait_review');
    default:
      return make('done');
  }
}

export function statusLabel(event: EventDoc): string {
  return STATUS_LABELS[event.status];
}
