// The embedded, persistent document store behind the local cloud.
// Documents are served from memory (mingo evaluates queries and updates over
// them, the same Mongo semantics the cloud database's EJSON queries are written
// in) and persisted in SQLite (better-sqlite3, WAL mode). Each commit() is one
// SQLite transaction, and memory changes only after that transaction has
// committed: a write the disk refuses (full disk, I/O error) is refused to the
// caller and leaves memory exactly as the disk is. A damaged file is refused at
// open, with a copy kept, instead of being cut back to what still reads.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import { Query } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import type { UpdateExpression } from 'mingo/updater';

export type Doc = Record<string, unknown> & { _id: string };
type Filter = Record<string, unknown>;
export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
}
/** One change to one document; a commit holds the changes of one atomic step. */
export type Change = { c: string; id: string; doc: Doc | null };

export const DB_FILE = 'db.sqlite';
/** The log of the store before SQLite; migrated on first open, then kept as `db.jsonl.migrated`. */
export const LEGACY_LOG = 'db.jsonl';
/** Stale page images leave the WAL (and so the disk) at most this long after a write. */
const CHECKPOINT_DELAY_MS = 1000;
const CHECKPOINT_RETRY_MS = 5000;
const CHECKPOINT_AFTER_DOCS = 300;

export const DISK_FULL_MESSAGE = '服务器存储空间已满，这次操作没有保存；请稍后再试（已保存的内容不受影响），或联系部署人员清理磁盘';
const DISK_ERROR_MESSAGE = '服务器存储出错，这次操作没有保存；请稍后再试，或联系部署人员检查磁盘';

/** A write the disk refused: nothing of it was committed, in memory or on disk. */
export class StoreWriteError extends Error {
  constructor(
    readonly kind: 'full' | 'io',
    message: string,
    readonly causeCode?: string,
  ) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

/** The data directory cannot be opened safely; the message says what to do. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

export interface StoreOptions {
  /** `full` fsyncs every commit (survives power loss); `normal` (default) survives a process crash, as the log did. */
  sync?: 'normal' | 'full';
  /** Test hook where a small disk cannot be mounted: while this file exists, every write fails as on a full disk. */
  diskFullFlag?: string;
}

/** Maps a failed disk write (SQLite or fs) to the refusal the caller sees; anything else is a bug and stays as it is. */
export function asWriteError(e: unknown): StoreWriteError | undefined {
  if (e instanceof StoreWriteError) return e;
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new StoreWriteError('full', DISK_FULL_MESSAGE, code);
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN)/.test(code) || code === 'EIO' || code === 'EROFS')
    return new StoreWriteError('io', DISK_ERROR_MESSAGE, code);
  return undefined;
}

export class Store {
  private readonly collections = new Map<string, Map<string, Doc>>();
  /** Each stored document's text, computed once: reads send it as it is (documents are never changed in place). */
  private readonly texts = new WeakMap<Doc, string>();
  /** Equality indexes, built on first use of a field: coll -> field -> value -> ids. */
  private readonly indexes = new Map<string, Map<string, Map<unknown, Set<string>>>>();
  private readonly db: Database.Database;
  private readonly writeBatch: (changes: Change[], texts: Array<string | null>) => void;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private checkpointFailing = false;
  private docsSinceCheckpoint = 0;
  private closed = false;
  private idCounter = 0;
  /** Committed write batches since start: lets tests prove a refused call wrote nothing. */
  writeCount = 0;

  constructor(
    private readonly dir: string,
    private readonly opts: StoreOptions = {},
  ) {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, DB_FILE);
    const legacy = path.join(dir, LEGACY_LOG);
    if (!fs.existsSync(file) && fs.existsSync(legacy)) migrateLegacyLog(legacy, file, opts);
    this.db = openDatabase(file, opts, (c, id, doc) => this.applyInMemory({ c, id, doc }));
    if (fs.existsSync(legacy)) this.finishMigration(legacy);
    const upsert = this.db.prepare(
      'INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc',
    );
    const remove = this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?');
    this.writeBatch = this.db.transaction((changes: Change[], texts: Array<string | null>) => {
      changes.forEach((ch, i) => {
        const text = texts[i];
        if (text === null) remove.run(ch.c, ch.id);
        else upsert.run(ch.c, ch.id, text);
      });
      // Thrown inside the transaction, so SQLite rolls back as it does when the disk is really full.
      if (this.diskFullInjected()) throw Object.assign(new Error('database or disk is full (injected)'), { code: 'SQLITE_FULL' });
    });
  }

  /** A db.jsonl next to an existing db.sqlite: the rename after a migration was interrupted, or a stray file. */
  private finishMigration(legacy: string): void {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'migratedFromBytes'").get() as { value: string } | undefined;
    if (row && row.value === String(fs.statSync(legacy).size)) {
      fs.renameSync(legacy, freeName(`${legacy}.migrated`));
      return;
    }
    this.db.close();
    throw new StoreOpenError(
      `数据目录 ${this.dir} 里同时有 ${DB_FILE} 和 ${LEGACY_LOG}，且 ${LEGACY_LOG} 不是迁移过的那一份。为免混用两份数据，本地云不启动：` +
        `若要用 ${LEGACY_LOG} 的数据，请移走 ${DB_FILE}（及 -wal 文件）后重启以重新迁移；否则请移走 ${LEGACY_LOG}。`,
    );
  }

  private diskFullInjected(): boolean {
    return this.opts.diskFullFlag !== undefined && fs.existsSync(this.opts.diskFullFlag);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpoint();
    this.db.close();
  }

  /**
   * Copies the WAL into the database file and truncates the WAL, so page images
   * of overwritten or deleted documents do not outlive the write on disk
   * (secure_delete already zeroes them in the database file). Returns whether it completed.
   */
  checkpoint(): boolean {
    try {
      const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      this.checkpointFailing = false;
      this.docsSinceCheckpoint = 0;
      return r?.busy === 0;
    } catch (e) {
      const err = asWriteError(e);
      if (!err) throw e;
      // Committed data is safe in the WAL; say so once and try again later.
      if (!this.checkpointFailing) console.error(`[local-cloud] 写入检查点失败（${err.causeCode}），稍后重试；已保存的数据不受影响`);
      this.checkpointFailing = true;
      this.scheduleCheckpoint(CHECKPOINT_RETRY_MS);
      return false;
    }
  }

  private scheduleCheckpoint(delay = CHECKPOINT_DELAY_MS): void {
    if (this.checkpointTimer || this.closed) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (!this.closed) this.checkpoint();
    }, delay);
    this.checkpointTimer.unref();
  }

  newId(): string {
    this.idCounter = (this.idCounter + 1) % 0xffffff;
    return Date.now().toString(16) + this.idCounter.toString(16).padStart(6, '0') + Math.random().toString(16).slice(2, 8);
  }

  private coll(name: string): Map<string, Doc> {
    let c = this.collections.get(name);
    if (!c) {
      c = new Map();
      this.collections.set(name, c);
    }
    return c;
  }

  get(c: string, id: string): Doc | undefined {
    return this.collections.get(c)?.get(id);
  }

  /** A document as the SDK reads it (relaxed EJSON). */
  textOf(doc: Doc): string {
    let text = this.texts.get(doc);
    if (text === undefined) {
      text = encodeDoc(doc);
      this.texts.set(doc, text);
    }
    return text;
  }

  /**
   * Applies a batch of changes atomically: one SQLite transaction, then memory.
   * Throws StoreWriteError (and changes nothing) when the disk refuses it.
   */
  commit(changes: Change[]): void {
    if (changes.length === 0) return;
    if (this.closed) throw new StoreWriteError('io', DISK_ERROR_MESSAGE, 'CLOSED');
    const texts = changes.map((ch) => (ch.doc ? encodeDoc(ch.doc) : null));
    try {
      this.writeBatch(changes, texts);
    } catch (e) {
      throw asWriteError(e) ?? e;
    }
    this.writeCount += 1;
    this.docsSinceCheckpoint += changes.length;
    changes.forEach((ch, i) => {
      if (ch.doc) this.texts.set(ch.doc, texts[i]!);
      this.applyInMemory(ch);
    });
    // A checkpoint holds the whole process while it copies the WAL: a burst of writes is
    // checkpointed in short steps (~15 ms each) instead of one long pause (~200 ms) a second later.
    if (this.docsSinceCheckpoint >= CHECKPOINT_AFTER_DOCS && !this.checkpointFailing) this.checkpoint();
    else this.scheduleCheckpoint();
  }

  private applyInMemory({ c, id, doc }: Change): void {
    const coll = this.coll(c);
    const before = coll.get(id);
    if (before) this.unindex(c, before);
    if (doc) {
      coll.set(id, doc);
      this.index(c, doc);
    } else coll.delete(id);
  }

  find(c: string, filter: Filter, opts: FindOptions = {}, overlay?: Map<string, Doc | null>): Doc[] {
    let docs = this.candidates(c, filter, overlay);
    const query = compiledQuery(filter);
    const skip = opts.skip ?? 0;
    const end = opts.limit === undefined ? Infinity : skip + opts.limit;
    const sortKeys = Object.keys(opts.sort ?? {});
    if (sortKeys.length === 1 && sortKeys[0] === '_id') {
      // Paging by _id (findAll): order first, then test only until the page is full, so
      // reading a collection page by page tests each document about once, not once per page.
      const after = idLowerBound(filter);
      if (after !== undefined) docs = docs.filter((d) => d._id >= after);
      const dir = opts.sort!._id;
      const page: Doc[] = [];
      for (const d of docs.sort((a, b) => (a._id < b._id ? -dir : a._id > b._id ? dir : 0))) {
        if (page.length >= end) break;
        if (query.test(d)) page.push(d);
      }
      docs = page.slice(skip);
    } else {
      docs = docs.filter((d) => query.test(d));
      if (sortKeys.length) docs = sortDocs(docs, opts.sort!);
      docs = docs.slice(skip, end);
    }
    return opts.projection ? docs.map((d) => project(d, opts.projection!)) : docs;
  }

  /** The documents a filter could match, narrowed by an equality or $in index when it has one. */
  private candidates(c: string, filter: Filter, overlay?: Map<string, Doc | null>): Doc[] {
    const coll = this.coll(c);
    let base: Iterable<Doc> = coll.values();
    const conditions = indexableConditions(filter);
    if (conditions.length) {
      // Narrow by the most selective indexed condition (the fewest matching ids), sized before
      // any id is copied: "status: confirmed" over 100,000 sign-ups must not be copied per query.
      const idSets = ({ field, values }: { field: string; values: unknown[] }): Array<Iterable<string> & { size: number }> =>
        field === '_id' ? [new Set(values.map(String))] : values.map((v) => this.fieldIndex(c, field).get(v) ?? new Set<string>());
      const sized = conditions.map((cond) => {
        const sets = idSets(cond);
        return { sets, size: sets.reduce((n, set) => n + set.size, 0) };
      });
      const best = sized.reduce((a, b) => (b.size < a.size ? b : a));
      const ids = new Set<string>();
      for (const set of best.sets) for (const id of set) ids.add(id);
      base = [...ids].map((id) => coll.get(id)).filter((d): d is Doc => d !== undefined);
    }
    if (!overlay || overlay.size === 0) return [...base];
    const out = new Map<string, Doc>();
    for (const d of base) out.set(d._id, d);
    for (const [id, d] of overlay) {
      if (d) out.set(id, d);
      else out.delete(id);
    }
    return [...out.values()];
  }

  private fieldIndex(c: string, field: string): Map<unknown, Set<string>> {
    let byField = this.indexes.get(c);
    if (!byField) {
      byField = new Map();
      this.indexes.set(c, byField);
    }
    let idx = byField.get(field);
    if (!idx) {
      idx = new Map();
      byField.set(field, idx);
      for (const d of this.coll(c).values()) addToIndex(idx, d, field);
    }
    return idx;
  }

  private index(c: string, doc: Doc): void {
    for (const [field, idx] of this.indexes.get(c) ?? []) addToIndex(idx, doc, field);
  }

  private unindex(c: string, doc: Doc): void {
    for (const [field, idx] of this.indexes.get(c) ?? []) {
      for (const v of indexValues(doc[field])) idx.get(v)?.delete(doc._id);
    }
  }

  count(c: string, filter: Filter, overlay?: Map<string, Doc | null>): number {
    const query = compiledQuery(filter);
    return this.candidates(c, filter, overlay).filter((d) => query.test(d)).length;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }
}

// Compiling a mingo query costs more than testing a handful of documents with it.
// Most filters are plain equalities ({_id}, {openid}, {eventId, status}): those are
// tested directly; others are compiled once, as the same ones come again and again.
interface DocTest {
  test(doc: Doc): boolean;
}
const compiledQueries = new Map<string, DocTest>();
const MAX_COMPILED_QUERIES = 1000;

function compiledQuery(filter: Filter): DocTest {
  const equalities = plainEqualities(filter);
  if (equalities) return { test: (doc) => equalities.every(([field, value]) => matchesScalar(doc[field], value)) };
  const key = JSON.stringify(filter, function (this: Record<string, unknown>, k: string, value: unknown) {
    const raw = this[k];
    // Dates and regular expressions would otherwise key as a string and as {}.
    if (raw instanceof Date) return { '\u0000date': raw.getTime() };
    if (raw instanceof RegExp) return { '\u0000regexp': String(raw) };
    return value;
  });
  let query = compiledQueries.get(key);
  if (!query) {
    if (compiledQueries.size >= MAX_COMPILED_QUERIES) compiledQueries.clear();
    query = new Query(filter);
    compiledQueries.set(key, query);
  }
  return query;
}

/** The filter's conditions when each is a top-level field equal to a string, number or boolean; else null. */
function plainEqualities(filter: Filter): Array<[string, string | number | boolean]> | null {
  const out: Array<[string, string | number | boolean]> = [];
  for (const [field, value] of Object.entries(filter)) {
    if (field.startsWith('$') || field.includes('.') || !isScalar(value)) return null;
    out.push([field, value]);
  }
  return out;
}

/** Mongo equality on a scalar: the field equals it, or is an array holding it. */
function matchesScalar(fieldValue: unknown, value: string | number | boolean): boolean {
  return fieldValue === value || (Array.isArray(fieldValue) && fieldValue.includes(value));
}

function indexValues(v: unknown): unknown[] {
  if (Array.isArray(v)) return v.filter(isScalar);
  return isScalar(v) ? [v] : [];
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function addToIndex(idx: Map<unknown, Set<string>>, doc: Doc, field: string): void {
  for (const v of indexValues(doc[field])) {
    let ids = idx.get(v);
    if (!ids) {
      ids = new Set();
      idx.set(v, ids);
    }
    ids.add(doc._id);
  }
}

/** Top-level fields compared for equality with a scalar, or with $in of scalars: usable to narrow by index. */
function indexableConditions(filter: Filter): Array<{ field: string; values: unknown[] }> {
  const found: Array<{ field: string; values: unknown[] }> = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (isScalar(v)) found.push({ field: k, values: [v] });
    else if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1) {
      const list = (v as Record<string, unknown>).$in;
      if (Array.isArray(list) && list.every(isScalar)) found.push({ field: k, values: list });
    }
  }
  return found;
}

/** The least _id a filter allows (`_id: {$gt|$gte: x}` at its top or in its top-level $and), for narrowing before testing. */
function idLowerBound(filter: Filter): string | undefined {
  const parts = Array.isArray(filter.$and) ? [filter, ...(filter.$and as Filter[])] : [filter];
  let bound: string | undefined;
  for (const part of parts) {
    const cond = part?._id as Record<string, unknown> | undefined;
    for (const op of ['$gt', '$gte']) {
      const v = cond && typeof cond === 'object' ? cond[op] : undefined;
      if (typeof v === 'string' && (bound === undefined || v > bound)) bound = v;
    }
  }
  return bound;
}

function sortDocs(docs: Doc[], sort: Record<string, 1 | -1>): Doc[] {
  const keys = Object.entries(sort);
  return [...docs].sort((a, b) => {
    for (const [k, dir] of keys) {
      const c = compareValues(getPath(a, k), getPath(b, k));
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

export function getPath(doc: unknown, p: string): unknown {
  let cur: unknown = doc;
  for (const part of p.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function project(doc: Doc, projection: Record<string, 0 | 1>): Doc {
  const include = Object.entries(projection)
    .filter(([, v]) => v)
    .map(([k]) => k);
  if (include.length) {
    const out: Doc = { _id: doc._id };
    for (const k of include) {
      const v = getPath(doc, k);
      if (v !== undefined) setPath(out, k, v);
    }
    return out;
  }
  const out = structuredClone(doc);
  for (const [k] of Object.entries(projection)) delete (out as Record<string, unknown>)[k];
  return out;
}

function setPath(doc: Record<string, unknown>, p: string, v: unknown): void {
  const parts = p.split('.');
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    if (typeof cur[part] !== 'object' || cur[part] === null) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = v;
}

/** Applies a Mongo update document ($set, $inc, $push…) to a copy of doc. */
export function updatedCopy(doc: Doc, updateDoc: Record<string, unknown>): Doc {
  const copy = structuredClone(doc);
  for (const [op, expr] of Object.entries(updateDoc)) {
    applyUpdate(copy, { [op]: expr } as UpdateExpression);
  }
  return copy;
}

// ---- the stored form of a document ----
// Relaxed EJSON (dates as {"$date": ISO}), what the SDK itself speaks. Documents of
// plain JSON values and dates, which is all the functions write, take a fast path
// through JSON (EJSON's per-value work made opening 100,000 sign-ups several times
// slower); anything else goes through EJSON, so every value still round-trips.

class NeedsEjson extends Error {}

export function encodeDoc(doc: Doc): string {
  try {
    return JSON.stringify(doc, function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      if (raw instanceof Date) {
        if (Number.isNaN(raw.getTime())) throw new NeedsEjson();
        return { $date: raw.toISOString() };
      }
      if (typeof raw === 'number' && !Number.isFinite(raw)) throw new NeedsEjson();
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        const proto = Object.getPrototypeOf(raw) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new NeedsEjson();
        for (const k of Object.keys(raw)) if (k.startsWith('$')) throw new NeedsEjson();
      }
      return value;
    });
  } catch (e) {
    if (e instanceof NeedsEjson) return EJSON.stringify(doc, { relaxed: true });
    throw e;
  }
}

export function decodeDoc(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  try {
    return reviveDates(value);
  } catch (e) {
    if (e instanceof NeedsEjson) return EJSON.parse(text, { relaxed: true });
    throw e;
  }
}

function reviveDates(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = reviveDates(v[i]);
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (k.startsWith('$')) {
      if (k === '$date' && typeof o.$date === 'string' && Object.keys(o).length === 1) return new Date(o.$date);
      throw new NeedsEjson();
    }
    o[k] = reviveDates(o[k]);
  }
  return o;
}

// ---- opening, damage, migration ----

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function configure(db: Database.Database, opts: StoreOptions): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.sync === 'full' ? 'FULL' : 'NORMAL'}`);
  // Deleted and overwritten content is zeroed in the file, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  // Checkpoints are ours (Store.checkpoint): SQLite's automatic one runs inside COMMIT and,
  // failing on a full disk, would report an already committed transaction as failed.
  db.pragma('wal_autocheckpoint = 0');
  db.exec(
    'CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (coll, id));' +
      'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
  );
}

/** Opens (or creates) the database and hands every stored document to `load`; refuses a damaged file. */
function openDatabase(file: string, opts: StoreOptions, load: (c: string, id: string, doc: Doc) => void): Database.Database {
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) {
    const head = Buffer.alloc(16);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
    if (!head.equals(SQLITE_MAGIC)) throw refuseDamaged(file, undefined, '文件开头不是 SQLite 数据库的标识');
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    if (existed) {
      // Before anything writes to it: a damaged file must be kept exactly as found.
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new DamagedError(String(check));
    }
    configure(db, opts);
    const rows = db.prepare('SELECT coll, id, doc FROM docs').raw(true).iterate() as IterableIterator<[string, string, string]>;
    for (const [c, id, text] of rows) load(c, id, parseStoredDoc(text, `${DB_FILE} 中 ${c}/${id}`, id));
    return db;
  } catch (e) {
    if (e instanceof DamagedError || isCorruption(e)) throw refuseDamaged(file, db, e instanceof Error ? e.message : String(e));
    db?.close();
    throw e;
  }
}

class DamagedError extends Error {}

function isCorruption(e: unknown): boolean {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** Keeps a byte-for-byte copy of the damaged files (the database and its WAL) and says what to do. */
function refuseDamaged(file: string, db: Database.Database | undefined, reason: string): StoreOpenError {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const copy = freeName(`${file}.damaged-${stamp}`);
  // Copied before close(): closing may checkpoint the WAL into the file.
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  try {
    db?.close();
  } catch {
    // The copy is what matters; the handle of a damaged file may not close cleanly.
  }
  return new StoreOpenError(
    `数据库文件 ${file} 已损坏（${reason}），本地云拒绝启动，以免在损坏的数据上继续写入。` +
      `已原样保留一份副本：${copy}。请从备份恢复该文件；或把它移走后重新启动（将从空库开始）。`,
  );
}

/** A stored document: an object whose _id is the row's id; anything else is refused with where it is. */
function parseStoredDoc(text: string, where: string, id: string): Doc {
  let doc: unknown;
  try {
    doc = decodeDoc(text);
  } catch (e) {
    throw new DamagedError(`${where} 不是有效的 EJSON：${(e as Error).message}`);
  }
  if (!isPlainDoc(doc) || doc._id !== id) throw new DamagedError(`${where} 的内容不是 _id 为 ${id} 的文档`);
  return doc;
}

function isPlainDoc(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { _id?: unknown })._id === 'string';
}

/** `name`, or `name.1`, `name.2`… if taken: a kept copy never overwrites an earlier one. */
function freeName(name: string): string {
  let n = 0;
  let candidate = name;
  while (fs.existsSync(candidate)) candidate = `${name}.${++n}`;
  return candidate;
}

/**
 * Moves the data of the old append-only log into a new database: every complete
 * line is replayed in order, the result written in one transaction to a side
 * file that is renamed into place only when complete, and the log is kept as
 * `db.jsonl.migrated`. A damaged or malformed line in the middle refuses the
 * migration and changes nothing; an unfinished last line (a torn write that was
 * never complete) is left out, and said so.
 */
function migrateLegacyLog(legacy: string, file: string, opts: StoreOptions): void {
  const text = fs.readFileSync(legacy, 'utf8');
  const bytes = fs.statSync(legacy).size;
  const docs = new Map<string, Map<string, Doc>>();
  const lines = text.split('\n');
  let migrated = 0;
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const last = i === lines.length - 1; // no "\n" after it
    let changes: unknown;
    try {
      changes = EJSON.parse(line, { relaxed: true });
    } catch (e) {
      if (last) {
        console.error(
          `[local-cloud] ${LEGACY_LOG} 最后一行没有写完整（${Buffer.byteLength(line)} 字节），未迁移；原文件将保留为 ${LEGACY_LOG}.migrated`,
        );
        break;
      }
      throw new StoreOpenError(
        `${legacy} 第 ${i + 1} 行已损坏（${(e as Error).message}），无法迁移到 ${DB_FILE}。未做任何改动；请修复或删除这一行后重新启动。`,
      );
    }
    const shapeError = (what: string) =>
      new StoreOpenError(
        `${legacy} 第 ${i + 1} 行格式不对（${what}），无法迁移到 ${DB_FILE}。未做任何改动；请修复或删除这一行后重新启动。`,
      );
    if (!Array.isArray(changes)) throw shapeError('应为变更列表');
    for (const ch of changes as unknown[]) {
      const { c, id, doc } = (ch ?? {}) as { c?: unknown; id?: unknown; doc?: unknown };
      if (typeof c !== 'string' || !c || typeof id !== 'string' || !id) throw shapeError('变更缺少集合名或 id');
      if (doc !== null && (!isPlainDoc(doc) || doc._id !== id)) throw shapeError(`${c}/${id} 的内容不是 _id 为 ${id} 的文档`);
      let coll = docs.get(c);
      if (!coll) docs.set(c, (coll = new Map()));
      if (doc) coll.set(id, doc);
      else coll.delete(id);
    }
    migrated += 1;
  }

  const side = `${file}.migrating`;
  for (const f of [side, `${side}-wal`, `${side}-shm`]) fs.rmSync(f, { force: true });
  const db = new Database(side);
  try {
    configure(db, opts);
    const insert = db.prepare('INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?)');
    const meta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (const [c, coll] of docs) for (const [id, doc] of coll) insert.run(c, id, encodeDoc(doc));
      meta.run('migratedFromBytes', String(bytes));
      meta.run('migratedAt', new Date().toISOString());
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (e) {
    db.close();
    for (const f of [side, `${side}-wal`, `${side}-shm`]) fs.rmSync(f, { force: true });
    const err = asWriteError(e);
    throw err ? new StoreOpenError(`迁移 ${LEGACY_LOG} 时写入失败：${err.message}。${LEGACY_LOG} 未做任何改动。`) : e;
  }
  db.close();
  fs.renameSync(side, file);
  fs.renameSync(legacy, freeName(`${legacy}.migrated`));
  const live = [...docs.values()].reduce((n, m) => n + m.size, 0);
  console.error(
    `[local-cloud] 已把 ${LEGACY_LOG}（${migrated} 行）迁移到 ${DB_FILE}（${live} 个文档）；旧日志保留为 ${LEGACY_LOG}.migrated。` +
      '核对无误后请删除它：其中仍有迁移前的全部历史，包括已删除的个人信息。',
  );
}
