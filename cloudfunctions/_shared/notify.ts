// Messages to residents, now: pushed as a subscribe message when they have
// consented, and always recorded so the app's message centre shows it. Used when
// a cancellation moves someone off the waiting list, and when a re-filed plan
// moves seats or changes the date, time or place.
import { fmtDate, shanghaiDate } from '../../src/domain/time';
import { cloud, db, _ } from './cloud';
import { C, getById } from './data';
import type { PlanSummary } from './data';
import { findAll } from './findAll';
import { pool } from './pool';
import type { SeatedEvent } from './signups';
import { hasConsent, longTermTemplates, subscriptionId, templateIds, thing } from './subscriptions';
import type { MessageDoc, MessageStatus, SubscriptionDoc } from './subscriptions';

type Notice = Pick<MessageDoc, 'kind' | 'title' | 'body'> & { key: string; note: string };

/** A message to a resident about one event, with the event's (new) date and place. */
function residentMessage(openid: string, event: SeatedEvent, now: Date, n: Notice): Omit<MessageDoc, 'status' | 'createdAt'> {
  const plan = event.plan!;
  return {
    _id: `${shanghaiDate(now)}:${openid}:${n.key}:${event._id}`,
    day: shanghaiDate(now),
    openid,
    kind: n.kind,
    templateId: templateIds().event,
    page: 'resident/mine/index',
    title: n.title,
    body: n.body,
    data: {
      thing1: { value: thing(event.theme) },
      time2: { value: whenOf(plan) },
      thing3: { value: thing(plan.venue.name) },
      thing4: { value: thing(n.note) },
    },
    jurisdictionId: event.jurisdictionId,
  };
}

const whenOf = (plan: PlanSummary) => `${fmtDate(plan.date)} ${plan.startTime ?? ''}`.trim();
const openidOf = (signupId: string, event: SeatedEvent) => signupId.slice(event._id.length + 1); // sign-up ids are `${eventId}:${openid}`

/** The first person waiting got the seat; `why` says how it freed up. */
function promotedNotice(event: SeatedEvent, why: string): Notice {
  const plan = event.plan!;
  return {
    key: 'waitlist',
    kind: 'waitlist',
    title: `候补转正：${event.theme}`,
    body: `${why}，您已从候补转为正式报名。${whenOf(plan)}，${plan.venue.name}，请准时到场。`,
    note: '候补已转为正式报名',
  };
}

export async function notifyPromoted(signupId: string, event: SeatedEvent, now: Date): Promise<MessageStatus> {
  return deliver(residentMessage(openidOf(signupId, event), event, now, promotedNotice(event, '有人取消了报名')), now);
}

/**
 * What a re-filed plan means for the residents who signed up: who moved up, who
 * moved back to the waiting list, and, when the date, time or place changed,
 * everyone still signed up. Each is told in the message centre, and by
 * subscribe message where they consented.
 */
export async function notifyReFiled(
  event: SeatedEvent,
  now: Date,
  moved: { promoted: string[]; demoted: string[]; changes: string[]; signedUp: string[] },
): Promise<void> {
  const plan = event.plan!;
  const messages = [
    ...moved.promoted.map((id) => residentMessage(openidOf(id, event), event, now, promotedNotice(event, '举办单位增加了名额'))),
    ...moved.demoted.map((id, i) =>
      residentMessage(openidOf(id, event), event, now, {
        key: 'waitlist-back',
        kind: 'waitlist',
        title: `转为候补：${event.theme}`,
        body: `举办单位减少了名额，您的报名已转为候补第 ${i + 1} 位，有名额时按顺序转正并通知您。`,
        note: '名额减少，已转为候补',
      }),
    ),
    ...(moved.changes.length === 0
      ? []
      : moved.signedUp.map((id) =>
          residentMessage(openidOf(id, event), event, now, {
            key: `change-v${plan.version}`,
            kind: 'event',
            title: `活动变更：${event.theme}`,
            body: `举办单位调整了活动${moved.changes.join('、')}，现为${whenOf(plan)}，${plan.venue.name}。如不能参加，请在“我的报名”中取消。`,
            note: `活动${moved.changes.join('、')}有变更`,
          }),
        )),
  ];
  if (messages.length === 0) return;
  // One read for every consent instead of one per person.
  const subs = await findAll<SubscriptionDoc>(C.subscriptions, {
    _id: _.in([...new Set(messages.map((m) => subscriptionId(m.openid, m.templateId)))]),
  });
  const byId = new Map(subs.map((s) => [s._id, s]));
  // One message per person at a time, so a consent spent by the first is seen by the second.
  const byPerson = new Map<string, typeof messages>();
  for (const m of messages) byPerson.set(m.openid, [...(byPerson.get(m.openid) ?? []), m]);
  await pool([...byPerson.values()], 4, async (mine) => {
    for (const m of mine)
      await deliver(m, now, mine.indexOf(m) === 0 ? (byId.get(subscriptionId(m.openid, m.templateId)) ?? null) : undefined);
  });
}

/**
 * Records one message for the message centre and, when the person has consented,
 * pushes it as a subscribe message (spending a one-time consent).
 */
export async function deliver(
  message: Omit<MessageDoc, 'status' | 'createdAt'>,
  now: Date,
  sub?: SubscriptionDoc | null,
): Promise<MessageStatus> {
  const { openid, templateId } = message;
  const longTerm = longTermTemplates();
  // The caller may pass the consent it already read (batch senders read them all at once).
  if (sub === undefined) sub = await getById<SubscriptionDoc>(C.subscriptions, subscriptionId(openid, templateId));
  let status: MessageStatus = 'skipped_no_consent';
  let error: string | undefined;
  if (hasConsent(sub ?? undefined, longTerm)) {
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: openid,
        templateId,
        page: message.page,
        data: message.data,
        miniprogramState: 'formal',
      } as never);
      status = 'sent';
    } catch (e) {
      status = (e as { errCode?: number }).errCode === 43101 ? 'refused' : 'failed';
      error = String((e as Error).message ?? e).slice(0, 200);
    }
  }
  const { _id, ...record } = { ...message, status, createdAt: now, ...(error ? { error } : {}) };
  const writes: Array<Promise<unknown>> = [db.collection(C.messages).doc(_id).set({ data: record }) as Promise<unknown>];
  // A one-time consent is spent by the message it allowed; 43101 means none is left.
  if (status === 'sent' && !(longTerm.has(templateId) && sub?.longTerm)) {
    writes.push(
      db
        .collection(C.subscriptions)
        .doc(subscriptionId(openid, templateId))
        .update({ data: { oneTime: _.inc(-1), updatedAt: now } }) as Promise<unknown>,
    );
  }
  if (status === 'refused')
    writes.push(
      db
        .collection(C.subscriptions)
        .doc(subscriptionId(openid, templateId))
        .update({ data: { oneTime: 0, longTerm: false, updatedAt: now } }) as Promise<unknown>,
    );
  await Promise.all(writes);
  return status;
}
