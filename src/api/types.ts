// Request/response types of every cloud function action, shared by screens.
// To add an action: add one line `name: Act<Payload, Result>` under its function
// (payload `Empty` when it takes nothing). call() picks the types up from here.
import type { Rules, RulesInput, KeywordPlace, PresetName, RuleField } from '../domain/rules';
import type { EventStatus } from '../domain/lifecycle';
import type { PhotoSource } from '../domain/photos';
import type { DeskNext, UnitNext } from '../domain/nextStep';
import type { Answer, Question, QuestionResult } from '../domain/questionnaire';
import type * as R from '../resident/types';
import type * as F from './family';

export type ErrorBody = { code: string; message: string; details?: Record<string, unknown> };
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** One action: what goes in (besides `action`) and what comes back in `data`. */
export interface Act<P, Res> {
  payload: P;
  result: Res;
}
export type Empty = Record<string, never>;

export type Role =
  | { role: 'office'; jurisdictionId: string; jurisdictionName?: string }
  | { role: 'unit'; unitId: string; jurisdictionId: string; unitName?: string; jurisdictionName?: string };

export interface Me {
  openid: string;
  roles: Role[];
}

export type Months = { from: number; to: number } | null;

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
}

/** A judgement call of the import: row = line of the pasted text, 0 for the whole table. */
export interface ImportWarning {
  row: number;
  field?: 'seq' | 'theme' | 'forms' | 'units' | 'months';
  message: string;
}

export interface Venue {
  name: string;
  latitude?: number;
  longitude?: number;
}

export type SignupIdentity = '人大代表' | '政协委员' | '专家学者' | '新闻媒体' | '普通市民';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** Compliance counts (office.dashboard): computed at server time from the records. */
export interface DashboardCounts {
  events: number;
  planFiled: number;
  planOnTime: number;
  held: number;
  reported: number;
  reportOnTime: number;
  materialsDue?: number;
  materials?: number;
  materialsOnTime?: number;
  newsReleases?: number;
  /** Missed deadlines, done late or still open. */
  overdue: number;
  /** Of those, still not done. */
  overdueOpen: number;
  avgRating: number | null;
  ratings: number;
}
export interface LateItem {
  eventId: string;
  seq: number;
  theme: string;
  unit: string;
  unitIds: string[];
  kind: 'plan' | 'report' | 'materials';
  deadline: string;
  doneAt: string | null;
  workdaysLate: number;
}
export interface Dashboard {
  year: number;
  computedAt: string;
  jurisdictionName: string;
  units: Array<DashboardCounts & { unitId: string; name: string }>;
  months: Array<DashboardCounts & { month: number | null }>;
  lateItems: LateItem[];
  /** Units with no event in the year's plan. */
  unitsWithoutEvents?: Array<{ unitId: string; name: string }>;
}
/** One entry of the message centre (account.messages). */
/** office.remindLate: who was reminded now, who already today, who has nobody to remind. */
export interface RemindLateResult {
  reminded: Array<{ unitId: string; unitName: string; staff: number; pushed: number }>;
  alreadyToday: Array<{ unitId: string; unitName: string }>;
  noStaff: Array<{ unitId: string; unitName: string }>;
}

export interface MessageItem {
  messageId: string;
  day: string;
  kind: 'unit' | 'office' | 'event' | 'waitlist' | 'urge';
  title: string;
  body: string;
  page: string;
  pushed: boolean;
  status: 'sent' | 'skipped_no_consent' | 'refused' | 'failed';
  at: string;
}

export interface Api {
  account: {
    me: Act<Empty, Me>;
    redeemInvite: Act<{ code: string; name?: string }, RedeemResult>;
    subscribe: Act<
      { templateIds: string[]; accepted: string[] },
      { subscriptions: Array<{ templateId: string; oneTime: number; longTerm: boolean }> }
    >;
    subscribeTemplates: Act<Empty, { deadline: string; event: string; longTerm: string[] }>;
    messages: Act<Empty, MessageItem[]>;
  };
  office: {
    ratings: Act<{ jurisdictionId: string; year: number }, R.Ratings>;
    bootstrap: Act<{ token: string; name: string; level: 'city' | 'county' | 'district'; preset?: PresetName }, { jurisdictionId: string }>;
    setRules: Act<{ jurisdictionId: string; rules: RulesInput }, { rules: Rules }>;
    importPlan: Act<ImportPlanInput, ImportPlanResult>;
    listUnits: Act<{ jurisdictionId: string }, OfficeUnit[]>;
    invite: Act<{ unitId: string }, { code: string; expiresAt: string; unitName: string; qrFileID: string | null }>;
    inviteMany: Act<{ jurisdictionId: string; units: string[] }, BatchInvites>;
    getRules: Act<{ jurisdictionId: string }, JurisdictionRules>;
    removeStaff: Act<{ unitId: string; openid: string }, { removed: true }>;
    listEvents: Act<{ jurisdictionId: string; year: number }, { now: string; events: OfficeEventRow[] }>;
    eventDetail: Act<{ eventId: string }, OfficeEventDetail>;
    inviteOffice: Act<{ jurisdictionId: string }, { code: string; expiresAt: string; jurisdictionName: string; qrFileID: string | null }>;
    listStaff: Act<{ jurisdictionId: string }, Array<{ openid: string; name: string | null; since: string; isMe: boolean }>>;
    setLogo: Act<{ jurisdictionId: string; fileID: string }, { logoFileID: string; logoUrl: string | null }>;
    dashboard: Act<{ jurisdictionId: string; year: number; includeChildren?: boolean; figures?: boolean }, Dashboard & F.DashboardReview>;
    exportDashboard: Act<{ jurisdictionId: string; year: number }, { fileID: string; url: string; fileName: string }>;
    reviewReport: Act<{ reportId: string; decision: 'approve' | 'return'; comment?: string }, { status: EventStatus }>;
    reportDetail: Act<{ eventId: string }, OfficeReportDetail>;
    confirmPhotoLogo: Act<{ photoId: string; hasLogo?: boolean }, { photoId: string; hasLogo: boolean }>;
    inviteChild: Act<{ jurisdictionId: string }, { code: string; expiresAt: string; parentName: string }>;
    acceptParent: Act<
      { code: string; jurisdictionId?: string },
      { jurisdictionId: string; parent: { jurisdictionId: string; name: string }; linkedAt: string }
    >;
    unlinkChild: Act<{ jurisdictionId: string; childId: string }, { unlinked: true }>;
    unlinkParent: Act<{ jurisdictionId: string }, { unlinked: true }>;
    family: Act<{ jurisdictionId: string }, F.Family>;
    evidencePack: Act<F.EvidencePackInput, F.EvidencePack>;
    publishPreview: Act<{ eventId: string }, PublishPreview>;
    publishReport: Act<
      { eventId: string; checks: { secrecy: boolean; personalData: boolean } },
      { eventId: string; status: EventStatus; publishedAt: string; masked: number; column: { rebuilt: boolean } }
    >;
    unpublishReport: Act<
      { eventId: string; reason: string },
      { eventId: string; status: EventStatus; unpublishedAt: string; reason: string; column: { rebuilt: boolean } }
    >;
    publishListing: Act<
      { eventId: string; checks: { secrecy: boolean; personalData: boolean } },
      { eventId: string; planVersion: number; releasedAt: string }
    >;
    unpublishListing: Act<{ eventId: string; reason: string }, { eventId: string; withdrawnAt: string; reason: string }>;
    exportColumn: Act<
      { jurisdictionId: string; year: number },
      { fileID: string; url: string | null; reports: number; files: number; builtAt: string; prefix: string }
    >;
    remindLate: Act<{ jurisdictionId: string; unitIds?: string[]; year?: number }, RemindLateResult>;
  };
  unit: {
    myEvents: Act<Empty, UnitEventSummary[]>;
    eventDetail: Act<{ eventId: string }, UnitEventDetail>;
    filePlan: Act<FilePlanInput, FilePlanResult>;
    checkIn: Act<CheckInInput, CheckInResult>;
    addPhoto: Act<AddPhotoInput, { photoId: string; hasLogo: boolean }>;
    removePhoto: Act<{ eventId: string; fileID: string }, { photoId: string; removed: true }>;
    saveDraft: Act<SubmitReportInput, { savedAt: string }>;
    submitReport: Act<SubmitReportInput, SubmitReportResult>;
    attendees: Act<{ eventId: string }, R.Attendee[]>;
    eventCode: Act<{ eventId: string }, R.EventCode>;
    setQuestionnaire: Act<
      { eventId: string; title: string; questions: Question[] },
      { eventId: string; version: number; questions: number }
    >;
    questionnaireResults: Act<{ eventId: string }, QuestionnaireResults>;
    exportQuestionnaire: Act<{ eventId: string }, { fileID: string; url: string; fileName: string }>;
    attachQuestionnaire: Act<{ eventId: string }, { eventId: string; respondents: number; lines: string[]; at: string }>;
    submitMaterials: Act<SubmitMaterialsInput, SubmitMaterialsResult>;
    contacts: Act<Empty, OfficeContactCard[]>;
  };
  resident: {
    openEvents: Act<{ jurisdictionId?: string; from?: string; to?: string }, R.OpenEvent[]>;
    eventDetail: Act<{ eventId: string }, R.EventDetail>;
    signUp: Act<R.SignUpInput, R.SignUpResult>;
    cancelSignup: Act<{ signupId: string }, { status: 'cancelled' }>;
    mySignups: Act<Empty, R.MySignup[]>;
    attend: Act<{ token: string }, R.AttendResult>;
    evaluate: Act<{ eventId: string; rating: number; comment?: string }, { eventId: string; rating: number; comment: string }>;
    questionnaire: Act<
      { eventId: string },
      {
        eventId: string;
        theme: string;
        units: string[];
        title: string;
        questions: Question[];
        answered: boolean;
        answeredAt: string | null;
      }
    >;
    answerQuestionnaire: Act<{ eventId: string; answers: Answer[] }, { eventId: string; answeredAt: string }>;
    erase: Act<Empty, { withdrawn: number; erased: number }>;
    showcase: Act<{ jurisdictionId: string }, ShowcaseItem[]>;
  };
}

export type FnName = keyof Api;
export type ActionOf<N extends FnName> = keyof Api[N] & string;
type ActOf<N extends FnName, A extends ActionOf<N>> = Api[N][A] extends Act<infer P, infer Res> ? Act<P, Res> : never;
export type PayloadOf<N extends FnName, A extends ActionOf<N>> = ActOf<N, A>['payload'];
export type ResultOf<N extends FnName, A extends ActionOf<N>> = ActOf<N, A>['result'];

// ---- Unit staff on site (issue 5): plan, check-in, photos, report, review, showcase ----

export type NextStep = UnitNext['step'];

export interface UnitEventSummary {
  eventId: string;
  seq?: number;
  theme: string;
  forms?: string[];
  units?: string[];
  months: Months;
  status: EventStatus;
  statusLabel?: string;
  date?: string;
  venue?: Venue & { address?: string };
  deadlines: { plan?: string; report?: string; materials?: string };
  next?: UnitNext;
  /** Open seats waiting for the office's review before residents see them (rules.listingNeedsReview). */
  listingNotice?: string | null;
}

export interface PlanVenue extends Venue {
  address?: string;
  /** An online event: the platform or link stands in for the address and position. */
  online?: boolean;
  platform?: string;
  link?: string;
}

export interface FilePlanInput {
  eventId: string;
  date: string;
  /** Last day of a multi-day event; the report and materials deadlines count from it. */
  endDate?: string;
  startTime?: string;
  venue: PlanVenue;
  forms?: string[];
  invitees?: string[];
  banner?: string;
  publicSeats?: number;
  signupDeadline?: string;
  attachmentFileID?: string;
  /** Agreed to fewer seats than confirmed: the latest confirmations go back to the waiting list. */
  shrinkSeats?: boolean;
}

export interface FilePlanResult {
  version: number;
  endDate?: string;
  planDeadline: string;
  reportDeadline: string;
  materialsDeadline?: string | null;
  warnings?: string[];
  /** Sign-ups moved by the new seat number, and residents told of the changes. */
  seats: { promoted: number; movedBack: number; notified: number };
}

/** At a venue: the phone's position. Online: a screenshot (under events/<id>/checkin/) or a link instead. */
export type CheckInInput =
  | { eventId: string; latitude: number; longitude: number; accuracy?: number }
  | { eventId: string; evidenceFileID: string }
  | { eventId: string; evidenceLink: string };

export interface CheckInResult {
  checkinId: string;
  at: string;
  distanceMeters: number | null;
  flags: string[];
}

export interface AddPhotoInput {
  eventId: string;
  fileID: string;
  sha256: string;
  stamped: boolean;
  source?: PhotoSource;
  /** The list thumbnail (≤ 40 KB JPEG), uploaded beside the photo. */
  thumbFileID?: string;
  takenAt?: string;
  latitude?: number;
  longitude?: number;
  width?: number;
  height?: number;
  bytes?: number;
}

/** How every photo list shows a photo: the thumbnail, the original on tap, the album mark. */
export interface PhotoLinks {
  /** The original, opened on tap. */
  url: string | null;
  /** What lists show; the original for photos from before thumbnails. */
  thumbUrl: string | null;
  source: PhotoSource;
}

export interface EventPhoto extends PhotoLinks {
  photoId: string;
  fileID: string;
  stamped: boolean;
  hasLogo: boolean;
  logoConfirmed?: boolean;
  takenAt?: string | null;
  uploadedAt?: string;
}

export interface ReportDraft {
  title: string;
  paragraphs: string[];
  photoIds: string[];
  videoFileIDs?: string[];
  attendance?: Attendance | null;
  publicRaised?: string | null;
  parts?: SubmitReportInput['parts'] | null;
  participants?: number | null;
  newsRelease?: SubmitReportInput['newsRelease'] | null;
}

export type Attendance = Partial<Record<'total' | 'deputies' | 'experts' | 'media' | 'residents', number>>;

export interface SubmitReportInput {
  eventId: string;
  title: string;
  paragraphs: string[];
  photoIds: string[];
  videoFileIDs?: string[];
  attendance?: Attendance;
  publicRaised?: string;
  /** 活动概况 / 经验做法 / 工作实效 (雨花区's notice). */
  parts?: Partial<Record<'overview' | 'practices' | 'results', string>>;
  /** 参与人数, prefilled from sign-ups and scan-ins. */
  participants?: number;
  videos?: Array<{ fileID: string; bytes: number; seconds: number }>;
  /** The 新闻稿 as its own text, checked by the keyword rule. */
  newsRelease?: { title: string; paragraphs: string[] };
}

export interface SubmitMaterialsInput {
  eventId: string;
  photoIds: string[];
  text: string;
}

export interface SubmitMaterialsResult {
  materialsId: string;
  version: number;
  submittedAt: string;
  deadline: string | null;
  late: boolean;
  workdaysLate: number;
}

export interface EventMaterials extends SubmitMaterialsResult {
  text: string;
  photoIds: string[];
}

export interface OfficeContactCard {
  jurisdictionId: string;
  office: string;
  name: string;
  phone: string;
  email: string;
}

export interface SubmitReportResult {
  reportId: string;
  version: number;
  late: boolean;
  workdaysLate?: number;
  deadline: string;
  keyword: Record<KeywordPlace, boolean>;
}

export interface EventReport extends ReportDraft {
  reportId: string;
  version: number;
  status: string;
  late?: boolean;
  workdaysLate?: number;
  submittedAt?: string;
  /** The office's comment when it returned or approved this version. */
  comment?: string | null;
  reviewedAt?: string | null;
  deadline?: string;
}

/** A filed plan: what was filed, with its version and time. */
export type EventPlan = Omit<FilePlanInput, 'eventId' | 'shrinkSeats'> & { version: number; filedAt?: string; uncapped?: boolean };

export interface UnitEventDetail {
  event: Omit<UnitEventSummary, 'deadlines'> & { jurisdictionId?: string; year?: number; plannedDate?: string | null };
  plan: EventPlan | null;
  deadlines: { plan: string; report: string; materials: string | null } | null;
  next?: UnitEventSummary['next'] & { earliestDate?: string };
  checkin: (CheckInResult & { latitude?: number; longitude?: number; accuracy?: number }) | null;
  photos: EventPhoto[];
  report: EventReport | null;
  draft: (ReportDraft & { savedAt?: string }) | null;
  /** The rules and calendar the server applies to this event: the plan form previews deadlines with exactly these. */
  rules: Pick<
    Rules,
    | 'keyword'
    | 'reportKeywordPlaces'
    | 'minLogoPhotos'
    | 'bannerTemplates'
    | 'planLeadWorkdays'
    | 'reportWithinWorkdays'
    | 'materialsWithinWorkdays'
    | 'calendar'
  > &
    Partial<Pick<Rules, 'preset'>>;
  materials?: EventMaterials | null;
  participants?: { confirmed: number; attended: number; suggested: number };
  contact?: { office: string; name: string; phone: string; email: string };
  suggestedBanner?: string | null;
  earliestDate?: string | null;
  logoUrl?: string | null;
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
    | (EventReport & {
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

/** unit.questionnaireResults: the definition, and every answer counted. */
export interface QuestionnaireResults {
  eventId: string;
  title: string;
  definition: Question[];
  editable: boolean;
  respondents: number;
  questions: QuestionResult[];
  summary: string[];
  attached: { lines: string[]; respondents: number; at: string } | null;
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

export interface ShowcaseItem {
  reportId: string;
  eventId: string;
  theme: string;
  title: string;
  paragraphs: string[];
  units?: string[];
  date?: string;
  approvedAt?: string | null;
  publishedAt?: string | null;
  /** thumbUrl for the list, url (the original) when opened. */
  photos: Array<{ url: string; thumbUrl: string }>;
}

// ---- The office's desk (issue 4): plan import, the year at a glance, units, rules ----

export type RedeemResult =
  | { role?: 'unit'; unitId: string; jurisdictionId: string; unitName?: string; jurisdictionName?: string }
  | { role: 'office'; jurisdictionId: string; jurisdictionName: string; unitId?: undefined };

/** Exactly one of text (pasted table) and fileID (an uploaded .xlsx). */
export type ImportPlanInput = { jurisdictionId: string; year: number; dryRun?: boolean; removeMissing?: boolean } & (
  { text: string; fileID?: undefined } | { fileID: string; text?: undefined }
);

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
  listing: { planVersion: number; by: string; at: string } | null;
  plans: Array<{
    version: number;
    date: string;
    startTime: string | null;
    endDate?: string;
    venue: PlanVenue;
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
