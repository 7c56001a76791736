// Who may act on one event: staff of one of its units, or the office of its
// jurisdiction. The event and the caller's roles are read in parallel; the
// jurisdiction (for the rules) is chained on the event read in the same
// Promise.all, so the wait is two reads deep, not three.
import { BusinessError } from '../../src/domain/errors';
import { C, getById } from './data';
import type { EventDoc, JurisdictionDoc, StaffDoc } from './data';
import { requireSignedIn, rolesOf } from './auth';
import type { Caller } from './router';

export type UnitStaff = Extract<StaffDoc, { role: 'unit' }>;
export type OfficeStaff = Extract<StaffDoc, { role: 'office' }>;

interface Loaded {
  event: EventDoc;
  roles: StaffDoc[];
  jurisdiction?: JurisdictionDoc;
}

async function load(caller: Caller, eventId: string, withJurisdiction: boolean): Promise<Loaded> {
  const openid = requireSignedIn(caller);
  const [loaded, roles] = await Promise.all([
    getById<EventDoc>(C.events, eventId).then(async (event) => ({
      event,
      jurisdiction: event && withJurisdiction ? await getById<JurisdictionDoc>(C.jurisdictions, event.jurisdictionId) : null,
    })),
    rolesOf(openid),
  ]);
  if (!loaded.event) throw new BusinessError('NOT_FOUND', '找不到该活动，请返回列表刷新后重试', { eventId });
  if (withJurisdiction && !loaded.jurisdiction) throw new BusinessError('NOT_FOUND', '找不到该活动所属辖区，请联系公开办', { eventId });
  return { event: loaded.event, roles, jurisdiction: loaded.jurisdiction ?? undefined };
}

export interface StaffAccess {
  event: EventDoc;
  staff: UnitStaff;
}
export interface OfficeAccess {
  event: EventDoc;
  office: OfficeStaff;
}

export function requireEventStaff(caller: Caller, eventId: string): Promise<StaffAccess>;
export function requireEventStaff(
  caller: Caller,
  eventId: string,
  opts: { withRules: true },
): Promise<StaffAccess & { jurisdiction: JurisdictionDoc }>;
/** The caller must be staff of one of the event's units (roles from the staff collection only). */
export async function requireEventStaff(
  caller: Caller,
  eventId: string,
  opts: { withRules?: boolean } = {},
): Promise<StaffAccess & { jurisdiction?: JurisdictionDoc }> {
  const { event, roles, jurisdiction } = await load(caller, eventId, Boolean(opts.withRules));
  const staff = roles.find((r): r is UnitStaff => r.role === 'unit' && event.unitIds.includes(r.unitId));
  if (!staff) throw new BusinessError('FORBIDDEN', '只有该活动责任单位的工作人员可以进行此操作', { eventId });
  return { event, staff, jurisdiction };
}

export function requireEventOffice(caller: Caller, eventId: string): Promise<OfficeAccess>;
export function requireEventOffice(
  caller: Caller,
  eventId: string,
  opts: { withRules: true },
): Promise<OfficeAccess & { jurisdiction: JurisdictionDoc }>;
/** The caller must be office staff of the event's jurisdiction. */
export async function requireEventOffice(
  caller: Caller,
  eventId: string,
  opts: { withRules?: boolean } = {},
): Promise<OfficeAccess & { jurisdiction?: JurisdictionDoc }> {
  const { event, roles, jurisdiction } = await load(caller, eventId, Boolean(opts.withRules));
  const office = roles.find((r): r is OfficeStaff => r.role === 'office' && r.jurisdictionId === event.jurisdictionId);
  if (!office) throw new BusinessError('FORBIDDEN', '只有本辖区公开办的工作人员可以进行此操作', { eventId });
  return { event, office, jurisdiction };
}
