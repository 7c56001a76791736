// Filing the event plan (活动方案报备): date, venue, invitees, banner, public seats.
// Every filing is a new version in `plans`; the event carries the latest.
import { BusinessError } from '../../src/domain/errors';
import { assertPlanFilable, deadlineEnd, isOnTime, unfiledPlanDeadline } from '../../src/domain/deadlines';
import { transition } from '../../src/domain/lifecycle';
import { bannerText } from '../../src/domain/reportRules';
import { endOfDayInstant, toShanghaiISO } from '../../src/domain/time';
import { db, _, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C } from '../_shared/data';
import type { EventDoc, PlanDoc, PlanSummary } from '../_shared/data';
import type { SeatedEvent } from '../_shared/signups';
import { requireEventStaff } from '../_shared/eventAccess';
import { requireFileInScope } from '../_shared/files';
import { defined, omitId } from '../_shared/records';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { seatsOf } from '../../src/domain/seats';
import { assertEventSpan, assertOnlineVenue } from './eventKinds';
import { confirmedInOrder, reconcileInTx, tellResidents } from './seats';

function refuse(result: ReturnType<typeof transition>, status: string): asserts result is { ok: true; state: EventDoc['status'] } {
  if (!result.ok) throw new BusinessError(result.code, result.message, { status });
}

export const filePlan = action(contract.unit.filePlan, async (input, caller) => {
  const { event, staff, jurisdiction } = await requireEventStaff(caller, input.eventId, { withRules: true });
  if (input.attachmentFileID) requireFileInScope(input.attachmentFileID, { events: event._id }, 'attachmentFileID');
  refuse(transition(event.status, 'FILE_PLAN'), event.status);
  const rules = jurisdiction.rules;
  const now = serverNow();
  // Refuses a date whose plan deadline has passed (DEADLINE_PASSED + earliestDate),
  // and a year without calendar data (CALENDAR_UNAVAILABLE).
  assertEventSpan(input.date, input.endDate);
  assertOnlineVenue(input.venue);
  const deadlines = assertPlanFilable(input.date, now, rules, input.endDate);

  if (input.signupDeadline) {
    const sd = new Date(input.signupDeadline);
    if (sd.getTime() > deadlineEnd(endOfDayInstant(input.date)) || sd.getTime() < now.getTime()) {
      throw new BusinessError('INVALID_ARGUMENT', '报名截止时间须在现在之后、活动当天结束之前', { fields: ['signupDeadline'] });
    }
  }

  const warnings: string[] = [];
  const [y, m] = input.date.split('-').map(Number);
  const outsidePlannedMonths = y !== event.year || (event.months !== null && (m < event.months.from || m > event.months.to));
  if (outsidePlannedMonths) {
    const planned = event.months
      ? event.months.from === event.months.to
        ? `${event.months.from}月`
        : `${event.months.from}月至${event.months.to}月`
      : '待定';
    warnings.push(`活动日期${input.date}不在计划安排表的时间（${event.year}年${planned}）内，已照常报备，请向公开办说明原因。`);
  }
  const unitName = event.unitNames.join('、') || staff.unitName;
  const banner = input.banner ?? (rules.bannerTemplates[0] ? bannerText(rules.bannerTemplates[0], { unit: unitName, year: y }) : '');
  if (!banner.replace(/[\s“”"]/g, '').includes(rules.keyword))
    warnings.push(`会标中没有“${rules.keyword}”字样，现场会标或电子屏须体现该字样。`);
  const seats = seatsOf(input.venue.online, input.publicSeats);
  const publicSeats = seats.publicSeats;
  if (publicSeats > 0 && !seats.uncapped && !(input.invitees ?? []).includes('普通市民'))
    warnings.push('已开放市民报名席位，建议在邀请对象中勾选“普通市民”。');

  // A plan is on time when filed while the event could still be held in its planned
  // months (the deadline the office, the dashboard and the reminders show before it
  // is filed); filing later, for a later date, is accepted but stays late.
  const planDue = unfiledPlanDeadline(event.year, event.months, rules);
  const filedInTime = !planDue || isOnTime(planDue, now);
  // Only a shrink needs to know who was confirmed last; the transaction checks it is still so.
  const shrink = { agreed: input.shrinkSeats === true, confirmedInOrder: input.shrinkSeats ? await confirmedInOrder(event._id) : [] };

  const filed = await db.runTransaction(async (tx: Tx) => {
    // Re-read inside the transaction: the version number, status and seat counters must be the ones we write over.
    const cur = await txGet<SeatedEvent>(tx, C.events, event._id);
    if (!cur) throw new BusinessError('NOT_FOUND', '找不到该活动，请返回列表刷新后重试', { eventId: event._id });
    const next = transition(cur.status, 'FILE_PLAN');
    refuse(next, cur.status);
    const v = (cur.plan?.version ?? 0) + 1;
    const summary: PlanSummary = defined({
      version: v,
      date: input.date,
      endDate: input.endDate,
      startTime: input.startTime,
      venue: defined({ ...input.venue }),
      forms: input.forms ?? event.forms,
      invitees: input.invitees ?? [],
      banner,
      publicSeats,
      uncapped: seats.uncapped,
      signupDeadline: input.signupDeadline,
      attachmentFileID: input.attachmentFileID,
      filedAt: now,
      filedBy: staff.openid,
      onTime: cur.plan ? cur.plan.onTime : filedInTime, // a re-filing keeps the first filing's standing
      outsidePlannedMonths,
    });
    const doc: PlanDoc = { _id: `${event._id}:v${v}`, eventId: event._id, jurisdictionId: event.jurisdictionId, deadlines, ...summary };
    const moves = await reconcileInTx(tx, cur, publicSeats, shrink, now);
    await tx
      .collection(C.plans)
      .doc(doc._id)
      .set({ data: omitId(doc) });
    await tx
      .collection(C.events)
      .doc(event._id)
      .update({ data: { plan: _.set(summary), deadlines: _.set(deadlines), status: next.state, updatedAt: now, ...moves.fields } });
    return { version: v, before: cur.plan, event: { ...cur, plan: summary }, moves };
  });
  const notified = await tellResidents(filed.before, filed.event, filed.moves, now);

  return {
    version: filed.version,
    date: input.date,
    endDate: input.endDate ?? input.date,
    filedAt: toShanghaiISO(now),
    planDeadline: deadlines.plan,
    reportDeadline: deadlines.report,
    materialsDeadline: deadlines.materials,
    banner,
    warnings,
    seats: { promoted: filed.moves.promoted.length, movedBack: filed.moves.demoted.length, notified },
  };
});
