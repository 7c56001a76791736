// The year's figures an assessor asks for (绩效考核, 第三方评估), per unit and per
// jurisdiction, computed from the records; nothing here is stored. Definitions
// (docs/compliance.md, "Figures for the review"):
// - heldAsPlanned: held (checked in or reported) on a filed date inside the
//   planned months; its share is of the year's events.
// - planOnTimeShare / reportOnTimeShare: plans filed on time / reports in on
//   time, as shares of the year's events (an event not yet due counts against
//   neither once it is done, and against both while it is not).
// - published: events whose report is published in the public column.
// - residentsReached: per event, the larger of the residents scanned in at the
//   venue and the attendance the latest report states; summed.
// - avgRating: mean of the residents' ratings.
// Shares are percentages with one decimal, null when there is no event.
import type { Figures } from '../../src/domain/figures';
import { isHeld, STATUS_TABLE } from '../../src/domain/lifecycle';
import type { EventDoc } from './data';

export type { Figures };

/** What the figures need besides the events: counts per event, no personal data. */
export interface EventExtras {
  /** Sign-ups scanned in at the venue, per eventId. */
  attended: Map<string, number>;
  /** Attendance total of the latest report version, per eventId. */
  reported: Map<string, number>;
  /** Ratings per eventId. */
  ratings: Map<string, number[]>;
}

export const share = (n: number, of: number): number | null => (of ? Math.round((n / of) * 1000) / 10 : null);

export function residentsReached(e: Pick<EventDoc, '_id'>, x: EventExtras): number {
  return Math.max(x.attended.get(e._id) ?? 0, x.reported.get(e._id) ?? 0);
}

/** Figures over a set of events (each counted once). */
export function figuresOf(events: EventDoc[], x: EventExtras): Figures {
  let held = 0;
  let asPlanned = 0;
  let planOnTime = 0;
  let reportOnTime = 0;
  let published = 0;
  let reached = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const e of events) {
    if (isHeld(e)) {
      held += 1;
      if (e.plan && !e.plan.outsidePlannedMonths) asPlanned += 1;
    }
    if (e.plan?.onTime) planOnTime += 1;
    if (e.report && !e.report.late) reportOnTime += 1;
    if (STATUS_TABLE[e.status].group === 'done') published += 1;
    reached += residentsReached(e, x);
    for (const r of x.ratings.get(e._id) ?? []) {
      ratingSum += r;
      ratings += 1;
    }
  }
  const n = events.length;
  return {
    events: n,
    held,
    heldAsPlanned: asPlanned,
    heldAsPlannedShare: share(asPlanned, n),
    planOnTime,
    planOnTimeShare: share(planOnTime, n),
    reportOnTime,
    reportOnTimeShare: share(reportOnTime, n),
    published,
    residentsReached: reached,
    avgRating: ratings ? Math.round((ratingSum / ratings) * 100) / 100 : null,
    ratings,
  };
}

/** The live events of a year (rows taken out of the plan are not counted). */
export function liveEvents(events: EventDoc[], year: number): EventDoc[] {
  return events.filter((e) => !e.removedFromPlan && e.year === year);
}

/** Figures per unit (a co-hosted event counts for every host), in `order` of unit ids. */
export function figuresByUnit(events: EventDoc[], x: EventExtras): Map<string, Figures> {
  const byUnit = new Map<string, EventDoc[]>();
  for (const e of events) for (const u of e.unitIds) byUnit.set(u, [...(byUnit.get(u) ?? []), e]);
  return new Map([...byUnit].map(([u, es]) => [u, figuresOf(es, x)]));
}
