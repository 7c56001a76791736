// What a unit should do next for one event, and by when (the domain's status table).
// Shared by myEvents and eventDetail so the list and the detail screen never disagree.
import { BusinessError } from '../../src/domain/errors';
import { earliestFilableDate } from '../../src/domain/deadlines';
import { LISTING_STEP, listingState } from '../../src/domain/listing';
import { unitNextStep, type UnitNext } from '../../src/domain/nextStep';
import type { Rules } from '../../src/domain/rules';
import { toShanghaiISO } from '../../src/domain/time';
import type { EventDoc } from '../_shared/data';

export interface Next extends UnitNext {
  /** file_plan only: the earliest event date that can still be filed on time now. */
  earliestDate?: string;
}

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
 * depends on a date not chosen yet): `due` is then the plan deadline for the last
 * day of the planned months — the last moment to file on time and still hold the
 * event as planned.
 */
export function nextStep(event: EventDoc, now: Date, rules?: Rules, earliest?: string | null): Next {
  const next = unitNextStep(event, now, rules, event.deadlines?.report);
  return next.step === 'file_plan' && earliest ? { ...next, earliestDate: earliest } : next;
}

/** Open seats the office still has to review before residents see them: said plainly to the unit. */
export function listingNotice(event: EventDoc, rules: Rules | undefined): string | null {
  return rules && event.status === 'plan_filed' && listingState(rules, event) === 'pending' ? LISTING_STEP.waiting : null;
}
