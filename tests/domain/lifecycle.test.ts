import {
  EVENT_STATUSES,
  isHeld,
  LIFECYCLE_EVENTS,
  STATUS_LABELS,
  STATUS_TABLE,
  statusesWhere,
  transition,
  type EventStatus,
  type LifecycleEvent,
  type StatusGroup,
  type StatusRow,
} from '@/domain/lifecycle';

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

// One row per status: its label, its group and who owes what next. A changed cell fails its row.
test.each<[string, EventStatus, string, StatusGroup, string | null, string | null]>([
  ['未报备：单位报备方案', 'planned', '待报备', 'open', 'file_plan', null],
  ['已报备未举办：单位到现场签到', 'plan_filed', '已报备', 'open', 'check_in', null],
  ['已举办：单位交报告', 'held', '已举办', 'held', 'submit_report', null],
  ['已报告：单位等待，公开办审核', 'reported', '已报告', 'held', 'wait_review', 'review_report'],
  ['已退回：单位修改重报', 'returned', '已退回', 'held', 'fix_report', null],
  ['已通过未公开：公开办还欠公开审查，不算完成', 'approved', '待公开审查', 'held', null, 'publish_report'],
  ['已公开：谁也不欠', 'published', '已公开', 'done', null, null],
])('状态表：%s', (_name, status, label, group, unitStep, officeStep) => {
  const row = STATUS_TABLE[status];
  expect([row.label, row.group, row.unitNext?.step ?? null, row.officeNext?.step ?? null]).toEqual([label, group, unitStep, officeStep]);
  expect(STATUS_LABELS[status]).toBe(label);
});

test('状态表的每个标签和步骤都是中文', () => {
  const texts = EVENT_STATUSES.flatMap((s) => {
    const r = STATUS_TABLE[s];
    return [r.label, r.unitNext?.label, r.unitNext?.waiting, r.officeNext?.label, r.officeNext?.waiting].filter(Boolean);
  });
  for (const t of texts) expect(t).toMatch(/^[\u4e00-\u9fa5（），、]+$/);
});

test.each<[string, (r: StatusRow) => boolean, EventStatus[]]>([
  ['已举办（含之后各步）', (r) => r.group !== 'open', ['held', 'reported', 'returned', 'approved', 'published']],
  [
    '单位欠活动当天或报告期限的（提醒查询）',
    (r) => r.unitNext?.due === 'event' || r.unitNext?.due === 'report',
    ['plan_filed', 'held', 'returned'],
  ],
  ['公开办的待办', (r) => r.officeNext !== null, ['reported', 'approved']],
])('按状态表挑状态：%s', (_name, test, expected) => {
  expect(statusesWhere(test)).toEqual(expected);
});

test.each<[string, { status: EventStatus; checkin?: object }, boolean]>([
  ['已报备未签到：未举办', { status: 'plan_filed' }, false],
  ['已报备且已签到：已举办', { status: 'plan_filed', checkin: { at: '2023-05-04T09:00:00+08:00' } }, true],
  ['未签到直接交了报告：已举办', { status: 'reported' }, true],
  ['已公开：已举办', { status: 'published' }, true],
  ['未报备：未举办', { status: 'planned' }, false],
])('是否已举办：%s', (_name, e, held) => {
  expect(isHeld(e)).toBe(held);
});
