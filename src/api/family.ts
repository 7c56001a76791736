// Types of the city ↔ county links, the review figures and the evidence pack
// (office.family, inviteChild, acceptParent, unlink*, dashboard extras, evidencePack).
import type { Figures } from '../domain/figures';
import type { DashboardCounts } from './types';

export type ReviewFigures = Figures;

export interface ChildRow extends DashboardCounts {
  jurisdictionId: string;
  name: string;
  figures: ReviewFigures;
}

/** What office.dashboard adds with `figures` or `includeChildren`. */
export interface DashboardReview {
  totals?: DashboardCounts;
  figures?: { total: ReviewFigures; units: Array<{ unitId: string; name: string } & ReviewFigures> };
  children?: ChildRow[];
}

export interface Family {
  level: 'city' | 'county' | 'district';
  parent: { jurisdictionId: string; name: string; linkedAt: string } | null;
  children: Array<{ jurisdictionId: string; name: string; level: string; linkedAt: string }>;
}

export interface EvidencePackInput {
  jurisdictionId: string;
  year: number;
  unitId?: string;
  packId?: string;
  pageEvents?: number;
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
