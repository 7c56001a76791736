/**
 * One event's lifecycle: planned → plan_filed → held → reported → approved/returned → published.
 * Approval says the report is complete; publishing is the office's separate review
 * for secrets and personal data (谁主管、谁公开、谁审查), and can be taken back.
 */
import type { ErrorCode } from './errors';

export type EventStatus = 'planned' | 'plan_filed' | 'held' | 'reported' | 'returned' | 'approved' | 'published';
export type LifecycleEvent = 'FILE_PLAN' | 'CHECK_IN' | 'SUBMIT_REPORT' | 'RETURN' | 'APPROVE' | 'PUBLISH' | 'UNPUBLISH';

export const EVENT_STATUSES: readonly EventStatus[] = ['planned', 'plan_filed', 'held', 'reported', 'returned', 'approved', 'published'];
export const LIFECYCLE_EVENTS: readonly LifecycleEvent[] = [
  'FILE_PLAN',
  'CHECK_IN',
  'SUBMIT_REPORT',
  'RETURN',
  'APPROVE',
  'PUBLISH',
  'UNPUBLISH',
];

export type StatusGroup = 'open' | 'held' | 'done';
/** Which deadline a unit step runs against (the event day itself for the check-in). */
export type StepDue = 'plan' | 'event' | 'report';
export type UnitStep = 'file_plan' | 'check_in' | 'submit_report' | 'fix_report' | 'wait_review';
export type OfficeStep = 'review_report' | 'publish_report';

export interface Step<S extends string> {
  step: S;
  /** What the one who owes the step reads: an instruction. */
  label: string;
  /** What everyone else reads while waiting for it. */
  waiting: string;
  due?: StepDue;
}

export interface StatusRow {
  label: string;
  /** open: not held yet; held: held, the paperwork still moving; done: nothing left to do. */
  group: StatusGroup;
  unitNext: Step<UnitStep> | null;
  officeNext: Step<OfficeStep> | null;
}

/**
 * The lifecycle in one table: every screen, the dashboard and the reminders read a
 * status's label, group and next steps from here. Approved is not done: the office
 * still owes the publishing review (谁主管、谁公开、谁审查).
 */
export const STATUS_TABLE: Record<EventStatus, StatusRow> = {
  planned: {
    label: '待报备',
    group: 'open',
    unitNext: { step: 'file_plan', label: '报备活动方案', waiting: '待报备', due: 'plan' },
    officeNext: null,
  },
  plan_filed: {
    label: '已报备',
    group: 'open',
    unitNext: { step: 'check_in', label: '活动当天到现场签到', waiting: '待举办签到', due: 'event' },
    officeNext: null,
  },
  held: {
    label: '已举办',
    group: 'held',
    unitNext: { step: 'submit_report', label: '提交情况报告', waiting: '待提交情况报告', due: 'report' },
    officeNext: null,
  },
  reported: {
    label: '已报告',
    group: 'held',
    unitNext: { step: 'wait_review', label: '等待公开办审核', waiting: '待公开办审核' },
    officeNext: { step: 'review_report', label: '审核情况报告', waiting: '待公开办审核' },
  },
  returned: {
    label: '已退回',
    group: 'held',
    unitNext: { step: 'fix_report', label: '按公开办意见修改后重新提交报告', waiting: '待单位修改重报', due: 'report' },
    officeNext: null,
  },
  approved: {
    label: '待公开审查',
    group: 'held',
    unitNext: null,
    officeNext: { step: 'publish_report', label: '公开审查后发布到专栏', waiting: '待公开审查' },
  },
  published: { label: '已公开', group: 'done', unitNext: null, officeNext: null },
};

export const STATUS_LABELS: Record<EventStatus, string> = Object.fromEntries(
  EVENT_STATUSES.map((s) => [s, STATUS_TABLE[s].label]),
) as Record<EventStatus, string>;

/** A row taken out of the year's plan by a re-import: shown in place of its status. */
export const REMOVED_LABEL = '已移出计划';
export const DONE_LABEL = '已完成';

/** The statuses whose row passes `test`, in lifecycle order (for database queries). */
export function statusesWhere(test: (row: StatusRow) => boolean): EventStatus[] {
  return EVENT_STATUSES.filter((s) => test(STATUS_TABLE[s]));
}

/** The unit owes nothing more on the event (approved or published): its photos and report are final. */
export const unitIsDone = (status: EventStatus): boolean => STATUS_TABLE[status].unitNext === null;

/** The event took place: checked in, or its status is past the open group (a report came in without a check-in). */
export function isHeld(e: { status: EventStatus; checkin?: unknown }): boolean {
  return Boolean(e.checkin) || STATUS_TABLE[e.status].group !== 'open';
}

export type TransitionResult = { ok: true; state: EventStatus } | { ok: false; code: ErrorCode; message: string };

/**
 * Allowed moves. Re-filing a plan before the event is held is a new version.
 * A report needs a check-in first (held) or a returned report to fix: we do not
 * accept a report straight from plan_filed, because the check-in is the proof the
 * event took place.
 */
const TABLE: Record<LifecycleEvent, Partial<Record<EventStatus, EventStatus>>> = {
  FILE_PLAN: { planned: 'plan_filed', plan_filed: 'plan_filed' },
  CHECK_IN: { plan_filed: 'held', held: 'held' },
  SUBMIT_REPORT: { held: 'reported', returned: 'reported' },
  RETURN: { reported: 'returned' },
  APPROVE: { reported: 'approved' },
  PUBLISH: { approved: 'published' },
  UNPUBLISH: { published: 'approved' },
};

const REFUSALS: Record<LifecycleEvent, (from: EventStatus) => string> = {
  FILE_PLAN: (from) => `活动${STATUS_LABELS[from]}，不能再修改方案；如需调整请联系公开办。`,
  CHECK_IN: (from) => (from === 'planned' ? '请先报备活动方案，再到现场签到。' : `活动${STATUS_LABELS[from]}，无需再签到。`),
  SUBMIT_REPORT: (from) =>
    from === 'planned' || from === 'plan_filed'
      ? '请先在活动现场签到，再提交情况报告。'
      : `情况报告${STATUS_LABELS[from]}，不能重复提交；如需修改请等待公开办退回。`,
  RETURN: (from) => `只有待审核（已报告）的情况报告可以退回，当前状态为“${STATUS_LABELS[from]}”。`,
  APPROVE: (from) => `只有待审核（已报告）的情况报告可以通过，当前状态为“${STATUS_LABELS[from]}”。`,
  PUBLISH: (from) =>
    from === 'published' ? '该报告已在公开专栏中，无需重复公开。' : `请先审核通过情况报告再公开，当前状态为“${STATUS_LABELS[from]}”。`,
  UNPUBLISH: (from) => `只有已公开的报告可以撤下，当前状态为“${STATUS_LABELS[from]}”。`,
};

export function transition(state: EventStatus, event: LifecycleEvent): TransitionResult {
  const next = TABLE[event][state];
  if (next) return { ok: true, state: next };
  return { ok: false, code: 'CONFLICT', message: REFUSALS[event](state) };
}

export function canTransition(state: EventStatus, event: LifecycleEvent): boolean {
  return TABLE[event][state] !== undefined;
}
