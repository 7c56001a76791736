// Pins the cloud database behaviours our functions rely on, through the real
// wx-server-sdk (its query builder and serializer) against the local cloud's store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { LocalRuntime } from '../../local-cloud/runtime';

type Data = Record<string, unknown>;
// Loose view of wx-server-sdk's database, enough for these tests.
interface Coll {
  doc(id: string): {
    get(): Promise<{ data: Data | null }>;
    update(o: { data: Data }): Promise<{ stats: { updated: number } }>;
    set(o: { data: Data }): Promise<unknown>;
    remove(): Promise<unknown>;
  };
  add(o: { data: Data }): Promise<{ _id: string }>;
  where(q: Data): Query;
  count(): Promise<{ total: number }>;
  limit(n: number): Query;
  get(): Promise<{ data: Data[] }>;
}
interface Query {
  where(q: Data): Query;
  orderBy(f: string, d: 'asc' | 'desc'): Query;
  skip(n: number): Query;
  limit(n: number): Query;
  get(): Promise<{ data: Data[] }>;
  count(): Promise<{ total: number }>;
  update(o: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
interface Db {
  collection(n: string): Coll;
  command: Record<string, (...a: unknown[]) => unknown> & { and(...a: unknown[]): unknown; or(...a: unknown[]): unknown };
  RegExp(o: { regexp: string; options?: string }): unknown;
  serverDate(o?: { offset: number }): unknown;
  runTransaction<T>(fn: (tx: { collection(n: string): Coll }) => Promise<T>): Promise<T>;
}
interface Sdk {
  init(o: Data): void;
  database(o?: Data): Db;
  DYNAMIC_CURRENT_ENV: symbol;
}

let runtime: LocalRuntime;
let sdk: Sdk;
let db: Db;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-dbc-'));
  runtime = new LocalRuntime({
    dataDir: dir,
    functionsDir: path.join(dir, 'none'),
    publicUrl: () => 'http://127.0.0.1:1',
    now: '2023-05-04T10:00:00+08:00',
  });
  // The same module instance the runtime patched (Node's own cache, not Jest's registry).
  sdk = createRequire(path.resolve('package.json'))('wx-server-sdk') as Sdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV, throwOnNotFound: false });
  db = sdk.database();
});
afterAll(() => runtime.close());

test('doc().get() of a missing document is null when throwOnNotFound is off', async () => {
  expect((await db.collection('t1').doc('nope').get()).data).toBeNull();
});

test('doc().get() of a missing document throws when throwOnNotFound is on (the SDK default)', async () => {
  const strict = sdk.database({ throwOnNotFound: true });
  await expect(strict.collection('t1').doc('nope').get()).rejects.toThrow(/does not exist/);
});

test('add then get returns the document with its _id and Date fields as Dates', async () => {
  const when = new Date('2023-04-24T15:59:59Z');
  const { _id } = await db.collection('t1').add({ data: { name: '区教育局', when, n: 1 } });
  const got = (await db.collection('t1').doc(_id).get()).data!;
  expect(got).toMatchObject({ _id, name: '区教育局', n: 1 });
  expect(got.when).toBeInstanceOf(Date);
  expect((got.when as Date).getTime()).toBe(when.getTime());
});

test('a server-side get() returns 100 documents by default and at most 1000', async () => {
  const c = db.collection('many');
  const changes = Array.from({ length: 1200 }, (_, i) => ({
    c: 'many',
    id: `m${String(i).padStart(4, '0')}`,
    doc: { _id: `m${String(i).padStart(4, '0')}`, i },
  }));
  runtime.store.commit(changes);
  expect((await c.get()).data).toHaveLength(100);
  expect((await c.limit(1000).get()).data).toHaveLength(1000);
  expect((await c.limit(5000).get()).data).toHaveLength(1000);
  expect((await c.count()).total).toBe(1200);
});

test('update() merges nested objects field by field; _.set replaces the whole object', async () => {
  const _ = db.command;
  const c = db.collection('nested');
  await c.doc('a').set({ data: { venue: { name: '区政务中心', latitude: 28.1 } } });
  await c.doc('a').update({ data: { venue: { longitude: 113.0 } } });
  expect((await c.doc('a').get()).data!.venue).toEqual({ name: '区政务中心', latitude: 28.1, longitude: 113.0 });
  await c.doc('a').update({ data: { venue: _.set({ name: '新地点' }) } });
  expect((await c.doc('a').get()).data!.venue).toEqual({ name: '新地点' });
});

test('set() replaces the whole document and creates it when missing', async () => {
  const c = db.collection('setc');
  await c.doc('s').set({ data: { a: 1, b: 2 } });
  await c.doc('s').set({ data: { c: 3 } });
  expect((await c.doc('s').get()).data).toEqual({ _id: 's', c: 3 });
});

test('_.inc is atomic under 200 concurrent increments, and _.push appends', async () => {
  const _ = db.command;
  const c = db.collection('counters');
  await c.doc('k').set({ data: { n: 0, log: [] } });
  await Promise.all(Array.from({ length: 200 }, (_x, i) => c.doc('k').update({ data: { n: _.inc(1), log: _.push([i]) } })));
  const got = (await c.doc('k').get()).data!;
  expect(got.n).toBe(200);
  expect((got.log as number[]).slice().sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_x, i) => i));
});

describe('where() with commands', () => {
  const rows = [
    { _id: 'e1', unit: '区教育局', month: 4, tags: ['现场观摩'] },
    { _id: 'e2', unit: '区司法局', month: 5, tags: ['政策宣讲', '座谈交流'] },
    { _id: 'e3', unit: '区教育局', month: 9, tags: [] },
    { _id: 'e4', unit: '同升街道', month: 6, tags: ['座谈交流'] },
  ];
  beforeAll(() => runtime.store.commit(rows.map((d) => ({ c: 'ev', id: d._id, doc: d }))));
  const ids = (r: { data: Data[] }) => r.data.map((d) => d._id).sort();

  test.each([
    ['equality', () => ({ unit: '区教育局' }), ['e1', 'e3']],
    ['_.gt', () => ({ month: db.command.gt(5) }), ['e3', 'e4']],
    ['_.in', () => ({ unit: db.command.in(['区司法局', '同升街道']) }), ['e2', 'e4']],
    ['_.and', () => db.command.and([{ month: db.command.gte(4) }, { month: db.command.lte(5) }]), ['e1', 'e2']],
    ['_.or', () => db.command.or([{ unit: '同升街道' }, { month: 4 }]), ['e1', 'e4']],
    ['array field equality matches an element', () => ({ tags: '座谈交流' }), ['e2', 'e4']],
    ['db.RegExp', () => ({ unit: db.RegExp({ regexp: '^区', options: 'i' }) }), ['e1', 'e2', 'e3']],
  ])('%s', async (_name, where, expected) => {
    expect(
      ids(
        await db
          .collection('ev')
          .where(where() as Data)
          .get(),
      ),
    ).toEqual(expected);
  });

  test('orderBy, skip and limit page in order', async () => {
    const page = await db.collection('ev').where({}).orderBy('month', 'desc').skip(1).limit(2).get();
    expect(page.data.map((d) => d._id)).toEqual(['e4', 'e2']);
  });

  test('count() counts the matches', async () => {
    expect((await db.collection('ev').where({ unit: '区教育局' }).count()).total).toBe(2);
  });

  test('where().update() changes every match and where().remove() deletes them', async () => {
    const res = await db
      .collection('ev')
      .where({ unit: '区教育局' })
      .update({ data: { flagged: true } });
    expect(res.stats.updated).toBe(2);
    expect(ids(await db.collection('ev').where({ flagged: true }).get())).toEqual(['e1', 'e3']);
    const removed = await db.collection('ev').where({ flagged: true }).remove();
    expect(removed.stats.removed).toBe(2);
    expect((await db.collection('ev').count()).total).toBe(2);
  });
});

describe('the store answers as a plain scan would', () => {
  // Plain equalities skip mingo, compiled queries are reused, and a page ordered by _id is
  // tested only until it is full: each must answer exactly what filtering, sorting and
  // slicing every document would.
  const units = ['区教育局', '区司法局', '同升街道', '区税务局'];
  const docs = Array.from({ length: 240 }, (_, i) => ({
    _id: `p${String((i * 37) % 240).padStart(3, '0')}`,
    unit: units[i % 4],
    n: i % 7,
    open: i % 3 === 0,
    tags: i % 5 === 0 ? ['现场观摩', `t${i % 2}`] : [`t${i % 2}`],
    at: new Date(Date.UTC(2023, 3, 1 + (i % 30))),
    ...(i % 11 === 0 ? { nested: { n: i % 7 } } : {}),
  }));
  type Row = (typeof docs)[number];
  beforeAll(() => runtime.store.commit(docs.map((d) => ({ c: 'scan', id: d._id, doc: d }))));
  const byId = (a: Row, b: Row) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

  test.each<[string, () => Data, (d: Row) => boolean]>([
    ['one string', () => ({ unit: '同升街道' }), (d) => d.unit === '同升街道'],
    ['a number and a boolean', () => ({ n: 3, open: true }), (d) => d.n === 3 && d.open],
    ['an array element', () => ({ tags: '现场观摩' }), (d) => d.tags.includes('现场观摩')],
    ['a field nobody has', () => ({ missing: 'x' }), () => false],
    ['a nested field', () => ({ 'nested.n': 2 }), (d) => d.nested?.n === 2],
    [
      'a date after one day',
      () => ({ at: db.command.gt(new Date('2023-04-20T00:00:00Z')) }),
      (d) => d.at > new Date('2023-04-20T00:00:00Z'),
    ],
    [
      'a date after another day',
      () => ({ at: db.command.gt(new Date('2023-04-10T00:00:00Z')) }),
      (d) => d.at > new Date('2023-04-10T00:00:00Z'),
    ],
    ['one pattern', () => ({ unit: db.RegExp({ regexp: '^区' }) }), (d) => d.unit.startsWith('区')],
    ['another pattern', () => ({ unit: db.RegExp({ regexp: '街道$' }) }), (d) => d.unit.endsWith('街道')],
  ])('%s', async (_name, where, expected) => {
    const got = await db.collection('scan').where(where()).limit(1000).get();
    expect(got.data.map((d) => d._id).sort()).toEqual(
      docs
        .filter(expected)
        .map((d) => d._id)
        .sort(),
    );
  });

  test.each<[string, () => Data, (d: Row) => boolean, number]>([
    ['every document', () => ({}), () => true, 7],
    [
      'an $or of branches',
      () => db.command.or([{ unit: '区教育局', open: true }, { n: db.command.gte(5) }]) as Data,
      (d) => (d.unit === '区教育局' && d.open) || d.n >= 5,
      9,
    ],
    ['nothing', () => ({ unit: '无此单位' }), () => false, 5],
  ])('paging %s by _id after the last seen reads each once, in order', async (_name, where, expected, pageSize) => {
    const seen: string[] = [];
    let after = '';
    for (let guard = 0; guard < 100; guard++) {
      const q = after ? db.command.and([where(), { _id: db.command.gt(after) }]) : where();
      const { data } = await db
        .collection('scan')
        .where(q as Data)
        .orderBy('_id', 'asc')
        .limit(pageSize)
        .get();
      seen.push(...data.map((d) => String(d._id)));
      if (data.length < pageSize) break;
      after = String(data[data.length - 1]._id);
    }
    expect(seen).toEqual(
      docs
        .filter(expected)
        .sort(byId)
        .map((d) => d._id),
    );
  });

  test('descending by _id with skip and limit', async () => {
    const { data } = await db.collection('scan').where({ open: true }).orderBy('_id', 'desc').skip(3).limit(4).get();
    const all = docs.filter((d) => d.open).sort((a, b) => byId(b, a));
    expect(data.map((d) => d._id)).toEqual(all.slice(3, 7).map((d) => d._id));
  });

  test('an update is read back from the new text, not the old', async () => {
    await db
      .collection('scan')
      .doc('p001')
      .update({ data: { unit: '新单位' } });
    const { data } = await db.collection('scan').where({ _id: 'p001' }).get();
    expect(data[0].unit).toBe('新单位');
  });
});

describe('transactions', () => {
  test('commit applies every write together', async () => {
    await db.runTransaction(async (tx) => {
      await tx
        .collection('acct')
        .doc('a')
        .set({ data: { balance: 10 } });
      await tx.collection('acct').add({ data: { _id: 'b', balance: 5 } });
    });
    expect((await db.collection('acct').doc('a').get()).data!.balance).toBe(10);
    expect((await db.collection('acct').doc('b').get()).data!.balance).toBe(5);
  });

  test('an error inside rolls every write back', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('acct')
          .doc('a')
          .update({ data: { balance: db.command.inc(-10) } });
        await tx.collection('acct').add({ data: { _id: 'c', balance: 10 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.collection('acct').doc('a').get()).data!.balance).toBe(10);
    expect((await db.collection('acct').doc('c').get()).data).toBeNull();
  });

  test('reads inside a transaction see its own writes; others see them only after commit', async () => {
    let seenInside: unknown;
    let seenOutside: unknown;
    await db.runTransaction(async (tx) => {
      await tx
        .collection('acct')
        .doc('a')
        .update({ data: { balance: 99 } });
      seenInside = (await tx.collection('acct').doc('a').get()).data;
      seenOutside = (await db.collection('acct').doc('a').get()).data!.balance;
    });
    expect(seenInside).toMatchObject({ balance: 99 });
    expect(seenOutside).toBe(10);
    expect((await db.collection('acct').doc('a').get()).data!.balance).toBe(99);
  });

  test('100 concurrent read-check-write transactions never oversell 30 seats', async () => {
    await db
      .collection('seats')
      .doc('ev')
      .set({ data: { taken: 0, cap: 30 } });
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        db.runTransaction(async (tx) => {
          const ev = (await tx.collection('seats').doc('ev').get()).data!;
          if ((ev.taken as number) >= (ev.cap as number)) return 'full';
          await tx
            .collection('seats')
            .doc('ev')
            .update({ data: { taken: db.command.inc(1) } });
          return 'got';
        }),
      ),
    );
    expect(results.filter((r) => r === 'got')).toHaveLength(30);
    expect((await db.collection('seats').doc('ev').get()).data!.taken).toBe(30);
  });

  test('where() queries are refused inside a transaction, as in the cloud', async () => {
    await expect(db.runTransaction(async (tx) => tx.collection('acct').where({ balance: 99 }).get())).rejects.toBeTruthy();
  });
});

test('serverDate() is the server clock (the settable local clock), with offset', async () => {
  runtime.setClock('2023-05-04T10:00:00+08:00', true);
  const { _id } = await db.collection('sd').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
  const got = (await db.collection('sd').doc(_id).get()).data!;
  expect((got.at as Date).toISOString()).toBe('2023-05-04T02:00:00.000Z');
  expect((got.later as Date).toISOString()).toBe('2023-05-04T02:01:00.000Z');
});

test('every acknowledged write is in the log: a new store over the same folder sees it, types intact', async () => {
  const at = new Date('2023-05-04T01:02:03.004Z');
  await db
    .collection('durable')
    .doc('d')
    .set({ data: { v: 'kept', n: 7, x: 1.5, big: 2 ** 40, ok: true, none: null, at, list: [1, 'a'], nested: { m: 3 } } });
  const again = new LocalRuntime({ dataDir: dir, functionsDir: path.join(dir, 'none'), publicUrl: () => '' });
  expect(again.store.get('durable', 'd')).toEqual({
    _id: 'd',
    v: 'kept',
    n: 7,
    x: 1.5,
    big: 2 ** 40,
    ok: true,
    none: null,
    at,
    list: [1, 'a'],
    nested: { m: 3 },
  });
  expect(again.store.find('many', {}).length).toBe(1200);
  again.close();
});
