// The dashboard's figures for the review: jurisdiction totals, the assessor's
// figures per unit and for the jurisdiction, and (for a city) one row per linked
// county with the same totals that county's own dashboard shows. Reads are one
// query per collection for the jurisdiction and all its children together.
import { DEFAULT_RULES } from '../../src/domain/rules';
import { db, _ } from '../_shared/cloud';
import { C } from '../_shared/data';
import type { EventDoc } from '../_shared/data';
import { findAll } from '../_shared/findAll';
import type { FeedbackDoc } from '../_shared/signups';
import { computeDashboard, type Counts, type Dashboard } from '../_shared/compliance';
import { figuresByUnit, figuresOf, liveEvents, type EventExtras, type Figures } from '../_shared/assessment';
import { childrenOf } from '../_shared/family';
import type { ChildRow, DashboardReview as Review } from '../../src/contract';

export type { ChildRow, DashboardReview as Review } from '../../src/contract';

const COUNT_KEYS = [
  'events',
  'planFiled',
  'planOnTime',
  'held',
  'reported',
  'reportOnTime',
  'materialsDue',
  'materials',
  'materialsOnTime',
  'newsReleases',
  'overdue',
  'overdueOpen',
] as const;

/** Totals of a dashboard: its month rows hold each event exactly once. */
export function totalsOf(d: Pick<Dashboard, 'months'>, figures: Figures): Counts {
  const t = { avgRating: figures.avgRating, ratings: figures.ratings } as Counts;
  for (const k of COUNT_KEYS) t[k] = 0;
  for (const m of d.months) for (const k of COUNT_KEYS) t[k] += m[k];
  return t;
}

/** One page-free read of a few fields (the server caps a page at 1000; paged by _id). */
async function findFields<T extends { _id: string }>(
  collection: string,
  where: Record<string, unknown>,
  field: Record<string, true>,
): Promise<T[]> {
  const out: T[] = [];
  let after = '';
  for (;;) {
    const q = after ? _.and([where, { _id: _.gt(after) }]) : where;
    const { data } = (await db.collection(collection).where(q).field(field).orderBy('_id', 'asc').limit(1000).get()) as unknown as {
      data: T[];
    };
    out.push(...data);
    if (data.length < 1000) return out;
    after = data[data.length - 1]._id;
  }
}

interface Loaded {
  events: EventDoc[];
  extras: EventExtras;
}

/** Events, ratings, scanned-in counts and reported attendance of some jurisdictions' year. */
async function loadYear(jurisdictionIds: string[], year: number): Promise<Loaded> {
  const inJ = jurisdictionIds.length === 1 ? jurisdictionIds[0] : _.in(jurisdictionIds);
  const [events, feedback, reports, attended] = await Promise.all([
    findAll<EventDoc>(C.events, { jurisdictionId: inJ, year }),
    findFields<Pick<FeedbackDoc, '_id' | 'eventId' | 'rating'>>(C.feedback, { jurisdictionId: inJ, year }, { eventId: true, rating: true }),
    findFields<{ _id: string; eventId: string; version: number; attendance?: { total?: number } | null }>(
      C.reports,
      { jurisdictionId: inJ },
      { eventId: true, version: true, attendance: true },
    ),
    // Counted only: no name or phone leaves the database.
    findFields<{ _id: string; eventId: string }>(C.signups, { jurisdictionId: inJ, attendedAt: _.exists(true) }, { eventId: true }),
  ]);
  const extras: EventExtras = { attended: new Map(), reported: new Map(), ratings: new Map() };
  for (const s of attended) extras.attended.set(s.eventId, (extras.attended.get(s.eventId) ?? 0) + 1);
  const latest = new Map<string, number>();
  for (const r of reports) {
    if ((latest.get(r.eventId) ?? 0) > r.version) continue;
    latest.set(r.eventId, r.version);
    extras.reported.set(r.eventId, r.attendance?.total ?? 0);
  }
  for (const f of feedback) extras.ratings.set(f.eventId, [...(extras.ratings.get(f.eventId) ?? []), f.rating]);
  return { events, extras };
}

function reviewOf(d: Pick<Dashboard, 'months' | 'units'>, events: EventDoc[], extras: EventExtras): Review {
  const total = figuresOf(events, extras);
  const byUnit = figuresByUnit(events, extras);
  return {
    totals: totalsOf(d, total),
    figures: { total, units: d.units.map((u) => ({ unitId: u.unitId, name: u.name, ...(byUnit.get(u.unitId) ?? figuresOf([], extras)) })) },
  };
}

/**
 * The review figures beside a dashboard already computed for `jurisdictionId`;
 * with `children`, one row per linked jurisdiction (with its units when `childUnits`).
 */
export async function loadReview(
  d: Dashboard,
  jurisdictionId: string,
  year: number,
  now: Date,
  opts: { children?: boolean; childUnits?: boolean } = {},
): Promise<Review> {
  const children = opts.children ? await childrenOf(jurisdictionId) : [];
  // One read per collection for the jurisdiction and its children together.
  const all = await loadYear([jurisdictionId, ...children.map((c) => c._id)], year);
  const of = (id: string) => all.events.filter((e) => e.jurisdictionId === id);
  const review = reviewOf(d, liveEvents(of(jurisdictionId), year), all.extras);
  if (!opts.children) return review;
  review.children = children
    .map((c): ChildRow => {
      const events = of(c._id);
      const ratings = events.flatMap((e) => (all.extras.ratings.get(e._id) ?? []).map((rating) => ({ eventId: e._id, rating })));
      const cd = computeDashboard(year, events, { ...DEFAULT_RULES, ...c.rules }, now, ratings);
      const r = reviewOf(cd, liveEvents(events, year), all.extras);
      return {
        jurisdictionId: c._id,
        name: c.name,
        ...r.totals,
        figures: r.figures.total,
        ...(opts.childUnits ? { units: cd.units } : {}),
      };
    })
    .sort((a, b) => b.overdueOpen - a.overdueOpen || a.name.localeCompare(b.name, 'zh'));
  return review;
}
