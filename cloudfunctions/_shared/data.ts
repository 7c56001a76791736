// Collections and the shape of what is stored in them. Names of people and
// phones live only in `signups`; everything else refers to people by openid.
import type { Rules } from '../../src/domain/rules';
import { db } from './cloud';

export const C = {
  jurisdictions: 'jurisdictions',
  staff: 'staff',
  units: 'units',
  invites: 'invites',
  events: 'events',
  plans: 'plans',
  checkins: 'checkins',
  photos: 'photos',
  reports: 'reports',
  signups: 'signups',
  feedback: 'feedback',
  messages: 'messages',
  subscriptions: 'subscriptions',
} as const;

export interface JurisdictionDoc {
  _id: string;
  name: string;
  level: 'city' | 'county' | 'district';
  rules: Rules;
  logoFileID?: string;
  createdAt: Date;
  createdBy: string;
}

/** One person's role in one place: office staff of a jurisdiction, or staff of a unit. */
export type StaffDoc = {
  _id: string;
  openid: string;
  jurisdictionId: string;
  jurisdictionName: string;
  createdAt: Date;
} & ({ role: 'office' } | { role: 'unit'; unitId: string; unitName: string });

export interface UnitDoc {
  _id: string;
  jurisdictionId: string;
  name: string;
  createdAt: Date;
}

/** Typed single-document read; null when missing (throwOnNotFound is off). */
export async function getById<T>(collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).doc(id).get()) as { data: T | null };
  return res.data ?? null;
}

/** Typed query read of one page (the server caps a page at 1000). */
export async function findWhere<T>(collection: string, where: Record<string, unknown>, limit = 1000): Promise<T[]> {
  const res = (await db.collection(collection).where(where).limit(limit).get()) as { data: T[] };
  return res.data;
}
