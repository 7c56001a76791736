// Units and their staff: the list, invitations (a short code and a mini-program
// code), and removing a person from a unit.
import { BusinessError } from '../../src/domain/errors';
import { toShanghaiISO } from '../../src/domain/time';
import { cloud, db, runTransaction, txGet } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc, InviteDoc, StaffDoc, UnitDoc } from '../_shared/data';
import { requireOffice } from '../_shared/auth';
import { contract } from '../../src/contract';
import { action, type Caller } from '../_shared/router';
import { inviteCode } from '../_shared/ids';

const INVITE_VALID_DAYS = 14;

export const listUnits = action(contract.office.listUnits, async ({ jurisdictionId }, caller) => {
  await requireOffice(caller, jurisdictionId);
  const [units, events, staff] = await Promise.all([
    findWhere<UnitDoc>(C.units, { jurisdictionId }),
    findWhere<EventDoc>(C.events, { jurisdictionId, removedFromPlan: false }),
    findWhere<StaffDoc>(C.staff, { jurisdictionId, role: 'unit' }),
  ]);
  return units
    .map((u) => ({
      unitId: u._id,
      name: u.name,
      eventCount: events.filter((e) => e.unitIds.includes(u._id)).length,
      staffCount: staff.filter((s) => s.role === 'unit' && s.unitId === u._id).length,
      staff: staff
        .filter((s) => s.role === 'unit' && s.unitId === u._id)
        .map((s) => ({ openid: s.openid, name: s.name ?? null, since: toShanghaiISO(new Date(s.createdAt)) })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
});

export const invite = action(contract.office.invite, async ({ unitId }, caller) => {
  const unit = await getById<UnitDoc>(C.units, unitId);
  if (!unit) throw new BusinessError('NOT_FOUND', '找不到该单位，请刷新单位列表后重试');
  const office = await requireOffice(caller, unit.jurisdictionId);
  const doc = unitInvite(unit, office, serverNow());
  await db.collection(C.invites).add({ data: doc });
  return { code: doc._id, expiresAt: doc.expiresAt.toISOString(), unitName: unit.name, qrFileID: await inviteQr(doc._id) };
});

/** A new single-use invitation to join `unit`, valid for two weeks. */
export function unitInvite(unit: UnitDoc, office: StaffDoc, now: Date): InviteDoc {
  return {
    _id: inviteCode(),
    role: 'unit',
    unitId: unit._id,
    unitName: unit.name,
    jurisdictionId: unit.jurisdictionId,
    jurisdictionName: office.jurisdictionName,
    createdBy: office.openid,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITE_VALID_DAYS * 86_400_000),
  };
}

/** The mini-program code that opens the join page with the code filled in. */
export async function inviteQr(code: string): Promise<string | null> {
  try {
    const img = (await cloud.openapi.wxacode.getUnlimited({ scene: `i=${code}`, page: 'pages/join/index', checkPath: false })) as {
      buffer: Buffer;
    };
    const { fileID } = (await cloud.uploadFile({ cloudPath: `invites/${code}.png`, fileContent: img.buffer })) as { fileID: string };
    return fileID;
  } catch (e) {
    // The code still works typed by hand; the image is a convenience.
    console.error('invite QR failed', e);
    return null;
  }
}

/** Removes a unit's staff member ({unitId, openid}) or an office colleague ({jurisdictionId, openid}), never the office's last one. */
export const removeStaff = action(contract.office.removeStaff, async (input, caller) => {
  if ('jurisdictionId' in input) return removeOfficeStaff(input.jurisdictionId, input.openid, caller);
  const unit = await getById<UnitDoc>(C.units, input.unitId);
  if (!unit) throw new BusinessError('NOT_FOUND', '找不到该单位');
  await requireOffice(caller, unit.jurisdictionId);
  const res = (await db.collection(C.staff).doc(`${input.openid}:unit:${input.unitId}`).remove()) as { stats: { removed: number } };
  if (res.stats.removed === 0) throw new BusinessError('NOT_FOUND', '该人员不在本单位');
  return { removed: true as const };
});

async function removeOfficeStaff(jurisdictionId: string, openid: string, caller: Caller) {
  const me = await requireOffice(caller, jurisdictionId);
  const office = await findWhere<StaffDoc>(C.staff, { jurisdictionId, role: 'office' });
  if (!office.some((s) => s.openid === openid)) throw new BusinessError('NOT_FOUND', '该人员不是本辖区公开办的工作人员');
  // Counted again and removed in one transaction, so two colleagues removing each other (or
  // themselves) at once leave one. The jurisdiction is written too: under the cloud database's
  // snapshot isolation that makes such transactions conflict instead of both passing the count.
  return runTransaction(async (tx) => {
    const present = (await Promise.all(office.map((s) => txGet<StaffDoc>(tx, C.staff, s._id)))).filter((s) => s !== null);
    if (!present.some((s) => s.openid === me.openid)) {
      throw new BusinessError('FORBIDDEN', '您已被移出本辖区公开办，不能再移除他人', { jurisdictionId });
    }
    if (!present.some((s) => s.openid === openid)) throw new BusinessError('NOT_FOUND', '该人员已被移除');
    if (present.length <= 1) {
      throw new BusinessError('CONFLICT', '这是本辖区公开办最后一位工作人员，不能移除；请先邀请新同事加入，再移除', {
        officeStaff: present.length,
      });
    }
    await tx.collection(C.staff).doc(`${openid}:office:${jurisdictionId}`).remove();
    await tx
      .collection(C.jurisdictions)
      .doc(jurisdictionId)
      .update({ data: { officeStaffChangedAt: serverNow() } });
    return { removed: true as const };
  });
}
