/**
 * An event's open seats listed for residents. Where the office's rules ask for it
 * (`listingNeedsReview`), a listing is public text like a report: the office reviews
 * it for secrets and personal data before residents can see it or sign up
 * (谁主管、谁公开、谁审查). The release covers one plan version: a re-filed plan
 * changes what residents read, so it is reviewed again.
 */
import type { Step } from './lifecycle';

export interface ListingRules {
  listingNeedsReview?: boolean;
}

export interface ListingRelease {
  planVersion: number;
}

export interface ListingEvent {
  plan?: { version: number; date: string; publicSeats: number };
  listing?: ListingRelease | null;
}

/** none: no open seats; open: listed without review; pending: awaiting the office; released: reviewed and listed. */
export type ListingState = 'none' | 'open' | 'pending' | 'released';

export function listingState(rules: ListingRules, e: ListingEvent): ListingState {
  if (!e.plan || e.plan.publicSeats <= 0) return 'none';
  if (!rules.listingNeedsReview) return 'open';
  return e.listing?.planVersion === e.plan.version ? 'released' : 'pending';
}

/** Whether residents may see the event in listings and sign up for it. */
export function listedForResidents(rules: ListingRules, e: ListingEvent): boolean {
  const state = listingState(rules, e);
  return state === 'open' || state === 'released';
}

export const LISTING_STEP: Step<'release_listing'> = {
  step: 'release_listing',
  label: '审查报名信息后开放市民报名',
  waiting: '待公开办审查后开放报名',
};
