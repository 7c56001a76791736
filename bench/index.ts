// `npm run bench`: the product's speed promises as one JSON object.
// Sizes (weapp packages, h5 initial JS, function bundles); database round trips
// per core action and p50/p95 latency with 50 concurrent callers, with 10,000
// events and 100,000 sign-ups loaded; the reminders run at that size; the photo
// stamp in Chromium. Goals (README) are printed beside each figure, and the
// round trips and latencies beside those measured before the SQLite store.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../local-cloud/store';
import { addDays } from '../src/domain/time';
import { startLocalCloud } from '../local-cloud/server';
import { ok, SETUP_TOKEN, startCloud, type TestCloud } from '../tests/helpers/cloud';
import { coldOfficeListEvents, functionSizes, h5InitialJs, weappSizes } from './sizes';
import { stampBench } from './stamp';
import { planParseBench } from './planParse';
import { vsBeforeDatabase } from './beforeDatabase';

const ROOT = path.resolve(__dirname, '..');
const JURISDICTIONS = 100;
const EVENTS_PER_JURISDICTION = 100; // 10,000 events
const OPEN_EVENTS = 1000; // events with a filed plan and public seats
const SIGNUPS_PER_OPEN_EVENT = 100; // 100,000 sign-ups
const CONCURRENCY = 50;
const CALLS_PER_ACTION = 500;
const ROUNDS = 3;
const WARMUP_CALLS = 200;
/** Warm-up calls number from here, so calls that create something (a sign-up) never repeat a measured one. */
const WARMUP_FROM = 100_000;
const SEEDED_VENUE = { name: '政务服务中心', latitude: 28.1, longitude: 113.0 };

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** Fresh builds, so the sizes are of the code as it is (BENCH_SKIP_BUILD=1 to reuse dist/). */
function ensureBuilt(): void {
  execSync('node scripts/build-functions.mjs --quiet', { cwd: ROOT, stdio: 'inherit' });
  if (process.env.BENCH_SKIP_BUILD) return;
  const quiet = { cwd: ROOT, stdio: 'ignore' as const, env: { ...process.env, NODE_ENV: 'production' } };
  execSync('npx taro build --type weapp', quiet);
  execSync('npx taro build --type h5', quiet);
}

/** A plan table of `n` rows for one jurisdiction, ten units, months spread over May–December. */
function planTable(n: number): string {
  const rows = ['序号\t活动主题\t活动形式\t责任单位\t活动时间'];
  for (let i = 1; i <= n; i++) rows.push(`${i}\t第${i}项政策解读与现场观摩活动\t政策宣讲、现场观摩\t第${i % 10}单位\t${5 + (i % 8)}月`);
  return rows.join('\n');
}

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

interface World {
  jurisdictions: Array<{ id: string; office: string; events: Array<{ eventId: string; units: string[] }> }>;
  staff: Map<string, string>; // `${jurisdictionId}:${unitName}` -> openid
  open: Array<{ eventId: string; staff: string; date: string }>;
}

async function seed(cloud: TestCloud): Promise<World> {
  const world: World = { jurisdictions: [], staff: new Map(), open: [] };
  const table = planTable(EVENTS_PER_JURISDICTION);
  await pool(
    Array.from({ length: JURISDICTIONS }, (_, i) => i),
    10,
    async (i) => {
      const office = `bench-office-${i}`;
      const { jurisdictionId } = ok(
        await cloud.call<{ jurisdictionId: string }>(
          'office',
          { action: 'bootstrap', token: SETUP_TOKEN, name: `测试区${i}`, level: 'district' },
          office,
        ),
      );
      const { events } = ok(
        await cloud.call<{ events: Array<{ eventId: string; units: string[] }> }>(
          'office',
          { action: 'importPlan', jurisdictionId, year: 2023, text: table },
          office,
        ),
      );
      world.jurisdictions.push({ id: jurisdictionId, office, events });
    },
  );
  log(`imported ${world.jurisdictions.reduce((n, j) => n + j.events.length, 0)} events`);
  // Staff for every unit of the first ten jurisdictions; each files plans open to residents.
  const openPerJurisdiction = OPEN_EVENTS / 10;
  for (const [ji, j] of world.jurisdictions.slice(0, 10).entries()) {
    const units = ok(
      await cloud.call<Array<{ unitId: string; name: string }>>('office', { action: 'listUnits', jurisdictionId: j.id }, j.office),
    );
    for (const [ui, u] of units.entries()) {
      const openid = `bench-staff-${ji}-${ui}`;
      const { code } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: u.unitId }, j.office));
      ok(await cloud.call('account', { action: 'redeemInvite', code }, openid));
      world.staff.set(`${j.id}:${u.name}`, openid);
    }
    // Dates spread over 120 days from 16 May, as a year's programme is.
    for (const [k, e] of j.events.slice(0, openPerJurisdiction).entries()) {
      world.open.push({ eventId: e.eventId, staff: world.staff.get(`${j.id}:${e.units[0]}`)!, date: addDays('2023-05-16', k % 120) });
    }
  }
  await pool(world.open, CONCURRENCY, async ({ eventId, staff, date }) => {
    ok(
      await cloud.call(
        'unit',
        {
          action: 'filePlan',
          eventId,
          date,
          startTime: '09:30',
          venue: SEEDED_VENUE,
          publicSeats: 200,
        },
        staff,
      ),
    );
  });
  log(`filed ${world.open.length} plans`);
  return world;
}

/** 100,000 sign-ups written straight into the store (as signUp would leave them), with the events' counters. */
function loadSignups(dataDir: string, world: World): void {
  const store = new Store(dataDir);
  const now = new Date('2023-05-02T02:00:00Z');
  for (const [i, { eventId }] of world.open.entries()) {
    const event = store.get('events', eventId)!;
    const changes = [];
    for (let k = 0; k < SIGNUPS_PER_OPEN_EVENT; k++) {
      // 20,000 residents with five sign-ups each.
      const openid = `bench-resident-${(i * SIGNUPS_PER_OPEN_EVENT + k) % 20_000}`;
      const _id = `${eventId}:${openid}`;
      changes.push({
        c: 'signups',
        id: _id,
        doc: {
          _id,
          eventId,
          jurisdictionId: event.jurisdictionId as string,
          openid,
          name: `市民${k}`,
          phone: `139${String(k).padStart(8, '0')}`,
          identity: '普通市民',
          status: 'confirmed',
          consent: true,
          createdAt: now,
          updatedAt: now,
          confirmedAt: now,
        },
      });
    }
    changes.push({
      c: 'events',
      id: eventId,
      doc: { ...event, seats: { confirmed: SIGNUPS_PER_OPEN_EVENT, waitlisted: 0 }, waitlist: [] },
    });
    store.commit(changes);
  }
  store.close();
}

interface ActionFigure {
  roundTrips: number;
  p50ms: number;
  p95ms: number;
}

/**
 * Round trips of one call; WARMUP_CALLS unmeasured calls (the first calls of a code path run
 * before the JIT has compiled it); then ROUNDS rounds of CALLS_PER_ACTION calls with CONCURRENCY
 * callers: the median round's p50 and p95, so one garbage collection or one busy second of the
 * machine does not decide the figure.
 */
async function measure(
  cloud: TestCloud,
  name: string,
  make: (i: number) => { fn: string; payload: Record<string, unknown>; openid?: string },
): Promise<ActionFigure> {
  const first = make(0);
  const { envelope, roundTrips } = await cloud.callCounted(first.fn, first.payload, first.openid);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  await pool(
    Array.from({ length: WARMUP_CALLS }, (_, i) => WARMUP_FROM + i),
    CONCURRENCY,
    async (i) => {
      const c = make(i);
      const r = await cloud.call(c.fn, c.payload, c.openid);
      if (!r.ok) throw new Error(`${name} (warm-up): ${r.error.code} ${r.error.message}`);
    },
  );
  const rounds: Array<{ p50: number; p95: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times: number[] = [];
    await pool(
      Array.from({ length: CALLS_PER_ACTION }, (_, i) => 1 + round * CALLS_PER_ACTION + i),
      CONCURRENCY,
      async (i) => {
        const c = make(i);
        const t0 = performance.now();
        const r = await cloud.call(c.fn, c.payload, c.openid);
        times.push(performance.now() - t0);
        if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      },
    );
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
    rounds.push({ p50: pct(0.5), p95: pct(0.95) });
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 10) / 10;
  return { roundTrips, p50ms: median(rounds.map((r) => r.p50)), p95ms: median(rounds.map((r) => r.p95)) };
}

async function main(): Promise<void> {
  ensureBuilt();
  const result: Record<string, unknown> = {};
  log('sizes');
  const weapp = weappSizes();
  result.weapp = { mainBytes: weapp.main, subpackageBytes: weapp.subpackages, totalBytes: weapp.total, goalMainBytes: 400 * 1024 };
  const h5Cloud = await startLocalCloud({
    port: 0,
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-h5-')),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions'),
    h5Dir: path.join(ROOT, 'dist/h5'),
    timers: false,
  });
  result.h5InitialJs = { ...(await h5InitialJs(h5Cloud)), goalGzipBytes: 150 * 1024 };
  await h5Cloud.close();
  result.functionBundleBytes = functionSizes();
  result.coldOfficeListEvents = { ...coldOfficeListEvents(), goalBytes: 300 * 1024 };

  log('stamp');
  result.photoStamp = { ...(await stampBench()), goalOutputBytes: 400 * 1024, goalRatio: 10 };
  log('plan table parse');
  result.planParse = planParseBench();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
  log(`seeding ${JURISDICTIONS * EVENTS_PER_JURISDICTION} events in ${dataDir}`);
  let cloud = await startCloud({ dataDir, now: '2023-05-02T10:00:00+08:00', frozen: true });
  const world = await seed(cloud);
  await cloud.stop();
  log(`writing ${OPEN_EVENTS * SIGNUPS_PER_OPEN_EVENT} sign-ups`);
  loadSignups(dataDir, world);
  // Another port: fetch keeps idle connections to the old one, which a reused port would inherit.
  const port = String(Number(new URL(cloud.url).port) + 1);
  cloud = await startCloud({ dataDir, now: '2023-05-02T10:00:00+08:00', frozen: true, env: { PORT: port } });
  current = cloud;

  const j0 = world.jurisdictions[0];
  const staff0 = world.staff.get(`${j0.id}:第1单位`)!;
  const openEvent = world.open[1];
  log('actions');
  const actions: Record<string, ActionFigure> = {};
  actions['account.me'] = await measure(cloud, 'me', () => ({ fn: 'account', payload: { action: 'me' }, openid: staff0 }));
  actions['unit.myEvents'] = await measure(cloud, 'myEvents', () => ({ fn: 'unit', payload: { action: 'myEvents' }, openid: staff0 }));
  actions['unit.eventDetail'] = await measure(cloud, 'unit.eventDetail', () => ({
    fn: 'unit',
    payload: { action: 'eventDetail', eventId: openEvent.eventId },
    openid: openEvent.staff,
  }));
  // A new version of the plan that changes nothing residents are told about (as measured before the database)…
  actions['unit.filePlan'] = await measure(cloud, 'filePlan', (i) => {
    const e = world.open[(i % 100) + 100];
    return {
      fn: 'unit',
      payload: { action: 'filePlan', eventId: e.eventId, date: e.date, startTime: '09:30', venue: SEEDED_VENUE, publicSeats: 200 },
      openid: e.staff,
    };
  });
  // …and one that moves the venue: each of the event's 100 signed-up residents gets a message.
  actions['unit.filePlan, venue moved'] = await measure(cloud, 'filePlan', (i) => {
    const e = world.open[(i % 100) + 200];
    return {
      fn: 'unit',
      payload: {
        action: 'filePlan',
        eventId: e.eventId,
        date: e.date,
        startTime: '09:30',
        venue: { ...SEEDED_VENUE, name: `会议室${i}` },
        publicSeats: 200,
      },
      openid: e.staff,
    };
  });
  actions['resident.openEvents'] = await measure(cloud, 'openEvents', () => ({
    fn: 'resident',
    payload: { action: 'openEvents', jurisdictionId: j0.id },
    openid: 'bench-resident-1',
  }));
  actions['resident.eventDetail'] = await measure(cloud, 'resident.eventDetail', () => ({
    fn: 'resident',
    payload: { action: 'eventDetail', eventId: openEvent.eventId },
    openid: 'bench-resident-1',
  }));
  actions['resident.signUp'] = await measure(cloud, 'signUp', (i) => ({
    fn: 'resident',
    payload: {
      action: 'signUp',
      eventId: world.open[i % OPEN_EVENTS].eventId,
      name: '新市民',
      phone: '13700000000',
      identity: '普通市民',
      consent: true,
    },
    openid: `bench-new-${i}`,
  }));
  actions['resident.mySignups'] = await measure(cloud, 'mySignups', () => ({
    fn: 'resident',
    payload: { action: 'mySignups' },
    openid: 'bench-resident-7',
  }));
  actions['office.listEvents'] = await measure(cloud, 'listEvents', () => ({
    fn: 'office',
    payload: { action: 'listEvents', jurisdictionId: j0.id, year: 2023 },
    openid: j0.office,
  }));
  actions['office.dashboard'] = await measure(cloud, 'dashboard', () => ({
    fn: 'office',
    payload: { action: 'dashboard', jurisdictionId: j0.id, year: 2023 },
    openid: j0.office,
  }));
  actions['unit.attendees'] = await measure(cloud, 'attendees', () => ({
    fn: 'unit',
    payload: { action: 'attendees', eventId: openEvent.eventId },
    openid: openEvent.staff,
  }));

  // On the event day: check-ins (one per event) and reports.
  await cloud.setClock('2023-05-16T09:40:00+08:00', true);
  const today = world.open.filter((e) => e.date === '2023-05-16');
  actions['unit.checkIn'] = await measure(cloud, 'checkIn', (i) => {
    const e = today[i % today.length];
    return {
      fn: 'unit',
      payload: { action: 'checkIn', eventId: e.eventId, latitude: 28.1, longitude: 113.0, accuracy: 20 },
      openid: e.staff,
    };
  });
  result.actions = Object.fromEntries(Object.entries(actions).map(([k, v]) => [k, { ...v, goalRoundTrips: 3, goalP95ms: 50 }]));

  log('reminders');
  // The daily run at 09:00 on three working days in a row (each day's first run): the median time;
  // the round trips of the first day, the day measured before (later days have more sign-ups to remind).
  const runs: Array<{ ms: number; roundTrips: number; ok: boolean; sent: unknown }> = [];
  for (const day of ['2023-05-15', '2023-05-16', '2023-05-17']) {
    await cloud.setClock(`${day}T09:00:00+08:00`, true);
    const t0 = performance.now();
    const res = await fetch(`${cloud.url}/api/dev/trigger/reminders`, { method: 'POST' });
    const ms = Math.round(performance.now() - t0);
    const run = (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
    runs.push({ ms, roundTrips: Number(res.headers.get('x-db-round-trips')), ok: run.ok, sent: run.data?.sent });
  }
  const typical = [...runs].sort((a, b) => a.ms - b.ms)[1];
  result.reminders = {
    events: JURISDICTIONS * EVENTS_PER_JURISDICTION,
    roundTrips: runs[0].roundTrips,
    ms: typical.ms,
    runsMs: runs.map((r) => r.ms),
    runsRoundTrips: runs.map((r) => r.roundTrips),
    ok: runs.every((r) => r.ok),
    sent: typical.sent,
    goalRoundTrips: 20,
    goalMs: 2000,
  };
  await cloud.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  result.goals = goals(result);
  result.vsBeforeDatabase = vsBeforeDatabase(actions, { roundTrips: runs[0].roundTrips, ms: typical.ms });
  console.log(JSON.stringify(result, null, 2));
}

/** Each goal of the README with the measured figure, whether it is met, and by how much it is missed. */
function goals(r: Record<string, unknown>) {
  const weapp = r.weapp as { mainBytes: number };
  const cold = r.coldOfficeListEvents as { bytes: number };
  const h5 = r.h5InitialJs as { gzipBytes: number };
  const stamp = r.photoStamp as { outputBytes: number; ratio: number };
  const rem = r.reminders as { roundTrips: number; ms: number };
  const actions = r.actions as Record<string, ActionFigure>;
  const parse = r.planParse as ReturnType<typeof planParseBench>;
  const row = (goal: string, measured: number, limit: number, unit: string, atLeast = false) => {
    const met = atLeast ? measured >= limit : measured <= limit;
    return {
      goal,
      measured: `${measured} ${unit}`,
      met,
      ...(met ? {} : { missedBy: `${Math.round(Math.abs(measured - limit) * 10) / 10} ${unit}` }),
    };
  };
  return [
    row('weapp main package ≤ 400 KB', weapp.mainBytes, 400 * 1024, 'B'),
    row('h5 initial JS ≤ 150 KB gzip', h5.gzipBytes, 150 * 1024, 'B'),
    row('office code loaded by a cold listEvents ≤ 300 KB', cold.bytes, 300 * 1024, 'B'),
    row('stamped photo ≤ 400 KB', stamp.outputBytes, 400 * 1024, 'B'),
    row('stamped photo ≥ 10× smaller than the original', stamp.ratio, 10, '×', true),
    row('reminders at 10,000 events ≤ 20 round trips', rem.roundTrips, 20, 'round trips'),
    row('reminders at 10,000 events < 2 s', rem.ms, 2000, 'ms'),
    row('plan table of 90 KB parsed < 500 ms', parse.table90KB.ms, 500, 'ms'),
    row('one record then 400 unmatched lines parsed < 500 ms', parse.oneRecordThen400Lines.ms, 500, 'ms'),
    ...Object.entries(actions).flatMap(([name, a]) => [
      row(`${name} ≤ 3 round trips`, a.roundTrips, 3, 'round trips'),
      row(`${name} p95 < 50 ms with 50 concurrent callers`, a.p95ms, 50, 'ms'),
    ]),
  ];
}

let current: TestCloud | undefined;
main().catch((e) => {
  console.error(
    e,
    current ? `\ncloud stderr:\n${current.stderr().slice(-3000)}\nexit: ${current.process.exitCode} ${current.process.signalCode}` : '',
  );
  process.exit(1);
});
