// Publishing an approved report (谁主管、谁公开、谁审查): approval says the report is
// complete; publishing is the office's own review of what the public will read.
// The office sees the text with personal data masked, confirms it holds no secrets
// and no personal data, the platform's content check passes every public text, and
// only then does the report enter the public column. Taking it down keeps the reason.
import { z } from 'zod';
import { BusinessError } from '../../src/domain/errors';
import { STATUS_LABELS, transition, type LifecycleEvent } from '../../src/domain/lifecycle';
import { publicReportText } from '../../src/domain/publicText';
import { toShanghaiISO } from '../../src/domain/time';
import { _, runTransaction, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc } from '../_shared/data';
import { requireEventOffice } from '../_shared/eventAccess';
import { requireContentPass } from '../_shared/contentCheck';
import { tempUrls } from '../_shared/files';
import { checksSchema, type Publication, type PublicationEntry, type PublishableReport } from '../_shared/publication';
import type { SignupDoc } from '../_shared/signups';
import { action } from '../_shared/router';
import { rebuildColumnQuietly } from './column';

const eventIdField = z.string().min(1).max(64);
const iso = (d: Date | string) => toShanghaiISO(new Date(d));

/** The event's latest report; an event without one cannot be published. */
async function latestReport(event: EventDoc): Promise<PublishableReport> {
  const report = event.report ? await getById<PublishableReport>(C.reports, event.report.reportId) : null;
  if (!report) throw new BusinessError('CONFLICT', '该活动还没有情况报告，不能公开', { eventId: event._id });
  return report;
}

/** The text as it will be published: the stored copy once published, else freshly masked. */
async function publicText(event: EventDoc, report: PublishableReport) {
  if (event.status === 'published' && report.publication) return report.publication;
  // Residents who signed up are the personal data most likely to be quoted in a report.
  const signups = await findWhere<SignupDoc>(C.signups, { eventId: event._id }, 1000);
  const known = { names: signups.map((s) => s.name).filter(Boolean), phones: signups.map((s) => s.phone).filter(Boolean) };
  return { ...publicReportText(report, known), photoFileIDs: report.photoFileIDs };
}

function refuseUnless(status: EventDoc['status'], move: LifecycleEvent): void {
  const next = transition(status, move);
  if (!next.ok) throw new BusinessError(next.code, next.message, { status });
}

export const publishPreview = action(z.object({ eventId: eventIdField }).strict(), async ({ eventId }, caller) => {
  const { event } = await requireEventOffice(caller, eventId);
  const report = await latestReport(event);
  const text = await publicText(event, report);
  const urls = await tempUrls(text.photoFileIDs);
  const pub = event.status === 'published' ? report.publication : undefined;
  return {
    eventId,
    reportId: report._id,
    status: event.status,
    statusLabel: STATUS_LABELS[event.status],
    publishable: event.status === 'approved',
    published: event.status === 'published',
    title: text.title,
    paragraphs: text.paragraphs,
    masked: text.masked,
    photos: text.photoFileIDs.map((f) => ({ url: urls.get(f) ?? null })),
    publication: pub ? { by: pub.by, at: iso(pub.at), checks: pub.checks } : null,
    log: (report.publicationLog ?? []).map((e) => ({ ...e, at: iso(e.at) })),
  };
});

const publishSchema = z.object({ eventId: eventIdField, checks: checksSchema }).strict();

export const publishReport = action(publishSchema, async ({ eventId }, caller) => {
  const { event, office } = await requireEventOffice(caller, eventId);
  refuseUnless(event.status, 'PUBLISH');
  const report = await latestReport(event);
  const text = await publicText(event, report);
  await requireContentPass(
    office.openid,
    [{ field: 'title', text: text.title }, ...text.paragraphs.map((p, i) => ({ field: `paragraphs.${i}`, text: p }))],
    3,
    '报告内容未通过平台内容安全检测，不能公开。请退回单位修改后重新审核',
  );
  const now = serverNow();
  const checks = { secrecy: true, personalData: true } as const;
  const publication: Publication = {
    title: text.title,
    paragraphs: text.paragraphs,
    photoFileIDs: text.photoFileIDs,
    masked: text.masked,
    checks,
    contentCheck: 'pass',
    by: office.openid,
    at: now,
  };
  const entry: PublicationEntry = { kind: 'publish', by: office.openid, at: now, checks };
  await runTransaction(async (tx: Tx) => {
    const cur = await txGet<EventDoc>(tx, C.events, eventId);
    if (!cur) throw new BusinessError('NOT_FOUND', '找不到该活动', { eventId });
    refuseUnless(cur.status, 'PUBLISH');
    if (cur.report?.reportId !== report._id)
      throw new BusinessError('CONFLICT', '报告已有新版本，请刷新后重新审查', { reportId: cur.report?.reportId ?? null });
    await tx
      .collection(C.reports)
      .doc(report._id)
      .update({ data: { public: true, publishedAt: now, publication: _.set(publication), publicationLog: _.push([entry]) } });
    await tx
      .collection(C.events)
      .doc(eventId)
      .update({ data: { status: 'published', updatedAt: now } });
  });
  const column = await rebuildColumnQuietly(event.jurisdictionId, event.year);
  return { eventId, status: 'published' as const, publishedAt: iso(now), masked: text.masked, column };
});

const unpublishSchema = z
  .object({ eventId: eventIdField, reason: z.string().trim().min(2, '请写明撤下原因（至少 2 个字）').max(500) })
  .strict();

export const unpublishReport = action(unpublishSchema, async ({ eventId, reason }, caller) => {
  const { event, office } = await requireEventOffice(caller, eventId);
  refuseUnless(event.status, 'UNPUBLISH');
  const now = serverNow();
  const entry: PublicationEntry = { kind: 'unpublish', by: office.openid, at: now, reason };
  await runTransaction(async (tx: Tx) => {
    const cur = await txGet<EventDoc>(tx, C.events, eventId);
    if (!cur?.report) throw new BusinessError('NOT_FOUND', '找不到该活动', { eventId });
    refuseUnless(cur.status, 'UNPUBLISH');
    await tx
      .collection(C.reports)
      .doc(cur.report.reportId)
      .update({ data: { public: false, unpublishedAt: now, publicationLog: _.push([entry]) } });
    await tx
      .collection(C.events)
      .doc(eventId)
      .update({ data: { status: 'approved', updatedAt: now } });
  });
  const column = await rebuildColumnQuietly(event.jurisdictionId, event.year);
  return { eventId, status: 'approved' as const, unpublishedAt: iso(now), reason, column };
});
