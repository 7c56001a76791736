// Shapes of the resident actions (and the unit/office ones about residents),
// referenced from src/api/types.ts so call() is typed end to end.
import type { Identity } from '../domain/signups';

export type SignupIdentity = Identity;
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface PublicVenue {
  name: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface OpenEvent {
  eventId: string;
  jurisdictionId: string;
  jurisdictionName: string;
  theme: string;
  units: string[];
  forms: string[];
  date: string;
  startTime: string | null;
  venue: PublicVenue;
  seats: number;
  confirmed: number;
  waitlisted: number;
  signupDeadline: string | null;
  signupOpen: boolean;
}

export interface EventDetail extends OpenEvent {
  jurisdictionName: string;
  mySignup: {
    signupId: string;
    status: 'confirmed' | 'waitlisted';
    position: number | null;
    attended: boolean;
    evaluated: boolean;
    /** Attended and the event has started: evaluate will accept. */
    canEvaluate: boolean;
  } | null;
}

export interface SignUpInput {
  eventId: string;
  name: string;
  phone: string;
  identity: SignupIdentity;
  /** Optional for contract callers; the app always sends true (the form requires the tick). */
  consent?: true;
}

export interface SignUpResult {
  signupId: string;
  status: 'confirmed' | 'waitlisted';
  position?: number;
}

export interface MySignup {
  signupId: string;
  eventId: string;
  status: SignupStatus;
  position: number | null;
  theme: string;
  units: string[];
  date: string | null;
  startTime: string | null;
  venue: { name: string } | null;
  attended: boolean;
  evaluated: boolean;
  past: boolean;
  /** The event's start time has passed: no longer "即将参加". */
  started: boolean;
  /** Attended, not yet evaluated, and started: evaluate will accept. */
  canEvaluate: boolean;
  cancellable: boolean;
  cancelDeadline: string | null;
}

export interface AttendResult {
  eventId: string;
  theme: string;
  date: string;
  attendedAt: string;
  already: boolean;
  /** When evaluation opens (the event's start), +08:00. */
  evaluateFrom: string;
  canEvaluate: boolean;
}

export interface Attendee {
  signupId: string;
  name: string;
  phone: string;
  identity: SignupIdentity;
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

export interface Ratings {
  events: Array<{ eventId: string; theme: string; units: string[]; count: number; average: number | null; comments: string[] }>;
  units: Array<{ unitId: string; name: string; count: number; average: number | null }>;
}
