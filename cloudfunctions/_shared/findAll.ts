import { db, _ } from './cloud';

/**
 * Every document matching `where`, 1000 per round trip (the server's cap), paged
 * by _id so a later page costs no more than the first (no skip).
 */
export async function findAll<T extends { _id: string }>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  let after = '';
  for (;;) {
    const q = after ? _.and([where, { _id: _.gt(after) }]) : where;
    const { data } = (await db.collection(collection).where(q).orderBy('_id', 'asc').limit(1000).get()) as unknown as { data: T[] };
    out.push(...data);
    if (data.length < 1000) return out;
    after = data[data.length - 1]._id;
  }
}
