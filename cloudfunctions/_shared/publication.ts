// What publishing adds to a report (and to an event's open-seat listing where the
// office reviews listings too): the text exactly as the office reviewed it
// (personal data masked, content check passed), who confirmed the two checks and
// when, and every publish and take-down on record. The public column (showcase,
// the website export) reads only this published copy.
import { z } from 'zod';
import type { ReportDoc } from './records';

const mustConfirm = (message: string) => z.boolean().refine((v) => v, { message });

/** The two checks whoever publishes confirms (谁公开、谁审查): both must be true. */
export const checksSchema = z
  .object({
    secrecy: mustConfirm('请确认已审查：不含国家秘密、工作秘密和敏感信息'),
    personalData: mustConfirm('请确认已审查：个人信息已遮挡，不含群众姓名和电话'),
  })
  .strict();

export interface PublicationChecks {
  secrecy: true;
  personalData: true;
}

export interface Publication {
  title: string;
  paragraphs: string[];
  photoFileIDs: string[];
  masked: number;
  checks: PublicationChecks;
  contentCheck: 'pass';
  by: string;
  at: Date;
}

export type PublicationEntry =
  { kind: 'publish'; by: string; at: Date; checks: PublicationChecks } | { kind: 'unpublish'; by: string; at: Date; reason: string };

export type PublishableReport = ReportDoc & {
  publication?: Publication;
  publishedAt?: Date;
  publicationLog?: PublicationEntry[];
};

/** An open-seat listing the office reviewed: the plan version it read, the two checks, who and when. */
export interface ListingRecord {
  planVersion: number;
  checks: PublicationChecks;
  contentCheck: 'pass';
  by: string;
  at: Date;
}

export type ListingEntry =
  | { kind: 'release'; planVersion: number; by: string; at: Date; checks: PublicationChecks }
  | { kind: 'withdraw'; by: string; at: Date; reason: string };
