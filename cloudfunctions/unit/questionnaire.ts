// The unit's questionnaire: set it (editable until the first answer), see the
// results, export them to Excel, attach the summary to the 情况报告 in one tap.
// Results are for the event's unit and its office.
import { BusinessError } from '../../src/domain/errors';
import { summaryLines, tally } from '../../src/domain/questionnaire';
import { toShanghaiISO } from '../../src/domain/time';
import { _, cloud, db, runTransaction, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import { requireSignedIn, rolesOf } from '../_shared/auth';
import { requireEventStaff } from '../_shared/eventAccess';
import { findAll } from '../_shared/findAll';
import { ANSWERS, QUESTIONNAIRES, type AnswerDoc, type QuestionnaireDoc } from '../_shared/questionnaires';
import type { Caller } from '../_shared/router';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { excel } from './lazyExcel';
import type { EventDoc } from '../_shared/data';

export const setQuestionnaire = action(contract.unit.setQuestionnaire, async ({ eventId, title, questions }, caller) => {
  const { event, staff } = await requireEventStaff(caller, eventId);
  const now = serverNow();
  return runTransaction(async (tx: Tx) => {
    const cur = await txGet<QuestionnaireDoc>(tx, QUESTIONNAIRES, eventId);
    if (cur && cur.answerCount > 0)
      throw new BusinessError('CONFLICT', `问卷已收到 ${cur.answerCount} 份答卷，不能再修改题目`, { answerCount: cur.answerCount });
    const doc: Omit<QuestionnaireDoc, '_id'> = {
      eventId,
      jurisdictionId: event.jurisdictionId,
      unitIds: event.unitIds,
      title,
      questions,
      answerCount: 0,
      version: (cur?.version ?? 0) + 1,
      updatedBy: staff.openid,
      updatedAt: now,
    };
    await tx.collection(QUESTIONNAIRES).doc(eventId).set({ data: doc });
    return { eventId, version: doc.version, questions: questions.length };
  });
});

/** Staff of the event's unit, or its office (who sees the results in review). */
async function requireStaffOrOffice(caller: Caller, eventId: string): Promise<EventDoc> {
  const openid = requireSignedIn(caller);
  const [event, roles] = await Promise.all([getById<EventDoc>(C.events, eventId), rolesOf(openid)]);
  if (!event) throw new BusinessError('NOT_FOUND', '找不到该活动，请返回列表刷新后重试', { eventId });
  const allowed = roles.some((r) => (r.role === 'unit' ? event.unitIds.includes(r.unitId) : r.jurisdictionId === event.jurisdictionId));
  if (!allowed) throw new BusinessError('FORBIDDEN', '只有该活动责任单位的工作人员和本辖区公开办可以查看问卷结果', { eventId });
  return event;
}

async function results(eventId: string) {
  const [q, answers] = await Promise.all([getById<QuestionnaireDoc>(QUESTIONNAIRES, eventId), findAll<AnswerDoc>(ANSWERS, { eventId })]);
  if (!q) throw new BusinessError('NOT_FOUND', '该活动还没有问卷，请先设置问卷', { eventId });
  const tallied = tally(
    q.questions,
    answers.map((a) => a.answers),
  );
  return { q, respondents: answers.length, questions: tallied, summary: summaryLines(q.title, answers.length, tallied) };
}

export const questionnaireResults = action(contract.unit.questionnaireResults, async ({ eventId }, caller) => {
  await requireStaffOrOffice(caller, eventId);
  const r = await results(eventId);
  return {
    eventId,
    title: r.q.title,
    definition: r.q.questions,
    editable: r.respondents === 0,
    respondents: r.respondents,
    questions: r.questions,
    summary: r.summary,
    attached: r.q.attached
      ? { lines: r.q.attached.lines, respondents: r.q.attached.respondents, at: toShanghaiISO(new Date(r.q.attached.at)) }
      : null,
  };
});

export const exportQuestionnaire = action(contract.unit.exportQuestionnaire, async ({ eventId }, caller) => {
  const event = await requireStaffOrOffice(caller, eventId);
  const r = await results(eventId);
  const now = serverNow();
  const bytes = await excel().questionnaireWorkbook(r.questions, r.respondents, now);
  const { fileID } = (await cloud.uploadFile({
    cloudPath: `exports/${event.jurisdictionId}/questionnaire-${eventId}-${now.getTime()}.xlsx`,
    fileContent: bytes,
  })) as { fileID: string };
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return { fileID, url: fileList[0]?.tempFileURL ?? null, fileName: `${r.q.title}问卷结果.xlsx` };
});

export const attachQuestionnaire = action(contract.unit.attachQuestionnaire, async ({ eventId }, caller) => {
  const { staff } = await requireEventStaff(caller, eventId);
  const r = await results(eventId);
  if (r.respondents === 0) throw new BusinessError('CONFLICT', '问卷还没有答卷，收到答卷后再附到情况报告', { eventId });
  const now = serverNow();
  const attached = { lines: r.summary, respondents: r.respondents, by: staff.openid, at: now };
  await db
    .collection(QUESTIONNAIRES)
    .doc(eventId)
    .update({ data: { attached: _.set(attached) } });
  return { eventId, respondents: r.respondents, lines: r.summary, at: toShanghaiISO(now) };
});
