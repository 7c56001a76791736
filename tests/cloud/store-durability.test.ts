// The local cloud's store as a failing disk would test it: a full disk refuses
// writes in Chinese and loses no acknowledged one (a real small tmpfs when this
// machine lets us mount one, else the store's injected full-disk flag), a
// damaged file is refused at open with a copy kept, a malformed row or log line
// is refused with where it is, db.jsonl is migrated, and removed or overwritten
// documents leave no byte behind in DATA_DIR.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import { Store } from '../../local-cloud/store';
import { ok, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(120_000);

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const me = async (cloud: TestCloud, openid: string) =>
  ok(await cloud.call<{ roles: unknown[] }>('account', { action: 'me' }, openid)).roles.length;
const bootstrap = (cloud: TestCloud, openid: string, name = `县${openid}`) =>
  cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name, level: 'county' }, openid);

/** Every file under dir, recursively. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The files under dir whose bytes contain needle (UTF-8): grep -r, without grep. */
function grepDir(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return filesUnder(dir).filter((f) => fs.readFileSync(f).includes(bytes));
}

/** Starting must fail; returns what the process printed. */
async function startRefused(dataDir: string): Promise<string> {
  try {
    const cloud = await startCloud({ dataDir });
    await cloud.stop();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the local cloud started on a data directory it should have refused');
}

interface SmallDisk {
  dataDir: string;
  env: Record<string, string>;
  /** Whether this is a real tmpfs (else the injected full-disk flag). */
  real: boolean;
  fill(): void;
  free(): void;
  cleanup(): void;
}

/**
 * A 2 MB tmpfs as DATA_DIR if mounting works here (root in a container that allows it), else the
 * injected failure. ZWGK_DISK_FULL=inject forces the latter, to check that path on a machine that can mount.
 */
function smallDisk(): SmallDisk {
  const dataDir = tmp('zwgk-full-');
  const filler = path.join(dataDir, 'filler');
  try {
    if (process.env.ZWGK_DISK_FULL === 'inject') throw new Error('mount not wanted');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dataDir], { stdio: 'ignore' });
    return {
      dataDir,
      env: {},
      real: true,
      fill: () => {
        const fd = fs.openSync(filler, 'w');
        for (const size of [64 * 1024, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x20);
          try {
            for (;;) fs.writeSync(fd, chunk);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
          }
        }
        fs.closeSync(fd);
      },
      free: () => fs.rmSync(filler),
      cleanup: () => execFileSync('umount', ['-l', dataDir], { stdio: 'ignore' }),
    };
  } catch {
    const flag = path.join(tmp('zwgk-flag-'), 'disk-full');
    return {
      dataDir,
      env: { LOCAL_FAULT_DISK_FULL: flag },
      real: false,
      fill: () => fs.writeFileSync(flag, ''),
      free: () => fs.rmSync(flag),
      cleanup: () => undefined,
    };
  }
}

describe('a full disk', () => {
  let disk: SmallDisk;
  afterAll(() => disk?.cleanup());

  test('refuses writes and uploads in Chinese, changes nothing, leaves no .tmp, and loses no acknowledged write', async () => {
    disk = smallDisk();
    const cloud = await startCloud({ dataDir: disk.dataDir, env: disk.env });
    const acked: string[] = [];
    for (let i = 0; i < 5; i++) {
      ok(await bootstrap(cloud, `before-${i}`));
      acked.push(`before-${i}`);
    }

    disk.fill();
    const writes = (await cloud.stats()).writes;
    const refusedCall = await bootstrap(cloud, 'during-full');
    expect(refusedCall).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { reason: 'STORAGE_FULL' } } });
    expect(!refusedCall.ok && refusedCall.error.message).toMatch(/存储空间已满.*没有保存/);
    expect((await cloud.stats()).writes).toBe(writes);
    expect(await me(cloud, 'during-full')).toBe(0);

    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20_000, 7)]);
    const up = await fetch(`${cloud.url}/api/storage?cloudPath=events/e1/photos/p.jpg`, {
      method: 'POST',
      headers: { 'X-Openid': 'before-0' },
      body: jpeg,
    });
    expect(up.status).toBe(507);
    const body = (await up.json()) as { ok: boolean; error: { message: string } };
    expect(body.error.message).toMatch(/存储空间已满/);
    expect(body.error.message).not.toMatch(/ENOSPC|no space/i);
    expect(filesUnder(disk.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    disk.free();
    for (let i = 0; i < 5; i++) {
      ok(await bootstrap(cloud, `after-${i}`));
      acked.push(`after-${i}`);
    }
    // Uploads work again once there is room.
    expect(
      (
        await fetch(`${cloud.url}/api/storage?cloudPath=events/e1/photos/p.jpg`, {
          method: 'POST',
          headers: { 'X-Openid': 'before-0' },
          body: jpeg,
        })
      ).status,
    ).toBe(200);

    cloud.process.kill('SIGKILL');
    await new Promise((r) => (cloud.process.exitCode !== null || cloud.process.signalCode ? r(null) : cloud.process.once('exit', r)));
    const again = await startCloud({ dataDir: disk.dataDir, env: disk.env });
    const found = await Promise.all(acked.map((openid) => me(again, openid)));
    expect(found).toEqual(acked.map(() => 1));
    expect(await me(again, 'during-full')).toBe(0);
    await again.stop();
  });
});

describe('a damaged database file', () => {
  test('is refused at open with a clear message and a byte-for-byte copy; the file itself is left as it was', async () => {
    const dataDir = tmp('zwgk-damaged-');
    const cloud = await startCloud({ dataDir });
    for (let i = 0; i < 40; i++) ok(await bootstrap(cloud, `office-${i}`, `损坏测试县${i}`));
    await cloud.stop();

    // Overwrite the whole page that holds one of the documents.
    const file = path.join(dataDir, 'db.sqlite');
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from('损坏测试县20'));
    expect(at).toBeGreaterThan(4096);
    const page = at - (at % 4096);
    bytes.fill(0x5a, page, page + 4096);
    fs.writeFileSync(file, bytes);

    const out = await startRefused(dataDir);
    expect(out).toMatch(/数据库文件 .*db\.sqlite 已损坏/);
    expect(out).toMatch(/已原样保留一份副本/);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const copies = fs.readdirSync(dataDir).filter((f) => f.startsWith('db.sqlite.damaged-') && !f.endsWith('-wal'));
    expect(copies).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, copies[0])).equals(bytes)).toBe(true);
  });

  test('a file that is not a database at all is refused the same way', async () => {
    const dataDir = tmp('zwgk-notdb-');
    fs.writeFileSync(path.join(dataDir, 'db.sqlite'), '{"not": "sqlite"}\n'.repeat(100));
    const out = await startRefused(dataDir);
    expect(out).toMatch(/已损坏.*不是 SQLite 数据库/);
    expect(out).not.toMatch(/\n\s+at /);
  });

  test.each([
    ['an array', '[1,2,3]'],
    ['a document under another _id', '{"_id":"someone-else","name":"x"}'],
    ['text that is not JSON', '{"_id": "bad", '],
  ])('a well-formed row holding %s is refused with where it is, not a stack trace', async (_what, text) => {
    const dataDir = tmp('zwgk-shape-');
    const cloud = await startCloud({ dataDir });
    ok(await bootstrap(cloud, 'office-shape'));
    await cloud.stop();
    const db = new Database(path.join(dataDir, 'db.sqlite'));
    db.prepare('INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?)').run('jurisdictions', 'bad', text);
    db.close();
    const out = await startRefused(dataDir);
    expect(out).toMatch(/jurisdictions\/bad/);
    expect(out).not.toMatch(/\n\s+at /);
  });
});

describe('migrating db.jsonl', () => {
  const jid = 'j-migrated';
  const at = new Date('2023-04-01T02:00:00Z');
  const line = (changes: unknown[]) => EJSON.stringify(changes, { relaxed: false }) + '\n';
  const jurisdiction = (name: string) => ({
    c: 'jurisdictions',
    id: jid,
    doc: { _id: jid, name, level: 'county', rules: {}, createdAt: at, createdBy: 'office-old' },
  });
  const staff = {
    c: 'staff',
    id: `office-old:office:${jid}`,
    doc: {
      _id: `office-old:office:${jid}`,
      openid: 'office-old',
      role: 'office',
      jurisdictionId: jid,
      jurisdictionName: '旧县',
      createdAt: at,
    },
  };
  const gone = {
    c: 'staff',
    id: 'gone',
    doc: { _id: 'gone', openid: 'office-gone', role: 'office', jurisdictionId: jid, jurisdictionName: '旧县', createdAt: at },
  };

  test('replays the log (later lines win, removals stay removed, a torn last line is left out) and keeps it as db.jsonl.migrated', async () => {
    const dataDir = tmp('zwgk-migrate-');
    const log =
      line([jurisdiction('旧县'), staff, gone]) +
      line([{ c: 'staff', id: 'gone', doc: null }]) +
      line([jurisdiction('新县')]) +
      '[{"c":"staff","id":"torn","doc":{"_id":"to';
    fs.writeFileSync(path.join(dataDir, 'db.jsonl'), log);
    const cloud = await startCloud({ dataDir });
    expect(await me(cloud, 'office-old')).toBe(1);
    expect(await me(cloud, 'office-gone')).toBe(0);
    const rules = ok(await cloud.call<{ name: string }>('office', { action: 'getRules', jurisdictionId: jid }, 'office-old'));
    expect(rules.name).toBe('新县');
    expect(cloud.stderr()).toMatch(/已把 db\.jsonl（3 行）迁移到 db\.sqlite（2 个文档）/);
    expect(cloud.stderr()).toMatch(/最后一行没有写完整/);
    expect(fs.existsSync(path.join(dataDir, 'db.jsonl'))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'db.jsonl.migrated'), 'utf8')).toBe(log);
    await cloud.stop();
    // The next start opens the database as it is: no second migration.
    const again = await startCloud({ dataDir });
    expect(await me(again, 'office-old')).toBe(1);
    expect(again.stderr()).not.toMatch(/迁移/);
    await again.stop();
  });

  test.each([
    ['one bad byte in the middle', (good: string) => good.replace('"旧县"', '"旧\u0000县'), /第 1 行已损坏/],
    ['a well-formed line of the wrong shape', (good: string) => '{"c":"staff"}\n' + good, /第 1 行格式不对/],
  ])('%s refuses the migration, says which line, and changes nothing', async (_what, damage, message) => {
    const dataDir = tmp('zwgk-migrate-bad-');
    const log = damage(line([jurisdiction('旧县'), staff]) + line([jurisdiction('新县')]));
    fs.writeFileSync(path.join(dataDir, 'db.jsonl'), log);
    const out = await startRefused(dataDir);
    expect(out).toMatch(message);
    expect(out).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(dataDir)).toEqual(['db.jsonl']);
    expect(fs.readFileSync(path.join(dataDir, 'db.jsonl'), 'utf8')).toBe(log);
  });
});

test('documents read back as written: nested dates (before 1970 too), NaN and Infinity', () => {
  const dataDir = tmp('zwgk-codec-');
  const docs = [
    {
      _id: 'plain',
      at: new Date('2023-05-04T01:02:03.456Z'),
      list: [new Date(0), { when: new Date('1960-01-01T00:00:00Z') }],
      n: 1.5,
      s: 'x',
      nil: null,
    },
    { _id: 'odd', score: Number.NaN, big: Number.POSITIVE_INFINITY },
  ];
  const store = new Store(dataDir);
  store.commit(docs.map((doc) => ({ c: 'things', id: doc._id, doc })));
  store.close();
  const again = new Store(dataDir);
  expect(again.get('things', 'plain')).toEqual(docs[0]);
  expect(again.get('things', 'plain')!.at).toBeInstanceOf(Date);
  expect(again.get('things', 'odd')).toMatchObject({ score: Number.NaN, big: Number.POSITIVE_INFINITY });
  again.close();
});

describe('removed and overwritten documents are physically gone', () => {
  test('no byte of a removed or overwritten name and phone remains anywhere under DATA_DIR', () => {
    const dataDir = tmp('zwgk-erase-');
    const store = new Store(dataDir);
    const person = (id: string, name: string, phone: string, note = '') => ({
      _id: id,
      eventId: 'e1',
      name,
      phone,
      note,
      createdAt: new Date(),
    });
    // A long note puts the document on overflow pages too.
    store.commit([
      { c: 'signups', id: 's1', doc: person('s1', '欧阳擦除甲', '13911112222') },
      { c: 'signups', id: 's2', doc: person('s2', '司马覆盖乙', '13933334444', '备注'.repeat(3000)) },
      { c: 'signups', id: 's3', doc: person('s3', '诸葛保留丙', '13955556666') },
    ]);
    store.checkpoint();
    // The search does find what is still there, so an empty result below means something.
    for (const s of ['欧阳擦除甲', '13911112222', '司马覆盖乙', '13933334444', '诸葛保留丙']) expect(grepDir(dataDir, s)).not.toEqual([]);

    store.commit([{ c: 'signups', id: 's1', doc: null }]);
    store.commit([{ c: 'signups', id: 's2', doc: person('s2', '（已删除）', '', '') }]);
    // Before the checkpoint the old page images may still be in the WAL; the checkpoint runs within a second of a write.
    store.checkpoint();
    for (const s of ['欧阳擦除甲', '13911112222', '司马覆盖乙', '13933334444'])
      expect({ s, files: grepDir(dataDir, s) }).toEqual({ s, files: [] });
    expect(grepDir(dataDir, '诸葛保留丙')).not.toEqual([]);
    store.close();
    for (const s of ['欧阳擦除甲', '13911112222', '司马覆盖乙', '13933334444'])
      expect({ s, files: grepDir(dataDir, s) }).toEqual({ s, files: [] });
    // And the survivor is still read back after reopening.
    const reopened = new Store(dataDir);
    expect(reopened.get('signups', 's3')).toMatchObject({ name: '诸葛保留丙' });
    expect(reopened.get('signups', 's1')).toBeUndefined();
    reopened.close();
  });

  test('a burst of writes is checkpointed as it goes, not left for one long pause later', () => {
    const dataDir = tmp('zwgk-burst-');
    const store = new Store(dataDir);
    const wal = path.join(dataDir, 'db.sqlite-wal');
    const batch = (from: number) =>
      Array.from({ length: 100 }, (_, i) => ({ c: 'messages', id: `m${from + i}`, doc: { _id: `m${from + i}`, body: '通知'.repeat(50) } }));
    store.commit(batch(0));
    expect(fs.statSync(wal).size).toBeGreaterThan(0); // a small write waits for the timer
    store.commit(batch(100));
    store.commit(batch(200)); // the 300th document since the last checkpoint
    expect(fs.statSync(wal).size).toBe(0);
    store.close();
  });

  test('the running cloud empties its WAL by itself within about a second of a write', async () => {
    const dataDir = tmp('zwgk-erase-live-');
    const cloud = await startCloud({ dataDir });
    ok(await bootstrap(cloud, 'office-live', '临时县名甲乙丙'));
    const wal = path.join(dataDir, 'db.sqlite-wal');
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 2000));
    expect(fs.statSync(wal).size).toBe(0);
    await cloud.stop();
  });
});
