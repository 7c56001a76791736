// Residents' personal data goes after its time: every day, for each jurisdiction,
// the names and phones in sign-ups and the comments in feedback of events held
// personalDataRetentionDays (default 365) or more days ago are blanked. The docs
// stay, so the anonymous counts and ratings stay right. Idempotent: blanked docs
// no longer match.
import { DEFAULT_RULES } from '../../src/domain/rules';
import { addDays, shanghaiDate } from '../../src/domain/time';
import { db, _ } from '../_shared/cloud';
import { C } from '../_shared/data';
import type { EventDoc, JurisdictionDoc } from '../_shared/data';
import { findAll } from '../_shared/findAll';

const BATCH = 500;

export interface PurgeResult {
  events: number;
  signups: number;
  comments: number;
}

/**
 * One read of the events that can be due over every jurisdiction (held on or before
 * the latest cut-off, with public seats), then each jurisdiction's own cut-off in
 * memory: round trips do not grow with jurisdictions, and the updates run only for
 * events past their time. `jurisdictions`: the daily run's own read, reused.
 */
export async function purgePersonalData(now: Date, jurisdictions?: Promise<JurisdictionDoc[]>): Promise<PurgeResult> {
  const today = shanghaiDate(now);
  const js = await (jurisdictions ?? findAll<JurisdictionDoc>(C.jurisdictions, {}));
  const result: PurgeResult = { events: 0, signups: 0, comments: 0 };
  // An event held on D is purged on D + days: kept `days` full days after it.
  const heldByOf = new Map(
    js.map((j) => [j._id, addDays(today, -(j.rules?.personalDataRetentionDays ?? DEFAULT_RULES.personalDataRetentionDays))]),
  );
  if (!heldByOf.size) return result;
  const latest = [...heldByOf.values()].reduce((a, b) => (a > b ? a : b));
  const candidates = await findAll<EventDoc>(C.events, { 'plan.date': _.lte(latest), 'plan.publicSeats': _.gt(0) });
  const events = candidates.filter((e) => {
    const heldBy = heldByOf.get(e.jurisdictionId);
    return heldBy !== undefined && e.plan!.date <= heldBy;
  });
  result.events = events.length;
  for (let i = 0; i < events.length; i += BATCH) {
    const ids = events.slice(i, i + BATCH).map((e) => e._id);
    const [s, f] = (await Promise.all([
      db
        .collection(C.signups)
        .where(_.and([{ eventId: _.in(ids) }, _.or([{ name: _.neq('') }, { phone: _.neq('') }])]))
        .update({ data: { name: '', phone: '', erasedAt: now, updatedAt: now } }),
      db
        .collection(C.feedback)
        .where({ eventId: _.in(ids), comment: _.neq('') })
        .update({ data: { comment: '', erasedAt: now, updatedAt: now } }),
    ])) as Array<{ stats: { updated: number } }>;
    result.signups += s.stats.updated;
    result.comments += f.stats.updated;
  }
  return result;
}
