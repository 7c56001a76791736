// Residents' sign-ups: the stored shape and the seat bookkeeping shared by the
// resident and unit functions. Seats are counted on the event doc (event.seats)
// with the waitlist order (event.waitlist of signupIds) beside them, because a
// transaction can read single documents only: one transaction reads the event
// and a sign-up and writes both, so the cap is never exceeded.
import { releaseSeat, type SeatCounters } from '../../src/domain/seats';
import type { Identity } from '../../src/domain/signups';
import { _, type Tx } from './cloud';
import { C } from './data';
import type { EventDoc } from './data';

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface SignupDoc {
  _id: string; // `${eventId}:${openid}`: one sign-up per person per event
  eventId: string;
  jurisdictionId: string;
  openid: string;
  /** Emptied by resident.erase; the doc stays so the counts stay. */
  name: string;
  phone: string;
  identity: Identity;
  status: SignupStatus;
  consent: boolean;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt?: Date;
  cancelledAt?: Date;
  attendedAt?: Date;
  evaluated?: boolean;
  erasedAt?: Date;
}

/** Feedback (one per person per event; resubmitting replaces it). */
export interface FeedbackDoc {
  _id: string; // `${eventId}:${openid}`
  eventId: string;
  jurisdictionId: string;
  year: number;
  unitIds: string[];
  unitNames: string[];
  theme: string;
  openid: string;
  rating: number;
  /** Emptied by resident.erase and by the yearly purge (reminders). */
  comment: string;
  createdAt: Date;
  updatedAt: Date;
  erasedAt?: Date;
}

/** Attendance codes: token → event (the token is what the mini-program code's scene carries). */
export const CODES = 'codes';
export interface CodeDoc {
  _id: string; // the token
  eventId: string;
  fileID: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The event as sign-ups see it: the seat counters and the waitlist order. */
export type SeatedEvent = EventDoc & { waitlist?: string[] };

export const signupIdOf = (eventId: string, openid: string) => `${eventId}:${openid}`;

/** The event's seat counters as the domain's seat rules take them. */
export function countersOf(event: SeatedEvent): SeatCounters {
  return { seats: event.plan?.publicSeats ?? 0, confirmed: event.seats?.confirmed ?? 0, waitlist: event.waitlist ?? [] };
}

/** The event's update for new counters (the waiting count always follows the list). */
export function seatFields(c: SeatCounters): Record<string, unknown> {
  return { seats: _.set({ confirmed: c.confirmed, waitlisted: c.waitlist.length }), waitlist: _.set([...c.waitlist]) };
}

/**
 * Takes one sign-up off the event inside a transaction the caller already read
 * both docs in: frees its seat or its waitlist place, and when a confirmed seat
 * frees up, confirms the first person waiting. Returns the promoted signupId.
 */
export async function withdrawInTx(
  tx: Tx,
  event: SeatedEvent,
  signup: SignupDoc,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<string | null> {
  if (signup.status === 'cancelled') return null;
  const { counters, promoted } = releaseSeat(countersOf(event), signup._id, signup.status);
  await tx
    .collection(C.signups)
    .doc(signup._id)
    .update({ data: { status: 'cancelled', cancelledAt: now, updatedAt: now, ...extra } });
  if (promoted)
    await tx
      .collection(C.signups)
      .doc(promoted)
      .update({ data: { status: 'confirmed', confirmedAt: now, updatedAt: now } });
  await tx
    .collection(C.events)
    .doc(event._id)
    .update({ data: seatFields(counters) });
  return promoted;
}
