// Subscribe-message consents and the message centre. The app calls subscribe
// after wx.requestSubscribeMessage with what the person accepted; reminders
// read the consents and spend one-time ones; messages lists what the system
// produced for the caller (sent or not), newest first.
import { db, _ } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C } from '../_shared/data';
import { findAll } from '../_shared/findAll';
import { requireSignedIn } from '../_shared/auth';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { longTermTemplates, subscriptionId, templateIds } from '../_shared/subscriptions';
import type { MessageDoc, SubscriptionDoc } from '../_shared/subscriptions';
import { toShanghaiISO } from '../../src/domain/time';

export const subscribe = action(contract.account.subscribe, async ({ templateIds: asked, accepted }, caller) => {
  const openid = requireSignedIn(caller);
  const longTerm = longTermTemplates();
  const ids = [...new Set(asked)].map((t) => subscriptionId(openid, t));
  const { data: existing } = (await db
    .collection(C.subscriptions)
    .where({ _id: _.in(ids) })
    .get()) as unknown as { data: SubscriptionDoc[] };
  const byId = new Map(existing.map((s) => [s._id, s]));
  const now = serverNow();
  const result: Array<{ templateId: string; oneTime: number; longTerm: boolean }> = [];
  const writes: Array<Promise<unknown>> = [];
  for (const t of new Set(asked)) {
    const id = subscriptionId(openid, t);
    const old = byId.get(id);
    const yes = accepted.includes(t);
    // A refused long-term template is switched off; a refused one-time request changes nothing.
    const next = {
      openid,
      templateId: t,
      oneTime: (old?.oneTime ?? 0) + (yes && !longTerm.has(t) ? 1 : 0),
      longTerm: longTerm.has(t) ? yes : false,
      updatedAt: now,
    };
    result.push({ templateId: t, oneTime: next.oneTime, longTerm: next.longTerm });
    if (old || yes) writes.push(db.collection(C.subscriptions).doc(id).set({ data: next }) as unknown as Promise<unknown>);
  }
  await Promise.all(writes);
  return { subscriptions: result };
});

/** The template ids the app asks consent for (from the deployment's environment). */
export const subscribeTemplates = action(contract.account.subscribeTemplates, async () => ({
  ...templateIds(),
  longTerm: [...longTermTemplates()],
}));

export const messages = action(contract.account.messages, async (_input, caller) => {
  const openid = requireSignedIn(caller);
  const all = await findAll<MessageDoc>(C.messages, { openid });
  return all
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || b._id.localeCompare(a._id))
    .slice(0, 200)
    .map((m) => ({
      messageId: m._id,
      day: m.day,
      kind: m.kind,
      title: m.title,
      body: m.body,
      page: m.page,
      /** Whether WeChat delivered it as a service notification too. */
      pushed: m.status === 'sent',
      status: m.status,
      at: toShanghaiISO(new Date(m.createdAt)),
    }));
});
