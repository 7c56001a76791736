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
import { Store } from './store';
import { nextFireTime } from './cron';
import { CONTENT_BLOCKLIST } from './content-words';

export interface RuntimeOptions {
  dataDir: string;
  functionsDir: string;
  /** Base URL the app reaches this runtime at, for temp file URLs and QR codes. */
  publicUrl: () => string;
  now?: string;
}

interface Invocation {
  openid?: string;
  roundTrips: number;
}

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };
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
    this.store = new Store(opts.dataDir);
    this.db = new LocalDatabase(this.store, () => this.now(), () => this.countRoundTrip());
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
    cloud.uploadFile = async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => ({
      fileID: this.saveFile(cloudPath, fileContent),
    });
    cloud.downloadFile = async ({ fileID }: { fileID: string }) => ({ fileContent: this.readFile(fileID) });
    cloud.getTempFileURL = async ({ fileList }: { fileList: Array<string | { fileID: string }> }) => ({
      fileList: fileList.map((f) => {
        const fileID = typeof f === 'string' ? f : f.fileID;
        return { fileID, tempFileURL: `${this.opts.publicUrl()}/api/storage?fileID=${encodeURIComponent(fileID)}`, status: 0, errMsg: 'ok' };
      }),
    });
    cloud.deleteFile = async ({ fileList }: { fileList: string[] }) => ({
      fileList: fileList.map((fileID) => {
        fs.rmSync(this.filePath(fileID), { force: true });
        return { fileID, status: 0 };
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
          const longTerm = (process.env.LONG_TERM_TEMPLATES ?? '').split(',').map((t) => t.trim()).includes(msg.templateId);
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
          return { errCode: 0, result: { suggest: hit ? 'risky' : 'pass', label: hit ? 20001 : 100 }, detail: hit ? [{ keyword: hit }] : [] };
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

  // ---- storage: cloud://local/<path> files under DATA_DIR/storage ----
  private filePath(fileID: string): string {
    const m = /^cloud:\/\/local\/(.+)$/.exec(fileID);
    if (!m) throw new Error('不是有效的文件 ID');
    return this.safeStoragePath(m[1]);
  }

  private safeStoragePath(cloudPath: string): string {
    const root = path.resolve(this.opts.dataDir, 'storage');
    const full = path.resolve(root, cloudPath.replace(/^\/+/, ''));
    if (!full.startsWith(root + path.sep) || cloudPath.length > 300) throw new Error('文件路径不合法');
    return full;
  }

  saveFile(cloudPath: string, content: Buffer): string {
    const full = this.safeStoragePath(cloudPath);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    // Write then rename, so a crash never leaves half a photo behind a fileID.
    const tmp = `${full}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, full);
    return `cloud://local/${path.relative(path.resolve(this.opts.dataDir, 'storage'), full).split(path.sep).join('/')}`;
  }

  readFile(fileID: string): Buffer {
    return fs.readFileSync(this.filePath(fileID));
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
    const envelope = await this.invocation.run(inv, async () => {
      try {
        return await main(event, {});
      } catch (e) {
        // A function must never throw; if one does, the caller still gets the envelope.
        console.error(`[local-cloud] ${name} threw`, e);
        return { ok: false as const, error: { code: 'INTERNAL', message: '服务出错了，请稍后再试' } };
      }
    });
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
