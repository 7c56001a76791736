// The local cloud as a process: its HTTP surface, PORT/DATA_DIR, persistence
// across restarts, and no acknowledged write lost to a SIGKILL.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ok, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';

// Each suite starts a cloud process; on a loaded machine that alone can take seconds.
jest.setTimeout(60_000);

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('HTTP surface', () => {
  let cloud: TestCloud;
  beforeAll(async () => (cloud = await startCloud({ now: '2023-05-04T09:00:00+08:00' })));
  afterAll(() => cloud.stop());

  test('account.me answers the envelope with the X-Openid identity', async () => {
    const res = await fetch(`${cloud.url}/api/fn/account`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Openid': 'u1' },
      body: '{"action":"me"}',
    });
    expect(await res.json()).toEqual({ ok: true, data: { openid: 'u1', roles: [] } });
  });

  test('bad JSON, a non-object body, an unknown action and an unknown function all answer an envelope', async () => {
    const post = (fn: string, body: string) =>
      fetch(`${cloud.url}/api/fn/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Openid': 'u1' }, body }).then(
        (r) => r.json(),
      );
    expect(await post('account', '{nope')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await post('account', '[1,2]')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await post('account', '{"action":"dropTables"}')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', details: { fields: ['action'] } },
    });
    expect(await post('nosuchfn', '{"action":"me"}')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a payload over the 100 KB callFunction limit is refused with an envelope', async () => {
    const res = await fetch(`${cloud.url}/api/fn/account`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Openid': 'u1' },
      body: JSON.stringify({ action: 'me', pad: 'x'.repeat(200_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  test('the clock can be read and set', async () => {
    await cloud.setClock('2023-09-28T10:00:00+08:00', true);
    expect(await (await fetch(`${cloud.url}/api/dev/clock`)).json()).toEqual({ now: '2023-09-28T02:00:00.000Z' });
  });

  test('storage stores and returns bytes to the uploader; anonymous uploads and escaping paths are refused', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    const fileID = await cloud.upload('events/e1/photos/a.jpg', bytes, 'u1');
    expect(fileID).toBe('cloud://local/events/e1/photos/a.jpg');
    const back = await fetch(`${cloud.url}/api/storage?fileID=${encodeURIComponent(fileID)}`, { headers: { 'X-Openid': 'u1' } });
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(`${cloud.url}/api/storage?cloudPath=x.jpg`, { method: 'POST', body: bytes })).status).toBe(401);
    const escape = await fetch(`${cloud.url}/api/storage?cloudPath=${encodeURIComponent('../../etc/passwd')}`, {
      method: 'POST',
      headers: { 'X-Openid': 'u1' },
      body: bytes,
    });
    expect(escape.status).toBe(400);
    expect((await fetch(`${cloud.url}/api/storage?fileID=cloud://local/nope.jpg`, { headers: { 'X-Openid': 'u1' } })).status).toBe(403);
  });

  test('triggering a function that does not exist is a 404 envelope', async () => {
    const res = await fetch(`${cloud.url}/api/dev/trigger/nosuch`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});

test('PORT and DATA_DIR are honoured, and data survives a restart', async () => {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-port-'));
  const first = await startCloud({ dataDir, env: { PORT: String(port) } });
  expect(first.url).toBe(`http://127.0.0.1:${port}`);
  const { jurisdictionId } = ok(
    await first.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '某县', level: 'county' },
      'office-a',
    ),
  );
  await first.stop();
  expect(fs.existsSync(path.join(dataDir, 'db.sqlite'))).toBe(true);
  const second = await startCloud({ dataDir });
  const me = ok(await second.call<{ roles: Array<{ jurisdictionId: string }> }>('account', { action: 'me' }, 'office-a'));
  expect(me.roles.map((r) => r.jurisdictionId)).toEqual([jurisdictionId]);
  await second.stop();
});

test('SIGKILL during a stream of writes loses no acknowledged write, and the store reopens cleanly', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-kill-'));
  const cloud = await startCloud({ dataDir });
  const acked: string[] = [];
  let killed = false;
  const writer = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const openid = `w${w}-${i}`;
      try {
        const env = await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: `县${w}-${i}`, level: 'county' }, openid);
        if (env.ok) acked.push(openid);
      } catch {
        return; // the connection died with the process
      }
      if (acked.length >= 150 && !killed) {
        killed = true;
        cloud.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
  await new Promise((r) => cloud.process.once('exit', r).kill(0) || r(null));
  expect(acked.length).toBeGreaterThanOrEqual(150);

  const again = await startCloud({ dataDir });
  const missing: string[] = [];
  for (const openid of acked) {
    const me = ok(await again.call<{ roles: unknown[] }>('account', { action: 'me' }, openid));
    if (me.roles.length !== 1) missing.push(openid);
  }
  expect(missing).toEqual([]);
  // The store still takes writes after recovering from the torn tail.
  ok(await again.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '恢复后', level: 'county' }, 'after-crash'));
  await again.stop();
});
