// Releasing an event's open seats to residents where the office's rules ask for a
// review first (rules.listingNeedsReview): the same two checks and content check as
// publishing a report, recorded with who and when, for the plan version reviewed.
// Withdrawing keeps the reason on record; sign-ups already made stay.
import { BusinessError } from '../../src/domain/errors';
import { toShanghaiISO } from '../../src/domain/time';
import { _, runTransaction, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C } from '../_shared/data';
import type { EventDoc } from '../_shared/data';
import { requireEventOffice } from '../_shared/eventAccess';
import { requireContentPass } from '../_shared/contentCheck';
import type { ListingEntry, ListingRecord } from '../_shared/publication';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

/** Only a filed plan with open seats has a listing to review. */
function requireListable(e: EventDoc): NonNullable<EventDoc['plan']> {
  if (!e.plan) throw new BusinessError('CONFLICT', '单位还没有报备活动方案，报备后再审查报名信息', { eventId: e._id });
  if (e.plan.publicSeats <= 0) throw new BusinessError('CONFLICT', '该活动未开放市民报名，无需审查', { eventId: e._id });
  return e.plan;
}

export const publishListing = action(contract.office.publishListing, async ({ eventId }, caller) => {
  const { event, office } = await requireEventOffice(caller, eventId);
  const plan = requireListable(event);
  // What residents will read of the event, as resident.openEvents shows it.
  await requireContentPass(
    office.openid,
    [
      { field: 'theme', text: event.theme },
      { field: 'venue.name', text: plan.venue.name },
      { field: 'venue.address', text: plan.venue.address ?? '' },
    ],
    3,
    '报名信息未通过平台内容安全检测，不能开放。请联系单位修改方案后重新审查',
  );
  const now = serverNow();
  const checks = { secrecy: true, personalData: true } as const;
  const record: ListingRecord = { planVersion: plan.version, checks, contentCheck: 'pass', by: office.openid, at: now };
  const entry: ListingEntry = { kind: 'release', planVersion: plan.version, by: office.openid, at: now, checks };
  await runTransaction(async (tx: Tx) => {
    const cur = await txGet<EventDoc>(tx, C.events, eventId);
    if (!cur) throw new BusinessError('NOT_FOUND', '找不到该活动', { eventId });
    if (requireListable(cur).version !== plan.version)
      throw new BusinessError('CONFLICT', '单位刚刚重新报备了方案，请刷新后重新审查', { planVersion: cur.plan?.version ?? null });
    await tx
      .collection(C.events)
      .doc(eventId)
      .update({ data: { listing: _.set(record), listingLog: _.push([entry]), updatedAt: now } });
  });
  return { eventId, planVersion: plan.version, releasedAt: toShanghaiISO(now) };
});

export const unpublishListing = action(contract.office.unpublishListing, async ({ eventId, reason }, caller) => {
  const { event, office } = await requireEventOffice(caller, eventId);
  if (!event.listing) throw new BusinessError('CONFLICT', '该活动的报名尚未经审查开放，无需撤回', { eventId });
  const now = serverNow();
  const entry: ListingEntry = { kind: 'withdraw', by: office.openid, at: now, reason };
  await runTransaction(async (tx: Tx) => {
    const cur = await txGet<EventDoc>(tx, C.events, eventId);
    if (!cur?.listing) throw new BusinessError('CONFLICT', '该活动的报名已被撤回', { eventId });
    await tx
      .collection(C.events)
      .doc(eventId)
      .update({ data: { listing: null, listingLog: _.push([entry]), updatedAt: now } });
  });
  return { eventId, withdrawnAt: toShanghaiISO(now), reason };
});
