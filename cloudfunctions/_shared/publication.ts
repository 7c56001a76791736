// What publishing adds to a report (and to an event's open-seat listing where the
// office reviews listings too): the text exactly as the office reviewed it
// (personal data masked, content check passed), who confirmed the two checks and
// when, and every publish and take-down on record. The public column (showcase,
// the website export) reads only this published copy.
import type { ReportDoc } from './records';

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
