// The assessor's figures from event records: held as planned, on-time shares,
// published, residents reached (scanned in vs reported), ratings.
import { figuresByUnit, figuresOf, share, type EventExtras } from '../../cloudfunctions/_shared/assessment';
import type { EventDoc } from '../../cloudfunctions/_shared/data';

const ev = (id: string, over: Partial<EventDoc> = {}): EventDoc =>
  ({
    _id: id,
    jurisdictionId: 'j',
    year: 2023,
    seq: 1,
    theme: 't',
    forms: [],
    unitIds: ['u1'],
    unitNames: ['单位'],
    months: { from: 4, to: 4 },
    raw: '',
    removedFromPlan: false,
    status: 'planned',
    createdAt: new Date(),
    updatedAt: new Date(),
    ...over,
  }) as EventDoc;
const plan = (onTime: boolean, outside = false) => ({ onTime, outsidePlannedMonths: outside }) as EventDoc['plan'];
const report = (late: boolean) => ({
  reportId: 'r',
  version: 1,
  submittedAt: new Date(),
  late,
  workdaysLate: late ? 2 : 0,
  status: 'approved' as const,
});
const none: EventExtras = { attended: new Map(), reported: new Map(), ratings: new Map() };

test.each([
  [1, 3, 33.3],
  [2, 3, 66.7],
  [0, 5, 0],
  [1, 0, null],
])('share(%p, %p) = %p', (n, of, out) => expect(share(n, of)).toBe(out));

test.each<[string, EventDoc[], EventExtras, Record<string, number | null>]>([
  [
    'nothing filed',
    [ev('a'), ev('b')],
    none,
    { events: 2, held: 0, heldAsPlanned: 0, heldAsPlannedShare: 0, planOnTimeShare: 0, published: 0, residentsReached: 0, avgRating: null },
  ],
  [
    'held inside and outside the planned months',
    [ev('a', { status: 'held', plan: plan(true) }), ev('b', { status: 'held', plan: plan(false, true) })],
    none,
    { held: 2, heldAsPlanned: 1, heldAsPlannedShare: 50, planOnTime: 1, planOnTimeShare: 50 },
  ],
  [
    'reports on time and late; one published',
    [
      ev('a', { status: 'published', plan: plan(true), report: report(false) }),
      ev('b', { status: 'approved', plan: plan(true), report: report(true) }),
    ],
    none,
    { reportOnTime: 1, reportOnTimeShare: 50, published: 1 },
  ],
  [
    'reached: the larger of scanned in and reported; ratings averaged',
    [ev('a', { status: 'held' }), ev('b', { status: 'held' })],
    {
      attended: new Map([
        ['a', 12],
        ['b', 3],
      ]),
      reported: new Map([
        ['a', 10],
        ['b', 40],
      ]),
      ratings: new Map([
        ['a', [5, 4]],
        ['b', [3]],
      ]),
    },
    { residentsReached: 52, avgRating: 4, ratings: 3 },
  ],
])('%s', (_name, events, extras, expected) => expect(figuresOf(events, extras)).toMatchObject(expected));

test('a co-hosted event counts for each host', () => {
  const byUnit = figuresByUnit([ev('a', { unitIds: ['u1', 'u2'], status: 'held', plan: plan(true) }), ev('b', { unitIds: ['u2'] })], none);
  expect(byUnit.get('u1')).toMatchObject({ events: 1, held: 1 });
  expect(byUnit.get('u2')).toMatchObject({ events: 2, held: 1, heldAsPlannedShare: 50 });
});
