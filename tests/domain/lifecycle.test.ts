import { EVENT_STATUSES, LIFECYCLE_EVENTS, STATUS_LABELS, transition, type EventStatus, type LifecycleEvent } from '@/domain/lifecycle';

const allowed: [string, EventStatus, LifecycleEvent, EventStatus][] = [
  ['首次报备方案', 'planned', 'FILE_PLAN', 'plan_filed'],
  ['活动前重新报备方案（新版本）', 'plan_filed', 'FILE_PLAN', 'plan_filed'],
  ['现场签到', 'plan_filed', 'CHECK_IN', 'held'],
  ['重复签到不改变状态', 'held', 'CHECK_IN', 'held'],
  ['举办后提交报告', 'held', 'SUBMIT_REPORT', 'reported'],
  ['退回后重新提交报告', 'returned', 'SUBMIT_REPORT', 'reported'],
  ['公开办退回报告', 'reported', 'RETURN', 'returned'],
  ['公开办通过报告', 'reported', 'APPROVE', 'approved'],
  ['公开审查后发布到专栏', 'approved', 'PUBLISH', 'published'],
  ['从专栏撤下，回到待公开审查', 'published', 'UNPUBLISH', 'approved'],
];

test.each(allowed)('允许：%s（%s + %s → %s）', (_name, from, event, to) => {
  expect(transition(from, event)).toEqual({ ok: true, state: to });
});

const allowedKeys = new Set(allowed.map(([, from, event]) => `${from}:${event}`));
const refused = EVENT_STATUSES.flatMap((from) =>
  LIFECYCLE_EVENTS.filter((event) => !allowedKeys.has(`${from}:${event}`)).map(
    (event) => [`${STATUS_LABELS[from]}时不能 ${event}`, from, event] as [string, EventStatus, LifecycleEvent],
  ),
);

// Asks the table itself: the pairs transition() lets through must be exactly the
// allowed list above, so a move added to (or dropped from) the table fails here.
test('每个状态×事件都有定义：允许的恰好是上面列出的，其余拒绝', () => {
  const letThrough = EVENT_STATUSES.flatMap((from) =>
    LIFECYCLE_EVENTS.filter((event) => transition(from, event).ok).map((event) => `${from}:${event}`),
  );
  expect(letThrough.sort()).toEqual([...allowedKeys].sort());
  expect(allowedKeys.size).toBe(allowed.length);
});

test.each(refused)('拒绝：%s', (_name, from, event) => {
  const result = transition(from, event);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe('CONFLICT');
    expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
  }
});

test.each([
  ['未报备就签到，提示先报备', 'planned', 'CHECK_IN', '请先报备'],
  ['未签到就交报告，提示先签到', 'plan_filed', 'SUBMIT_REPORT', '签到'],
  ['已举办后不能改方案', 'held', 'FILE_PLAN', '联系公开办'],
  ['未通过审核不能公开', 'reported', 'PUBLISH', '请先审核通过'],
  ['已公开不能重复公开', 'published', 'PUBLISH', '无需重复公开'],
  ['未公开不能撤下', 'approved', 'UNPUBLISH', '只有已公开'],
] as [string, EventStatus, LifecycleEvent, string][])('%s', (_n, from, event, text) => {
  const r = transition(from, event);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toContain(text);
});

test('状态中文标签', () => {
  expect(Object.values(STATUS_LABELS)).toEqual(['待报备', '已报备', '已举办', '已报告', '已退回', '待公开审查', '已公开']);
});
