// The report after the event (情况报告): drafts, and submissions, each a new version.
import { BusinessError } from '../../src/domain/errors';
import { isEventOver, isOnTime, workdaysLate } from '../../src/domain/deadlines';
import { transition, unitIsDone } from '../../src/domain/lifecycle';
import type { EventStatus } from '../../src/domain/lifecycle';
import { KEYWORD_PLACE_LABELS } from '../../src/domain/reportRules';
import { checkNewsKeyword, partsToParagraphs, videoProblem } from '../../src/domain/reportParts';
import { shanghaiDate } from '../../src/domain/time';
import { db, _, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere } from '../_shared/data';
import type { EventDoc } from '../_shared/data';
import { requireEventStaff } from '../_shared/eventAccess';
import { requireFilesInScope } from '../_shared/files';
import { defined, DRAFTS, omitId, reportIdOf } from '../_shared/records';
import type { DraftDoc, PhotoDoc, ReportDoc } from '../_shared/records';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { iso } from './next';

export const saveDraft = action(contract.unit.saveDraft, async (input, caller) => {
  const { event, staff } = await requireEventStaff(caller, input.eventId);
  requireFilesInScope(input.videoFileIDs ?? [], { events: event._id }, 'videoFileIDs');
  if (unitIsDone(event.status)) {
    throw new BusinessError('CONFLICT', '情况报告已审核通过，无需再保存草稿。', { status: event.status });
  }
  const savedAt = serverNow();
  const draft: DraftDoc = {
    _id: event._id,
    eventId: event._id,
    title: input.title,
    paragraphs: input.paragraphs,
    photoIds: input.photoIds,
    videoFileIDs: input.videoFileIDs ?? [],
    attendance: input.attendance ?? null,
    publicRaised: input.publicRaised ?? null,
    ...defined({ parts: input.parts, participants: input.participants, newsRelease: input.newsRelease }),
    savedBy: staff.openid,
    savedAt,
  };
  // One draft per event, overwritten: a draft is a working copy, not a submission.
  await db
    .collection(DRAFTS)
    .doc(event._id)
    .set({ data: omitId(draft) });
  return { savedAt: iso(savedAt) };
});

/**
 * The status a submission moves the event to. Two cases the lifecycle table
 * refuses are decided here on purpose:
 * - reported → reported: a unit may send a corrected version before the office
 *   reviews; the earlier version stays stored, superseded (only the latest is reviewable).
 * - plan_filed → reported once the event date has passed: the check-in is missing,
 *   but the office must still receive the report; it is flagged no_checkin for the office to judge.
 */
function submission(event: EventDoc, today: string): { state: EventStatus; flags: string[] } {
  if (event.status === 'reported') return { state: 'reported', flags: [] };
  if (event.status === 'plan_filed' && event.plan && isEventOver(event.plan, today)) return { state: 'reported', flags: ['no_checkin'] };
  const next = transition(event.status, 'SUBMIT_REPORT');
  if (!next.ok) throw new BusinessError(next.code, next.message, { status: event.status });
  return { state: next.state, flags: [] };
}

export const submitReport = action(contract.unit.submitReport, async (input, caller) => {
  const [{ event, staff, jurisdiction }, photos] = await Promise.all([
    requireEventStaff(caller, input.eventId, { withRules: true }),
    input.photoIds.length ? findWhere<PhotoDoc>(C.photos, { _id: _.in(input.photoIds) }) : Promise.resolve([] as PhotoDoc[]),
  ]);
  requireFilesInScope(input.videoFileIDs ?? [], { events: event._id }, 'videoFileIDs');
  const now = serverNow();
  submission(event, shanghaiDate(now)); // refuse early; decided again inside the transaction
  const rules = jurisdiction.rules;
  if (!event.deadlines) throw new BusinessError('CONFLICT', '请先报备活动方案。', { status: event.status });

  const unknown = input.photoIds.filter((id) => !photos.some((p) => p._id === id && p.eventId === event._id));
  if (unknown.length)
    throw new BusinessError('INVALID_ARGUMENT', '有照片不属于本活动或尚未上传成功，请重新选择照片', {
      fields: ['photoIds'],
      photoIds: unknown,
    });

  const given = input.paragraphs.map((p) => p.trim()).filter(Boolean);
  const paragraphs = given.length ? given : partsToParagraphs(input.parts ?? {});
  const newsRelease = input.newsRelease
    ? { title: input.newsRelease.title, paragraphs: input.newsRelease.paragraphs.map((p) => p.trim()).filter(Boolean) }
    : null;
  const check = checkNewsKeyword({ title: input.title, paragraphs }, newsRelease, rules.keyword, rules.reportKeywordPlaces);
  if (check.missing.length) {
    const where = check.missing.map((p) => KEYWORD_PLACE_LABELS[p]).join('、');
    const what = check.source === 'newsRelease' ? '新闻稿' : '报告（未单独提交新闻稿时按新闻稿检查）';
    throw new BusinessError('KEYWORD_MISSING', `${what}的${where}须包含“${rules.keyword}”，请补充后再提交`, {
      places: check.missing,
      keyword: rules.keyword,
      text: check.source,
    });
  }
  const badVideo = (input.videos ?? []).map(videoProblem).find((p) => p !== null);
  if (badVideo) throw new BusinessError('INVALID_ARGUMENT', badVideo, { fields: ['videos'] });
  const logoPhotos = photos.filter((p) => p.hasLogo).length;
  if (logoPhotos < rules.minLogoPhotos) {
    throw new BusinessError(
      'PHOTO_REQUIRED',
      `至少需要${rules.minLogoPhotos}张带“${rules.keyword}”标识的现场照片，目前${logoPhotos}张，请补拍或选择带标识的照片`,
      {
        required: rules.minLogoPhotos,
        found: logoPhotos,
      },
    );
  }

  const deadline = event.deadlines.report;
  const late = !isOnTime(deadline, now);
  const lateDays = workdaysLate(deadline, now, rules);
  const materialsLate = event.deadlines.materials ? !isOnTime(event.deadlines.materials, now) : null;
  const byId = new Map(photos.map((p) => [p._id, p]));

  const { reportId, version, flags } = await db.runTransaction(async (tx: Tx) => {
    // The version number comes from the event read inside the transaction, so
    // concurrent submissions neither share nor skip a number.
    const cur = await txGet<EventDoc>(tx, C.events, event._id);
    if (!cur) throw new BusinessError('NOT_FOUND', '找不到该活动', { eventId: event._id });
    const { state, flags: f } = submission(cur, shanghaiDate(now));
    const v = (cur.report?.version ?? 0) + 1;
    const doc: ReportDoc = defined({
      _id: reportIdOf(event._id, v),
      eventId: event._id,
      jurisdictionId: event.jurisdictionId,
      version: v,
      theme: cur.theme,
      unitNames: cur.unitNames,
      date: cur.plan?.date ?? null,
      title: input.title,
      paragraphs,
      photoIds: input.photoIds,
      photoFileIDs: input.photoIds.map((id) => byId.get(id)!.fileID),
      videoFileIDs: [...(input.videoFileIDs ?? []), ...(input.videos ?? []).map((clip) => clip.fileID)],
      attendance: input.attendance ? defined({ ...input.attendance }) : null,
      publicRaised: input.publicRaised ?? null,
      parts: input.parts,
      participants: input.participants,
      videos: input.videos,
      newsRelease: newsRelease ?? undefined,
      keywordSource: check.source,
      keyword: check.places,
      flags: f,
      submittedBy: staff.openid,
      submittedAt: now,
      deadline,
      late,
      workdaysLate: lateDays,
      materialsLate,
      status: 'submitted' as const,
      public: false,
    });
    await tx
      .collection(C.reports)
      .doc(doc._id)
      .set({ data: omitId(doc) });
    await tx
      .collection(C.events)
      .doc(event._id)
      .update({
        data: {
          report: _.set({
            reportId: doc._id,
            version: v,
            submittedAt: now,
            late,
            workdaysLate: lateDays,
            status: 'submitted',
            newsRelease: newsRelease !== null,
          }),
          status: state,
          updatedAt: now,
        },
      });
    return { reportId: doc._id, version: v, flags: f };
  });

  return {
    reportId,
    version,
    submittedAt: iso(now),
    late,
    workdaysLate: lateDays,
    deadline,
    materialsLate,
    flags,
    keyword: check.places,
    keywordSource: check.source,
  };
});
