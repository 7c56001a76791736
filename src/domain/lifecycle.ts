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

export const STATUS_LABELS: Record<EventStatus, string> = {
  planned: '待报备',
  plan_filed: '已报备',
  held: '已举办',
  reported: '已报告',
  returned: '已退回',
  // Approved but not yet in the public column: the office still owes the publishing review.
  approved: '待公开审查',
  published: '已公开',
};

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
