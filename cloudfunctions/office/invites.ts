// Batch invitations: one code per unit for many units at once (an office may have
// fifty units to invite after importing the plan table), all written or none.
import { BusinessError } from '../../src/domain/errors';
import { runTransaction } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere } from '../_shared/data';
import type { UnitDoc } from '../_shared/data';
import { requireOffice } from '../_shared/auth';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { unitInvite } from './units';

/** Enough for the largest plan tables (about 60 units) with room to spare; one transaction stays small. */
export const MAX_BATCH_INVITES = 200;
const UNIT_ID = /^u_[0-9a-f]{16}$/; // stableId("u", …) in plan.ts

export const inviteMany = action(contract.office.inviteMany, async ({ jurisdictionId, units: wanted }, caller) => {
  const office = await requireOffice(caller, jurisdictionId);
  const entries = checkedEntries(wanted);
  const known = await findWhere<UnitDoc>(C.units, { jurisdictionId });
  const { units, merged } = resolveUnits(entries, known);
  const now = serverNow();
  const docs = units.map((u) => unitInvite(u, office, now));
  // One transaction: every unit gets its code, or (on any failure) none does.
  await runTransaction(async (tx) => {
    for (const doc of docs) await tx.collection(C.invites).add({ data: doc });
  });
  return {
    invites: docs.map((d) => ({ unitId: d.unitId ?? '', unitName: d.unitName ?? '', code: d._id })),
    expiresAt: docs[0].expiresAt.toISOString(),
    jurisdictionName: office.jurisdictionName,
    merged,
  };
});

/** The trimmed entries; refuses an empty list, too many, or blank lines, saying which. */
function checkedEntries(wanted: string[]): string[] {
  const entries = wanted.map((w) => w.trim());
  if (!entries.length) throw new BusinessError('INVALID_ARGUMENT', '请至少选择一个单位', { fields: ['units'] });
  if (entries.length > MAX_BATCH_INVITES) {
    throw new BusinessError('INVALID_ARGUMENT', `一次最多邀请 ${MAX_BATCH_INVITES} 个单位，请分批生成`, {
      fields: ['units'],
      count: entries.length,
    });
  }
  const blank = entries.flatMap((e, i) => (e ? [] : [i + 1]));
  if (blank.length) {
    throw new BusinessError('INVALID_ARGUMENT', `第${blank.join('、')}项单位名称是空的，请删去或填写单位名称`, {
      fields: ['units'],
      blank,
    });
  }
  return entries;
}

/** Entries matched to the jurisdiction's units by id or name; a unit named twice gets one code. */
function resolveUnits(entries: string[], known: UnitDoc[]): { units: UnitDoc[]; merged: string[] } {
  const byKey = new Map<string, UnitDoc>();
  for (const u of known) byKey.set(u._id, u).set(u.name, u);
  const unknown = entries.filter((e) => !byKey.has(e));
  if (unknown.length) {
    // An id is never shown to a person: only the names typed, and how many ids were stale.
    const names = unknown.filter((e) => !UNIT_ID.test(e));
    const listed = names.length
      ? `本辖区没有这些单位：${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 个` : ''}。`
      : '';
    const stale = unknown.length - names.length ? `有 ${unknown.length - names.length} 个单位已不在本辖区的单位名单中。` : '';
    throw new BusinessError('NOT_FOUND', `${listed}${stale}请刷新单位列表、核对名称后重试`, { unknown });
  }
  const units = new Map<string, UnitDoc>();
  const merged = new Set<string>();
  for (const e of entries) {
    const u = byKey.get(e)!;
    if (units.has(u._id)) merged.add(u.name);
    units.set(u._id, u);
  }
  return { units: [...units.values()], merged: [...merged] };
}
