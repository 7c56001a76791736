// The figures `npm run bench` printed on 2026-11-22, before the local cloud's store
// moved to SQLite (README, "Speed"). The issue that brought the database asks
// for the figures with it to stay within 10% of these; `vsBeforeDatabase` in the
// bench's output says, action by action, whether the latencies do, and why any
// action now makes more round trips.
const BEFORE: Record<string, { roundTrips: number; p95ms: number }> = {
  'account.me': { roundTrips: 1, p95ms: 97 },
  'unit.myEvents': { roundTrips: 2, p95ms: 125 },
  'unit.eventDetail': { roundTrips: 5, p95ms: 147 },
  'unit.filePlan': { roundTrips: 8, p95ms: 131 },
  'resident.openEvents': { roundTrips: 2, p95ms: 379 },
  'resident.eventDetail': { roundTrips: 3, p95ms: 57 },
  'resident.signUp': { roundTrips: 6, p95ms: 77 },
  'resident.mySignups': { roundTrips: 2, p95ms: 69 },
  'office.listEvents': { roundTrips: 3, p95ms: 320 },
  'office.dashboard': { roundTrips: 4, p95ms: 377 },
  'unit.attendees': { roundTrips: 3, p95ms: 170 },
  'unit.checkIn': { roundTrips: 3, p95ms: 39 },
};
const BEFORE_REMINDERS = { roundTrips: 8, ms: 280 };
const TOLERANCE = 0.1;

/**
 * Round trips added since 2026-11-22 by features, not by the store (a store answers each
 * request; which requests an action makes is the action's own code).
 */
const ADDED_ROUND_TRIPS: Record<string, string> = {
  'unit.myEvents': 'the jurisdiction’s rules (deadlines of unfiled events, the listing-review notice), read beside the events',
  'unit.eventDetail': 'a count of the attendees, the 参与人数 the report form starts from',
  'resident.signUp': 'the jurisdiction’s rules inside the transaction: sign-ups wait for the office’s listing review where it asks for one',
  'office.dashboard': 'the units, for the coverage of every unit',
  reminders:
    'the daily purge of residents’ personal data a year after their event reads its candidate events; the files storage could not delete when their record went are read to be deleted again',
};

const change = (now: number, before: number) => `${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 1000) / 10}%`;
const within = (now: number, before: number) => now <= before * (1 + TOLERANCE);
const tripsNote = (name: string, now: number, before: number) =>
  now === before ? `${before} → ${now}` : `${before} → ${now}${ADDED_ROUND_TRIPS[name] ? `: ${ADDED_ROUND_TRIPS[name]}` : ''}`;

/**
 * Each action's p95, and the reminders run, beside the 2026-11-22 figures: the change and whether
 * it is within 10%; the round trips beside them, with why any were added.
 */
export function vsBeforeDatabase(
  actions: Record<string, { roundTrips: number; p95ms: number }>,
  reminders: { roundTrips: number; ms: number },
) {
  const rows = Object.entries(actions)
    .filter(([name]) => BEFORE[name])
    .map(([name, now]) => {
      const before = BEFORE[name];
      return {
        action: name,
        roundTrips: tripsNote(name, now.roundTrips, before.roundTrips),
        latency: `p95 ${before.p95ms} → ${now.p95ms} ms (${change(now.p95ms, before.p95ms)})`,
        within10Percent: within(now.p95ms, before.p95ms),
      };
    });
  rows.push({
    action: 'reminders (10,000 events)',
    roundTrips: tripsNote('reminders', reminders.roundTrips, BEFORE_REMINDERS.roundTrips),
    latency: `one run ${BEFORE_REMINDERS.ms} → ${reminders.ms} ms (${change(reminders.ms, BEFORE_REMINDERS.ms)})`,
    within10Percent: within(reminders.ms, BEFORE_REMINDERS.ms),
  });
  return {
    measuredBefore: '2026-11-22, in-memory store with the append-only log (one round of 500 calls, no warm-up)',
    rows,
    allWithin10Percent: rows.every((r) => r.within10Percent),
  };
}
