/**
 * What is owed next on one event, by whom and by when, read from STATUS_TABLE.
 * The unit's screens, the office's desk and its queue all call these, so a step
 * has one name and one deadline everywhere.
 */
import { isOnTime, unfiledPlanDeadline } from './deadlines';
import { DONE_LABEL, REMOVED_LABEL, STATUS_TABLE, type EventStatus, type OfficeStep, type Step, type UnitStep } from './lifecycle';
import { listingState, LISTING_STEP, type ListingEvent, type ListingRules } from './listing';
import type { Rules } from './rules';
import { endOfDayInstant, shanghaiDate } from './time';

type DeadlineRules = Pick<Rules, 'planLeadWorkdays' | 'reportWithinWorkdays' | 'materialsWithinWorkdays' | 'calendar'>;

export interface StepEvent extends ListingEvent {
  status: EventStatus;
  year: number;
  months: { from: number; to: number } | null;
  removedFromPlan?: boolean;
}

export interface Due {
  due?: string;
  overdue: boolean;
}

export interface UnitNext extends Due {
  step: UnitStep | 'done';
  label: string;
}

export interface DeskNext extends Due {
  /** Who owes the step: the office's own steps make its queue. */
  who: 'unit' | 'office' | null;
  step: UnitStep | OfficeStep | 'release_listing' | 'done';
  label: string;
}

/**
 * The unit's step at `now`. A filed event whose day has passed without a check-in
 * owes its report (the check-in can no longer happen).
 */
function unitRow(e: StepEvent, now: Date): Step<UnitStep> | null {
  const row = STATUS_TABLE[e.status].unitNext;
  if (row?.step === 'check_in' && e.plan && shanghaiDate(now) > e.plan.date) return STATUS_TABLE.held.unitNext;
  return row;
}

function dueOf(e: StepEvent, row: Step<string>, now: Date, rules: DeadlineRules | undefined, reportDue: string | undefined): Due {
  const at = (due: string | null | undefined): Due => (due ? { due, overdue: !isOnTime(due, now) } : { overdue: false });
  switch (row.due) {
    case 'plan':
      return at(rules ? unfiledPlanDeadline(e.year, e.months, rules) : null);
    // The day itself: never "overdue" — once it has passed the report is what is due.
    case 'event':
      return e.plan ? { due: endOfDayInstant(e.plan.date), overdue: false } : { overdue: false };
    case 'report':
      return at(reportDue);
    default:
      return { overdue: false };
  }
}

/** `rules` place the plan deadline of an unfiled event; without them that deadline is unknown. */
export function unitNextStep(e: StepEvent, now: Date, rules?: DeadlineRules, reportDue?: string): UnitNext {
  const row = unitRow(e, now);
  if (!row) return { step: 'done', label: DONE_LABEL, overdue: false };
  return { step: row.step, label: row.label, ...dueOf(e, row, now, rules, reportDue) };
}

/**
 * The office's view of the same step: its own step when it owes one (reviewing a
 * report, publishing it, releasing an open-seat listing under review), otherwise what
 * the unit owes, in the words of someone waiting for it.
 */
export function deskNextStep(e: StepEvent, now: Date, rules?: DeadlineRules & ListingRules, reportDue?: string): DeskNext {
  if (e.removedFromPlan) return { who: null, step: 'done', label: REMOVED_LABEL, overdue: false };
  const office = STATUS_TABLE[e.status].officeNext;
  if (office) return { who: 'office', step: office.step, label: office.waiting, overdue: false };
  if (rules && listingState(rules, e) === 'pending')
    return { who: 'office', step: 'release_listing', label: LISTING_STEP.waiting, overdue: false };
  const unit = unitRow(e, now);
  if (!unit) return { who: null, step: 'done', label: DONE_LABEL, overdue: false };
  return { who: 'unit', step: unit.step, label: unit.waiting, ...dueOf(e, unit, now, rules, reportDue) };
}
