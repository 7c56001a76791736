// The local cloud runtime: runs the same cloud function bundles that are
// uploaded to WeChat, with the real wx-server-sdk whose network edges (database
// requests, storage, openapi, the caller's identity) are pointed at this machine.
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { LocalDatabase } from './database';
import { asWriteError, Store, StoreWriteError } from './store';
import { nextFireTime } from './cron';
import { CONTENT_BLOCKLIST } from './content-words';
import type { Envelope as AnyEnvelope } from '../src/contract/define';

export interface RuntimeOptions {
  dataDir: string;
  functionsDir: string;
  /** Base URL the app reaches this runtime at, for temp file URLs and QR codes. */
  publicUrl: () => string;
  now?: string;
  /** Store durability (LOCAL_DB_SYNC): `normal` survives a crashed process, `full` also a power cut. */
  sync?: 'normal' | 'full';
  /** Test hook (LOCAL_FAULT_DISK_FULL): while this file exists, database and storage writes fail as on a full disk. */
  diskFullFlag?: string;
  /** Test hook (LOCAL_FAULT_STORAGE_DELETE): while this file exists, storage refuses to delete files, as the cloud's storage can. */
  deleteFailsFlag?: string;
  /** Test hook (LOCAL_DB_LATENCY_MS): each database round trip takes this long, as over the network, so concurrent calls interleave. */
  dbLatencyMs?: number;
}

interface Invocation {
  openid?: string;
  roundTrips: number;
  /** The disk refused a write during this call: the envelope says so instead of a generic error. */
  writeRefused?: StoreWriteError;
}

/** A storage request refused with an HTTP status and a Chinese message (the server turns it into an envelope). */
export class StorageRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Owner of each stored file, recorded at upload, keyed by the cloud path. */
const FILES = '_local_files';
type FileDoc = { _id: string; owner: string | null; bytes: number; uploadedAt: Date };
/** getTempFileURL's default lifetime here; WeChat's links are short-lived too. */
const TEMP_URL_SECONDS = 2 * 3600;
const MAX_TEMP_URL_SECONDS = 24 * 3600;
/** Where the app keeps photos, check-in screenshots and logos: these must be JPEG or PNG by their bytes. */
const IMAGE_PATH = /^(logos\/|events\/[^/]+\/(photos|checkin)\/)/;
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type a file really is, by its first bytes; undefined for anything else. */
export function imageType(bytes: Buffer): 'image/jpeg' | 'image/png' | undefined {
  if (bytes.subarray(0, 3).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  return undefined;
}

/**
 * A cloud path as stored: segments joined by "/", with "." and empty segments
 * dropped. Absolute paths, "..", backslashes and control characters are refused,
 * not repaired, so a path never means something other than what it says.
 */
export function normaliseCloudPath(raw: string): string {
  const bad = (why: string) =>
    new StorageRefusal(400, 'INVALID_ARGUMENT', `文件路径不合法（${why}），请使用如 events/<活动>/photos/<名称>.jpg 的相对路径`);
  if (!raw) throw bad('为空');
  if (raw.length > 300) throw bad('太长');
  if (raw.includes('\\')) throw bad('含有反斜杠');
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw bad('含有控制字符');
  if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw)) throw bad('不能是绝对路径');
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) throw bad('不能含有 ..');
  if (parts.length === 0) throw bad('为空');
  return parts.join('/');
}

type Envelope = AnyEnvelope<unknown>;
type CloudMain = (event: Record<string, unknown>, context: Record<string, unknown>) => Promise<Envelope>;

export interface OutboxMessage {
  _id: string;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  sentAt: Date;
}

const OUTBOX = '_local_outbox';
const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));

export class LocalRuntime {
  readonly store: Store;
  readonly db: LocalDatabase;
  private readonly invocation = new AsyncLocalStorage<Invocation>();
  private clockOffsetMs = 0;
  private frozenAt: number | null = null;
  private readonly functions = new Map<string, CloudMain>();
  private readonly timers = new Map<string, { cron: string; next: Date | null }>();
  private scheduler: NodeJS.Timeout | null = null;
  /** Database round trips since start, for the benchmark. */
  totalRoundTrips = 0;

  constructor(private readonly opts: RuntimeOptions) {
    this.store = new Store(opts.dataDir, { sync: opts.sync, diskFullFlag: opts.diskFullFlag });
    this.db = new LocalDatabase(
      this.store,
      () => this.now(),
      () => this.countRoundTrip(),
      (e) => this.noteWriteRefused(e),
      opts.dbLatencyMs,
    );
    if (opts.now) this.setClock(opts.now);
    this.installSdk();
    this.loadFunctions();
  }

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.clockOffsetMs);
  }

  /** Moves the server clock; time flows on from there unless frozen. */
  setClock(iso: string, frozen = false): void {
    const at = new Date(iso).getTime();
    if (Number.isNaN(at)) throw new Error(`invalid time ${iso}`);
    this.frozenAt = frozen ? at : null;
    this.clockOffsetMs = at - Date.now();
    for (const t of this.timers.values()) t.next = nextFireTime(t.cron, this.now());
  }

  private noteWriteRefused(e: StoreWriteError): void {
    const inv = this.invocation.getStore();
    if (inv) inv.writeRefused = e;
  }

  private countRoundTrip(): void {
    this.totalRoundTrips += 1;
    const inv = this.invocation.getStore();
    if (inv) inv.roundTrips += 1;
  }

  private installSdk(): void {
    process.env.TENCENTCLOUD = 'true'; // keeps cloud.init from probing Tencent's metadata host
    const sdkPath = projectRequire.resolve('wx-server-sdk');
    const cloud = projectRequire(sdkPath) as Record<string, unknown>;
    const nodeSdk = createRequire(sdkPath).resolve('@cloudbase/node-sdk');
    const { Db } = createRequire(nodeSdk)('@cloudbase/database') as { Db: Record<string, unknown> };
    const db = this.db;
    class LocalRequest {
      send(action: string, params?: Record<string, unknown>) {
        return db.send(action, params);
      }
    }
    // node-sdk reassigns Db.reqClass on every database() call; this keeps ours in place.
    Object.defineProperty(Db, 'reqClass', { get: () => LocalRequest, set: () => undefined, configurable: true });
    (globalThis as { __localCloudNow?: () => number }).__localCloudNow = () => this.now().getTime();

    cloud.getWXContext = () => {
      const inv = this.invocation.getStore();
      return { OPENID: inv?.openid, APPID: 'local-appid', ENV: 'local', SOURCE: 'local' };
    };
    cloud.uploadFile = async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
      try {
        // Function code is the server: it may write any path; the caller it runs for owns new files.
        return { fileID: this.saveFile(cloudPath, fileContent, { openid: this.invocation.getStore()?.openid, trusted: true }) };
      } catch (e) {
        if (e instanceof StoreWriteError) this.noteWriteRefused(e);
        throw e;
      }
    };
    cloud.downloadFile = async ({ fileID }: { fileID: string }) => ({ fileContent: this.readFile(fileID) });
    cloud.getTempFileURL = async ({ fileList }: { fileList: Array<string | { fileID: string; maxAge?: number }> }) => ({
      fileList: fileList.map((f) => {
        const fileID = typeof f === 'string' ? f : f.fileID;
        const maxAge = typeof f === 'string' ? undefined : f.maxAge;
        return { fileID, tempFileURL: this.tempFileUrl(fileID, maxAge), status: 0, errMsg: 'ok' };
      }),
    });
    // As the cloud answers: a status per file, not an exception, when a file cannot be deleted.
    cloud.deleteFile = async ({ fileList }: { fileList: string[] }) => ({
      fileList: fileList.map((fileID) => {
        try {
          if (this.opts.deleteFailsFlag && fs.existsSync(this.opts.deleteFailsFlag)) throw new Error('storage refused (injected)');
          this.deleteFile(fileID);
          return { fileID, status: 0 };
        } catch (e) {
          return { fileID, status: -1, errMsg: `STORAGE_REQUEST_FAIL: ${(e as Error).message}` };
        }
      }),
    });
    cloud.openapi = this.openapi();
  }

  private openapi() {
    return {
      subscribeMessage: {
        send: async (msg: Omit<OutboxMessage, '_id' | 'sentAt'>) => {
          // As WeChat does: no consent left for this person and template → 43101.
          // The consents are those the app reported (collection `subscriptions`).
          const sub = this.store.get('subscriptions', `${msg.touser}:${msg.templateId}`);
          const longTerm = (process.env.LONG_TERM_TEMPLATES ?? '')
            .split(',')
            .map((t) => t.trim())
            .includes(msg.templateId);
          if (!sub || !((longTerm && sub.longTerm === true) || Number(sub.oneTime) > 0)) {
            const errMsg = 'openapi.subscribeMessage.send:fail user refuse to accept the msg (43101)';
            throw Object.assign(new Error(errMsg), { errCode: 43101, errMsg });
          }
          const id = this.store.newId();
          this.store.commit([{ c: OUTBOX, id, doc: { ...msg, _id: id, sentAt: this.now() } }]);
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
      security: {
        msgSecCheck: async ({ content }: { content: string }) => {
          const hit = CONTENT_BLOCKLIST.find((w) => content.includes(w));
          return {
            errCode: 0,
            result: { suggest: hit ? 'risky' : 'pass', label: hit ? 20001 : 100 },
            detail: hit ? [{ keyword: hit }] : [],
          };
        },
      },
      wxacode: {
        getUnlimited: async ({ scene, page }: { scene: string; page?: string }) => {
          const url = `${this.opts.publicUrl()}/#/${page ?? 'pages/index/index'}?scene=${encodeURIComponent(scene)}`;
          return { contentType: 'image/png', buffer: await QRCode.toBuffer(url, { type: 'png', margin: 2, width: 430 }), errCode: 0 };
        },
      },
    };
  }

  outbox(): OutboxMessage[] {
    return this.store.find(OUTBOX, {}, { sort: { sentAt: 1 } }) as unknown as OutboxMessage[];
  }

  // ---- storage: cloud://local/<path> files under DATA_DIR/storage, owners in the store ----
  /** Signs temp URLs; per process, so links die with it as WeChat's expire. */
  private readonly urlKey = crypto.randomBytes(32);

  private get storageRoot(): string {
    return path.resolve(this.opts.dataDir, 'storage');
  }

  /** The cloud path of a fileID of this runtime (normalised), or a refusal. */
  cloudPathOf(fileID: string): string {
    const m = /^cloud:\/\/local\/(.+)$/.exec(fileID);
    if (!m) throw new StorageRefusal(400, 'INVALID_ARGUMENT', '不是有效的文件 ID');
    return normaliseCloudPath(m[1]);
  }

  private fullPath(cloudPath: string): string {
    return path.join(this.storageRoot, ...cloudPath.split('/'));
  }

  fileOwner(fileID: string): string | null {
    return (this.store.get(FILES, this.cloudPathOf(fileID)) as FileDoc | undefined)?.owner ?? null;
  }

  /**
   * Stores a file and returns its fileID. An upload from a person (`trusted: false`)
   * may create a file or replace one they uploaded themselves; replacing someone
   * else's is refused unless the bytes are the same (a retried or shared photo).
   * Photos and logos must be JPEG or PNG by their bytes, and are never replaced.
   */
  saveFile(rawPath: string, content: Buffer, who: { openid: string | undefined; trusted: boolean }): string {
    const cloudPath = normaliseCloudPath(rawPath);
    const fileID = `cloud://local/${cloudPath}`;
    if (IMAGE_PATH.test(cloudPath) && !imageType(content)) {
      throw new StorageRefusal(400, 'INVALID_ARGUMENT', '照片和标识只能是 JPEG 或 PNG 图片，请重新选择图片');
    }
    const full = this.fullPath(cloudPath);
    const meta = this.store.get(FILES, cloudPath) as FileDoc | undefined;
    const exists = fs.existsSync(full);
    if (!who.trusted && (meta || exists)) {
      if (exists && fs.readFileSync(full).equals(content)) return fileID;
      if (meta?.owner !== who.openid) throw new StorageRefusal(403, 'FORBIDDEN', '这个文件是别人上传的，不能覆盖；请换一个文件名再上传');
      // The server may already have checked these bytes (the logo, the fingerprint): they stay.
      if (IMAGE_PATH.test(cloudPath))
        throw new StorageRefusal(409, 'CONFLICT', '照片和标识上传后不能更改；如需换图，请重新拍摄或选择后上传');
    }
    // Write then rename, so a crash never leaves half a photo behind a fileID; the owner is
    // recorded before the rename, so a file is never readable without one.
    const tmp = `${full}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      if (this.opts.diskFullFlag && fs.existsSync(this.opts.diskFullFlag)) {
        fs.writeFileSync(tmp, '');
        throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
      }
      fs.writeFileSync(tmp, content);
      const doc: FileDoc = { _id: cloudPath, owner: meta?.owner ?? who.openid ?? null, bytes: content.length, uploadedAt: this.now() };
      this.store.commit([{ c: FILES, id: cloudPath, doc }]);
      fs.renameSync(tmp, full);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw asWriteError(e) ?? e;
    }
    return fileID;
  }

  /** The bytes of a stored file, for function code (no check: functions decide who may see what). */
  readFile(fileID: string): Buffer {
    return fs.readFileSync(this.fullPath(this.cloudPathOf(fileID)));
  }

  private deleteFile(fileID: string): void {
    const cloudPath = this.cloudPathOf(fileID);
    fs.rmSync(this.fullPath(cloudPath), { force: true });
    if (this.store.get(FILES, cloudPath)) this.store.commit([{ c: FILES, id: cloudPath, doc: null }]);
  }

  private signature(fileID: string, expires: string): string {
    // base64url, not hex: a long run of digits in a link would look like a phone number to the privacy checks.
    return crypto.createHmac('sha256', this.urlKey).update(`${fileID}\n${expires}`).digest('base64url');
  }

  /** What getTempFileURL returns: a link that reads one file, for a while, without any identity. */
  tempFileUrl(fileID: string, maxAgeSeconds?: number): string {
    const seconds = Math.min(Math.max(1, Math.floor(maxAgeSeconds ?? TEMP_URL_SECONDS)), MAX_TEMP_URL_SECONDS);
    // Wall-clock seconds, not the settable business clock: tests freeze that in 2023.
    const expires = String(Math.floor(Date.now() / 1000) + seconds);
    const q = new URLSearchParams({ fileID, expires, sign: this.signature(fileID, expires) });
    return `${this.opts.publicUrl()}/api/storage?${q.toString()}`;
  }

  /** Whether a GET may read the file: a valid unexpired temp link, or the uploader asking for their own file. */
  mayRead(fileID: string, q: URLSearchParams, openid: string | undefined): boolean {
    const expires = q.get('expires');
    const sign = q.get('sign');
    if (expires && sign) {
      const expected = Buffer.from(this.signature(fileID, expires));
      const given = Buffer.from(sign);
      return given.length === expected.length && crypto.timingSafeEqual(given, expected) && Number(expires) * 1000 > Date.now();
    }
    return openid !== undefined && this.fileOwner(fileID) === openid;
  }

  // ---- functions ----
  private loadFunctions(): void {
    if (!fs.existsSync(this.opts.functionsDir)) return;
    for (const name of fs.readdirSync(this.opts.functionsDir)) {
      const entry = path.join(this.opts.functionsDir, name, 'index.js');
      if (!fs.existsSync(entry)) continue;
      const mod = projectRequire(path.resolve(entry)) as { main: CloudMain };
      this.functions.set(name, mod.main);
      const configFile = path.join(this.opts.functionsDir, name, 'config.json');
      const config = fs.existsSync(configFile) ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as FunctionConfig) : {};
      const timer = config.triggers?.find((t) => t.type === 'timer');
      if (timer) this.timers.set(name, { cron: timer.config, next: nextFireTime(timer.config, this.now()) });
    }
  }

  functionNames(): string[] {
    return [...this.functions.keys()];
  }

  hasFunction(name: string): boolean {
    return this.functions.has(name);
  }

  /** Runs one function call as the given caller; reports the database round trips it took. */
  async invoke(name: string, event: Record<string, unknown>, openid?: string): Promise<{ envelope: Envelope; roundTrips: number }> {
    const main = this.functions.get(name);
    if (!main) return { envelope: { ok: false, error: { code: 'NOT_FOUND', message: `没有名为 ${name} 的云函数` } }, roundTrips: 0 };
    const inv: Invocation = { openid, roundTrips: 0 };
    const result = await this.invocation.run(inv, async (): Promise<Envelope> => {
      try {
        return await main(event, {});
      } catch (e) {
        // A function must never throw; if one does, the caller still gets the envelope.
        console.error(`[local-cloud] ${name} threw`, e);
        return { ok: false as const, error: { code: 'INTERNAL', message: '服务出错了，请稍后再试' } };
      }
    });
    // The function saw only a failed request; the caller should learn that the disk refused it.
    const envelope: Envelope =
      !result.ok && inv.writeRefused
        ? {
            ok: false,
            error: {
              code: 'INTERNAL',
              message: inv.writeRefused.message,
              details: { reason: inv.writeRefused.kind === 'full' ? 'STORAGE_FULL' : 'STORAGE_ERROR' },
            },
          }
        : result;
    return { envelope, roundTrips: inv.roundTrips };
  }

  /** Runs a timer-triggered function once, as the platform would (no caller identity). */
  trigger(name: string) {
    return this.invoke(name, { Type: 'Timer', TriggerName: 'daily', Time: this.now().toISOString() });
  }

  startScheduler(): void {
    this.scheduler = setInterval(() => {
      const now = this.now();
      for (const [name, t] of this.timers) {
        if (t.next && now >= t.next) {
          t.next = nextFireTime(t.cron, new Date(now.getTime() + 1000));
          void this.trigger(name);
        }
      }
    }, 1000);
    this.scheduler.unref();
  }

  close(): void {
    if (this.scheduler) clearInterval(this.scheduler);
    this.store.close();
  }
}

interface FunctionConfig {
  triggers?: Array<{ name: string; type: string; config: string }>;
}
