// On the day: a resident scans the event's mini-program code (unit.eventCode) to
// record attendance; afterwards attendees evaluate the event.
import { BusinessError } from '../../src/domain/errors';
import { eventStart } from '../../src/domain/signups';
import { fmtDate, shanghaiDate, toShanghaiISO } from '../../src/domain/time';
import { cloud, db } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import { requireSignedIn } from '../_shared/auth';
import { CODES, signupIdOf } from '../_shared/signups';
import type { CodeDoc, FeedbackDoc, SeatedEvent, SignupDoc } from '../_shared/signups';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

export const attend = action(contract.resident.attend, async ({ token }, caller) => {
  const openid = requireSignedIn(caller);
  const code = await getById<CodeDoc>(CODES, token.replace(/^a=/, ''));
  if (!code) throw new BusinessError('NOT_FOUND', '签到码无效，请重新扫描现场的活动签到码');
  const [event, signup] = await Promise.all([
    getById<SeatedEvent>(C.events, code.eventId),
    getById<SignupDoc>(C.signups, signupIdOf(code.eventId, openid)),
  ]);
  if (!event?.plan) throw new BusinessError('NOT_FOUND', '找不到该活动，请向现场工作人员咨询');
  const now = serverNow();
  // Evaluation opens at the start (see evaluate): the page offers it only then.
  const start = eventStart(event.plan);
  const result = {
    eventId: event._id,
    theme: event.theme,
    date: event.plan.date,
    evaluateFrom: toShanghaiISO(start),
    canEvaluate: now >= start,
  };
  if (shanghaiDate(now) !== event.plan.date) {
    throw new BusinessError('NOT_EVENT_DAY', `签到只能在活动当天（${fmtDate(event.plan.date, { weekday: true })}）进行`, {
      date: event.plan.date,
    });
  }
  if (!signup || signup.status === 'cancelled') {
    throw new BusinessError('NOT_FOUND', '没有找到您的报名记录。未报名的来宾请到签到台向工作人员登记', {
      eventId: event._id,
      walkIn: true,
    });
  }
  if (signup.status === 'waitlisted') {
    throw new BusinessError('CONFLICT', '您目前在候补名单中，名额未确认。请到签到台向工作人员确认能否入场', { eventId: event._id });
  }
  if (signup.attendedAt) return { ...result, attendedAt: new Date(signup.attendedAt).toISOString(), already: true };
  // Conditional update: a sign-up cancelled meanwhile is not marked attended.
  const res = (await db
    .collection(C.signups)
    .where({ _id: signup._id, status: 'confirmed' })
    .update({ data: { attendedAt: now, updatedAt: now } })) as { stats: { updated: number } };
  if (res.stats.updated === 0) throw new BusinessError('CONFLICT', '您的报名状态已变化，请在“我的报名”中查看');
  return { ...result, attendedAt: now.toISOString(), already: false };
});

export const evaluate = action(contract.resident.evaluate, async ({ eventId, rating, comment }, caller) => {
  const openid = requireSignedIn(caller);
  const [event, signup] = await Promise.all([
    getById<SeatedEvent>(C.events, eventId),
    getById<SignupDoc>(C.signups, signupIdOf(eventId, openid)),
  ]);
  if (!event?.plan) throw new BusinessError('NOT_FOUND', '找不到该活动');
  const now = serverNow();
  if (now < eventStart(event.plan)) throw new BusinessError('CONFLICT', '活动开始后才能评价，请届时再来');
  if (!signup?.attendedAt) throw new BusinessError('FORBIDDEN', '只有到场签到的参加者可以评价。请在活动现场扫描签到码签到后再评价');
  const text = comment ?? '';
  if (text) {
    // Comments are shown to others: WeChat's content check decides, as required for user text.
    const check = (await cloud.openapi.security.msgSecCheck({ openid, scene: 2, version: 2, content: text })) as {
      result?: { suggest?: string };
    };
    if (check.result?.suggest !== 'pass')
      throw new BusinessError('CONTENT_REJECTED', '评价内容未通过安全检测，请修改后重新提交', { fields: ['comment'] });
  }
  const fid = signupIdOf(eventId, openid);
  const feedback: Omit<FeedbackDoc, '_id'> = {
    eventId,
    jurisdictionId: event.jurisdictionId,
    year: event.year,
    unitIds: event.unitIds,
    unitNames: event.unitNames,
    theme: event.theme,
    openid,
    rating,
    comment: text,
    createdAt: now,
    updatedAt: now,
  };
  // Deterministic ids: resubmitting replaces the person's evaluation, a retry completes it.
  await Promise.all([
    db.collection(C.feedback).doc(fid).set({ data: feedback }),
    db
      .collection(C.signups)
      .doc(signup._id)
      .update({ data: { evaluated: true, updatedAt: now } }),
  ]);
  return { eventId, rating, comment: text };
});
