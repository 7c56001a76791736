// Linking a county office under its city office: the city makes a code, the
// county accepts it, either side can unlink. Each write is one transaction.
import { BusinessError } from '../../src/domain/errors';
import { toShanghaiISO } from '../../src/domain/time';
import { db, _, runTransaction, txGet } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import { requireOffice } from '../_shared/auth';
import { callerOffice, childrenOf, FAMILY_INVITES } from '../_shared/family';
import type { FamilyInviteDoc, LinkedJurisdiction } from '../_shared/family';
import { inviteCode } from '../_shared/ids';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

const CODE_VALID_DAYS = 14;
const iso = (d: Date | string) => toShanghaiISO(new Date(d));

export const inviteChild = action(contract.office.inviteChild, async ({ jurisdictionId }, caller) => {
  const [office, j] = await Promise.all([
    requireOffice(caller, jurisdictionId),
    getById<LinkedJurisdiction>(C.jurisdictions, jurisdictionId),
  ]);
  if (!j) throw new BusinessError('NOT_FOUND', '找不到该辖区');
  if (j.level !== 'city') throw new BusinessError('CONFLICT', '只有市级公开办可以关联下级县市区', { level: j.level });
  const now = serverNow();
  const doc: FamilyInviteDoc = {
    _id: inviteCode(),
    parentId: jurisdictionId,
    parentName: j.name,
    createdBy: office.openid,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CODE_VALID_DAYS * 86_400_000),
  };
  await db.collection(FAMILY_INVITES).add({ data: doc });
  return { code: doc._id, expiresAt: iso(doc.expiresAt), parentName: j.name };
});

export const acceptParent = action(contract.office.acceptParent, async ({ code, jurisdictionId }, caller) => {
  const office = await callerOffice(caller, jurisdictionId);
  const childId = office.jurisdictionId;
  const now = serverNow();
  const parent = await runTransaction(async (tx) => {
    const inv = await txGet<FamilyInviteDoc>(tx, FAMILY_INVITES, code);
    const child = await txGet<LinkedJurisdiction>(tx, C.jurisdictions, childId);
    if (!inv) throw new BusinessError('NOT_FOUND', '关联码不正确，请核对后重新输入');
    if (!child) throw new BusinessError('NOT_FOUND', '找不到您的辖区');
    if (inv.acceptedBy) throw new BusinessError('CONFLICT', '该关联码已使用，请向上级公开办索取新的关联码');
    if (new Date(inv.expiresAt).getTime() < now.getTime())
      throw new BusinessError('CONFLICT', '关联码已过期，请向上级公开办索取新的关联码');
    if (inv.parentId === childId) throw new BusinessError('CONFLICT', '不能关联本辖区自己');
    if (child.level === 'city') throw new BusinessError('CONFLICT', '市级辖区不能关联为下级');
    if (child.parent)
      throw new BusinessError('CONFLICT', `本辖区已关联${child.parent.name}，请先解除关联`, { parentId: child.parent.jurisdictionId });
    await tx
      .collection(FAMILY_INVITES)
      .doc(code)
      .update({ data: { acceptedBy: office.openid, acceptedAt: now, childId } });
    await tx
      .collection(C.jurisdictions)
      .doc(childId)
      .update({
        data: { parent: _.set({ jurisdictionId: inv.parentId, name: inv.parentName, linkedAt: now, linkedBy: office.openid }) },
      });
    return { jurisdictionId: inv.parentId, name: inv.parentName };
  });
  return { jurisdictionId: childId, parent, linkedAt: iso(now) };
});

/** Takes the link off the child's document, checked inside the transaction. */
async function unlink(childId: string, parentId: string | null): Promise<void> {
  await runTransaction(async (tx) => {
    const child = await txGet<LinkedJurisdiction>(tx, C.jurisdictions, childId);
    if (!child?.parent || (parentId && child.parent.jurisdictionId !== parentId))
      throw new BusinessError('NOT_FOUND', '没有这个关联，请刷新后重试');
    await tx
      .collection(C.jurisdictions)
      .doc(childId)
      .update({ data: { parent: null } });
  });
}

export const unlinkChild = action(contract.office.unlinkChild, async ({ jurisdictionId, childId }, caller) => {
  await requireOffice(caller, jurisdictionId);
  await unlink(childId, jurisdictionId);
  return { unlinked: true as const };
});

export const unlinkParent = action(contract.office.unlinkParent, async ({ jurisdictionId }, caller) => {
  await requireOffice(caller, jurisdictionId);
  await unlink(jurisdictionId, null);
  return { unlinked: true as const };
});

/** The links as this office sees them: its parent (name only) and its children. */
export const family = action(contract.office.family, async ({ jurisdictionId }, caller) => {
  const [, j, children] = await Promise.all([
    requireOffice(caller, jurisdictionId),
    getById<LinkedJurisdiction>(C.jurisdictions, jurisdictionId),
    childrenOf(jurisdictionId),
  ]);
  if (!j) throw new BusinessError('NOT_FOUND', '找不到该辖区');
  return {
    level: j.level,
    parent: j.parent ? { jurisdictionId: j.parent.jurisdictionId, name: j.parent.name, linkedAt: iso(j.parent.linkedAt) } : null,
    children: children
      .filter((c) => c.parent)
      .map((c) => ({ jurisdictionId: c._id, name: c.name, level: c.level, linkedAt: iso(c.parent!.linkedAt) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
  };
});
