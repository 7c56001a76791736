// The one place functions touch wx-server-sdk. throwOnNotFound is off so a missing
// document is `data: null`, which handlers turn into NOT_FOUND themselves.
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, throwOnNotFound: false } as Parameters<typeof cloud.init>[0]);

export { cloud };
export const db = cloud.database();
export const _ = db.command;

/** The caller's openid, from the platform only; a payload never says who the caller is. */
export function callerOpenid(): string | undefined {
  const ctx = cloud.getWXContext() as { OPENID?: string };
  return ctx.OPENID || undefined;
}

/** The transaction operations we use (wx-server-sdk types the transaction loosely). */
export interface TxDoc {
  get(): Promise<{ data: unknown }>;
  set(arg: { data: object }): Promise<unknown>;
  update(arg: { data: object }): Promise<unknown>;
  remove(): Promise<unknown>;
}
export interface Tx {
  collection(name: string): { doc(id: string): TxDoc; add(arg: { data: object }): Promise<unknown> };
}

/** One document read inside a transaction; null when missing. */
export async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  return ((await tx.collection(collection).doc(id).get()).data as T | null) ?? null;
}

/** db.runTransaction, typed: everything inside commits together or not at all. */
export function runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.runTransaction(fn as never) as Promise<T>;
}
