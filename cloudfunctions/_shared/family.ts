// City ↔ county: a city office links county offices as its children. The link
// lives on the child's jurisdiction document (`parent`), so a child has at most
// one parent and the parent finds its children with one query. A parent reads
// its children's compliance figures and published reports, never residents'
// personal data; a child sees nothing of the parent but the link itself.
import { BusinessError } from '../../src/domain/errors';
import { C, findWhere, getById } from './data';
import type { JurisdictionDoc, StaffDoc } from './data';
import { requireSignedIn, rolesOf } from './auth';
import type { Caller } from './router';

/** Link codes a city office hands to a county office (one read to accept). */
export const FAMILY_INVITES = 'familyInvites';

export interface ParentLink {
  jurisdictionId: string;
  name: string;
  linkedAt: Date;
  /** openid of the county office staff who accepted. */
  linkedBy: string;
}

export type LinkedJurisdiction = JurisdictionDoc & { parent?: ParentLink | null };

export interface FamilyInviteDoc {
  _id: string; // the code
  parentId: string;
  parentName: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedBy?: string;
  acceptedAt?: Date;
  childId?: string;
}

/** Every jurisdiction linked under `parentId`. */
export function childrenOf(parentId: string): Promise<LinkedJurisdiction[]> {
  return findWhere<LinkedJurisdiction>(C.jurisdictions, { 'parent.jurisdictionId': parentId });
}

export type Reader = 'office' | 'parent';

/**
 * The caller is office staff of `jurisdictionId`, or of the jurisdiction it is
 * linked under (read-only access to compliance figures). Says which.
 */
export async function requireOfficeOrParent(caller: Caller, jurisdictionId: string): Promise<{ staff: StaffDoc; as: Reader }> {
  const openid = requireSignedIn(caller);
  const roles = await rolesOf(openid);
  const own = roles.find((r) => r.role === 'office' && r.jurisdictionId === jurisdictionId);
  if (own) return { staff: own, as: 'office' };
  // Only an office elsewhere can be the parent: the jurisdiction is read for its link then.
  const offices = roles.filter((r) => r.role === 'office');
  const parentId = offices.length
    ? (await getById<LinkedJurisdiction>(C.jurisdictions, jurisdictionId))?.parent?.jurisdictionId
    : undefined;
  const parent = parentId ? offices.find((r) => r.jurisdictionId === parentId) : undefined;
  if (parent) return { staff: parent, as: 'parent' };
  throw new BusinessError('FORBIDDEN', '只有本辖区公开办或其上级公开办的工作人员可以查看', { jurisdictionId });
}

/** The caller's office roles; with several, `jurisdictionId` picks one. */
export async function callerOffice(caller: Caller, jurisdictionId: string | undefined): Promise<StaffDoc> {
  const openid = requireSignedIn(caller);
  const offices = (await rolesOf(openid)).filter((r) => r.role === 'office');
  if (!offices.length) throw new BusinessError('FORBIDDEN', '只有公开办工作人员可以关联上级公开办');
  if (jurisdictionId) {
    const one = offices.find((r) => r.jurisdictionId === jurisdictionId);
    if (!one) throw new BusinessError('FORBIDDEN', '您不是该辖区公开办的工作人员', { jurisdictionId });
    return one;
  }
  if (offices.length > 1) {
    throw new BusinessError('INVALID_ARGUMENT', '您是多个辖区公开办的工作人员，请选择要关联的辖区', {
      fields: ['jurisdictionId'],
      jurisdictionIds: offices.map((o) => o.jurisdictionId),
    });
  }
  return offices[0];
}
