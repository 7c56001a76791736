// account: who the caller is, and joining a unit with an invitation code.
import { BusinessError } from '../../src/domain/errors';
import { runTransaction } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C } from '../_shared/data';
import type { InviteDoc, StaffDoc } from '../_shared/data';
import { contract } from '../../src/contract';
import { action, createFunction } from '../_shared/router';
import { requireSignedIn, rolesOf } from '../_shared/auth';
import { messages, subscribe, subscribeTemplates } from './subscribe';

const me = action(contract.account.me, async (_input, caller) => {
  const openid = requireSignedIn(caller);
  const roles = (await rolesOf(openid)).map((r) =>
    r.role === 'office'
      ? { role: 'office' as const, jurisdictionId: r.jurisdictionId, jurisdictionName: r.jurisdictionName }
      : {
          role: 'unit' as const,
          unitId: r.unitId,
          unitName: r.unitName,
          jurisdictionId: r.jurisdictionId,
          jurisdictionName: r.jurisdictionName,
        },
  );
  return { openid, roles };
});

const redeemInvite = action(contract.account.redeemInvite, async ({ code, name }, caller) => {
  const openid = requireSignedIn(caller);
  // One transaction: the code is spent and the person joins, or neither happens.
  return runTransaction(async (tx) => {
    const inv = ((await tx.collection(C.invites).doc(code).get()) as { data: InviteDoc | null }).data;
    if (!inv) throw new BusinessError('NOT_FOUND', '邀请码不存在，请核对后重新输入');
    const joined = joinedAs(inv);
    const staffId = joined.role === 'office' ? `${openid}:office:${inv.jurisdictionId}` : `${openid}:unit:${joined.unitId}`;
    if (inv.redeemedBy === openid) {
      // A retry of one's own redemption is fine; after being removed, the spent code grants nothing.
      const role = ((await tx.collection(C.staff).doc(staffId).get()) as { data: StaffDoc | null }).data;
      if (role) return joined;
      throw new BusinessError('CONFLICT', '该邀请码您已用过，之后已被移出；如需重新加入，请向公开办索取新的邀请码');
    }
    if (inv.redeemedBy) throw new BusinessError('CONFLICT', '该邀请码已被使用，请向公开办重新索取');
    const now = serverNow();
    if (new Date(inv.expiresAt) < now) throw new BusinessError('CONFLICT', '邀请码已过期，请向公开办重新索取');
    const base = {
      openid,
      jurisdictionId: inv.jurisdictionId,
      jurisdictionName: inv.jurisdictionName,
      createdAt: now,
      ...(name ? { name } : {}),
    };
    // An office invite makes the redeemer office staff of the jurisdiction; any other, staff of its unit.
    const staff: StaffDoc =
      joined.role === 'office'
        ? { _id: staffId, ...base, role: 'office' }
        : { _id: staffId, ...base, role: 'unit', unitId: joined.unitId, unitName: joined.unitName };
    await tx
      .collection(C.invites)
      .doc(code)
      .update({ data: { redeemedBy: openid, redeemedAt: now } });
    await tx
      .collection(C.staff)
      .doc(staff._id)
      .set({ data: omitId(staff) });
    return joined;
  });
});

/** What redeeming this invite makes the caller (the result of redeemInvite). */
function joinedAs(inv: InviteDoc) {
  if (inv.role === 'office') return { role: 'office' as const, jurisdictionId: inv.jurisdictionId, jurisdictionName: inv.jurisdictionName };
  if (!inv.unitId) throw new BusinessError('NOT_FOUND', '邀请码无效，请向公开办重新索取');
  return {
    role: 'unit' as const,
    unitId: inv.unitId,
    jurisdictionId: inv.jurisdictionId,
    unitName: inv.unitName ?? '',
    jurisdictionName: inv.jurisdictionName,
  };
}

function omitId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}

export const main = createFunction('account', { me, redeemInvite, subscribe, subscribeTemplates, messages });
