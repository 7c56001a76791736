// office: what a 公开办 does: the plan table, units and staff, rules, review and
// publishing, the dashboard, the column, city–county links and the evidence pack.
import { z } from 'zod';
import type { Figures } from '../domain/figures';
import type { EventStatus } from '../domain/lifecycle';
import type { DeskNext } from '../domain/nextStep';
import type { KeywordPlace, PresetName, RuleField, Rules } from '../domain/rules';
import { defineAction } from './define';
import { id, jurisdictionYear, year } from './fields';
import type { CheckInResult, EventPlan, EventReport, ExcelFile, Months, PhotoLinks, UnitEventSummary, Venue } from './unit';

// ---- inputs ----

const eventOnly = z.object({ eventId: id }).strict();
const jurisdictionOnly = z.object({ jurisdictionId: id }).strict();
/** Report and photo ids are composed of the event's id and more. */
const longId = z.string().min(1).max(200);

const importPlanInput = z
  .object({
    jurisdictionId: id,
    year,
    /** The table as pasted, or… */
    text: z.string().min(1).max(90_000).optional(),
    /** …an .xlsx or .csv (UTF-8 or GB18030) the app uploaded to storage under plans/<jurisdictionId>/. */
    fileID: z.string().min(1).max(500).optional(),
    /** Preview only: parse and compare, write nothing. */
    dryRun: z.boolean().optional(),
    /** Also take out of the plan the stored events this table does not have (default: keep them). */
    removeMissing: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.text === undefined) !== (v.fileID === undefined), {
    message: '请粘贴计划表（text）或上传 Excel 文件（fileID），二选一',
    path: ['text'],
  });

const mustConfirm = (message: string) => z.boolean().refine((v) => v, { message });
const publishReportInput = z
  .object({
    eventId: id,
    checks: z
      .object({
        secrecy: mustConfirm('请确认已审查：不含国家秘密、工作秘密和敏感信息'),
        personalData: mustConfirm('请确认已审查：个人信息已遮挡，不含群众姓名和电话'),
      })
      .strict(),
  })
  .strict();

const reviewReportInput = z
  .object({ reportId: longId, decision: z.enum(['approve', 'return']), comment: z.string().trim().max(1000).optional() })
  .strict()
  .superRefine((r, ctx) => {
    if (r.decision === 'return' && !r.comment)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['comment'], message: '退回时请写明修改意见' });
  });

const evidencePackInput = z
  .object({
    jurisdictionId: id,
    year,
    unitId: id.optional(),
    /** Continue this pack (from an earlier call's answer). */
    packId: id.optional(),
    /** Events per call; smaller pages show progress sooner. */
    pageEvents: z.number().int().min(1).max(50).optional(),
  })
  .strict();

/** Exactly one of text (pasted table) and fileID (an uploaded .xlsx). */
export type ImportPlanInput = { jurisdictionId: string; year: number; dryRun?: boolean; removeMissing?: boolean } & (
  { text: string; fileID?: undefined } | { fileID: string; text?: undefined }
);
export type EvidencePackInput = z.input<typeof evidencePackInput>;

// ---- results ----

export interface ImportedEvent {
  eventId: string;
  seq: number;
  theme: string;
  forms: string[];
  units: string[];
  months: Months;
  /** The day the table printed ("4月23日"), else null. */
  date?: string | null;
  endDate?: string | null;
  /** Line of the pasted text (sheet row of an .xlsx) where the row starts; warnings point at it. */
  row?: number;
  /** The worksheet, when the .xlsx has the plan on several sheets. */
  sheet?: string;
  /** The Word table (1-based), when the .docx has the plan in several tables (row is that table's row). */
  table?: number;
}

/** A judgement call of the import: row = line of the pasted text, 0 for the whole table. */
export interface ImportWarning {
  row: number;
  /** The worksheet, when the .xlsx has the plan on several sheets (row is that sheet's row). */
  sheet?: string;
  /** The Word table (1-based), when the .docx has the plan in several tables (row is that table's row). */
  table?: number;
  field?: 'seq' | 'theme' | 'forms' | 'units' | 'months';
  message: string;
}

export interface ImportPlanResult {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Stored events this table does not have; taken out of the plan only with removeMissing. */
  notInTable?: Array<{ eventId: string; seq: number; theme: string }>;
  newUnits: string[];
  warnings: ImportWarning[];
  events: ImportedEvent[];
  dryRun: boolean;
}

export interface OfficeUnit {
  unitId: string;
  name: string;
  eventCount: number;
  staffCount: number;
  /** name: given when joining (null for those who joined before names were asked). */
  staff: Array<{ openid: string; name: string | null; since: string }>;
}

/** office.inviteMany: one single-use code per unit, all valid until expiresAt; merged: units named twice. */
export interface BatchInvites {
  invites: Array<{ unitId: string; unitName: string; code: string }>;
  expiresAt: string;
  jurisdictionName: string;
  merged: string[];
}

export interface JurisdictionRules {
  name: string;
  level: 'city' | 'county' | 'district';
  rules: Rules;
  /** The preset the office started from, and the rules it changed since. */
  preset?: PresetName;
  presetLabel?: string;
  changedFromPreset?: RuleField[];
  logoFileID: string | null;
  logoUrl: string | null;
}

export type OfficeNextStep = DeskNext;

export interface OfficeEventRow {
  eventId: string;
  seq: number;
  theme: string;
  forms: string[];
  units: string[];
  unitIds: string[];
  months: Months;
  status: EventStatus;
  statusLabel: string;
  removedFromPlan: boolean;
  date?: string;
  next: OfficeNextStep;
}

export interface OfficeEventDetail {
  eventId: string;
  jurisdictionId: string;
  year: number;
  seq: number;
  theme: string;
  forms: string[];
  units: string[];
  months: Months;
  raw: string;
  status: EventStatus;
  statusLabel: string;
  removedFromPlan: boolean;
  deadlines: { plan: string; report: string; materials: string | null } | null;
  next: OfficeNextStep;
  /** The open-seat listing the office released, if any (rules.listingNeedsReview). */
  listing: { planVersion: number; at: string } | null;
  plans: Array<{
    version: number;
    date: string;
    startTime: string | null;
    endDate?: string;
    venue: Venue;
    forms: string[];
    invitees: string[];
    banner: string;
    publicSeats: number;
    filedAt?: string;
    onTime: boolean;
    outsidePlannedMonths: boolean;
  }>;
  checkin: { at?: string; distanceMeters: number | null; flags: string[] } | null;
  photos: Array<PhotoLinks & { photoId: string; hasLogo: boolean; stamped: boolean; takenAt: string | null }>;
  logoPhotoCount: number;
  report: {
    reportId: string;
    version: number;
    submittedAt?: string;
    late: boolean;
    workdaysLate: number;
    status: 'submitted' | 'returned' | 'approved';
  } | null;
  seats: { confirmed: number; waitlisted: number } | null;
}

export interface OfficeReportDetail {
  event: Omit<UnitEventSummary, 'deadlines' | 'next'>;
  deadlines: { plan: string; report: string; materials: string | null } | null;
  plan: EventPlan | null;
  planVersions?: Array<{ version: number; date: string; filedAt: string; outsidePlannedMonths?: boolean }>;
  checkin:
    | (CheckInResult & {
        latitude?: number;
        longitude?: number;
        accuracy?: number | null;
        /** An online event's screenshot (a temporary link) or the link the unit gave. */
        evidenceUrl?: string | null;
        evidenceLink?: string | null;
      })
    | null;
  report:
    | (Omit<EventReport, 'photoIds'> & {
        reviewable: boolean;
        keyword?: Record<KeywordPlace, boolean>;
        flags?: string[];
        deadline?: string;
        videos?: Array<{ fileID: string; bytes: number; seconds: number }>;
        photos: Array<PhotoLinks & { photoId: string; hasLogo: boolean; stamped: boolean; takenAt?: string | null }>;
      })
    | null;
  versions?: Array<{
    reportId: string;
    version: number;
    status: string;
    submittedAt: string;
    late?: boolean;
    workdaysLate?: number;
    comment?: string | null;
  }>;
  questionnaire?: { title: string; respondents: number; lines: string[]; attachedAt: string } | null;
  newsRelease?: {
    reportVersion: number;
    separate: boolean;
    title: string;
    paragraphs: string[];
    keyword: Record<KeywordPlace, boolean>;
    keywordChecked: 'newsRelease' | 'report';
  } | null;
  materials?: {
    materialsId: string;
    version: number;
    text: string;
    submittedAt: string;
    deadline: string | null;
    late: boolean;
    workdaysLate: number;
    photos: Array<PhotoLinks & { photoId: string; hasLogo: boolean }>;
    versions: Array<{ version: number; submittedAt: string; late: boolean }>;
  } | null;
}

/** office.publishPreview: the public text as it will be (or was) published, personal data masked. */
export interface PublishPreview {
  eventId: string;
  reportId: string;
  status: EventStatus;
  statusLabel: string;
  publishable: boolean;
  published: boolean;
  title: string;
  paragraphs: string[];
  masked: number;
  photos: Array<{ url: string | null }>;
  publication: { by: string; at: string; checks: { secrecy: boolean; personalData: boolean } } | null;
  log: Array<{ kind: 'publish' | 'unpublish'; by: string; at: string; reason?: string }>;
}

// The dashboard (docs/compliance.md defines every count).

export type LateKind = 'plan' | 'report' | 'materials';

export interface LateItem {
  eventId: string;
  seq: number;
  theme: string;
  /** The event's unit names, 、-joined (co-hosted events name every host). */
  unit: string;
  unitIds: string[];
  kind: LateKind;
  deadline: string; // ISO +08:00
  doneAt: string | null; // ISO +08:00; null: still not done
  workdaysLate: number;
}

export interface DashboardCounts {
  events: number;
  planFiled: number;
  planOnTime: number;
  held: number;
  reported: number;
  reportOnTime: number;
  /** Events whose jurisdiction asks for 专栏材料 (a materials deadline is set). */
  materialsDue: number;
  materials: number;
  materialsOnTime: number;
  /** Reports sent with a separate 新闻稿. */
  newsReleases: number;
  /** Late items (missed deadlines, done late or still open). */
  overdue: number;
  /** Of those, still not done. */
  overdueOpen: number;
  avgRating: number | null;
  ratings: number;
}

export interface UnitRow extends DashboardCounts {
  unitId: string;
  name: string;
}

export interface MonthRow extends DashboardCounts {
  /** 1–12; null for events whose month is 待定. */
  month: number | null;
}

/** Compliance counts computed at server time from the records. */
export interface Dashboard {
  year: number;
  computedAt: string;
  units: UnitRow[];
  months: MonthRow[];
  lateItems: LateItem[];
  /** Units with no event in the year's plan ("今年全区各部门单位都将组织开展"). */
  unitsWithoutEvents: Array<{ unitId: string; name: string }>;
}

export type ReviewFigures = Figures;

/** A linked county's row on its city's dashboard. */
export interface ChildRow extends DashboardCounts {
  jurisdictionId: string;
  name: string;
  figures: ReviewFigures;
  /** Its units, for the export's sheet per child (not sent to the screen). */
  units?: UnitRow[];
}

/** What office.dashboard adds with `figures` or `includeChildren`. */
export interface DashboardReview {
  /** The jurisdiction as one row: each event counted once. */
  totals: DashboardCounts;
  figures: { total: ReviewFigures; units: Array<{ unitId: string; name: string } & ReviewFigures> };
  children?: ChildRow[];
}

export type DashboardResult = Dashboard & { jurisdictionName: string } & Partial<DashboardReview>;

/** office.remindLate: who was reminded now, who already today, who has nobody to remind. */
export interface RemindLateResult {
  /** Units reminded now, with how many of their staff were pushed a WeChat message. */
  reminded: Array<{ unitId: string; unitName: string; staff: number; pushed: number }>;
  /** Already reminded today: not again. */
  alreadyToday: Array<{ unitId: string; unitName: string }>;
  /** Late, but nobody of the unit has joined yet: invite them first. */
  noStaff: Array<{ unitId: string; unitName: string }>;
}

export interface Ratings {
  events: Array<{ eventId: string; theme: string; units: string[]; count: number; average: number | null; comments: string[] }>;
  units: Array<{ unitId: string; name: string; count: number; average: number | null }>;
}

export interface Family {
  level: 'city' | 'county' | 'district';
  parent: { jurisdictionId: string; name: string; linkedAt: string } | null;
  children: Array<{ jurisdictionId: string; name: string; level: string; linkedAt: string }>;
}

/** A pack being built (fileID null) or built. */
export interface EvidencePack {
  packId: string;
  done: number;
  total: number;
  fileID: string | null;
  bytes: number | null;
  sha256: string | null;
  fileName: string | null;
  url: string | null;
}

export const office = {
  bootstrap: defineAction(
    z
      .object({
        token: z.string().min(1).max(200),
        name: z.string().trim().min(2).max(40),
        level: z.enum(['city', 'county', 'district']),
        preset: z
          .enum(['standard', 'news-strict'], { errorMap: () => ({ message: '规则预设只能是 standard（标准）或 news-strict（新闻从严）' }) })
          .optional(),
      })
      .strict(),
  ).returns<{ jurisdictionId: string }>(),
  setRules: defineAction(z.object({ jurisdictionId: id, rules: z.record(z.unknown()) }).strict()).returns<{ rules: Rules }>(),
  getRules: defineAction(jurisdictionOnly).returns<JurisdictionRules>(),
  importPlan: defineAction(importPlanInput).returns<ImportPlanResult>(),
  listUnits: defineAction(jurisdictionOnly).returns<OfficeUnit[]>(),
  invite: defineAction(z.object({ unitId: id }).strict()).returns<{
    code: string;
    expiresAt: string;
    unitName: string;
    qrFileID: string | null;
  }>(),
  inviteMany: defineAction(
    z
      .object({
        jurisdictionId: id,
        /** Unit ids or names of the jurisdiction's units (as in its plan table); checked one by one in the handler. */
        units: z.array(z.string().max(100)).max(1000),
      })
      .strict(),
  ).returns<BatchInvites>(),
  removeStaff: defineAction(
    z.union([
      z.object({ unitId: id, openid: z.string().min(1).max(64) }).strict(),
      z.object({ jurisdictionId: id, openid: z.string().min(1).max(64) }).strict(),
    ]),
  ).returns<{ removed: true }>(),
  listEvents: defineAction(jurisdictionYear).returns<{ now: string; events: OfficeEventRow[] }>(),
  eventDetail: defineAction(eventOnly).returns<OfficeEventDetail>(),
  inviteOffice: defineAction(jurisdictionOnly).returns<{
    code: string;
    expiresAt: string;
    jurisdictionName: string;
    qrFileID: string | null;
  }>(),
  listStaff: defineAction(jurisdictionOnly).returns<Array<{ openid: string; name: string | null; since: string; isMe: boolean }>>(),
  setLogo: defineAction(z.object({ jurisdictionId: id, fileID: z.string().min(1).max(500) }).strict()).returns<{
    logoFileID: string;
    logoUrl: string | null;
  }>(),
  ratings: defineAction(jurisdictionYear).returns<Ratings>(),
  dashboard: defineAction(
    jurisdictionYear.extend({ includeChildren: z.boolean().optional(), figures: z.boolean().optional() }),
  ).returns<DashboardResult>(),
  exportDashboard: defineAction(jurisdictionYear).returns<ExcelFile>(),
  reviewReport: defineAction(reviewReportInput).returns<{ status: EventStatus }>(),
  reportDetail: defineAction(eventOnly).returns<OfficeReportDetail>(),
  confirmPhotoLogo: defineAction(z.object({ photoId: longId, hasLogo: z.boolean().optional() }).strict()).returns<{
    photoId: string;
    hasLogo: boolean;
  }>(),
  publishPreview: defineAction(eventOnly).returns<PublishPreview>(),
  publishReport: defineAction(publishReportInput).returns<{
    eventId: string;
    status: EventStatus;
    publishedAt: string;
    masked: number;
    column: { rebuilt: boolean };
  }>(),
  unpublishReport: defineAction(
    z.object({ eventId: id, reason: z.string().trim().min(2, '请写明撤下原因（至少 2 个字）').max(500) }).strict(),
  ).returns<{ eventId: string; status: EventStatus; unpublishedAt: string; reason: string; column: { rebuilt: boolean } }>(),
  publishListing: defineAction(publishReportInput).returns<{ eventId: string; planVersion: number; releasedAt: string }>(),
  unpublishListing: defineAction(
    z.object({ eventId: id, reason: z.string().trim().min(2, '请写明撤回原因（至少 2 个字）').max(500) }).strict(),
  ).returns<{ eventId: string; withdrawnAt: string; reason: string }>(),
  exportColumn: defineAction(jurisdictionYear).returns<{
    fileID: string;
    url: string | null;
    reports: number;
    files: number;
    builtAt: string;
    prefix: string;
  }>(),
  inviteChild: defineAction(jurisdictionOnly).returns<{ code: string; expiresAt: string; parentName: string }>(),
  acceptParent: defineAction(
    z.object({ code: z.string().trim().toUpperCase().pipe(z.string().min(4).max(16)), jurisdictionId: id.optional() }).strict(),
  ).returns<{ jurisdictionId: string; parent: { jurisdictionId: string; name: string }; linkedAt: string }>(),
  unlinkChild: defineAction(z.object({ jurisdictionId: id, childId: id }).strict()).returns<{ unlinked: true }>(),
  unlinkParent: defineAction(jurisdictionOnly).returns<{ unlinked: true }>(),
  family: defineAction(jurisdictionOnly).returns<Family>(),
  evidencePack: defineAction(evidencePackInput).returns<EvidencePack>(),
  remindLate: defineAction(
    z
      .object({
        jurisdictionId: id,
        /** Only these units (all late units when omitted). */
        unitIds: z.array(id).min(1).max(500).optional(),
        year: year.optional(),
      })
      .strict(),
  ).returns<RemindLateResult>(),
};
