// One message to one person, now: pushed as a subscribe message when they have
// consented, and always recorded so the app's message centre shows it. Used when
// a cancellation moves someone off the waiting list.
import { fmtDate, shanghaiDate } from '../../src/domain/time';
import { cloud, db, _ } from './cloud';
import { C, getById } from './data';
import type { SeatedEvent } from './signups';
import { hasConsent, longTermTemplates, subscriptionId, templateIds, thing } from './subscriptions';
import type { MessageDoc, MessageStatus, SubscriptionDoc } from './subscriptions';

export async function notifyPromoted(signupId: string, event: SeatedEvent, now: Date): Promise<MessageStatus> {
  const openid = signupId.slice(event._id.length + 1); // sign-up ids are `${eventId}:${openid}`
  const templateId = templateIds().event;
  const plan = event.plan!;
  const when = `${fmtDate(plan.date)} ${plan.startTime ?? ''}`.trim();
  const message: Omit<MessageDoc, 'status' | 'createdAt'> = {
    _id: `${shanghaiDate(now)}:${openid}:waitlist:${event._id}`,
    day: shanghaiDate(now),
    openid,
    kind: 'waitlist',
    templateId,
    page: 'resident/mine/index',
    title: `候补转正：${event.theme}`,
    body: `有人取消了报名，您已从候补转为正式报名。${when}，${plan.venue.name}，请准时到场。`,
    data: {
      thing1: { value: thing(event.theme) },
      time2: { value: when },
      thing3: { value: thing(plan.venue.name) },
      thing4: { value: thing('候补已转为正式报名') },
    },
    jurisdictionId: event.jurisdictionId,
  };
  return deliver(message, now);
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
