// What residents see of events: the open ones and one event's public page.
// Public data only — no names, phones or openids of anyone ever leave here.
import { BusinessError } from '../../src/domain/errors';
import { eventStart, signupClosesAt, signupOpen } from '../../src/domain/signups';
import { shanghaiDate, toShanghaiISO } from '../../src/domain/time';
import { _, db } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { JurisdictionDoc } from '../_shared/data';
import { listedForResidents, listingState } from '../../src/domain/listing';
import { signupIdOf } from '../_shared/signups';
import type { SeatedEvent, SignupDoc } from '../_shared/signups';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

/** The public face of an event with a filed plan. */
export function publicEvent(e: SeatedEvent, now: Date) {
  const plan = e.plan!;
  return {
    eventId: e._id,
    jurisdictionId: e.jurisdictionId,
    theme: e.theme,
    units: e.unitNames,
    forms: plan.forms?.length ? plan.forms : e.forms,
    date: plan.date,
    startTime: plan.startTime ?? null,
    venue: {
      name: plan.venue.name,
      address: plan.venue.address ?? null,
      latitude: plan.venue.latitude ?? null,
      longitude: plan.venue.longitude ?? null,
    },
    seats: plan.publicSeats,
    confirmed: e.seats?.confirmed ?? 0,
    waitlisted: e.seats?.waitlisted ?? 0,
    signupDeadline: plan.publicSeats > 0 ? toShanghaiISO(signupClosesAt(plan)) : null,
    signupOpen: signupOpen(plan, now),
  };
}

export const openEvents = action(contract.resident.openEvents, async ({ jurisdictionId, from, to }) => {
  const now = serverNow();
  const today = shanghaiDate(now);
  const start = from && from > today ? from : today;
  // One query: open seats, from today on, in date order.
  const where: Record<string, unknown> = {
    'plan.publicSeats': _.gt(0),
    'plan.date': to ? _.gte(start).and(_.lte(to)) : _.gte(start),
    removedFromPlan: false,
  };
  if (jurisdictionId) where.jurisdictionId = jurisdictionId;
  const res = (await db.collection(C.events).where(where).orderBy('plan.date', 'asc').limit(200).get()) as unknown as {
    data: SeatedEvent[];
  };
  // The jurisdictions (names for the filter, rules for the listing review): a second and last round trip.
  const ids = [...new Set(res.data.map((e) => e.jurisdictionId))];
  const jurisdictions = new Map(
    (ids.length ? await findWhere<JurisdictionDoc>(C.jurisdictions, { _id: _.in(ids) }) : []).map((j) => [j._id, j]),
  );
  return res.data
    .filter((e) => listedForResidents(jurisdictions.get(e.jurisdictionId)?.rules ?? {}, e))
    .map((e) => ({ ...publicEvent(e, now), jurisdictionName: jurisdictions.get(e.jurisdictionId)?.name ?? '' }))
    .sort((a, b) => (a.date + (a.startTime ?? '')).localeCompare(b.date + (b.startTime ?? '')));
});

export const eventDetail = action(contract.resident.eventDetail, async ({ eventId }, caller) => {
  const now = serverNow();
  const [event, mine] = await Promise.all([
    getById<SeatedEvent>(C.events, eventId),
    caller.openid ? getById<SignupDoc>(C.signups, signupIdOf(eventId, caller.openid)) : Promise.resolve(null),
  ]);
  if (!event || !event.plan || event.removedFromPlan)
    throw new BusinessError('NOT_FOUND', '该活动尚未公布时间地点，请返回活动列表看看其他活动');
  const jurisdiction = await getById<JurisdictionDoc>(C.jurisdictions, event.jurisdictionId);
  // Under review, the event is not public yet; a resident who signed up before still sees their sign-up.
  if (listingState(jurisdiction?.rules ?? {}, event) === 'pending' && !(mine && mine.status !== 'cancelled'))
    throw new BusinessError('NOT_FOUND', '该活动的报名信息正在公开办审查，暂未开放报名，请看看其他活动');
  const waitlist = event.waitlist ?? [];
  return {
    ...publicEvent(event, now),
    jurisdictionName: jurisdiction?.name ?? '',
    mySignup:
      mine && mine.status !== 'cancelled'
        ? {
            signupId: mine._id,
            status: mine.status,
            position: mine.status === 'waitlisted' ? waitlist.indexOf(mine._id) + 1 : null,
            attended: Boolean(mine.attendedAt),
            evaluated: Boolean(mine.evaluated),
            canEvaluate: Boolean(mine.attendedAt && event.plan && now >= eventStart(event.plan)),
          }
        : null,
  };
});
