// Request/response types of every cloud function action, shared by screens.
// To add an action: add one line `name: Act<Payload, Result>` under its function
// (payload `Empty` when it takes nothing). call() picks the types up from here.
import type { Rules, RulesInput, KeywordPlace } from '../domain/rules';
import type { EventStatus } from '../domain/lifecycle';

export type ErrorBody = { code: string; message: string; details?: Record<string, unknown> };
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** One action: what goes in (besides `action`) and what comes back in `data`. */
export interface Act<P, R> {
  payload: P;
  result: R;
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
}

export interface Venue {
  name: string;
  latitude?: number;
  longitude?: number;
}

export type SignupIdentity = '人大代表' | '政协委员' | '专家学者' | '新闻媒体' | '普通市民';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface Api {
  account: {
    me: Act<Empty, Me>;
    redeemInvite: Act<{ code: string }, { unitId: string; jurisdictionId: string }>;
  };
  office: {
    bootstrap: Act<{ token: string; name: string; level: 'city' | 'county' | 'district' }, { jurisdictionId: string }>;
    setRules: Act<{ jurisdictionId: string; rules: RulesInput }, { rules: Rules }>;
    importPlan: Act<
      { jurisdictionId: string; year: number; text: string },
      { created: number; updated: number; unchanged: number; warnings: string[]; events: ImportedEvent[] }
    >;
    listUnits: Act<{ jurisdictionId: string }, Array<{ unitId: string; name: string; eventCount: number; staffCount: number }>>;
    invite: Act<{ unitId: string }, { code: string; expiresAt: string }>;
    dashboard: Act<
      { jurisdictionId: string; year: number },
      {
        units: Array<{
          unitId: string;
          name: string;
          events: number;
          planFiled: number;
          planOnTime: number;
          held: number;
          reported: number;
          reportOnTime: number;
          overdue: number;
        }>;
      }
    >;
    reviewReport: Act<{ reportId: string; decision: 'approve' | 'return'; comment?: string }, { status: EventStatus }>;
  };
  unit: {
    myEvents: Act<
      Empty,
      Array<{
        eventId: string;
        theme: string;
        months: Months;
        status: EventStatus;
        date?: string;
        deadlines: { plan?: string; report?: string; materials?: string };
      }>
    >;
    filePlan: Act<
      {
        eventId: string;
        date: string;
        startTime?: string;
        venue: Venue;
        invitees?: string[];
        banner?: string;
        publicSeats?: number;
        signupDeadline?: string;
      },
      { version: number; planDeadline: string; reportDeadline: string }
    >;
    checkIn: Act<
      { eventId: string; latitude: number; longitude: number; accuracy?: number },
      { checkinId: string; at: string; distanceMeters: number | null; flags: string[] }
    >;
    addPhoto: Act<
      { eventId: string; fileID: string; sha256: string; stamped: boolean; takenAt?: string; latitude?: number; longitude?: number },
      { photoId: string; hasLogo: boolean }
    >;
    submitReport: Act<
      { eventId: string; title: string; paragraphs: string[]; photoIds: string[] },
      { reportId: string; version: number; late: boolean; deadline: string; keyword: Record<KeywordPlace, boolean> }
    >;
    attendees: Act<
      { eventId: string },
      Array<{ signupId: string; name: string; phone: string; identity: SignupIdentity; status: SignupStatus; attended: boolean }>
    >;
  };
  resident: {
    openEvents: Act<
      { jurisdictionId?: string },
      Array<{ eventId: string; theme: string; units: string[]; date: string; venue: Venue; seats: number; confirmed: number; waitlisted: number }>
    >;
    signUp: Act<
      { eventId: string; name: string; phone: string; identity: SignupIdentity },
      { signupId: string; status: 'confirmed' | 'waitlisted' }
    >;
    cancelSignup: Act<{ signupId: string }, { status: 'cancelled' }>;
    mySignups: Act<Empty, Array<{ signupId: string; eventId: string; status: SignupStatus }>>;
    // The showcase's exact shape is the resident screens' to pin down.
    showcase: Act<{ jurisdictionId: string }, unknown>;
  };
}

export type FnName = keyof Api;
export type ActionOf<N extends FnName> = keyof Api[N] & string;
type ActOf<N extends FnName, A extends ActionOf<N>> = Api[N][A] extends Act<infer P, infer R> ? Act<P, R> : never;
export type PayloadOf<N extends FnName, A extends ActionOf<N>> = ActOf<N, A>['payload'];
export type ResultOf<N extends FnName, A extends ActionOf<N>> = ActOf<N, A>['result'];
