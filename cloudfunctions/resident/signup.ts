// Signing up for an event, cancelling, and the caller's own sign-ups.
// The seat cap holds however many sign up at once: one transaction reads the
// event (seat counters + waitlist order) and the caller's sign-up, then writes both.
import { BusinessError } from '../../src/domain/errors';
import { takeSeat } from '../../src/domain/seats';
import { cancelClosesAt, eventStart, signupClosesAt, signupOpen } from '../../src/domain/signups';
import { fmtDateTime, shanghaiDate, toShanghaiISO } from '../../src/domain/time';
import { _, db, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere } from '../_shared/data';
import type { JurisdictionDoc } from '../_shared/data';
import { listedForResidents } from '../../src/domain/listing';
import { requireSignedIn } from '../_shared/auth';
import { countersOf, seatFields, signupIdOf, withdrawInTx } from '../_shared/signups';
import { notifyPromoted } from '../_shared/notify';
import type { SeatedEvent, SignupDoc } from '../_shared/signups';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

type SignUpResult = { signupId: string; status: 'confirmed' | 'waitlisted'; position?: number };

export const signUp = action(contract.resident.signUp, async ({ eventId, name, phone, identity }, caller): Promise<SignUpResult> => {
  const openid = requireSignedIn(caller);
  const signupId = signupIdOf(eventId, openid);
  return db.runTransaction(async (tx: Tx) => {
    const [event, existing] = [await txGet<SeatedEvent>(tx, C.events, eventId), await txGet<SignupDoc>(tx, C.signups, signupId)];
    if (!event || event.removedFromPlan) throw new BusinessError('NOT_FOUND', '找不到该活动，请返回活动列表刷新后重试');
    // Signing up twice returns the first sign-up, whatever has changed since.
    if (existing && existing.status !== 'cancelled') return resultOf(existing, event);
    const plan = event.plan;
    if (!plan || plan.publicSeats <= 0) throw new BusinessError('CONFLICT', '该活动未开放市民报名，请看看其他活动');
    const jurisdiction = await txGet<JurisdictionDoc>(tx, C.jurisdictions, event.jurisdictionId);
    if (!listedForResidents(jurisdiction?.rules ?? {}, event))
      throw new BusinessError('CONFLICT', '该活动的报名信息正在公开办审查，暂未开放报名，请稍后再来');
    const now = serverNow();
    if (!signupOpen(plan, now)) {
      throw new BusinessError('DEADLINE_PASSED', `报名已于${fmtDateTime(toShanghaiISO(signupClosesAt(plan)))}截止，请关注其他活动`, {
        signupDeadline: toShanghaiISO(signupClosesAt(plan)),
      });
    }
    const taken = takeSeat(countersOf(event), signupId);
    const status = taken.status;
    const doc: Omit<SignupDoc, '_id'> = {
      eventId,
      jurisdictionId: event.jurisdictionId,
      openid,
      name,
      phone,
      identity,
      status,
      consent: true,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(status === 'confirmed' ? { confirmedAt: now } : {}),
    };
    await tx
      .collection(C.signups)
      .doc(signupId)
      .set({ data: doc as unknown as Record<string, unknown> });
    await tx
      .collection(C.events)
      .doc(eventId)
      .update({ data: seatFields(taken.counters) });
    return taken.status === 'confirmed' ? { signupId, status: taken.status } : { signupId, status: taken.status, position: taken.position };
  });
});

function resultOf(s: SignupDoc, event: SeatedEvent): SignUpResult {
  if (s.status === 'waitlisted') return { signupId: s._id, status: 'waitlisted', position: (event.waitlist ?? []).indexOf(s._id) + 1 };
  return { signupId: s._id, status: 'confirmed' };
}

export const cancelSignup = action(contract.resident.cancelSignup, async ({ signupId }, caller): Promise<{ status: 'cancelled' }> => {
  const openid = requireSignedIn(caller);
  const now = serverNow();
  const { promoted, event } = await db.runTransaction(async (tx: Tx): Promise<{ promoted: string | null; event: SeatedEvent | null }> => {
    const signup = await txGet<SignupDoc>(tx, C.signups, signupId);
    // Someone else's sign-up looks exactly like a missing one: ids reveal nothing.
    if (!signup || signup.openid !== openid) throw new BusinessError('NOT_FOUND', '找不到这条报名，请在“我的报名”中刷新后重试');
    if (signup.status === 'cancelled') return { promoted: null, event: null };
    const seated = await txGet<SeatedEvent>(tx, C.events, signup.eventId);
    if (!seated?.plan) throw new BusinessError('NOT_FOUND', '找不到该活动');
    const cutoff = cancelClosesAt(seated.plan);
    if (now >= cutoff) {
      throw new BusinessError(
        'DEADLINE_PASSED',
        `已过取消截止时间（${fmtDateTime(toShanghaiISO(cutoff))}），如不能参加请直接联系举办单位`,
        { cancelDeadline: toShanghaiISO(cutoff) },
      );
    }
    return { promoted: await withdrawInTx(tx, seated, signup, now), event: seated };
  });
  // After the commit: telling the person who moved up must not undo the cancellation.
  if (promoted && event) await notifyPromoted(promoted, event, now).catch((e) => console.error('waitlist notice failed', e));
  return { status: 'cancelled' };
});

export const mySignups = action(contract.resident.mySignups, async (_input, caller) => {
  const openid = requireSignedIn(caller);
  const now = serverNow();
  const signups = (await findWhere<SignupDoc>(C.signups, { openid })).filter((s) => !s.erasedAt);
  if (signups.length === 0) return [];
  const events = await findWhere<SeatedEvent>(C.events, { _id: _.in([...new Set(signups.map((s) => s.eventId))]) });
  const byId = new Map(events.map((e) => [e._id, e]));
  return signups
    .map((s) => {
      const e = byId.get(s.eventId);
      const plan = e?.plan;
      return {
        signupId: s._id,
        eventId: s.eventId,
        status: s.status,
        position: s.status === 'waitlisted' ? (e?.waitlist ?? []).indexOf(s._id) + 1 : null,
        theme: e?.theme ?? '',
        units: e?.unitNames ?? [],
        date: plan?.date ?? null,
        startTime: plan?.startTime ?? null,
        venue: plan ? { name: plan.venue.name } : null,
        attended: Boolean(s.attendedAt),
        evaluated: Boolean(s.evaluated),
        past: plan ? plan.date < shanghaiDate(now) : false,
        // After the start the event is no longer "upcoming", and evaluation opens (as evaluate checks).
        started: plan ? now >= eventStart(plan) : false,
        canEvaluate: Boolean(plan && s.attendedAt && !s.evaluated && now >= eventStart(plan)),
        cancellable: s.status !== 'cancelled' && plan ? now < cancelClosesAt(plan) : false,
        cancelDeadline: plan ? toShanghaiISO(cancelClosesAt(plan)) : null,
      };
    })
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
});
