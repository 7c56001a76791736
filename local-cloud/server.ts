// HTTP face of the local cloud: the function endpoint the h5 app and the tests
// call, the dev helpers (clock, triggers, outbox), storage, and the h5 build.
// It listens on loopback only: X-Openid is trusted here and nowhere else.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { LocalRuntime, StorageRefusal, imageType } from './runtime';
import { StoreWriteError } from './store';

export interface LocalCloudOptions {
  port: number;
  dataDir: string;
  functionsDir: string;
  h5Dir?: string;
  now?: string;
  timers?: boolean;
  sync?: 'normal' | 'full';
  diskFullFlag?: string;
  deleteFailsFlag?: string;
  dbLatencyMs?: number;
}

export interface LocalCloud {
  url: string;
  runtime: LocalRuntime;
  close(): Promise<void>;
}

const MAX_CALL_BYTES = 100 * 1024; // callFunction's own payload limit
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', // the h5 build's own icons; stored files never get this type
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.zip': 'application/zip',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Non-image files are only ever downloaded: a type from this list (never HTML or SVG), or octet-stream. */
const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
};
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Host header of a loopback name, any port: anything else is DNS rebinding or a proxy we did not ask for. */
function loopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]*\]|[^:]+)(?::\d{1,5})?$/.exec(host.toLowerCase());
  return m !== null && LOOPBACK_HOSTS.has(m[1]);
}

/** An Origin header naming this server (a loopback name, our port); `null` and other sites are not. */
function ownOrigin(origin: string, port: number): boolean {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname) && Number(u.port || 80) === port;
  } catch {
    return false;
  }
}

function requireJson(req: http.IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'INVALID_ARGUMENT', '请求的 Content-Type 必须是 application/json');
}

/** Refusals from storage and the disk as the HTTP answer: status, code and the Chinese message. */
function asHttpError(e: unknown): HttpError | undefined {
  if (e instanceof StorageRefusal) return new HttpError(e.status, e.code, e.message);
  if (e instanceof StoreWriteError)
    return new HttpError(507, 'INTERNAL', e.message, { reason: e.kind === 'full' ? 'STORAGE_FULL' : 'STORAGE_ERROR' });
  return undefined;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Over the limit: answer now and let the rest drain unread, so the client gets the envelope.
      if (size > limit) reject(new HttpError(413, 'INVALID_ARGUMENT', '内容太大，请缩小后再试'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function errorEnvelope(code: string, message: string, details: Record<string, unknown> = {}) {
  return { ok: false, error: { code, message, details } };
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  let url = '';
  let port = 0;
  const runtime = new LocalRuntime({
    dataDir: opts.dataDir,
    functionsDir: opts.functionsDir,
    publicUrl: () => url,
    now: opts.now,
    sync: opts.sync,
    diskFullFlag: opts.diskFullFlag,
    deleteFailsFlag: opts.deleteFailsFlag,
    dbLatencyMs: opts.dbLatencyMs,
  });
  if (opts.timers !== false) runtime.startScheduler();

  const routes: Array<
    [string, RegExp, (req: http.IncomingMessage, res: http.ServerResponse, m: RegExpExecArray, q: URLSearchParams) => Promise<void>]
  > = [
    [
      'POST',
      /^\/api\/fn\/([\w-]+)$/,
      async (req, res, m) => {
        requireJson(req);
        let event: unknown;
        try {
          event = JSON.parse((await readBody(req, MAX_CALL_BYTES)).toString('utf8') || '{}');
        } catch (e) {
          if (e instanceof HttpError) throw e;
          throw new HttpError(400, 'INVALID_ARGUMENT', '请求内容不是有效的 JSON');
        }
        if (!event || typeof event !== 'object' || Array.isArray(event))
          throw new HttpError(400, 'INVALID_ARGUMENT', '请求内容必须是 JSON 对象');
        const openid = headerOpenid(req);
        const { envelope, roundTrips } = await runtime.invoke(m[1], event as Record<string, unknown>, openid);
        const status = !envelope.ok && envelope.error.code === 'NOT_FOUND' && !runtime.hasFunction(m[1]) ? 404 : 200;
        sendJson(res, status, envelope, { 'X-Db-Round-Trips': String(roundTrips) });
      },
    ],
    ['GET', /^\/api\/dev\/clock$/, async (_req, res) => sendJson(res, 200, { now: runtime.now().toISOString() })],
    [
      'POST',
      /^\/api\/dev\/clock$/,
      async (req, res) => {
        requireJson(req);
        let body: { now?: string; frozen?: boolean };
        try {
          body = JSON.parse((await readBody(req, 10_000)).toString('utf8') || '{}') as { now?: string; frozen?: boolean };
        } catch (e) {
          if (e instanceof HttpError) throw e;
          throw new HttpError(400, 'INVALID_ARGUMENT', '请求内容不是有效的 JSON');
        }
        if (!body.now || Number.isNaN(new Date(body.now).getTime()))
          throw new HttpError(400, 'INVALID_ARGUMENT', 'now 必须是 ISO 8601 时间');
        runtime.setClock(body.now, body.frozen === true);
        sendJson(res, 200, { now: runtime.now().toISOString() });
      },
    ],
    [
      'POST',
      /^\/api\/dev\/trigger\/([\w-]+)$/,
      async (_req, res, m) => {
        const { envelope, roundTrips } = await runtime.trigger(m[1]);
        sendJson(res, runtime.hasFunction(m[1]) ? 200 : 404, envelope, { 'X-Db-Round-Trips': String(roundTrips) });
      },
    ],
    [
      'GET',
      /^\/api\/dev\/outbox$/,
      async (_req, res, _m, q) => {
        const touser = q.get('touser');
        const all = runtime.outbox();
        sendJson(res, 200, touser ? all.filter((m) => m.touser === touser) : all);
      },
    ],
    [
      'GET',
      /^\/api\/dev\/stats$/,
      async (_req, res) => sendJson(res, 200, { roundTrips: runtime.totalRoundTrips, writes: runtime.store.writeCount }),
    ],
    [
      'POST',
      /^\/api\/storage$/,
      async (req, res, _m, q) => {
        const openid = headerOpenid(req);
        if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录再上传');
        const cloudPath = q.get('cloudPath');
        if (!cloudPath) throw new HttpError(400, 'INVALID_ARGUMENT', '缺少 cloudPath');
        const body = await readBody(req, MAX_FILE_BYTES);
        try {
          sendJson(res, 200, { fileID: runtime.saveFile(cloudPath, body, { openid, trusted: false }) });
        } catch (e) {
          throw asHttpError(e) ?? e;
        }
      },
    ],
    // Reads need the link getTempFileURL made (signed, short-lived) or the uploader's own identity.
    [
      'GET',
      /^\/api\/storage$/,
      async (req, res, _m, q) => {
        const fileID = q.get('fileID') ?? '';
        let bytes: Buffer;
        try {
          if (!runtime.mayRead(fileID, q, headerOpenid(req)))
            throw new HttpError(403, 'FORBIDDEN', '链接无效或已过期，请回到页面刷新后再打开');
          bytes = runtime.readFile(fileID);
        } catch (e) {
          if (e instanceof HttpError) throw e;
          throw asHttpError(e) ?? new HttpError(404, 'NOT_FOUND', '文件不存在');
        }
        const image = imageType(bytes);
        const name = path.posix.basename(fileID);
        res.writeHead(200, {
          // Only real JPEG/PNG bytes are shown inline; everything else is a download of a fixed, harmless type.
          'Content-Type': image ?? DOWNLOAD_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
          ...(image ? {} : { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` }),
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Cache-Control': 'private, max-age=300',
          'Content-Length': bytes.length,
        });
        res.end(bytes);
      },
    ],
    // Preview of the exported website column (office.exportColumn): the stable storage prefix column/<jurisdictionId>/.
    [
      'GET',
      /^\/column\/([\w-]{1,64})(\/.*)?$/,
      async (_req, res, m) => {
        if (!m[2]) {
          res.writeHead(301, { Location: `/column/${m[1]}/` });
          return void res.end();
        }
        const rest = decodeURIComponent(m[2]).replace(/^\/+/, '');
        const file = !rest || rest.endsWith('/') ? `${rest}index.html` : rest;
        if (file.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) throw new HttpError(404, 'NOT_FOUND', '没有这个页面');
        let bytes: Buffer;
        try {
          bytes = runtime.readFile(`cloud://local/column/${m[1]}/${file}`);
        } catch {
          throw new HttpError(404, 'NOT_FOUND', '没有这个页面：专栏尚未导出，或该报道已撤下');
        }
        res.writeHead(200, {
          'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': bytes.length,
          'Cache-Control': 'no-cache',
        });
        res.end(bytes);
      },
    ],
  ];

  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://local');
    try {
      // X-Openid is trusted here, so only this machine's own pages and tools may talk to us:
      // a loopback Host (no DNS rebinding), and no changes from another site's page.
      if (!loopbackHost(req.headers.host))
        throw new HttpError(403, 'FORBIDDEN', '本地云只接受本机地址访问（127.0.0.1、localhost 或 [::1]）');
      const origin = req.headers.origin;
      if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined && !ownOrigin(origin, port)) {
        throw new HttpError(403, 'FORBIDDEN', '拒绝来自其他网站的请求');
      }
      for (const [method, re, handle] of routes) {
        const m = re.exec(u.pathname);
        if (m && req.method === method) return await handle(req, res, m, u.searchParams);
      }
      if (u.pathname.startsWith('/api/')) throw new HttpError(404, 'NOT_FOUND', '没有这个接口');
      serveStatic(opts.h5Dir, u.pathname, res);
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError(500, 'INTERNAL', '服务出错了，请稍后再试');
      if (!(e instanceof HttpError)) console.error('[local-cloud]', e);
      if (!res.headersSent) sendJson(res, err.status, errorEnvelope(err.code, err.message, err.details));
    }
  });
  // Idle keep-alive sockets outlive the clients' own timeouts, so a client never reuses one the server is closing.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    runtime,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          runtime.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function headerOpenid(req: http.IncomingMessage): string | undefined {
  const v = req.headers['x-openid'];
  const id = Array.isArray(v) ? v[0] : v;
  return id && /^[\w-]{1,64}$/.test(id) ? id : undefined;
}

/** The h5 build, with index.html for any path it does not have (client-side routes). */
function serveStatic(root: string | undefined, pathname: string, res: http.ServerResponse): void {
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('h5 应用尚未构建：请运行 npm run build:h5');
    return;
  }
  const base = path.resolve(root);
  let file = path.resolve(base, '.' + decodeURIComponent(pathname));
  if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(base, 'index.html');
  const ext = path.extname(file).toLowerCase();
  res.writeHead(200, {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}
