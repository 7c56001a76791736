// Executes the requests that @cloudbase/database (inside wx-server-sdk) sends to
// the cloud: the same EJSON queries and update documents production builds,
// evaluated against the embedded Store. Installed as Db.reqClass.
import { BSONRegExp, EJSON } from 'bson';
import { Store, StoreWriteError, updatedCopy } from './store';
import type { Change, Doc, FindOptions } from './store';

type Params = Record<string, unknown>;
type Reply = { requestId: string; data?: unknown; code?: string; message?: string; transactionId?: string };

/** Server-side limits of the cloud database, mirrored so code that works here works there. */
export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;
const TRANSACTION_TIMEOUT_MS = 10_000;

interface Transaction {
  id: string;
  overlay: Map<string, Map<string, Doc | null>>;
  release: () => void;
  timer: NodeJS.Timeout;
}

/** A FIFO lock: writers and transactions take turns, so a transaction's reads stay true until it commits. */
class WriteLock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

export class LocalDatabase {
  private readonly lock = new WriteLock();
  private readonly transactions = new Map<string, Transaction>();
  private txCounter = 0;

  constructor(
    readonly store: Store,
    private readonly now: () => Date,
    private readonly onRoundTrip: () => void,
    /** Told when the disk refused a write, so the caller's envelope can say so (the SDK reduces it to an error string). */
    private readonly onWriteRefused: (e: StoreWriteError) => void = () => undefined,
    private readonly latencyMs = 0,
  ) {}

  async send(action: string, params: Params = {}): Promise<Reply> {
    this.onRoundTrip();
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const requestId = `local-${Date.now()}`;
    try {
      const data = await this.dispatch(action, params);
      if (action === 'database.startTransaction') return { requestId, transactionId: data as string };
      return { requestId, data };
    } catch (e) {
      if (e instanceof StoreWriteError) {
        this.onWriteRefused(e);
        return { requestId, code: e.kind === 'full' ? 'DATABASE_STORAGE_FULL' : 'DATABASE_WRITE_FAILED', message: e.message };
      }
      const err = e instanceof DbError ? e : new DbError('DATABASE_REQUEST_FAILED', String((e as Error).message ?? e));
      return { requestId, code: err.code, message: err.message };
    }
  }

  private async dispatch(action: string, p: Params): Promise<unknown> {
    const tx = p.transactionId ? this.transaction(String(p.transactionId)) : undefined;
    const c = String(p.collectionName ?? '');
    switch (action) {
      case 'database.startTransaction':
        return this.startTransaction();
      case 'database.commitTransaction':
        return this.endTransaction(this.transaction(String(p.transactionId)), true);
      case 'database.abortTransaction':
        return this.endTransaction(this.transaction(String(p.transactionId)), false);
      case 'database.getDocument':
        return { list: this.read(c, p, tx).map((d) => this.store.textOf(d)) };
      case 'database.calculateDocument':
        return { total: this.store.count(c, this.decodeQuery(p.query), tx?.overlay.get(c)) };
      case 'database.insertDocument':
        return this.write(tx, () => this.insert(c, p, tx));
      case 'database.modifyDocument':
        return this.write(tx, () => this.modify(c, p, tx));
      case 'database.removeDocument':
        return this.write(tx, () => this.remove(c, p, tx));
      case 'database.addCollection':
        return {};
      default:
        throw new DbError('DATABASE_REQUEST_FAILED', `local cloud does not support ${action}`);
    }
  }

  private transaction(id: string): Transaction {
    const tx = this.transactions.get(id);
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} is not active (committed, aborted or timed out)`);
    return tx;
  }

  private async startTransaction(): Promise<string> {
    const release = await this.lock.acquire();
    const id = `tx-${++this.txCounter}`;
    // A transaction left open (a crashed handler) must not block every writer forever.
    const timer = setTimeout(() => this.endTransaction(this.transactions.get(id), false), TRANSACTION_TIMEOUT_MS);
    timer.unref();
    this.transactions.set(id, { id, overlay: new Map(), release, timer });
    return id;
  }

  private endTransaction(tx: Transaction | undefined, commit: boolean): Record<string, never> {
    if (!tx) return {};
    this.transactions.delete(tx.id);
    clearTimeout(tx.timer);
    try {
      if (commit) {
        const changes: Change[] = [];
        for (const [c, docs] of tx.overlay) for (const [id, doc] of docs) changes.push({ c, id, doc });
        this.store.commit(changes);
      }
    } finally {
      tx.release();
    }
    return {};
  }

  /** Outside a transaction a write waits its turn; inside, the transaction already holds the lock. */
  private async write<T>(tx: Transaction | undefined, fn: () => T): Promise<T> {
    if (tx) return fn();
    const release = await this.lock.acquire();
    try {
      return fn();
    } finally {
      release();
    }
  }

  private read(c: string, p: Params, tx: Transaction | undefined): Doc[] {
    if (tx && p.queryType === 'WHERE')
      throw new DbError('DATABASE_TRANSACTION_FAIL', 'transactions support single-document reads (doc) only');
    const opts: FindOptions = {
      skip: Number(p.offset ?? 0),
      limit: Math.min(Number(p.limit ?? DEFAULT_GET_LIMIT), MAX_GET_LIMIT),
    };
    if (p.order) opts.sort = this.decode(EJSON.parse(String(p.order), { relaxed: true })) as Record<string, 1 | -1>;
    if (p.projection) opts.projection = this.decode(EJSON.parse(String(p.projection), { relaxed: true })) as Record<string, 0 | 1>;
    return this.store.find(c, this.decodeQuery(p.query), opts, tx?.overlay.get(c));
  }

  private stage(tx: Transaction | undefined, c: string, id: string, doc: Doc | null, changes: Change[]): void {
    if (tx) {
      let docs = tx.overlay.get(c);
      if (!docs) tx.overlay.set(c, (docs = new Map()));
      docs.set(id, doc);
    } else changes.push({ c, id, doc });
  }

  private current(tx: Transaction | undefined, c: string, id: string): Doc | undefined {
    const staged = tx?.overlay.get(c);
    if (staged?.has(id)) return staged.get(id) ?? undefined;
    return this.store.get(c, id);
  }

  private insert(c: string, p: Params, tx: Transaction | undefined) {
    const changes: Change[] = [];
    const insertedIds: string[] = [];
    for (const raw of p.data as string[]) {
      const doc = this.decode(EJSON.parse(raw, { relaxed: true })) as Doc;
      doc._id = doc._id ? String(doc._id) : this.store.newId();
      if (this.current(tx, c, doc._id) || changes.some((ch) => ch.c === c && ch.id === doc._id)) {
        throw new DbError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${doc._id} in ${c}`);
      }
      this.stage(tx, c, doc._id, doc, changes);
      insertedIds.push(doc._id);
    }
    this.store.commit(changes);
    return { insertedIds };
  }

  private modify(c: string, p: Params, tx: Transaction | undefined) {
    const query = this.decodeQuery(p.query);
    const data = this.decode(EJSON.parse(String(p.data), { relaxed: true })) as Record<string, unknown>;
    const isOperatorUpdate = Object.keys(data).some((k) => k.startsWith('$'));
    const targets = p.multi ? this.matching(c, query, tx) : this.matching(c, query, tx).slice(0, 1);
    const changes: Change[] = [];
    for (const doc of targets) {
      const next = isOperatorUpdate && p.merge !== false ? updatedCopy(doc, data) : { ...(data as object), _id: doc._id };
      this.stage(tx, c, doc._id, next as Doc, changes);
    }
    let upsertId: string | undefined;
    if (targets.length === 0 && p.upsert) {
      upsertId = typeof query._id === 'string' ? query._id : this.store.newId();
      const base = isOperatorUpdate ? updatedCopy({ _id: upsertId }, data) : { ...data, _id: upsertId };
      this.stage(tx, c, upsertId, base as Doc, changes);
    }
    this.store.commit(changes);
    return { updated: targets.length, upsert_id: upsertId };
  }

  private remove(c: string, p: Params, tx: Transaction | undefined) {
    const query = this.decodeQuery(p.query);
    const targets = p.multi ? this.matching(c, query, tx) : this.matching(c, query, tx).slice(0, 1);
    const changes: Change[] = [];
    for (const doc of targets) this.stage(tx, c, doc._id, null, changes);
    this.store.commit(changes);
    return { deleted: targets.length };
  }

  private matching(c: string, query: Record<string, unknown>, tx: Transaction | undefined): Doc[] {
    return this.store.find(c, query, {}, tx?.overlay.get(c));
  }

  private decodeQuery(q: unknown): Record<string, unknown> {
    if (!q) return {};
    return this.decode(EJSON.parse(String(q), { relaxed: true })) as Record<string, unknown>;
  }

  /** EJSON values to what mingo evaluates: BSON regexps to RegExp, server dates to the clock. */
  private decode(v: unknown): unknown {
    if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''));
    if (Array.isArray(v)) return v.map((x) => this.decode(x));
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const o = v as Record<string, unknown>;
      if ('$tcb_server_date' in o) {
        const offset = Number((o.$tcb_server_date as { offset?: number })?.offset ?? 0);
        return new Date(this.now().getTime() + offset);
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = this.decode(x);
      return out;
    }
    return v;
  }
}

class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
