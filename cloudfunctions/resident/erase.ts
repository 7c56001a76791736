// A resident erases their personal data: sign-ups for events still to come are
// withdrawn (their seats go to the next person waiting, per event in a
// transaction), and the name and phone of every sign-up and the text of every
// evaluation are blanked. The docs stay without them, so the anonymous counts
// and ratings of each event stay right.
import { eventStart } from '../../src/domain/signups';
import { db, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere } from '../_shared/data';
import { requireSignedIn } from '../_shared/auth';
import { withdrawInTx } from '../_shared/signups';
import { notifyPromoted } from '../_shared/notify';
import type { SeatedEvent, SignupDoc } from '../_shared/signups';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

export const erase = action(contract.resident.erase, async (_input, caller) => {
  const openid = requireSignedIn(caller);
  const now = serverNow();
  const mine = await findWhere<SignupDoc>(C.signups, { openid });
  const active = mine.filter((s) => s.status !== 'cancelled');
  let withdrawn = 0;
  // One transaction per event; the store serialises them, and each re-reads its docs.
  for (const s of active) {
    const done = await db.runTransaction(async (tx: Tx): Promise<{ promoted: string | null; event: SeatedEvent } | null> => {
      const [signup, event] = [await txGet<SignupDoc>(tx, C.signups, s._id), await txGet<SeatedEvent>(tx, C.events, s.eventId)];
      if (!signup || signup.status === 'cancelled' || !event?.plan) return null;
      // Events already started keep their attendance record (anonymous from now on).
      if (signup.attendedAt || now >= eventStart(event.plan)) return null;
      return { promoted: await withdrawInTx(tx, event, signup, now), event };
    });
    if (done) withdrawn += 1;
    if (done?.promoted) await notifyPromoted(done.promoted, done.event, now).catch((e) => console.error('waitlist notice failed', e));
  }
  // Names and phones live only in sign-ups; comments (which may carry a phone) only in feedback.
  const [res, comments] = await Promise.all([
    mine.length
      ? (db
          .collection(C.signups)
          .where({ openid })
          .update({ data: { name: '', phone: '', erasedAt: now, updatedAt: now } }) as Promise<{ stats: { updated: number } }>)
      : Promise.resolve({ stats: { updated: 0 } }),
    db
      .collection(C.feedback)
      .where({ openid })
      .update({ data: { comment: '', erasedAt: now, updatedAt: now } }) as Promise<{ stats: { updated: number } }>,
  ]);
  return { withdrawn, erased: res.stats.updated, commentsErased: comments.stats.updated };
});
