// The embedded, persistent document store behind the local cloud.
// Documents live in memory; every acknowledged write is first appended to one
// log file with a synchronous write, so a SIGKILL right after the ack loses
// nothing (the bytes are in the kernel). A torn last line is dropped on open.
// Queries and updates are evaluated by mingo, the same Mongo semantics that the
// cloud database's EJSON queries are written in.
import fs from 'node:fs';
import path from 'node:path';
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
/** One change to one document; a log line holds the changes of one atomic step. */
export type Change = { c: string; id: string; doc: Doc | null };

const LOG_FILE = 'db.jsonl';

export class Store {
  private readonly collections = new Map<string, Map<string, Doc>>();
  /** Equality indexes, built on first use of a field: coll -> field -> value -> ids. */
  private readonly indexes = new Map<string, Map<string, Map<unknown, Set<string>>>>();
  private fd: number;
  private idCounter = 0;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, LOG_FILE);
    this.load(file);
    this.fd = fs.openSync(file, 'a');
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private load(file: string): void {
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    const total = Buffer.byteLength(text);
    let goodBytes = 0;
    let lines = 0;
    for (const line of text.split('\n')) {
      // Only a line ended by "\n" was fully written; anything after is a torn write.
      if (goodBytes + Buffer.byteLength(line) + 1 > total) break;
      let changes: Change[];
      try {
        changes = EJSON.parse(line, { relaxed: true }) as Change[];
      } catch {
        break;
      }
      for (const ch of changes) this.applyInMemory(ch);
      goodBytes += Buffer.byteLength(line) + 1;
      lines += 1;
    }
    if (goodBytes < total) fs.truncateSync(file, goodBytes);
    const live = [...this.collections.values()].reduce((n, m) => n + m.size, 0);
    if (lines > 1000 && lines > live * 3) this.compact(file);
  }

  /** Rewrites the log as one put per live document, atomically by rename. */
  private compact(file: string): void {
    const tmp = `${file}.compact`;
    const out = fs.openSync(tmp, 'w');
    for (const [c, docs] of this.collections) {
      const batch: Change[] = [];
      for (const doc of docs.values()) {
        batch.push({ c, id: doc._id, doc });
        if (batch.length === 500) fs.writeSync(out, EJSON.stringify(batch.splice(0), { relaxed: false }) + '\n');
      }
      if (batch.length) fs.writeSync(out, EJSON.stringify(batch, { relaxed: false }) + '\n');
    }
    fs.fsyncSync(out);
    fs.closeSync(out);
    fs.renameSync(tmp, file);
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

  /** Applies a batch of changes atomically: one log line, then memory. */
  /** Committed write batches since start: lets tests prove a refused call wrote nothing. */
  writeCount = 0;

  commit(changes: Change[]): void {
    if (changes.length === 0) return;
    this.writeCount += 1;
    fs.writeSync(this.fd, EJSON.stringify(changes, { relaxed: false }) + '\n');
    for (const ch of changes) this.applyInMemory(ch);
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
    const query = new Query(filter);
    docs = docs.filter((d) => query.test(d));
    if (opts.sort && Object.keys(opts.sort).length) docs = sortDocs(docs, opts.sort);
    const skip = opts.skip ?? 0;
    docs = docs.slice(skip, opts.limit === undefined ? undefined : skip + opts.limit);
    return opts.projection ? docs.map((d) => project(d, opts.projection!)) : docs;
  }

  /** The documents a filter could match, narrowed by an equality or $in index when it has one. */
  private candidates(c: string, filter: Filter, overlay?: Map<string, Doc | null>): Doc[] {
    const coll = this.coll(c);
    let base: Iterable<Doc> = coll.values();
    const conditions = indexableConditions(filter);
    if (conditions.length) {
      // Narrow by the most selective indexed condition (the fewest matching ids).
      const idsOf = ({ field, values }: { field: string; values: unknown[] }): Set<string> => {
        const ids = new Set<string>();
        if (field === '_id') for (const v of values) ids.add(String(v));
        else {
          const idx = this.fieldIndex(c, field);
          for (const v of values) for (const id of idx.get(v) ?? []) ids.add(id);
        }
        return ids;
      };
      const best = conditions.map(idsOf).reduce((a, b) => (b.size < a.size ? b : a));
      base = [...best].map((id) => coll.get(id)).filter((d): d is Doc => d !== undefined);
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
    const query = new Query(filter);
    return this.candidates(c, filter, overlay).filter((d) => query.test(d)).length;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }
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
  const include = Object.entries(projection).filter(([, v]) => v).map(([k]) => k);
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
