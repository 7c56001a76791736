// Starts the local cloud (the built dist/local-cloud/main.js, exactly what
// `npm start` runs) in a child process with its own data folder, for one suite.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ActionOf, Envelope, ErrorBody, FnName, ResultFor } from '../../src/contract';

export type { Envelope };

/** What `action` of function `name` answers, from the contract; unknown for what the contract lacks (hostile inputs). */
export type Answer<N extends string, A extends string> = N extends FnName ? (A extends ActionOf<N> ? ResultFor<N, A> : unknown) : unknown;
/** The result type given explicitly (`call<T>(…)`), else the contract's. */
type Typed<T, N extends string, A extends string> = [T] extends [never] ? Answer<N, A> : T;

export const SETUP_TOKEN = 'test-setup-token';
const ROOT = path.resolve(__dirname, '../..');

export interface TestCloud {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Calls a function as `openid` (anonymous when omitted); the result is typed by the contract. */
  call<T = never, N extends string = string, A extends string = string>(
    name: N,
    payload: { action?: A } & Record<string, unknown>,
    openid?: string,
  ): Promise<Envelope<Typed<T, N, A>>>;
  /** Same, also returning the database round trips the call took. */
  callCounted<T = never, N extends string = string, A extends string = string>(
    name: N,
    payload: { action?: A } & Record<string, unknown>,
    openid?: string,
  ): Promise<{ envelope: Envelope<Typed<T, N, A>>; roundTrips: number }>;
  setClock(now: string, frozen?: boolean): Promise<void>;
  trigger<T = unknown>(name: string): Promise<Envelope<T>>;
  outbox(): Promise<Array<{ touser: string; templateId: string; page?: string; data: Record<string, { value: string }>; sentAt: string }>>;
  upload(cloudPath: string, bytes: Buffer, openid: string): Promise<string>;
  /** Database round trips and committed write batches since the cloud started. */
  stats(): Promise<{ roundTrips: number; writes: number }>;
  /** What the cloud process wrote to stderr (function errors are logged there). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  now?: string;
  frozen?: boolean;
  dataDir?: string;
  env?: Record<string, string>;
}

export async function startCloud(opts: StartOptions = {}): Promise<TestCloud> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-cloud-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/local-cloud/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      LOCAL_TIMERS: 'off',
      SETUP_TOKEN,
      ...(opts.now ? { LOCAL_NOW: opts.now } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`local cloud exited (${code}): ${stderr}`)));
    // Opening a large store (the benchmark's 100,000 sign-ups) on a loaded machine takes a while.
    const timer = setTimeout(() => reject(new Error(`local cloud did not start: ${stderr}`)), 60_000);
    const clear = () => clearTimeout(timer);
    child.stdout!.on('data', () => out.includes('listening on') && clear());
    child.on('exit', clear);
  });

  // The body is what the server sent; its type is the contract's (checked by the typecheck on the server side).
  const callCounted: TestCloud['callCounted'] = async (name, payload, openid) => {
    const res = await fetch(`${url}/api/fn/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
      body: JSON.stringify(payload),
    });
    return { envelope: (await res.json()) as never, roundTrips: Number(res.headers.get('x-db-round-trips') ?? NaN) };
  };
  const cloud: TestCloud = {
    url,
    dataDir,
    process: child,
    callCounted,
    call: async (name, payload, openid) => (await callCounted(name, payload, openid)).envelope as never,
    setClock: async (now, frozen = opts.frozen) => {
      const res = await fetch(`${url}/api/dev/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ now, frozen }),
      });
      if (!res.ok) throw new Error(await res.text());
    },
    trigger: async (name) => (await (await fetch(`${url}/api/dev/trigger/${name}`, { method: 'POST' })).json()) as never,
    outbox: async () => (await (await fetch(`${url}/api/dev/outbox`)).json()) as never,
    upload: async (cloudPath, bytes, openid) => {
      const res = await fetch(`${url}/api/storage?cloudPath=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        headers: { 'X-Openid': openid },
        body: new Uint8Array(bytes),
      });
      const body = (await res.json()) as { fileID?: string };
      if (!body.fileID) throw new Error(JSON.stringify(body));
      return body.fileID;
    },
    stderr: () => stderr,
    stats: async () => (await (await fetch(`${url}/api/dev/stats`)).json()) as never,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  if (opts.now) await cloud.setClock(opts.now, opts.frozen);
  return cloud;
}

/** Unwraps an envelope, failing the test with the error when it is not ok. */
export function ok<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message} ${JSON.stringify(env.error.details)}`);
  return env.data;
}

/** Asserts a refusal with the given code and returns its error (the server always sends details). */
export function refused(env: Envelope<unknown>, code: string): Required<ErrorBody> {
  if (env.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(env.data).slice(0, 300)}`);
  if (env.error.code !== code) throw new Error(`expected ${code}, got ${env.error.code}: ${env.error.message}`);
  return { ...env.error, details: env.error.details ?? {} };
}
