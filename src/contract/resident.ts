// resident: any WeChat user finding events, signing up, scanning in and evaluating;
// the public column needs no identity.
import { z } from 'zod';
import { answerSchema, MAX_QUESTIONS, type Question } from '../domain/questionnaire';
import { MOBILE_RE } from '../domain/privacy';
import { IDENTITIES, type Identity } from '../domain/signups';
import { isValidDate } from '../domain/time';
import { visible } from '../domain/zodChinese';
import { defineAction } from './define';
import { empty, id } from './fields';
import type { SignupStatus } from './unit';

// ---- inputs ----

const eventOnly = z.object({ eventId: id }).strict();
const date = z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD');

const signUpInput = z
  .object({
    eventId: id,
    name: visible(z.string().trim().min(2, '姓名至少 2 个字').max(20, '姓名最多 20 个字')),
    phone: visible(z.string().trim().regex(MOBILE_RE, '请填写 11 位手机号')),
    identity: z.enum(IDENTITIES),
    // Optional for contract callers (the contract's signUp has no consent field);
    // the app always sends true after the box is ticked. false is refused.
    consent: z.literal(true, { errorMap: () => ({ message: '请先阅读并同意个人信息保护说明' }) }).optional(),
  })
  .strict();

const evaluateInput = z
  .object({
    eventId: id,
    rating: z.number().int().min(1, '评分为 1–5 星').max(5, '评分为 1–5 星'),
    comment: z.string().trim().max(500, '评价最多 500 字').optional(),
  })
  .strict();

export type SignUpInput = z.input<typeof signUpInput>;

// ---- results ----

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

export interface ShowcaseItem {
  reportId: string;
  eventId: string;
  theme: string;
  title: string;
  paragraphs: string[];
  units: string[];
  date: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  /** thumbUrl for the list, url (the original) when opened. */
  photos: Array<{ url: string; thumbUrl: string }>;
}

export interface ResidentQuestionnaire {
  eventId: string;
  theme: string;
  units: string[];
  title: string;
  questions: Question[];
  answered: boolean;
  answeredAt: string | null;
}

export type { Identity };

export const resident = {
  openEvents: defineAction(z.object({ jurisdictionId: id.optional(), from: date.optional(), to: date.optional() }).strict()).returns<
    OpenEvent[]
  >(),
  eventDetail: defineAction(eventOnly).returns<EventDetail>(),
  showcase: defineAction(z.object({ jurisdictionId: id, before: z.string().datetime({ offset: true }).optional() }).strict()).returns<
    ShowcaseItem[]
  >(),
  signUp: defineAction(signUpInput).returns<SignUpResult>(),
  cancelSignup: defineAction(z.object({ signupId: z.string().min(1).max(200) }).strict()).returns<{ status: 'cancelled' }>(),
  mySignups: defineAction(empty).returns<MySignup[]>(),
  attend: defineAction(z.object({ token: z.string().trim().min(4).max(40) }).strict()).returns<AttendResult>(),
  evaluate: defineAction(evaluateInput).returns<{ eventId: string; rating: number; comment: string }>(),
  erase: defineAction(empty).returns<{ withdrawn: number; erased: number }>(),
  questionnaire: defineAction(eventOnly).returns<ResidentQuestionnaire>(),
  answerQuestionnaire: defineAction(z.object({ eventId: id, answers: z.array(answerSchema).min(1).max(MAX_QUESTIONS) }).strict()).returns<{
    eventId: string;
    answeredAt: string;
  }>(),
};
