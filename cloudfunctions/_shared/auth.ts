// Who may do what. Identity comes from getWXContext only (see cloud.ts); roles
// come from the staff collection, never from the payload.
import { BusinessError } from '../../src/domain/errors';
import { C, findWhere } from './data';
import type { StaffDoc } from './data';
import type { Caller } from './router';

export function requireSignedIn(caller: Caller): string {
  if (!caller.openid) throw new BusinessError('UNAUTHENTICATED', '请在微信中打开小程序后再操作');
  return caller.openid;
}

/** Every role the caller holds, in one round trip. */
export async function rolesOf(openid: string): Promise<StaffDoc[]> {
  return findWhere<StaffDoc>(C.staff, { openid });
}

export async function requireOffice(caller: Caller, jurisdictionId: string): Promise<StaffDoc> {
  const openid = requireSignedIn(caller);
  const role = (await rolesOf(openid)).find((r) => r.role === 'office' && r.jurisdictionId === jurisdictionId);
  if (!role) throw new BusinessError('FORBIDDEN', '只有本辖区公开办的工作人员可以进行此操作', { jurisdictionId });
  return role;
}
