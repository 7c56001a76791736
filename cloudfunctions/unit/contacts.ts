// Whom a unit reaches at its office (联系人, 电话, 邮箱), for the unit's home screen.
import { BusinessError } from '../../src/domain/errors';
import { _ } from '../_shared/cloud';
import { C, findWhere } from '../_shared/data';
import type { JurisdictionDoc } from '../_shared/data';
import { requireSignedIn, rolesOf } from '../_shared/auth';
import type { UnitStaff } from '../_shared/eventAccess';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

export const contacts = action(contract.unit.contacts, async (_input, caller) => {
  const openid = requireSignedIn(caller);
  const units = (await rolesOf(openid)).filter((r): r is UnitStaff => r.role === 'unit');
  if (units.length === 0) throw new BusinessError('FORBIDDEN', '您还不是任何责任单位的工作人员，请使用公开办发的邀请码加入单位', {});
  const jurisdictions = await findWhere<JurisdictionDoc>(C.jurisdictions, { _id: _.in([...new Set(units.map((u) => u.jurisdictionId))]) });
  return jurisdictions.map((j) => ({
    jurisdictionId: j._id,
    office: `${j.name}政务公开办`,
    name: j.rules.contact?.name ?? '',
    phone: j.rules.contact?.phone ?? '',
    email: j.rules.contact?.email ?? '',
  }));
});
