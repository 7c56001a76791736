/**
 * Seats of an event open to residents: the cap the unit filed, how many are
 * confirmed, and who waits in which order. Pure: each function returns the new
 * counters and who moves; the caller writes them in one transaction, so
 * confirmed ≤ seats holds whatever order sign-ups, cancellations and re-filings come in.
 */

/** Seats of an online event nobody capped: the counters still work, nobody waits. */
export const UNCAPPED_SEATS = 100_000;

export interface SeatCounters {
  /** The cap (the plan's publicSeats; 0: not open to residents). */
  seats: number;
  confirmed: number;
  /** Sign-up ids waiting, first in line first. */
  waitlist: readonly string[];
}

/** The cap to file: what the unit set; an online event without a number is open to all. */
export function seatsOf(online: boolean | undefined, publicSeats: number | undefined): { publicSeats: number; uncapped?: true } {
  if (online && publicSeats === undefined) return { publicSeats: UNCAPPED_SEATS, uncapped: true };
  return { publicSeats: publicSeats ?? 0 };
}

/** An online event open to all: shown without a number. */
export const isUncapped = (seats: number) => seats >= UNCAPPED_SEATS;

export function freeSeats(c: Pick<SeatCounters, 'seats' | 'confirmed'>): number {
  return Math.max(0, c.seats - c.confirmed);
}

export type Taken =
  | { counters: SeatCounters; status: 'confirmed' }
  | { counters: SeatCounters; status: 'waitlisted'; /** 1-based place in line */ position: number };

/** A new sign-up: a free seat confirms it, otherwise it joins the end of the line. */
export function takeSeat(c: SeatCounters, signupId: string): Taken {
  if (freeSeats(c) > 0) return { counters: { ...c, confirmed: c.confirmed + 1 }, status: 'confirmed' };
  const waitlist = [...c.waitlist, signupId];
  return { counters: { ...c, waitlist }, status: 'waitlisted', position: waitlist.length };
}

/**
 * A sign-up leaves (cancelled or erased): a confirmed seat goes to the first
 * person waiting, a waiting place just closes up.
 */
export function releaseSeat(
  c: SeatCounters,
  signupId: string,
  status: 'confirmed' | 'waitlisted',
): { counters: SeatCounters; promoted: string | null } {
  if (status === 'waitlisted') return { counters: { ...c, waitlist: c.waitlist.filter((id) => id !== signupId) }, promoted: null };
  const freed = { ...c, confirmed: Math.max(0, c.confirmed - 1) };
  const { counters, promoted } = promote(freed);
  return { counters, promoted: promoted[0] ?? null };
}

export type Reconciled =
  | { ok: true; counters: SeatCounters; promoted: string[]; demoted: string[] }
  | { ok: false; confirmed: number; seats: number; excess: number; message: string };

/**
 * A re-filed plan sets a new cap. More seats confirm the waiting list in order.
 * Fewer seats than confirmed are refused with the numbers, unless the unit agreed
 * to shrink: then the latest confirmations (`confirmedInOrder` is oldest first)
 * go back to the head of the line, keeping their order, so they are first to move up again.
 */
export function reconcileSeats(c: SeatCounters, seats: number, opts: { confirmedInOrder: readonly string[]; shrink: boolean }): Reconciled {
  const excess = c.confirmed - seats;
  if (excess <= 0) return { ok: true, ...promote({ ...c, seats }), demoted: [] };
  if (!opts.shrink) {
    return {
      ok: false,
      confirmed: c.confirmed,
      seats,
      excess,
      message: `已确认 ${c.confirmed} 人，名额不能少于 ${c.confirmed}；如确需缩减，请确认后将最晚确认的 ${excess} 人转入候补`,
    };
  }
  const demoted = opts.confirmedInOrder.slice(-excess);
  if (demoted.length !== excess) throw new Error(`confirmedInOrder lists ${opts.confirmedInOrder.length} of ${c.confirmed} confirmed`);
  return { ok: true, counters: { seats, confirmed: seats, waitlist: [...demoted, ...c.waitlist] }, promoted: [], demoted };
}

/** Confirms people from the head of the line while seats are free. */
function promote(c: SeatCounters): { counters: SeatCounters; promoted: string[] } {
  const promoted = c.waitlist.slice(0, freeSeats(c));
  return {
    counters: { ...c, confirmed: c.confirmed + promoted.length, waitlist: c.waitlist.slice(promoted.length) },
    promoted,
  };
}
