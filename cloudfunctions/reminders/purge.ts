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

export async function purgePersonalData(now: Date): Promise<PurgeResult> {
  const today = shanghaiDate(now);
  const jurisdictions = await findAll<JurisdictionDoc>(C.jurisdictions, {});
  const result: PurgeResult = { events: 0, signups: 0, comments: 0 };
  for (const j of jurisdictions) {
    const days = j.rules?.personalDataRetentionDays ?? DEFAULT_RULES.personalDataRetentionDays;
    // An event held on D is purged on D + days: kept `days` full days after it.
    const heldBy = addDays(today, -days);
    const events = await findAll<EventDoc>(C.events, { jurisdictionId: j._id, 'plan.date': _.lte(heldBy), 'plan.publicSeats': _.gt(0) });
    result.events += events.length;
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
  }
  return result;
}
