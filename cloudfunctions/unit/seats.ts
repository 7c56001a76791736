// Seats when a unit re-files its plan: the new cap is reconciled with the
// sign-ups in the plan's own transaction, and the residents affected are told
// after it commits.
import { BusinessError } from '../../src/domain/errors';
import { reconcileSeats } from '../../src/domain/seats';
import { changesForResidents } from '../../src/domain/signups';
import { _, txGet, type Tx } from '../_shared/cloud';
import { C } from '../_shared/data';
import type { PlanSummary } from '../_shared/data';
import { findAll } from '../_shared/findAll';
import { notifyReFiled } from '../_shared/notify';
import { countersOf, seatFields } from '../_shared/signups';
import type { SeatedEvent, SignupDoc } from '../_shared/signups';

/** Confirmed sign-ups, first confirmed first: who moves back when seats shrink. */
export async function confirmedInOrder(eventId: string): Promise<string[]> {
  const confirmed = await findAll<SignupDoc>(C.signups, { eventId, status: 'confirmed' });
  const at = (s: SignupDoc) => new Date(s.confirmedAt ?? s.createdAt).getTime();
  return confirmed.sort((a, b) => at(a) - at(b) || a._id.localeCompare(b._id)).map((s) => s._id);
}

export interface SeatMoves {
  promoted: string[];
  demoted: string[];
}

/**
 * Inside the plan's transaction: applies the new cap to the event's counters
 * (the caller writes the returned fields with the plan) and moves the sign-ups
 * that change status. Fewer seats than confirmed is refused unless `shrink`.
 */
export async function reconcileInTx(
  tx: Tx,
  event: SeatedEvent,
  seats: number,
  shrink: { agreed: boolean; confirmedInOrder: string[] },
  now: Date,
): Promise<SeatMoves & { fields: Record<string, unknown> }> {
  const counters = countersOf(event);
  // The order was read before the transaction; a sign-up or cancellation since then makes it stale.
  const stale = shrink.agreed && counters.confirmed > seats && shrink.confirmedInOrder.length !== counters.confirmed;
  if (stale) throw changedMeanwhile();
  const r = reconcileSeats(counters, seats, { confirmedInOrder: shrink.confirmedInOrder, shrink: shrink.agreed });
  if (!r.ok) {
    throw new BusinessError('CONFLICT', r.message, {
      reason: 'SEATS_BELOW_CONFIRMED',
      confirmed: r.confirmed,
      seats: r.seats,
      excess: r.excess,
    });
  }
  for (const id of r.demoted) {
    const s = await txGet<SignupDoc>(tx, C.signups, id);
    if (s?.status !== 'confirmed') throw changedMeanwhile();
    // confirmedAt stays as history; only confirmed sign-ups are ever ordered by it.
    await tx
      .collection(C.signups)
      .doc(id)
      .update({ data: { status: 'waitlisted', updatedAt: now } });
  }
  // A millisecond apart, in line order: a later shrink moves back the last of them first.
  for (const [i, id] of r.promoted.entries()) {
    await tx
      .collection(C.signups)
      .doc(id)
      .update({ data: { status: 'confirmed', confirmedAt: new Date(now.getTime() + i), updatedAt: now } });
  }
  return { promoted: r.promoted, demoted: r.demoted, fields: seatFields(r.counters) };
}

const changedMeanwhile = () => new BusinessError('CONFLICT', '报名情况刚刚有变化，请重新提交方案', { reason: 'SIGNUPS_CHANGED' });

/**
 * After the commit: tells who moved, and, when the date, time or place changed,
 * everyone signed up. A failed message must not undo the filing; it is logged.
 * Returns how many residents were told.
 */
export async function tellResidents(before: PlanSummary | undefined, event: SeatedEvent, moves: SeatMoves, now: Date): Promise<number> {
  const changes = before ? changesForResidents(before, event.plan!) : [];
  if (changes.length === 0 && moves.promoted.length === 0 && moves.demoted.length === 0) return 0;
  try {
    const signedUp = changes.length
      ? (await findAll<SignupDoc>(C.signups, { eventId: event._id, status: _.in(['confirmed', 'waitlisted']) })).map((s) => s._id)
      : [];
    await notifyReFiled(event, now, { ...moves, changes, signedUp });
    return new Set([...moves.promoted, ...moves.demoted, ...signedUp]).size;
  } catch (e) {
    console.error('re-filing notices failed', e);
    return 0;
  }
}
