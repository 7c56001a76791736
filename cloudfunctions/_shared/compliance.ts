// Deadline compliance computed from the records, at a given instant. Nothing here
// is stored: the dashboard, its export and the daily reminders all call these
// functions, so they always agree with each other and with the events.
//
// Definitions (documented in docs/compliance.md):
// - plan deadline of an event not yet filed = the plan deadline of the LAST day of
//   its planned months (e.g. "4月" → planDeadline(04-30)): after it, no date inside
//   the planned months can still be filed on time. 待定 (no months) has no deadline.
// - plan deadline of a filed event = the deadline for its filed date (event.deadlines.plan).
// - report / materials deadlines = event.deadlines.report / .materials (from the event's last
//   day); the materials (photos + text for the column) are their own delivery
//   (unit.submitMaterials), done at their first submission.
// - a late item is a deadline that was missed: done after it (doneAt set) or still
//   not done at `now` (doneAt null; workdaysLate counted up to today).
import { isOnTime, unfiledPlanDeadline, workdaysLate } from '../../src/domain/deadlines';
import { endOfDayInstant, parseInstant, shanghaiDate, shanghaiMonthOf, toShanghaiISO } from '../../src/domain/time';
import { isHeld, STATUS_TABLE } from '../../src/domain/lifecycle';
import type { Rules } from '../../src/domain/rules';
import type { EventDoc } from './data';
import type { Dashboard, DashboardCounts as Counts, LateItem, LateKind, MonthRow, UnitRow } from '../../src/contract';

// The shapes office.dashboard answers with are the contract's.
export type { Dashboard, DashboardCounts as Counts, LateItem, LateKind, MonthRow, UnitRow } from '../../src/contract';

export interface Rating {
  eventId: string;
  rating: number;
}

type RuleSet = Pick<Rules, 'planLeadWorkdays' | 'reportWithinWorkdays' | 'materialsWithinWorkdays' | 'calendar'>;

const dateOf = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/** unfiledPlanDeadline from the domain, memoised per year and months for bulk runs. */
export function unfiledPlanDeadlineMemo(
  e: Pick<EventDoc, 'year' | 'months'>,
  rules: RuleSet,
  memo?: Map<string, string | null>,
): string | null {
  const key = `${e.year}:${e.months?.from}-${e.months?.to}`;
  const cached = memo?.get(key);
  if (cached !== undefined) return cached;
  const d = unfiledPlanDeadline(e.year, e.months, rules);
  memo?.set(key, d);
  return d;
}

function late(now: Date, deadline: string, doneAt: Date | null, rules: RuleSet): { doneAt: string | null; workdaysLate: number } | null {
  const at = doneAt ?? now;
  if (isOnTime(deadline, at)) return null;
  let n: number;
  try {
    n = workdaysLate(deadline, at, rules);
  } catch {
    n = 1; // calendar of that year unknown: at least one day late
  }
  return { doneAt: doneAt ? toShanghaiISO(doneAt) : null, workdaysLate: n };
}

/** Every missed deadline of one event at `now`. */
export function lateItemsOf(e: EventDoc, rules: RuleSet, now: Date, memo?: Map<string, string | null>): LateItem[] {
  const base = { eventId: e._id, seq: e.seq, theme: e.theme, unit: e.unitNames.join('、'), unitIds: e.unitIds };
  const out: LateItem[] = [];
  const push = (kind: LateKind, deadline: string, r: ReturnType<typeof late>) => {
    if (r) out.push({ ...base, kind, deadline, ...r });
  };
  if (!e.plan) {
    const d = unfiledPlanDeadlineMemo(e, rules, memo);
    if (d) push('plan', d, late(now, d, null, rules));
    return out;
  }
  const filedAt = dateOf(e.plan.filedAt);
  // Filed after the last on-time day of its planned months: late by the working days since then.
  const planDue = e.plan.onTime ? null : unfiledPlanDeadlineMemo(e, rules, memo);
  if (planDue) push('plan', planDue, late(now, planDue, filedAt, rules));
  if (!e.deadlines) return out;
  const submittedAt = e.report ? dateOf(firstSubmittedAt(e)) : null;
  if (!e.report) push('report', e.deadlines.report, late(now, e.deadlines.report, null, rules));
  // A submitted report is late exactly when its record says so (the unit function decided it).
  else if (e.report.late)
    out.push({
      ...base,
      kind: 'report',
      deadline: e.deadlines.report,
      doneAt: toShanghaiISO(submittedAt!),
      workdaysLate: e.report.workdaysLate,
    });
  if (e.deadlines.materials) {
    const m = e.materials;
    if (!m) push('materials', e.deadlines.materials, late(now, e.deadlines.materials, null, rules));
    else if (m.late)
      out.push({
        ...base,
        kind: 'materials',
        deadline: e.deadlines.materials,
        doneAt: toShanghaiISO(dateOf(m.firstSubmittedAt)),
        workdaysLate: m.workdaysLate,
      });
  }
  return out;
}

/** When the report first came in (a resubmission after a return does not move it). */
function firstSubmittedAt(e: EventDoc): Date | string {
  const r = e.report as (EventDoc['report'] & { firstSubmittedAt?: Date | string }) | undefined;
  return r?.firstSubmittedAt ?? r!.submittedAt;
}

/** The month an event belongs to: its filed date's, else the first planned month, else null (待定). */
export function monthOf(e: EventDoc): number | null {
  if (e.plan?.date) return shanghaiMonthOf(e.plan.date);
  return e.months ? e.months.from : null;
}

function emptyCounts(): Counts {
  return {
    events: 0,
    planFiled: 0,
    planOnTime: 0,
    held: 0,
    reported: 0,
    reportOnTime: 0,
    materialsDue: 0,
    materials: 0,
    materialsOnTime: 0,
    newsReleases: 0,
    overdue: 0,
    overdueOpen: 0,
    avgRating: null,
    ratings: 0,
  };
}

function addEvent(c: Counts & { ratingSum?: number }, e: EventDoc, items: LateItem[], ratings: number[]): void {
  c.events += 1;
  if (e.plan) c.planFiled += 1;
  if (e.plan?.onTime) c.planOnTime += 1;
  if (isHeld(e)) c.held += 1;
  if (e.report) c.reported += 1;
  if (e.report && !e.report.late) c.reportOnTime += 1;
  if (e.deadlines?.materials) c.materialsDue += 1;
  if (e.materials) c.materials += 1;
  if (e.materials && !e.materials.late) c.materialsOnTime += 1;
  if (e.report?.newsRelease) c.newsReleases += 1;
  c.overdue += items.length;
  c.overdueOpen += items.filter((i) => i.doneAt === null).length;
  c.ratings += ratings.length;
  c.ratingSum = (c.ratingSum ?? 0) + ratings.reduce((a, b) => a + b, 0);
}

function finish<T extends Counts & { ratingSum?: number }>(c: T): Omit<T, 'ratingSum'> {
  const { ratingSum, ...rest } = c;
  rest.avgRating = rest.ratings ? Math.round(((ratingSum ?? 0) / rest.ratings) * 100) / 100 : null;
  return rest;
}

/**
 * The whole dashboard of one jurisdiction's year. `events` are all the year's
 * events (removed rows are skipped here); units with no event still get a row
 * when passed in `units`.
 */
export function computeDashboard(
  year: number,
  events: EventDoc[],
  rules: RuleSet,
  now: Date,
  ratings: Rating[] = [],
  units: Array<{ _id: string; name: string }> = [],
): Dashboard {
  const live = events.filter((e) => !e.removedFromPlan && e.year === year).sort((a, b) => a.seq - b.seq);
  const memo = new Map<string, string | null>();
  const ratingsBy = new Map<string, number[]>();
  for (const r of ratings) ratingsBy.set(r.eventId, [...(ratingsBy.get(r.eventId) ?? []), r.rating]);

  const unitRows = new Map<string, UnitRow & { ratingSum?: number }>();
  for (const u of units) unitRows.set(u._id, { unitId: u._id, name: u.name, ...emptyCounts() });
  const monthRows = new Map<number | null, MonthRow & { ratingSum?: number }>();
  for (let m = 1; m <= 12; m += 1) monthRows.set(m, { month: m, ...emptyCounts() });
  const lateItems: LateItem[] = [];

  for (const e of live) {
    const items = lateItemsOf(e, rules, now, memo);
    lateItems.push(...items);
    const rs = ratingsBy.get(e._id) ?? [];
    // A co-hosted event counts for every host.
    e.unitIds.forEach((id, i) => {
      let row = unitRows.get(id);
      if (!row) unitRows.set(id, (row = { unitId: id, name: e.unitNames[i] ?? id, ...emptyCounts() }));
      addEvent(row, e, items, rs);
    });
    const m = monthOf(e);
    let mrow = monthRows.get(m);
    if (!mrow) monthRows.set(m, (mrow = { month: m, ...emptyCounts() }));
    addEvent(mrow, e, items, rs);
  }
  const unitsWithoutEvents = [...unitRows.values()]
    .filter((u) => u.events === 0)
    .map((u) => ({ unitId: u.unitId, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  lateItems.sort((a, b) =>
    (a.doneAt === null) !== (b.doneAt === null) ? (a.doneAt === null ? -1 : 1) : b.workdaysLate - a.workdaysLate || a.seq - b.seq,
  );
  return {
    year,
    computedAt: toShanghaiISO(now),
    units: [...unitRows.values()]
      .map(finish)
      .sort((a, b) => b.overdueOpen - a.overdueOpen || b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh')),
    months: [...monthRows.values()].map(finish).sort((a, b) => (a.month ?? 13) - (b.month ?? 13)),
    lateItems,
    unitsWithoutEvents,
  };
}

// ---- reminders: what is due soon, per event ----

export type DueKind = 'plan_due' | 'event_today' | 'report_due' | 'materials_due' | 'overdue';

export interface DueItem {
  eventId: string;
  seq: number;
  theme: string;
  unitIds: string[];
  kind: DueKind;
  /** What the item is about: for overdue, the late deadline's kind. */
  of: LateKind | 'event';
  deadline: string;
  workdaysLate: number;
}

/**
 * What one event asks of its unit today (`today` = Shanghai date of `now`,
 * `horizon` = the date 2 working days after today): open late items, plans whose
 * last on-time filing day falls in [today, horizon], the event itself today,
 * report / materials deadlines in [today, horizon].
 */
export function dueItemsOf(
  e: EventDoc,
  rules: RuleSet,
  now: Date,
  today: string,
  horizon: string,
  memo?: Map<string, string | null>,
): DueItem[] {
  if (e.removedFromPlan) return [];
  const base = { eventId: e._id, seq: e.seq, theme: e.theme, unitIds: e.unitIds };
  const out: DueItem[] = lateItemsOf(e, rules, now, memo)
    .filter((i) => i.doneAt === null)
    .map((i) => ({ ...base, kind: 'overdue' as const, of: i.kind, deadline: i.deadline, workdaysLate: i.workdaysLate }));
  const soon = (d: string) => {
    const day = shanghaiDate(parseInstant(d));
    return isOnTime(d, now) && day >= today && day <= horizon;
  };
  if (!e.plan) {
    const d = unfiledPlanDeadlineMemo(e, rules, memo);
    if (d && soon(d)) out.push({ ...base, kind: 'plan_due', of: 'plan', deadline: d, workdaysLate: 0 });
    return out;
  }
  if (e.plan.date === today && !e.checkin && STATUS_TABLE[e.status].unitNext?.step === 'check_in')
    out.push({ ...base, kind: 'event_today', of: 'event', deadline: endOfDayInstant(today), workdaysLate: 0 });
  if (!e.deadlines) return out;
  if (!e.report && soon(e.deadlines.report))
    out.push({ ...base, kind: 'report_due', of: 'report', deadline: e.deadlines.report, workdaysLate: 0 });
  if (!e.materials && e.deadlines.materials && soon(e.deadlines.materials))
    out.push({ ...base, kind: 'materials_due', of: 'materials', deadline: e.deadlines.materials, workdaysLate: 0 });
  return out;
}

/** Most urgent first: overdue (longest first), then the nearest deadline. */
export function byUrgency(a: DueItem, b: DueItem): number {
  const ao = a.kind === 'overdue' ? 0 : 1;
  const bo = b.kind === 'overdue' ? 0 : 1;
  if (ao !== bo) return ao - bo;
  if (ao === 0 && a.workdaysLate !== b.workdaysLate) return b.workdaysLate - a.workdaysLate;
  return a.deadline.localeCompare(b.deadline) || a.seq - b.seq;
}
