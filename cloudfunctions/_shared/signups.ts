// Residents' sign-ups: the stored shape and the seat bookkeeping shared by the
// resident and unit functions. Seats are counted on the event doc (event.seats)
// with the waitlist order (event.waitlist of signupIds) beside them, because a
// transaction can read single documents only: one transaction reads the event
// and a sign-up and writes both, so the cap is never exceeded.
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
  const seats = { confirmed: event.seats?.confirmed ?? 0, waitlisted: event.seats?.waitlisted ?? 0 };
  let waitlist = [...(event.waitlist ?? [])];
  let promoted: string | null = null;
  if (signup.status === 'confirmed') {
    seats.confirmed = Math.max(0, seats.confirmed - 1);
    const publicSeats = event.plan?.publicSeats ?? 0;
    if (waitlist.length > 0 && seats.confirmed < publicSeats) {
      promoted = waitlist[0];
      waitlist = waitlist.slice(1);
      seats.confirmed += 1;
      seats.waitlisted = Math.max(0, seats.waitlisted - 1);
    }
  } else if (signup.status === 'waitlisted') {
    waitlist = waitlist.filter((id) => id !== signup._id);
    seats.waitlisted = Math.max(0, seats.waitlisted - 1);
  }
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
    .update({ data: { seats: _.set(seats), waitlist: _.set(waitlist) } });
  return promoted;
}
