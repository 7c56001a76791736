// reminders: the daily 09:00 (Asia/Shanghai) run. One digest per person per day
// and kind, never one per event:
// - unit staff (working days only): counts of what is overdue / due within 2
//   working days / held today across their units, and the most urgent item,
//   linking to the page that fixes it;
// - office staff (working days only): the units with overdue work;
// - residents (every day): the event they are confirmed for tomorrow.
// Idempotent: each digest is recorded as messages/`${day}:${openid}:${kind}`
// (sent / skipped_no_consent / refused / failed) and a second run skips it.
// Round trips do not grow with events or people: a few paged bulk reads, one
// bulk insert of the records, one bulk update of spent consents.
import { addWorkdays, isWorkday } from '../../src/domain/calendar';
import { STATUS_TABLE, statusesWhere } from '../../src/domain/lifecycle';
import { DEFAULT_RULES } from '../../src/domain/rules';
import type { Rules } from '../../src/domain/rules';
import { addDays, fmtDate, fmtDateTime, shanghaiDate, shanghaiMonthOf, shanghaiYear, toShanghaiISO } from '../../src/domain/time';
import { callerOpenid, cloud, db, _ } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C } from '../_shared/data';
import type { EventDoc, JurisdictionDoc, StaffDoc } from '../_shared/data';
import { findAll } from '../_shared/findAll';
import type { SignupDoc } from '../_shared/signups';
import { byUrgency, dueItemsOf, type DueItem } from '../_shared/compliance';
import { hasConsent, longTermTemplates, messageId, templateIds, thing } from '../_shared/subscriptions';
import type { MessageDoc, MessageKind, SubscriptionDoc } from '../_shared/subscriptions';
import { purgePersonalData } from './purge';
import { retryFileCleanup } from '../_shared/fileCleanup';
import type { DailyRun, Envelope } from '../../src/contract';
import { pool } from '../_shared/pool';

type Draft = Omit<MessageDoc, 'status' | 'createdAt' | 'error'>;

/** Filed, the unit still owes the day itself or the report (returned: to be resubmitted). */
const FILED_OPEN = statusesWhere((r) => r.unitNext?.due === 'event' || r.unitNext?.due === 'report');
const UNFILED = statusesWhere((r) => r.unitNext?.due === 'plan');
const SEND_CONCURRENCY = 8;

const WHAT: Record<DueItem['kind'], (i: DueItem) => string> = {
  overdue: (i) => ({ plan: '方案报备已逾期', report: '情况报告已逾期', materials: '专栏材料已逾期', event: '已逾期' })[i.of],
  plan_due: () => '即将截止报备方案',
  event_today: () => '今天举办，请现场签到',
  report_due: () => '即将截止提交情况报告',
  materials_due: () => '即将截止报送专栏材料',
};

/** The template's `time` field wants digits (WeChat's format); people read fmtDateTime. */
const hhmm = (iso: string) => `${shanghaiDate(new Date(iso))} ${fmtDateTime(iso).split(' ')[1] ?? ''}`.trim();

/** The office's contact as a sentence for the digest, or '' when it has none. */
function contactLine(contact: Rules['contact']): string {
  if (!contact || !(contact.name || contact.phone || contact.email)) return '';
  return `如有疑问请联系公开办：${[contact.name, contact.phone, contact.email].filter(Boolean).join('，')}。`;
}

function unitDigest(
  openid: string,
  items: DueItem[],
  day: string,
  jurisdictionId: string,
  templateId: string,
  contact: Rules['contact'],
): Draft {
  const sorted = [...items].sort(byUrgency);
  const top = sorted[0];
  const overdue = items.filter((i) => i.kind === 'overdue').length;
  const counts = [
    overdue && `逾期${overdue}项`,
    items.filter((i) => i.kind === 'plan_due').length && `待报备${items.filter((i) => i.kind === 'plan_due').length}项`,
    items.filter((i) => i.kind === 'event_today').length && `今日活动${items.filter((i) => i.kind === 'event_today').length}项`,
    items.filter((i) => i.kind === 'report_due').length && `待报告${items.filter((i) => i.kind === 'report_due').length}项`,
    items.filter((i) => i.kind === 'materials_due').length && `待报送专栏材料${items.filter((i) => i.kind === 'materials_due').length}项`,
  ].filter(Boolean) as string[];
  const summary = counts.join('，');
  const page = `unit/event/index?eventId=${top.eventId}`;
  return {
    _id: messageId(day, openid, 'unit'),
    day,
    openid,
    kind: 'unit',
    templateId,
    page,
    title: `今日待办：${summary}`,
    body: `最紧急：第${top.seq}项“${top.theme}”${WHAT[top.kind](top)}（截止 ${fmtDateTime(top.deadline)}${top.workdaysLate ? `，已逾期${top.workdaysLate}个工作日` : ''}）。${contactLine(contact)}`,
    data: {
      thing1: { value: thing(summary) },
      thing2: { value: thing(top.theme) },
      time3: { value: hhmm(top.deadline) },
      thing4: { value: thing(WHAT[top.kind](top)) },
    },
    jurisdictionId,
  };
}

type LateLine = { name: string; items: number; worst: number };

function officeDigest(
  openid: string,
  lateUnits: LateLine[],
  day: string,
  jurisdictionId: string,
  templateId: string,
  lateChildren: LateLine[] = [],
): Draft {
  const worst = lateUnits[0] ?? lateChildren[0];
  const summary = [
    lateUnits.length && `${lateUnits.length}个单位有逾期事项`,
    lateChildren.length && `${lateChildren.length}个下级县市区有逾期事项`,
  ]
    .filter(Boolean)
    .join('，');
  return {
    _id: messageId(day, openid, 'office'),
    day,
    openid,
    kind: 'office',
    templateId,
    page: `office/dashboard/index?jurisdictionId=${jurisdictionId}`,
    title: summary,
    body: [...lateUnits, ...lateChildren].map((u) => `${u.name}：逾期${u.items}项，最长${u.worst}个工作日`).join('；'),
    data: {
      thing1: { value: thing(summary) },
      thing2: { value: thing(`${worst.name}逾期${worst.items}项`) },
      time3: { value: `${day} 09:00` },
      thing4: { value: thing('请查看完成情况并督促整改') },
    },
    jurisdictionId,
  };
}

function residentReminder(s: SignupDoc, e: EventDoc, day: string, templateId: string): Draft {
  const plan = e.plan!;
  const when = `${plan.date} ${plan.startTime ?? '09:00'}`;
  return {
    _id: messageId(day, s.openid, 'event'),
    day,
    openid: s.openid,
    kind: 'event',
    templateId,
    page: `resident/home/index?tab=signups&eventId=${e._id}`,
    title: `明天参加：${e.theme}`,
    body: `${fmtDate(plan.date, { weekday: true })} ${plan.startTime ?? '09:00'}，${plan.venue.name}。请准时到场，现场扫码签到。`,
    data: {
      thing1: { value: thing(e.theme) },
      time2: { value: when },
      thing3: { value: thing(plan.venue.name) },
      thing4: { value: thing('活动明天举行，请准时参加') },
    },
    jurisdictionId: e.jurisdictionId,
  };
}

/** Per city: its linked counties with overdue work (items summed over their units). */
function lateChildrenByParent(
  work: Array<{ j: JurisdictionDoc & { parent?: { jurisdictionId: string } | null }; lateUnits: LateLine[] }>,
): Map<string, LateLine[]> {
  const out = new Map<string, LateLine[]>();
  for (const { j, lateUnits } of work) {
    const parentId = j.parent?.jurisdictionId;
    if (!parentId || !lateUnits.length) continue;
    const line = { name: j.name, items: lateUnits.reduce((n, u) => n + u.items, 0), worst: Math.max(...lateUnits.map((u) => u.worst)) };
    out.set(
      parentId,
      [...(out.get(parentId) ?? []), line].sort((a, b) => b.items - a.items || a.name.localeCompare(b.name, 'zh')),
    );
  }
  return out;
}

/** `jurisdictions`: the daily run's one read of them, shared with the purge. */
export async function runReminders(jurisdictionsRead?: Promise<JurisdictionDoc[]>) {
  const started = Date.now();
  const now = serverNow();
  const day = shanghaiDate(now);
  const year = shanghaiYear(now);
  const tomorrow = addDays(day, 1);
  const month = shanghaiMonthOf(day);
  const tpl = templateIds();
  const longTerm = longTermTemplates();

  const [jurisdictions, events, staff, subs, existing] = await Promise.all([
    jurisdictionsRead ?? findAll<JurisdictionDoc>(C.jurisdictions, {}),
    // The window: plans not filed whose planned months end by next month but one (their last
    // on-time filing day can be near even with a 30-working-day lead), and filed events not yet
    // reported that take place by tomorrow. Anything else cannot be due, late or tomorrow.
    findAll<EventDoc>(
      C.events,
      _.and([
        { removedFromPlan: false },
        _.or([
          { status: _.in(UNFILED), year, 'months.to': _.lte(month + 2) },
          { status: _.in(FILED_OPEN), 'plan.date': _.lte(tomorrow) },
          // Reported already, but the 专栏材料 (their own delivery) still to come.
          { year, 'plan.date': _.lte(tomorrow), 'deadlines.materials': _.gt(''), materials: _.exists(false) },
        ]),
      ]) as unknown as Record<string, unknown>,
    ),
    findAll<StaffDoc>(C.staff, {}),
    findAll<SubscriptionDoc>(C.subscriptions, _.or([{ oneTime: _.gt(0) }, { longTerm: true }]) as unknown as Record<string, unknown>),
    findAll<MessageDoc>(C.messages, { day }),
  ]);
  const tomorrowEvents = events.filter(
    (e) => e.plan?.date === tomorrow && STATUS_TABLE[e.status].unitNext?.due === 'event' && (e.plan.publicSeats ?? 0) > 0,
  );
  const signups = tomorrowEvents.length
    ? await findAll<SignupDoc>(C.signups, { eventId: _.in(tomorrowEvents.map((e) => e._id)), status: 'confirmed' })
    : [];

  const done = new Set(existing.map((m) => m._id));
  const drafts: Draft[] = [];
  const add = (d: Draft) => {
    if (done.has(d._id)) return;
    done.add(d._id);
    drafts.push(d);
  };

  const eventsByJ = new Map<string, EventDoc[]>();
  for (const e of events) eventsByJ.set(e.jurisdictionId, [...(eventsByJ.get(e.jurisdictionId) ?? []), e]);
  const staffByJ = new Map<string, StaffDoc[]>();
  for (const s of staff) staffByJ.set(s.jurisdictionId, [...(staffByJ.get(s.jurisdictionId) ?? []), s]);

  // Offices are written to after every jurisdiction is counted: a city's digest names its late counties.
  const officeWork: Array<{ j: JurisdictionDoc; people: StaffDoc[]; lateUnits: LateLine[] }> = [];
  for (const j of jurisdictions) {
    const rules: Rules = { ...DEFAULT_RULES, ...j.rules };
    let working: boolean;
    let horizon: string;
    try {
      working = isWorkday(day, rules.calendar);
      horizon = addWorkdays(day, 2, rules.calendar);
    } catch {
      continue; // the calendar of this year is not known for this jurisdiction: no deadline can be claimed
    }
    if (!working) continue; // staff digests on working days only; deadlines fall on working days
    const memo = new Map<string, string | null>();
    const byUnit = new Map<string, DueItem[]>();
    for (const e of eventsByJ.get(j._id) ?? []) {
      // Last year's plans never filed are history for the review, not today's work.
      if (e.year < year && !e.plan) continue;
      for (const item of dueItemsOf(e, rules, now, day, horizon, memo)) {
        for (const u of item.unitIds) byUnit.set(u, [...(byUnit.get(u) ?? []), item]);
      }
    }
    const people = staffByJ.get(j._id) ?? [];
    // A person on several units' staff gets one digest over all of them.
    const unitItemsOf = new Map<string, Map<string, DueItem>>();
    for (const s of people) {
      if (s.role !== 'unit') continue;
      const mine = unitItemsOf.get(s.openid) ?? new Map<string, DueItem>();
      for (const i of byUnit.get(s.unitId) ?? []) mine.set(`${i.eventId}:${i.kind}:${i.of}`, i);
      unitItemsOf.set(s.openid, mine);
    }
    for (const [openid, items] of unitItemsOf)
      if (items.size) add(unitDigest(openid, [...items.values()], day, j._id, tpl.deadline, rules.contact ?? null));

    const unitNames = new Map<string, string>();
    for (const e of eventsByJ.get(j._id) ?? []) e.unitIds.forEach((id, i) => unitNames.set(id, e.unitNames[i] ?? id));
    const lateUnits = [...byUnit.entries()]
      .map(([unitId, items]) => ({ name: unitNames.get(unitId) ?? unitId, late: items.filter((i) => i.kind === 'overdue') }))
      .filter((u) => u.late.length)
      .map((u) => ({ name: u.name, items: u.late.length, worst: Math.max(...u.late.map((i) => i.workdaysLate)) }))
      .sort((a, b) => b.items - a.items || b.worst - a.worst || a.name.localeCompare(b.name, 'zh'));
    officeWork.push({ j, people, lateUnits });
  }
  const lateChildren = lateChildrenByParent(officeWork);
  for (const { j, people, lateUnits } of officeWork) {
    const kids = lateChildren.get(j._id) ?? [];
    if (lateUnits.length || kids.length)
      for (const s of people) if (s.role === 'office') add(officeDigest(s.openid, lateUnits, day, j._id, tpl.deadline, kids));
  }

  const eventById = new Map(tomorrowEvents.map((e) => [e._id, e]));
  for (const s of [...signups].sort((a, b) => a._id.localeCompare(b._id)))
    add(residentReminder(s, eventById.get(s.eventId)!, day, tpl.event));

  // Send where the person has consented; record every outcome.
  const subById = new Map(subs.map((s) => [s._id, s]));
  const createdAt = now;
  const records: MessageDoc[] = await pool(drafts, SEND_CONCURRENCY, async (d): Promise<MessageDoc> => {
    if (!hasConsent(subById.get(`${d.openid}:${d.templateId}`), longTerm)) return { ...d, status: 'skipped_no_consent', createdAt };
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: d.openid,
        templateId: d.templateId,
        page: d.page,
        data: d.data,
        miniprogramState: 'formal',
      } as never);
      return { ...d, status: 'sent', createdAt };
    } catch (e) {
      const code = (e as { errCode?: number }).errCode;
      return { ...d, status: code === 43101 ? 'refused' : 'failed', error: String((e as Error).message ?? e).slice(0, 200), createdAt };
    }
  });

  // One-time consents are spent by the message they allowed; a 43101 means WeChat has none left.
  const spent = records
    .filter((r) => r.status === 'sent' && !(longTerm.has(r.templateId) && subById.get(`${r.openid}:${r.templateId}`)?.longTerm))
    .map((r) => `${r.openid}:${r.templateId}`);
  const gone = records.filter((r) => r.status === 'refused').map((r) => `${r.openid}:${r.templateId}`);
  const writes: Array<Promise<unknown>> = [];
  for (let i = 0; i < records.length; i += 1000)
    writes.push(db.collection(C.messages).add({ data: records.slice(i, i + 1000) as never }) as unknown as Promise<unknown>);
  for (let i = 0; i < spent.length; i += 1000)
    writes.push(
      db
        .collection(C.subscriptions)
        .where({ _id: _.in(spent.slice(i, i + 1000)) })
        .update({ data: { oneTime: _.inc(-1), updatedAt: now } }) as unknown as Promise<unknown>,
    );
  for (let i = 0; i < gone.length; i += 500)
    writes.push(
      db
        .collection(C.subscriptions)
        .where({ _id: _.in(gone.slice(i, i + 500)) })
        .update({ data: { oneTime: 0, longTerm: false, updatedAt: now } }) as unknown as Promise<unknown>,
    );
  await Promise.all(writes);

  const count = (s: MessageDoc['status'], k?: MessageKind) => records.filter((r) => r.status === s && (!k || r.kind === k)).length;
  return {
    day,
    at: toShanghaiISO(now),
    eventsScanned: events.length,
    digests: records.length,
    sent: count('sent'),
    skippedNoConsent: count('skipped_no_consent'),
    refused: count('refused'),
    failed: count('failed'),
    alreadyDone: existing.length,
    byKind: {
      unit: records.filter((r) => r.kind === 'unit').length,
      office: records.filter((r) => r.kind === 'office').length,
      event: records.filter((r) => r.kind === 'event').length,
    },
    ms: Date.now() - started,
  };
}

/**
 * Timer entry: the reminders, then the purge of personal data past its time; each runs even if the other fails.
 * Never throws (the platform would retry and double-send).
 */
export async function main(): Promise<Envelope<DailyRun>> {
  // Only the platform's timer runs this (it has no caller); a client call is refused (policy 'timer').
  if (callerOpenid()) return { ok: false, error: { code: 'FORBIDDEN', message: '每日提醒由系统定时运行，不能手动调用', details: {} } };
  // One read of the jurisdictions serves both.
  const jurisdictions = findAll<JurisdictionDoc>(C.jurisdictions, {});
  jurisdictions.catch(() => undefined); // reported by whichever awaits it
  const [reminders, purged, cleaned] = await Promise.allSettled([
    runReminders(jurisdictions),
    purgePersonalData(serverNow(), jurisdictions),
    retryFileCleanup(),
  ]);
  if (purged.status === 'rejected') console.error('personal data purge failed', purged.reason);
  if (cleaned.status === 'rejected') console.error('file cleanup failed', cleaned.reason);
  if (reminders.status === 'rejected') {
    console.error('reminders failed', reminders.reason);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: '每日提醒运行失败', details: { purged: purged.status === 'fulfilled' ? purged.value : null } },
    };
  }
  return {
    ok: true,
    data: {
      ...reminders.value,
      purged: purged.status === 'fulfilled' ? purged.value : null,
      filesCleaned: cleaned.status === 'fulfilled' ? cleaned.value : null,
    },
  };
}
