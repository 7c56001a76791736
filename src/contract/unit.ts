// unit: what a responsible unit's staff do, mostly on their phones at the event site.
import { z } from 'zod';
import type { EventStatus } from '../domain/lifecycle';
import type { UnitNext } from '../domain/nextStep';
import type { PhotoSource } from '../domain/photos';
import type { Question, QuestionResult } from '../domain/questionnaire';
import { questionnaireSchema } from '../domain/questionnaire';
import { partsToParagraphs, VIDEO_LIMITS } from '../domain/reportParts';
import type { KeywordPlace, Rules } from '../domain/rules';
import { IDENTITIES, type Identity } from '../domain/signups';
import { isValidDate } from '../domain/time';
import { visible } from '../domain/zodChinese';
import { defineAction } from './define';
import { CLOUD_FILE_ID, empty, evidenceFields, id, onlineVenueFields } from './fields';

// ---- inputs ----

const eventOnly = z.object({ eventId: id }).strict();

const venueSchema = z
  .object({
    name: visible(z.string().trim().min(2).max(60)),
    address: z.string().trim().max(120).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    ...onlineVenueFields,
  })
  .strict()
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), { message: '经度和纬度须同时填写', path: ['latitude'] });

const filePlanInput = z
  .object({
    eventId: id,
    date: z.string().refine(isValidDate, { message: '日期须为有效日期，格式如 2023-05-04' }),
    endDate: z.string().refine(isValidDate, { message: '结束日期须为有效日期，格式如 2023-05-05' }).optional(),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间格式如 09:30')
      .optional(),
    venue: venueSchema,
    forms: z.array(z.string().trim().min(1).max(30)).min(1).max(10).optional(),
    invitees: z
      .array(z.enum(IDENTITIES))
      .max(IDENTITIES.length)
      .refine((a) => new Set(a).size === a.length, { message: '邀请对象不能重复' })
      .optional(),
    banner: visible(z.string().trim().min(4).max(80)).optional(),
    publicSeats: z.number().int().min(0).max(2000).optional(),
    signupDeadline: z.string().datetime({ offset: true }).optional(),
    attachmentFileID: z.string().regex(CLOUD_FILE_ID, '附件须先上传，再提交文件 ID').optional(),
    // The unit agreed that fewer seats move the latest confirmations back to the waiting list.
    shrinkSeats: z.boolean().optional(),
  })
  .strict();

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

const checkInInput = z
  .object({
    eventId: id,
    latitude: lat.optional(),
    longitude: lng.optional(),
    accuracy: z.number().min(0).max(100_000).optional(),
    ...evidenceFields,
  })
  .strict();

const addPhotoInput = z
  .object({
    eventId: id,
    fileID: z.string().regex(CLOUD_FILE_ID, '请先上传照片，再提交文件 ID（cloud://…）'),
    thumbFileID: z.string().regex(CLOUD_FILE_ID, '请先上传缩略图，再提交文件 ID（cloud://…）').optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'sha256 须为 64 位十六进制')
      .transform((s) => s.toLowerCase()),
    stamped: z.boolean(),
    source: z.enum(['camera', 'album']).optional(),
    takenAt: z.string().datetime({ offset: true }).optional(),
    latitude: lat.optional(),
    longitude: lng.optional(),
    width: z.number().int().min(1).max(20_000).optional(),
    height: z.number().int().min(1).max(20_000).optional(),
    bytes: z.number().int().min(1).max(50_000_000).optional(),
  })
  .strict();

const removePhotoInput = z
  .object({
    eventId: id,
    fileID: z.string().regex(CLOUD_FILE_ID, '请选择要删除的照片'),
  })
  .strict();

const count = z.number().int().min(0).max(100_000);
const reportFields = {
  eventId: id,
  title: visible(z.string().trim().max(100)),
  paragraphs: z.array(z.string().max(5000)).max(60),
  photoIds: z
    .array(z.string().min(1).max(200))
    .max(50)
    .refine((a) => new Set(a).size === a.length, { message: '照片不能重复' }),
  videoFileIDs: z.array(z.string().regex(CLOUD_FILE_ID, '视频须先上传，再提交文件 ID')).max(10).optional(),
  attendance: z.object({ total: count, deputies: count, experts: count, media: count, residents: count }).partial().strict().optional(),
  publicRaised: z.string().trim().max(2000).optional(),
  // The parts 雨花区's notice names; paragraphs stay the report's full text.
  parts: z
    .object({ overview: z.string().trim().max(5000), practices: z.string().trim().max(5000), results: z.string().trim().max(5000) })
    .partial()
    .strict()
    .optional(),
  participants: count.optional(),
  videos: z
    .array(
      z
        .object({
          fileID: z.string().regex(CLOUD_FILE_ID, '视频须先上传，再提交文件 ID'),
          bytes: z.number().int().min(1),
          seconds: z.number().min(0),
        })
        .strict(),
    )
    .max(VIDEO_LIMITS.maxCount, `短视频最多${VIDEO_LIMITS.maxCount}段`)
    .optional(),
  newsRelease: z
    .object({ title: z.string().trim().min(4).max(100), paragraphs: z.array(z.string().max(5000)).min(1).max(60) })
    .strict()
    .optional(),
};

const saveDraftInput = z.object(reportFields).strict();

const submitReportInput = z
  .object({ ...reportFields, title: visible(z.string().trim().min(4).max(100)) })
  .strict()
  .refine((r) => r.paragraphs.some((p) => p.trim()) || partsToParagraphs(r.parts ?? {}).length > 0, {
    message: '正文不能为空：请填写活动概况、经验做法或工作实效',
    path: ['paragraphs'],
  });

export const MATERIALS_TEXT = { min: 10, max: 1000 } as const;

const submitMaterialsInput = z
  .object({
    eventId: id,
    photoIds: z
      .array(z.string().min(1).max(200))
      .min(1, '请至少选择1张活动照片')
      .max(20, '照片不超过20张')
      .refine((a) => new Set(a).size === a.length, { message: '照片不能重复' }),
    text: z
      .string()
      .trim()
      .min(MATERIALS_TEXT.min, `文字说明至少${MATERIALS_TEXT.min}个字`)
      .max(MATERIALS_TEXT.max, `文字说明不超过${MATERIALS_TEXT.max}个字`),
  })
  .strict();

export type FilePlanInput = z.input<typeof filePlanInput>;
export type CheckInInput = z.input<typeof checkInInput>;
export type AddPhotoInput = z.input<typeof addPhotoInput>;
export type SubmitReportInput = z.input<typeof submitReportInput>;
export type SubmitMaterialsInput = z.input<typeof submitMaterialsInput>;
export type Attendance = NonNullable<SubmitReportInput['attendance']>;

// ---- results ----

export type Months = { from: number; to: number } | null;

export interface Venue {
  name: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  /** An online event: the platform or link stands in for the address and position. */
  online?: boolean;
  platform?: string;
  link?: string;
}

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
  venue?: Venue;
  deadlines: { plan?: string; report?: string; materials?: string };
  next?: UnitNext;
  /** Open seats waiting for the office's review before residents see them (rules.listingNeedsReview). */
  listingNotice?: string | null;
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

export interface CheckInResult {
  checkinId: string;
  at: string;
  distanceMeters: number | null;
  flags: string[];
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

/** A filed plan: what was filed, with its version and time. */
export type EventPlan = Omit<FilePlanInput, 'eventId' | 'shrinkSeats'> & { version: number; filedAt?: string; uncapped?: boolean };

export interface UnitEventDetail {
  event: Omit<UnitEventSummary, 'deadlines'> & { jurisdictionId?: string; year?: number; plannedDate?: string | null };
  plan: EventPlan | null;
  deadlines: { plan: string; report: string; materials: string | null } | null;
  next?: UnitEventSummary['next'] & { earliestDate?: string };
  checkin: (CheckInResult & { latitude?: number; longitude?: number; accuracy?: number | null }) | null;
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

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** A resident signed up for the event, as its unit and office see them. */
export interface Attendee {
  signupId: string;
  name: string;
  phone: string;
  identity: Identity;
  status: SignupStatus;
  attended: boolean;
  attendedAt: string | null;
  position: number | null;
}

export interface EventCode {
  fileID: string;
  url: string;
  token: string;
  scene: string;
  page: string;
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

export interface ExcelFile {
  fileID: string;
  url: string;
  fileName: string;
}

export const unit = {
  myEvents: defineAction(empty).returns<UnitEventSummary[]>(),
  eventDetail: defineAction(eventOnly).returns<UnitEventDetail>(),
  filePlan: defineAction(filePlanInput).returns<FilePlanResult>(),
  checkIn: defineAction(checkInInput).returns<CheckInResult>(),
  addPhoto: defineAction(addPhotoInput).returns<{ photoId: string; hasLogo: boolean }>(),
  removePhoto: defineAction(removePhotoInput).returns<{ photoId: string; removed: true }>(),
  saveDraft: defineAction(saveDraftInput).returns<{ savedAt: string }>(),
  submitReport: defineAction(submitReportInput).returns<SubmitReportResult>(),
  attendees: defineAction(eventOnly).returns<Attendee[]>(),
  eventCode: defineAction(eventOnly).returns<EventCode>(),
  setQuestionnaire: defineAction(questionnaireSchema.extend({ eventId: id }).strict()).returns<{
    eventId: string;
    version: number;
    questions: number;
  }>(),
  questionnaireResults: defineAction(eventOnly).returns<QuestionnaireResults>(),
  exportQuestionnaire: defineAction(eventOnly).returns<ExcelFile>(),
  attachQuestionnaire: defineAction(eventOnly).returns<{ eventId: string; respondents: number; lines: string[]; at: string }>(),
  submitMaterials: defineAction(submitMaterialsInput).returns<SubmitMaterialsResult>(),
  contacts: defineAction(empty).returns<OfficeContactCard[]>(),
};
