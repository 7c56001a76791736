// What a web page the developer happens to visit, or another signed-in user,
// can do to the local cloud: only loopback Hosts, no changes from other
// origins, JSON-only function calls; stored files kept to their owners, read
// through signed expiring links, served so they never run as a page; and an
// unset SETUP_TOKEN said plainly.
import http from 'node:http';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(60_000);

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const HTML = Buffer.from('<html><script>alert(localStorage.openid)</script></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

let cloud: TestCloud;
beforeAll(async () => (cloud = await startCloud({ now: '2023-05-04T09:00:00+08:00' })));
afterAll(() => cloud.stop());

/** A raw request: fetch will not let a test set Host or Origin. */
function raw(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const u = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: pathAndQuery, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'Content-Type': 'application/json' };
const me = '{"action":"me"}';

describe('HTTP: loopback Host, same-origin changes, JSON only', () => {
  test.each(['127.0.0.1', 'localhost:10086', '[::1]:8080', 'LOCALHOST'])('Host %s is served', async (host) => {
    expect((await raw('POST', '/api/fn/account', { ...json, Host: host, 'X-Openid': 'u1' }, me)).status).toBe(200);
  });

  test.each(['evil.example', 'evil.example:10086', '127.0.0.1.evil.example', '10.0.0.5:10086'])(
    'Host %s (DNS rebinding) is refused',
    async (host) => {
      const res = await raw('POST', '/api/fn/account', { ...json, Host: host, 'X-Openid': 'u1' }, me);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body.toString())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await raw('GET', '/api/dev/clock', { Host: host })).status).toBe(403);
    },
  );

  test('a change from another origin is refused; the own origin (any loopback name) and no Origin pass', async () => {
    const port = new URL(cloud.url).port;
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`]) {
      const res = await raw('POST', '/api/dev/clock', { ...json, Origin: origin }, '{"now":"2030-01-01T00:00:00Z"}');
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect((await raw('POST', '/api/fn/account', { ...json, Origin: origin, 'X-Openid': 'u1' }, me)).status).toBe(403);
      expect((await raw('POST', '/api/dev/trigger/reminders', { Origin: origin })).status).toBe(403);
      expect((await raw('POST', '/api/storage?cloudPath=x/a.jpg', { Origin: origin, 'X-Openid': 'u1' }, JPEG)).status).toBe(403);
    }
    // The clock still runs from 2023: none of the refused requests moved it to 2030.
    expect(((await (await fetch(`${cloud.url}/api/dev/clock`)).json()) as { now: string }).now).toMatch(/^2023-05-04T01:0/);
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await raw('POST', '/api/fn/account', { ...json, Origin: origin, 'X-Openid': 'u1' }, me)).status).toBe(200);
    }
    // Reads from other origins are not changes (and the browser keeps their answers from the page: no CORS headers).
    const read = await raw('GET', '/api/dev/clock', { Origin: 'https://evil.example' });
    expect(read.status).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('function calls and the clock need Content-Type: application/json (text/plain is what a form can send cross-site)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
      const res = await raw('POST', '/api/fn/account', { ...headers, 'X-Openid': 'u1' }, me);
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expect(JSON.parse(res.body.toString()).error.message).toMatch(/application\/json/);
      expect((await raw('POST', '/api/dev/clock', headers, '{"now":"2030-01-01T00:00:00Z"}')).status).toBe(415);
    }
    expect((await raw('POST', '/api/fn/account', { 'Content-Type': 'application/json; charset=utf-8', 'X-Openid': 'u1' }, me)).status).toBe(
      200,
    );
    expect((await raw('POST', '/api/dev/clock', json, '{nope')).status).toBe(400);
  });
});

describe('storage: owners, signed links, safe types', () => {
  const upload = (cloudPath: string, bytes: Buffer, openid: string) =>
    fetch(`${cloud.url}/api/storage?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'X-Openid': openid },
      body: new Uint8Array(bytes),
    });
  const read = (fileID: string, openid?: string) =>
    fetch(`${cloud.url}/api/storage?fileID=${encodeURIComponent(fileID)}`, { headers: openid ? { 'X-Openid': openid } : {} });

  test.each([
    ['../x.jpg', /不能含有 \.\./],
    ['events/e1/../../secret.jpg', /不能含有 \.\./],
    ['/etc/passwd', /绝对路径/],
    ['C:/x.jpg', /绝对路径/],
    ['events\\e1\\a.jpg', /反斜杠/],
    ['events/e1/a\u0000.jpg', /控制字符/],
  ])('cloudPath %j is refused', async (cloudPath, message) => {
    const res = await upload(cloudPath, JPEG, 'u1');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  test('a path is normalised ("." and doubled slashes), so the same file has one id', async () => {
    const res = (await (await upload('events/n1/./photos//a.jpg', JPEG, 'u1')).json()) as { fileID: string };
    expect(res.fileID).toBe('cloud://local/events/n1/photos/a.jpg');
  });

  test.each([
    ['HTML', HTML],
    ['SVG', SVG],
    ['a GIF', Buffer.from('GIF89a\u0001\u0000')],
  ])('%s is refused as a photo or a logo, whatever its name says', async (_what, bytes) => {
    for (const p of ['events/e1/photos/x.jpg', 'logos/j1/logo.png']) {
      const res = await upload(p, bytes, 'u1');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/JPEG 或 PNG/);
    }
  });

  test("only the uploader may replace a file (the same bytes again are fine); someone else's is refused", async () => {
    const doc = 'events/o1/plan/plan.docx';
    expect((await upload(doc, Buffer.from('v1'), 'owner')).status).toBe(200);
    expect((await upload(doc, Buffer.from('v2'), 'owner')).status).toBe(200);
    const other = await upload(doc, Buffer.from('v3'), 'intruder');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { message: string } }).error.message).toMatch(/别人上传的/);
    expect((await upload(doc, Buffer.from('v2'), 'colleague')).status).toBe(200); // identical bytes: nothing changes
    expect(Buffer.from(await (await read(`cloud://local/${doc}`, 'owner')).arrayBuffer()).toString()).toBe('v2');
  });

  test.each(['events/o2/photos/a.jpg', 'logos/j2/logo-1.png'])(
    'a stored photo or logo (%s) keeps its bytes: not even its uploader may replace them',
    async (p) => {
      expect((await upload(p, JPEG, 'owner')).status).toBe(200);
      expect((await upload(p, JPEG, 'owner')).status).toBe(200); // a retry of the same bytes
      for (const who of ['owner', 'intruder']) {
        const res = await upload(p, PNG, who);
        expect(res.status).toBe(who === 'owner' ? 409 : 403);
        expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/不能更改|不能覆盖/);
      }
      expect(Buffer.from(await (await read(`cloud://local/${p}`, 'owner')).arrayBuffer()).equals(JPEG)).toBe(true);
    },
  );

  test('reads: the uploader, or the signed link getTempFileURL made; not anonymous, not another user, not a forged or expired link', async () => {
    const office = 'office-files';
    const { jurisdictionId } = ok(
      await cloud.call<{ jurisdictionId: string }>(
        'office',
        { action: 'bootstrap', token: SETUP_TOKEN, name: '文件县', level: 'county' },
        office,
      ),
    );
    const fileID = ((await (await upload(`logos/${jurisdictionId}/logo.png`, PNG, office)).json()) as { fileID: string }).fileID;
    expect((await read(fileID)).status).toBe(403);
    expect((await read(fileID, 'someone-else')).status).toBe(403);
    expect((await read(fileID, office)).status).toBe(200);

    const { logoUrl } = ok(await cloud.call<{ logoUrl: string }>('office', { action: 'setLogo', jurisdictionId, fileID }, office));
    const u = new URL(logoUrl);
    expect(u.origin).toBe(cloud.url);
    const res = await fetch(logoUrl);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBeNull();

    const forged = new URL(logoUrl);
    forged.searchParams.set(
      'sign',
      forged.searchParams.get('sign')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect((await fetch(forged)).status).toBe(403);
    const otherFile = new URL(logoUrl);
    otherFile.searchParams.set('fileID', 'cloud://local/events/o1/photos/a.jpg');
    expect((await fetch(otherFile)).status).toBe(403);
    const expired = new URL(logoUrl);
    expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 1));
    expect((await fetch(expired)).status).toBe(403);
  });

  test('a non-image is served as a download of a harmless type, never as a page or an SVG', async () => {
    for (const [p, bytes] of [
      ['plans/j1/notes.html', HTML],
      ['plans/j1/pic.svg', SVG],
      ['plans/j1/2023.xlsx', Buffer.from('PK\u0003\u0004')],
    ] as const) {
      const { fileID } = (await (await upload(p, bytes, 'u1')).json()) as { fileID: string };
      const res = await read(fileID, 'u1');
      expect(res.status).toBe(200);
      const type = res.headers.get('content-type') ?? '';
      expect(type).not.toMatch(/html|svg/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    }
  });
});

test('with SETUP_TOKEN unset, bootstrap says the deployment has no setup token, not that the token is wrong', async () => {
  const bare = await startCloud({ env: { SETUP_TOKEN: '' } });
  try {
    const err = refused(
      await bare.call('office', { action: 'bootstrap', token: 'anything', name: '某县', level: 'county' }, 'office-x'),
      'FORBIDDEN',
    );
    expect(err.message).toMatch(/未配置开通口令（SETUP_TOKEN）.*联系部署人员/);
    expect(err.message).not.toMatch(/不正确/);
  } finally {
    await bare.stop();
  }
  // With a token configured, a wrong one is still "不正确".
  const err = refused(
    await cloud.call('office', { action: 'bootstrap', token: 'wrong', name: '某县', level: 'county' }, 'office-y'),
    'FORBIDDEN',
  );
  expect(err.message).toMatch(/开通口令不正确/);
});
