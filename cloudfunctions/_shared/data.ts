// Collections and the shape of what is stored in them. Names of people and
// phones live only in `signups`; everything else refers to people by openid.
import type { Rules } from '../../src/domain/rules';
import type { EventStatus } from '../../src/domain/lifecycle';
import type { MonthRange } from '../../src/domain/planTable';
import type { Identity } from '../../src/domain/signups';
import { db } from './cloud';
import type { ListingEntry, ListingRecord } from './publication';

export const C = {
  jurisdictions: 'jurisdictions',
  staff: 'staff',
  units: 'units',
  invites: 'invites',
  events: 'events',
  plans: 'plans',
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
  /** Written by every office-staff removal, so concurrent removals conflict (see office/units.ts). */
  officeStaffChangedAt?: Date;
  createdAt: Date;
  createdBy: string;
}

/** One person's role in one place: office staff of a jurisdiction, or staff of a unit. */
export type StaffDoc = {
  _id: string;
  openid: string;
  jurisdictionId: string;
  jurisdictionName: string;
  /** Given when joining; shown instead of the openid. */
  name?: string;
  createdAt: Date;
} & ({ role: 'office' } | { role: 'unit'; unitId: string; unitName: string });

export interface UnitDoc {
  _id: string;
  jurisdictionId: string;
  name: string;
  createdAt: Date;
}

export interface InviteDoc {
  _id: string; // the short code itself, so redeeming is one read
  /** What the redeemer becomes; absent (older invites) means unit staff. */
  role?: 'unit' | 'office';
  /** Set for unit invites only. */
  unitId?: string;
  unitName?: string;
  jurisdictionId: string;
  jurisdictionName: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  redeemedBy?: string;
  redeemedAt?: Date;
}

export interface Venue {
  name: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  /** An online event (在线访谈, 热线问答): checked in with evidence, not a position. */
  online?: boolean;
  /** Online events: the platform (e.g. 红网问政) and/or the link where it runs. */
  platform?: string;
  link?: string;
}

/** The filed plan as the event carries it (a copy of the latest version in `plans`). */
export interface PlanSummary {
  version: number;
  date: string; // YYYY-MM-DD, Asia/Shanghai
  /** Last day of a multi-day event (宣传周); report and materials deadlines count from it. */
  endDate?: string;
  startTime?: string; // HH:mm
  venue: Venue;
  forms: string[];
  invitees: Identity[];
  banner: string;
  publicSeats: number; // 0: not open to residents
  /** Online events open to everyone: publicSeats is then UNCAPPED_SEATS, not a number the unit set. */
  uncapped?: boolean;
  signupDeadline?: string; // ISO instant
  attachmentFileID?: string;
  filedAt: Date;
  filedBy: string;
  onTime: boolean;
  outsidePlannedMonths: boolean;
}

export interface Deadlines {
  plan: string;
  report: string;
  materials: string | null;
}

/** One row of a jurisdiction's plan table, and everything that happens to it. */
export interface EventDoc {
  _id: string;
  jurisdictionId: string;
  year: number;
  seq: number;
  theme: string;
  forms: string[];
  unitIds: string[];
  unitNames: string[];
  months: MonthRange | null;
  /** The day the plan table printed ("4月23日"), if it gave one: the unit's plan starts from it. */
  plannedDate?: string | null;
  plannedEndDate?: string | null;
  raw: string;
  /** Flagged (never deleted) when a re-imported table no longer has this row. */
  removedFromPlan: boolean;
  status: EventStatus;
  plan?: PlanSummary;
  deadlines?: Deadlines; // set once a date is filed
  /** The check-in itself (one per event), written by one conditional update of this doc. */
  checkin?: {
    checkinId: string;
    at: Date;
    distanceMeters: number | null;
    flags: string[];
    openid?: string;
    latitude?: number;
    longitude?: number;
    accuracy?: number | null;
    /** Online events: a screenshot (cloud file id) or link proving the event ran. */
    evidenceFileID?: string;
    evidenceLink?: string;
  };
  report?: {
    reportId: string;
    version: number;
    submittedAt: Date;
    late: boolean;
    workdaysLate: number;
    status: 'submitted' | 'returned' | 'approved';
    newsRelease?: boolean;
  };
  /** 专栏材料 (photos + short text for the website column): the latest of its versions. */
  materials?: { materialsId: string; version: number; submittedAt: Date; firstSubmittedAt: Date; late: boolean; workdaysLate: number };
  /** Seat counters kept with the event so sign-ups can be checked in one transaction. */
  seats?: { confirmed: number; waitlisted: number };
  logoPhotoCount?: number;
  /** The office's release of the open seats where its rules ask for review (office.publishListing); null once withdrawn. */
  listing?: ListingRecord | null;
  listingLog?: ListingEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export interface PlanDoc extends PlanSummary {
  _id: string; // `${eventId}:v${version}`
  eventId: string;
  jurisdictionId: string;
  deadlines: Deadlines;
}

/** Typed single-document read; null when missing (throwOnNotFound is off). */
export async function getById<T>(collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).doc(id).get()) as unknown as { data: T | null };
  return res.data ?? null;
}

/** Typed query read of one page (the server caps a page at 1000). */
export async function findWhere<T>(collection: string, where: Record<string, unknown>, limit = 1000): Promise<T[]> {
  const res = (await db.collection(collection).where(where).limit(limit).get()) as unknown as { data: T[] };
  return res.data;
}
