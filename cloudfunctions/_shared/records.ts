// What happens on the day and after: check-ins, photos, report versions and
// drafts. Kept apart from data.ts so the unit, office and resident functions
// share one definition of each record.
import type { KeywordPlace } from '../../src/domain/rules';
import type { LogoCheck } from './logoCheck';
import type { ReportPart } from '../../src/domain/reportParts';
import type { PhotoSource } from '../../src/domain/photos';

/** Drafts are working copies, never submissions: their own collection, one per event. */
export const DRAFTS = 'drafts';

export interface PhotoDoc {
  _id: string; // `${eventId}:${sha256}` — the same photo sent twice is stored once
  eventId: string;
  jurisdictionId: string;
  fileID: string;
  /** The small JPEG lists show (≤ 40 KB); absent on photos from before thumbnails. */
  thumbFileID?: string;
  sha256: string;
  /** What the app said; recorded, never counted. */
  stamped: boolean;
  /** Absent on older records: see photoSourceOf. An album photo never counts as a logo photo. */
  source?: PhotoSource;
  /** The server's logo check, or the office's confirmation by eye. */
  hasLogo: boolean;
  logoCheck?: LogoCheck;
  logoConfirmedBy?: string;
  logoConfirmedAt?: Date;
  takenAt?: string;
  latitude?: number;
  longitude?: number;
  width?: number;
  height?: number;
  bytes?: number;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface Attendance {
  total?: number;
  deputies?: number;
  experts?: number;
  media?: number;
  residents?: number;
}

export type ReportStatus = 'submitted' | 'returned' | 'approved';

export interface ReportDoc {
  _id: string; // `${eventId}:r${version}`
  eventId: string;
  jurisdictionId: string;
  version: number;
  // Copied from the event so the public column needs one query and no joins.
  theme: string;
  unitNames: string[];
  date: string | null;
  title: string;
  paragraphs: string[];
  photoIds: string[];
  photoFileIDs: string[];
  videoFileIDs: string[];
  attendance: Attendance | null;
  publicRaised: string | null;
  /** 活动概况 / 经验做法 / 工作实效 when the unit used the named parts. */
  parts?: Partial<Record<ReportPart, string>>;
  /** 参与人数 as the unit confirmed it (prefilled from sign-ups and scan-ins). */
  participants?: number;
  videos?: VideoRecord[];
  newsRelease?: NewsReleaseText;
  /** Where the keyword was checked: the separate news release, or the report standing in for it. */
  keywordSource?: 'newsRelease' | 'report';
  keyword: Record<KeywordPlace, boolean>;
  flags: string[];
  submittedBy: string;
  submittedAt: Date;
  deadline: string;
  late: boolean;
  workdaysLate: number;
  materialsLate: boolean | null;
  status: ReportStatus;
  review?: { decision: 'approve' | 'return'; comment: string | null; by: string; at: Date };
  approvedAt?: Date;
  /** Approved reports are public (resident.showcase). */
  public: boolean;
}

/** 专栏材料: photos of the event and a short text for the website column; every submission a version. */
export const MATERIALS = 'materials';

export interface MaterialsDoc {
  _id: string; // `${eventId}:m${version}`
  eventId: string;
  jurisdictionId: string;
  version: number;
  text: string;
  photoIds: string[];
  photoFileIDs: string[];
  submittedBy: string;
  submittedAt: Date;
  /** null when the jurisdiction has no materials rule. */
  deadline: string | null;
  late: boolean;
  workdaysLate: number;
}

export const materialsIdOf = (eventId: string, version: number) => `${eventId}:m${version}`;

/** The 新闻稿 as sent with a report: its own text, checked by the keyword rule. */
export interface NewsReleaseText {
  title: string;
  paragraphs: string[];
}

export interface VideoRecord {
  fileID: string;
  bytes: number;
  seconds: number;
}

export interface DraftDoc {
  _id: string; // the eventId
  eventId: string;
  title: string;
  paragraphs: string[];
  photoIds: string[];
  videoFileIDs: string[];
  attendance: Attendance | null;
  publicRaised: string | null;
  parts?: Partial<Record<ReportPart, string>>;
  participants?: number;
  newsRelease?: NewsReleaseText;
  savedBy: string;
  savedAt: Date;
}

export const reportIdOf = (eventId: string, version: number) => `${eventId}:r${version}`;
export const photoIdOf = (eventId: string, sha256: string) => `${eventId}:${sha256}`;
export const checkinIdOf = (eventId: string) => `${eventId}:checkin`;

/** The event id inside a report or photo id; the record itself is still checked against it. */
export function eventIdOf(recordId: string): string | null {
  const i = recordId.lastIndexOf(':');
  return i > 0 ? recordId.slice(0, i) : null;
}

/** A cloud storage file id as the app gets it from uploadFile. */

/** Drops undefined fields: the database stores what was given, not "undefined". */
export function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function omitId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}
