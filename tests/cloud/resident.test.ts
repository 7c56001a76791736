// Residents through the local cloud: find events, sign up (the seat cap under 300
// concurrent sign-ups), cancel, attend with the event's code, evaluate, erase —
// and nobody outside the event's unit and office ever sees a full phone number.
import { ok, refused, SETUP_TOKEN, startCloud, type Envelope, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

jest.setTimeout(120_000);

const FULL_PHONE = /1[3-9]\d{9}/;
const EVENT_DAY = '2023-05-10';
const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;
const resident = (i: number) => `resident-${String(i).padStart(3, '0')}`;

type OpenEvent = {
  eventId: string;
  theme: string;
  units: string[];
  date: string;
  seats: number;
  confirmed: number;
  waitlisted: number;
  signupOpen: boolean;
  signupDeadline: string | null;
};
type SignUpResult = { signupId: string; status: 'confirmed' | 'waitlisted'; position?: number };
type Attendee = { signupId: string; name: string; phone: string; identity: string; status: string; attended: boolean };
type Mine = Array<{
  signupId: string;
  eventId: string;
  status: string;
  position: number | null;
  attended: boolean;
  evaluated: boolean;
  theme: string;
  date: string;
}>;

let cloud: TestCloud;
let y: Yuhua;
let eventId: string; // 区教育局 event 1: 50 public seats on 2023-05-10 09:30
let closedId: string; // 区司法局 event 6: filed without public seats
let smallId: string; // 区教育局 event 7: 1 seat, sign-up deadline 2023-05-12 18:00
const results = new Map<string, SignUpResult>();
const gone = new Set<string>(); // openids that cancelled
/** A resident still holding one of the 50 seats from the first wave. */
const seated = () => [...results.entries()].find(([who, r]) => r.status === 'confirmed' && !gone.has(who) && who !== resident(0))!;

const signUp = (openid: string, i: number, id = eventId, extra: Record<string, unknown> = {}) =>
  cloud.call<SignUpResult>(
    'resident',
    { action: 'signUp', eventId: id, name: `市民${i}号`, phone: phoneOf(i), identity: '普通市民', consent: true, ...extra },
    openid,
  );

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00' });
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
  closedId = y.event(6).eventId;
  smallId = y.event(7).eventId;
  const venue = { name: '雨花区教育局三楼会议室', latitude: 28.1357, longitude: 113.0386 };
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date: EVENT_DAY, startTime: '09:30', venue, publicSeats: 50 }, y.eduStaff));
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId: closedId, date: '2023-05-11', venue: { name: '区司法局' }, publicSeats: 0 },
      y.lawStaff,
    ),
  );
  ok(
    await cloud.call(
      'unit',
      {
        action: 'filePlan',
        eventId: smallId,
        date: '2023-05-16',
        startTime: '14:00',
        venue: { name: '区教育局' },
        publicSeats: 1,
        signupDeadline: '2023-05-12T18:00:00+08:00',
      },
      y.eduStaff,
    ),
  );
  // Another jurisdiction's office, to check it cannot see 雨花区's people.
  ok(await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' }, 'office-shaoyang'));
});
afterAll(() => cloud.stop());

describe('openEvents', () => {
  test('lists events with public seats from today on, by date, in ≤ 2 round trips, also anonymously', async () => {
    const { envelope, roundTrips } = await cloud.callCounted<OpenEvent[]>('resident', {
      action: 'openEvents',
      jurisdictionId: y.jurisdictionId,
    });
    const list = ok(envelope);
    expect(list.map((e) => e.eventId)).toEqual([eventId, smallId]);
    expect(list[0]).toMatchObject({
      theme: y.event(1).theme,
      units: ['区教育局'],
      date: EVENT_DAY,
      seats: 50,
      confirmed: 0,
      waitlisted: 0,
      signupOpen: true,
    });
    expect(list[0].signupDeadline).toBe('2023-05-10T09:30:00+08:00');
    expect(list[1].signupDeadline).toBe('2023-05-12T18:00:00+08:00');
    expect(roundTrips).toBeLessThanOrEqual(2);
  });
  test('from/to narrow the dates', async () => {
    const list = ok(
      await cloud.call<OpenEvent[]>('resident', { action: 'openEvents', from: '2023-05-11', to: '2023-05-31' }, resident(999)),
    );
    expect(list.map((e) => e.eventId)).toEqual([smallId]);
    refused(await cloud.call('resident', { action: 'openEvents', from: '5月1日' }), 'INVALID_ARGUMENT');
  });
});

describe('signUp under load', () => {
  test('300 concurrent sign-ups for 50 seats: exactly 50 confirmed, 250 waitlisted, each caller once', async () => {
    const envs = await Promise.all(Array.from({ length: 300 }, (_, i) => signUp(resident(i), i)));
    const errors = envs.filter((e) => !e.ok);
    expect(errors).toEqual([]);
    envs.forEach((e, i) => results.set(resident(i), ok(e)));
    const all = [...results.values()];
    expect(new Set(all.map((r) => r.signupId)).size).toBe(300);
    expect(all.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    const waiting = all.filter((r) => r.status === 'waitlisted');
    expect(waiting).toHaveLength(250);
    expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));

    const [ev] = ok(await cloud.call<OpenEvent[]>('resident', { action: 'openEvents', jurisdictionId: y.jurisdictionId }));
    expect(ev).toMatchObject({ confirmed: 50, waitlisted: 250 });
    const people = ok(await cloud.call<Attendee[]>('unit', { action: 'attendees', eventId }, y.eduStaff));
    expect(people).toHaveLength(300);
    expect(people.filter((p) => p.status === 'confirmed')).toHaveLength(50);
  });

  test('signing up twice returns the first sign-up', async () => {
    const again = ok(await signUp(resident(0), 0, eventId, { name: '换个名字' }));
    expect(again).toEqual(results.get(resident(0)));
    const people = ok(await cloud.call<Attendee[]>('unit', { action: 'attendees', eventId }, y.eduStaff));
    expect(people.filter((p) => p.signupId === again.signupId)).toEqual([expect.objectContaining({ name: '市民0号' })]);
  });

  test('a cancellation confirms the earliest waitlisted person in the same step', async () => {
    const confirmedOne = seated();
    gone.add(confirmedOne[0]);
    const [firstInLine] = [...results.entries()].find(([, r]) => r.position === 1)!;
    const [secondInLine] = [...results.entries()].find(([, r]) => r.position === 2)!;
    expect(ok(await cloud.call('resident', { action: 'cancelSignup', signupId: confirmedOne[1].signupId }, confirmedOne[0]))).toEqual({
      status: 'cancelled',
    });
    const first = ok(await cloud.call<Mine>('resident', { action: 'mySignups' }, firstInLine));
    expect(first).toEqual([expect.objectContaining({ eventId, status: 'confirmed', position: null })]);
    const second = ok(await cloud.call<Mine>('resident', { action: 'mySignups' }, secondInLine));
    expect(second[0]).toMatchObject({ status: 'waitlisted', position: 1 });
    const [ev] = ok(await cloud.call<OpenEvent[]>('resident', { action: 'openEvents', jurisdictionId: y.jurisdictionId }));
    expect(ev).toMatchObject({ confirmed: 50, waitlisted: 249 });
    // Cancelling again changes nothing.
    expect(ok(await cloud.call('resident', { action: 'cancelSignup', signupId: confirmedOne[1].signupId }, confirmedOne[0]))).toEqual({
      status: 'cancelled',
    });
    const [same] = ok(await cloud.call<OpenEvent[]>('resident', { action: 'openEvents', jurisdictionId: y.jurisdictionId }));
    expect(same).toMatchObject({ confirmed: 50, waitlisted: 249 });
  });

  test("someone else's sign-up cannot be cancelled", async () => {
    refused(
      await cloud.call('resident', { action: 'cancelSignup', signupId: results.get(resident(5))!.signupId }, resident(6)),
      'NOT_FOUND',
    );
  });
});

describe('signUp refusals', () => {
  test.each([
    ['phone', { phone: '12345678901' }],
    ['name', { name: '张' }],
    ['identity', { identity: '游客' }],
    ['consent', { consent: false }],
  ])('a bad %s is INVALID_ARGUMENT naming it', async (field, patch) => {
    const err = refused(await signUp('resident-new', 500, smallId, patch), 'INVALID_ARGUMENT');
    expect(err.details.fields).toEqual([field]);
  });
  test('anonymous is UNAUTHENTICATED; a missing event NOT_FOUND; no public seats CONFLICT', async () => {
    refused(
      await cloud.call('resident', { action: 'signUp', eventId, name: '张三', phone: '13812341234', identity: '普通市民' }),
      'UNAUTHENTICATED',
    );
    refused(await signUp('resident-new', 500, 'e_nope'), 'NOT_FOUND');
    refused(await signUp('resident-new', 500, closedId), 'CONFLICT');
  });
  test('a contract caller may omit consent', async () => {
    const r = ok(
      await cloud.call<SignUpResult>(
        'resident',
        { action: 'signUp', eventId: smallId, name: '王五', phone: '13712345678', identity: '专家学者' },
        'resident-contract',
      ),
    );
    expect(r.status).toBe('confirmed');
  });
  test('after the sign-up deadline: DEADLINE_PASSED; cancelling too', async () => {
    await cloud.setClock('2023-05-12T18:00:01+08:00');
    refused(await signUp('resident-late', 501, smallId), 'DEADLINE_PASSED');
    const mine = ok(await cloud.call<Mine>('resident', { action: 'mySignups' }, 'resident-contract'));
    refused(await cloud.call('resident', { action: 'cancelSignup', signupId: mine[0].signupId }, 'resident-contract'), 'DEADLINE_PASSED');
    await cloud.setClock('2023-04-10T10:00:00+08:00');
  });
  test('without a deadline, cancelling closes 2 hours before the start', async () => {
    await cloud.setClock('2023-05-10T07:30:01+08:00');
    const [who, r] = seated();
    gone.add(who);
    refused(await cloud.call('resident', { action: 'cancelSignup', signupId: r.signupId }, who), 'DEADLINE_PASSED');
    await cloud.setClock('2023-05-10T07:29:00+08:00');
    // Still before the cut-off: fine (and the next in line moves up).
    expect(ok(await cloud.call('resident', { action: 'cancelSignup', signupId: r.signupId }, who))).toEqual({ status: 'cancelled' });
    await cloud.setClock('2023-04-10T10:00:00+08:00');
  });
});

describe('personal data', () => {
  test.each([
    ['a resident', resident(1)],
    ["another unit's staff", 'staff-law'],
    ["another jurisdiction's office", 'office-shaoyang'],
  ])('attendees for %s is FORBIDDEN', async (_w, who) => {
    refused(await cloud.call('unit', { action: 'attendees', eventId }, who), 'FORBIDDEN');
  });
  test("the event's unit and its office see full names and phones", async () => {
    for (const who of [y.eduStaff, y.office]) {
      const people = ok(await cloud.call<Attendee[]>('unit', { action: 'attendees', eventId }, who));
      const p = people.find((x) => x.signupId === results.get(resident(7))!.signupId)!;
      expect(p).toMatchObject({ name: '市民7号', phone: phoneOf(7), identity: '普通市民' });
    }
  });
  test('no public response contains a full phone number', async () => {
    const responses: Array<Envelope<unknown>> = [
      await cloud.call('resident', { action: 'openEvents' }),
      await cloud.call('resident', { action: 'openEvents', jurisdictionId: y.jurisdictionId }, resident(3)),
      await cloud.call('resident', { action: 'eventDetail', eventId }),
      await cloud.call('resident', { action: 'eventDetail', eventId }, resident(3)),
      await cloud.call('resident', { action: 'mySignups' }, resident(3)),
    ];
    for (const env of responses) {
      ok(env);
      expect(JSON.stringify(env)).not.toMatch(FULL_PHONE);
    }
    const showcase = await cloud.call('resident', { action: 'showcase', jurisdictionId: y.jurisdictionId });
    if (showcase.ok) expect(JSON.stringify(showcase)).not.toMatch(FULL_PHONE);
  });
  test('eventDetail shows the public view and the caller’s own sign-up only', async () => {
    const d = ok(
      await cloud.call<{ mySignup: { status: string } | null; seats: number; venue: { name: string; latitude: number } }>(
        'resident',
        { action: 'eventDetail', eventId },
        resident(3),
      ),
    );
    expect(d).toMatchObject({
      seats: 50,
      venue: { name: '雨花区教育局三楼会议室', latitude: 28.1357 },
      mySignup: { status: results.get(resident(3))!.status },
    });
    const anon = ok(await cloud.call<{ mySignup: unknown }>('resident', { action: 'eventDetail', eventId }));
    expect(anon.mySignup).toBeNull();
    refused(await cloud.call('resident', { action: 'eventDetail', eventId: y.event(2).eventId }), 'NOT_FOUND');
  });
});

describe('attend and evaluate', () => {
  let token: string;
  const attendee = seated;

  test("eventCode: the unit's staff get a mini-program code whose scene carries a short token", async () => {
    refused(await cloud.call('unit', { action: 'eventCode', eventId }, resident(1)), 'FORBIDDEN');
    refused(await cloud.call('unit', { action: 'eventCode', eventId }, y.lawStaff), 'FORBIDDEN');
    const code = ok(
      await cloud.call<{ fileID: string; url: string; token: string; scene: string }>('unit', { action: 'eventCode', eventId }, y.eduStaff),
    );
    expect(code.scene).toBe(`a=${code.token}`);
    expect(code.scene.length).toBeLessThanOrEqual(32);
    const png = await (await fetch(code.url)).arrayBuffer();
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
    const again = ok(await cloud.call<{ token: string }>('unit', { action: 'eventCode', eventId }, y.eduStaff));
    expect(again.token).toBe(code.token);
    token = code.token;
  });

  test('attending before the event day is NOT_EVENT_DAY', async () => {
    refused(await cloud.call('resident', { action: 'attend', token }, attendee()[0]), 'NOT_EVENT_DAY');
  });

  test('evaluating before the event starts, or without attending, is refused', async () => {
    refused(await cloud.call('resident', { action: 'evaluate', eventId, rating: 5 }, attendee()[0]), 'CONFLICT');
    await cloud.setClock(`${EVENT_DAY}T11:00:00+08:00`);
    refused(await cloud.call('resident', { action: 'evaluate', eventId, rating: 5 }, attendee()[0]), 'FORBIDDEN');
  });

  test('on the day: a confirmed resident attends; twice is fine; a walk-in and a waitlisted person are told what to do', async () => {
    await cloud.setClock(`${EVENT_DAY}T09:10:00+08:00`);
    const [who] = attendee();
    expect(ok(await cloud.call('resident', { action: 'attend', token }, who))).toMatchObject({ eventId, already: false });
    expect(ok(await cloud.call('resident', { action: 'attend', token: `a=${token}` }, who))).toMatchObject({ already: true });
    const walkIn = refused(await cloud.call('resident', { action: 'attend', token }, 'walk-in'), 'NOT_FOUND');
    expect(walkIn.message).toMatch(/签到台/);
    const [waiting] = [...results.entries()].find(([, r]) => r.status === 'waitlisted' && r.position! > 10)!;
    refused(await cloud.call('resident', { action: 'attend', token }, waiting), 'CONFLICT');
    refused(await cloud.call('resident', { action: 'attend', token: 'nonsense' }, who), 'NOT_FOUND');
    const people = ok(await cloud.call<Attendee[]>('unit', { action: 'attendees', eventId }, y.eduStaff));
    expect(people.filter((p) => p.attended)).toHaveLength(1);
    // The report form's 参与人数: who came once anyone scanned in, else who was confirmed.
    const confirmed = people.filter((p) => p.status === 'confirmed').length;
    const { participants } = ok(
      await cloud.call<{ participants: { confirmed: number; attended: number; suggested: number } }>(
        'unit',
        { action: 'eventDetail', eventId },
        y.eduStaff,
      ),
    );
    expect(confirmed).toBeGreaterThan(1);
    expect(participants).toEqual({ confirmed, attended: 1, suggested: 1 });
  });

  test('the day after, attending is NOT_EVENT_DAY', async () => {
    await cloud.setClock('2023-05-11T09:00:00+08:00');
    refused(await cloud.call('resident', { action: 'attend', token }, resident(1)), 'NOT_EVENT_DAY');
  });

  test('an attendee evaluates; blocked words are CONTENT_REJECTED; resubmitting replaces; the office sees averages', async () => {
    const [who] = attendee();
    refused(await cloud.call('resident', { action: 'evaluate', eventId, rating: 6 }, who), 'INVALID_ARGUMENT');
    refused(await cloud.call('resident', { action: 'evaluate', eventId, rating: 4, comment: '这是诈骗' }, who), 'CONTENT_REJECTED');
    ok(await cloud.call('resident', { action: 'evaluate', eventId, rating: 3, comment: '还行' }, who));
    ok(await cloud.call('resident', { action: 'evaluate', eventId, rating: 5, comment: '讲解清楚，收获很大' }, who));
    const mine = ok(await cloud.call<Mine>('resident', { action: 'mySignups' }, who));
    expect(mine[0]).toMatchObject({ attended: true, evaluated: true });
    refused(await cloud.call('office', { action: 'ratings', jurisdictionId: y.jurisdictionId, year: 2023 }, y.eduStaff), 'FORBIDDEN');
    const { envelope, roundTrips } = await cloud.callCounted<{ events: unknown[]; units: unknown[] }>(
      'office',
      { action: 'ratings', jurisdictionId: y.jurisdictionId, year: 2023 },
      y.office,
    );
    const r = ok(envelope);
    expect(r.events).toEqual([expect.objectContaining({ eventId, count: 1, average: 5, comments: ['讲解清楚，收获很大'] })]);
    expect(r.units).toEqual([expect.objectContaining({ unitId: y.eduUnitId, name: '区教育局', count: 1, average: 5 })]);
    expect(roundTrips).toBeLessThanOrEqual(2);
  });
});

describe('erase', () => {
  test('withdraws upcoming sign-ups (the next in line moves up) and removes name and phone everywhere', async () => {
    await cloud.setClock('2023-04-20T10:00:00+08:00');
    // Event 7's only seat is held by resident-contract; resident-erase waits for it.
    const a = ok(await signUp('resident-erase', 777, smallId));
    expect(a.status).toBe('waitlisted');
    const holder = 'resident-contract'; // holds event 7's only seat
    const before = ok(await cloud.call<Attendee[]>('unit', { action: 'attendees', eventId: smallId }, y.eduStaff));
    expect(before.map((p) => p.phone)).toContain(phoneOf(777));
    const res = ok(await cloud.call<{ withdrawn: number; erased: number }>('resident', { action: 'erase' }, holder));
    expect(res).toEqual({ withdrawn: 1, erased: 1, commentsErased: 0 });
    const after = ok(await cloud.call<Attendee[]>('unit', { action: 'attendees', eventId: smallId }, y.eduStaff));
    expect(after).toEqual([expect.objectContaining({ phone: phoneOf(777), status: 'confirmed' })]);
    expect(JSON.stringify(after)).not.toContain('13712345678');
    expect(JSON.stringify(after)).not.toContain('王五');
    expect(ok(await cloud.call<Mine>('resident', { action: 'mySignups' }, holder))).toEqual([]);
    const [, small] = ok(await cloud.call<OpenEvent[]>('resident', { action: 'openEvents', jurisdictionId: y.jurisdictionId }));
    expect(small).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });
});
