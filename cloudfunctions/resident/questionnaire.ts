// Answering an event's questionnaire: anyone with WeChat (signed-up residents and
// walk-ins alike, from the event page or the event's code), once per person,
// anonymously; short answers pass WeChat's content check as comments do.
import { BusinessError } from '../../src/domain/errors';
import { checkAnswers } from '../../src/domain/questionnaire';
import { toShanghaiISO } from '../../src/domain/time';
import { _, runTransaction, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import type { EventDoc } from '../_shared/data';
import { requireSignedIn } from '../_shared/auth';
import { requireContentPass } from '../_shared/contentCheck';
import { ANSWERS, answerIdOf, QUESTIONNAIRES, type AnswerDoc, type QuestionnaireDoc } from '../_shared/questionnaires';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

export const questionnaire = action(contract.resident.questionnaire, async ({ eventId }, caller) => {
  const openid = requireSignedIn(caller);
  const [q, mine, event] = await Promise.all([
    getById<QuestionnaireDoc>(QUESTIONNAIRES, eventId),
    getById<AnswerDoc>(ANSWERS, answerIdOf(eventId, openid)),
    getById<EventDoc>(C.events, eventId),
  ]);
  if (!q || !event) throw new BusinessError('NOT_FOUND', '该活动没有问卷', { eventId });
  return {
    eventId,
    theme: event.theme,
    units: event.unitNames,
    title: q.title,
    questions: q.questions,
    answered: Boolean(mine),
    answeredAt: mine ? toShanghaiISO(new Date(mine.createdAt)) : null,
  };
});

export const answerQuestionnaire = action(contract.resident.answerQuestionnaire, async ({ eventId, answers }, caller) => {
  const openid = requireSignedIn(caller);
  const id = answerIdOf(eventId, openid);
  const [q, mine] = await Promise.all([getById<QuestionnaireDoc>(QUESTIONNAIRES, eventId), getById<AnswerDoc>(ANSWERS, id)]);
  if (!q) throw new BusinessError('NOT_FOUND', '该活动没有问卷', { eventId });
  if (mine) throw new BusinessError('CONFLICT', '您已提交过这份问卷，每人只能作答一次', { eventId });
  const { problems, normalised } = checkAnswers(q.questions, answers);
  if (problems.length) {
    throw new BusinessError('INVALID_ARGUMENT', problems[0].message, {
      fields: problems.map((p) => (p.index < 0 ? 'answers' : `answers.${p.index}`)),
    });
  }
  await requireContentPass(
    openid,
    normalised.flatMap((a, i) => (typeof a === 'string' ? [{ field: `answers.${i}`, text: a }] : [])),
    2,
    '文字意见未通过安全检测，请修改后重新提交',
  );
  const now = serverNow();
  // One transaction: the answer, and the count that stops the unit editing the questions.
  await runTransaction(async (tx: Tx) => {
    if (await txGet<AnswerDoc>(tx, ANSWERS, id)) throw new BusinessError('CONFLICT', '您已提交过这份问卷，每人只能作答一次', { eventId });
    const cur = await txGet<QuestionnaireDoc>(tx, QUESTIONNAIRES, eventId);
    if (!cur || cur.version !== q.version) throw new BusinessError('CONFLICT', '问卷刚刚被修改，请刷新后重新作答', { eventId });
    const doc: Omit<AnswerDoc, '_id'> = { eventId, answers: normalised, createdAt: now };
    await tx.collection(ANSWERS).doc(id).set({ data: doc });
    await tx
      .collection(QUESTIONNAIRES)
      .doc(eventId)
      .update({ data: { answerCount: _.inc(1) } });
  });
  return { eventId, answeredAt: toShanghaiISO(now) };
});
