// Reviewing unit reports: the latest report with its evidence, approving or
// returning it with a comment, and confirming a logo on a photo by eye. Approval
// does not publish: that is the office's separate review in publish.ts.
import { BusinessError } from '../../src/domain/errors';
import { STATUS_LABELS, transition } from '../../src/domain/lifecycle';
import { toShanghaiISO } from '../../src/domain/time';
import { db, _, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc, PlanDoc } from '../_shared/data';
import { requireSignedIn } from '../_shared/auth';
import { requireEventOffice } from '../_shared/eventAccess';
import { ALBUM_MARK, photoSourceOf } from '../../src/domain/photos';
import { tempUrls } from '../_shared/files';
import { photoFiles, photoLinks } from '../_shared/photoLinks';
import { eventIdOf, MATERIALS } from '../_shared/records';
import { QUESTIONNAIRES, type QuestionnaireDoc } from '../_shared/questionnaires';
import type { MaterialsDoc, PhotoDoc, ReportDoc } from '../_shared/records';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { planForApp } from '../_shared/planView';

const iso = (d: Date | string) => toShanghaiISO(new Date(d));

export const reportDetail = action(contract.office.reportDetail, async ({ eventId }, caller) => {
  const { event } = await requireEventOffice(caller, eventId);
  const [reports, plans, photos, materialsVersions, questionnaire] = await Promise.all([
    findWhere<ReportDoc>(C.reports, { eventId }, 100),
    findWhere<PlanDoc>(C.plans, { eventId }, 100),
    findWhere<PhotoDoc>(C.photos, { eventId }, 200),
    findWhere<MaterialsDoc>(MATERIALS, { eventId }, 100),
    getById<QuestionnaireDoc>(QUESTIONNAIRES, eventId),
  ]);
  const checkin = event.checkin;
  reports.sort((a, b) => b.version - a.version);
  plans.sort((a, b) => b.version - a.version);
  const latest = reports[0] ?? null;
  materialsVersions.sort((a, b) => b.version - a.version);
  const materials = materialsVersions[0] ?? null;
  const pick = (ids: string[]) => ids.map((pid) => photos.find((p) => p._id === pid)).filter((p): p is PhotoDoc => Boolean(p));
  const reportPhotos = latest ? pick(latest.photoIds) : [];
  const materialsPhotos = materials ? pick(materials.photoIds) : [];
  const evidence = checkin?.evidenceFileID;
  const urls = await tempUrls([...photoFiles([...reportPhotos, ...materialsPhotos]), ...(evidence ? [evidence] : [])]);
  return {
    event: {
      eventId,
      seq: event.seq,
      theme: event.theme,
      units: event.unitNames,
      months: event.months,
      status: event.status,
      statusLabel: STATUS_LABELS[event.status],
    },
    deadlines: event.deadlines ?? null,
    plan: plans[0] ? planForApp(plans[0]) : null,
    planVersions: plans.map((p) => ({
      version: p.version,
      date: p.date,
      filedAt: iso(p.filedAt),
      outsidePlannedMonths: p.outsidePlannedMonths,
    })),
    checkin: checkin
      ? {
          checkinId: checkin.checkinId,
          at: iso(checkin.at),
          distanceMeters: checkin.distanceMeters,
          accuracy: checkin.accuracy ?? null,
          flags: checkin.flags,
          latitude: checkin.latitude,
          longitude: checkin.longitude,
          // An online event's proof: the screenshot (a temporary link) or the link the unit gave.
          evidenceUrl: evidence ? (urls.get(evidence) ?? null) : null,
          evidenceLink: checkin.evidenceLink ?? null,
        }
      : null,
    report: latest
      ? {
          reportId: latest._id,
          version: latest.version,
          status: latest.status,
          // Only the latest version awaiting review can be reviewed.
          reviewable: latest.status === 'submitted' && event.status === 'reported' && event.report?.reportId === latest._id,
          title: latest.title,
          paragraphs: latest.paragraphs,
          videoFileIDs: latest.videoFileIDs,
          attendance: latest.attendance,
          publicRaised: latest.publicRaised,
          parts: latest.parts ?? null,
          participants: latest.participants ?? null,
          videos: latest.videos ?? [],
          keyword: latest.keyword,
          flags: latest.flags,
          submittedAt: iso(latest.submittedAt),
          deadline: latest.deadline,
          late: latest.late,
          workdaysLate: latest.workdaysLate,
          materialsLate: latest.materialsLate,
          comment: latest.review?.comment ?? null,
          photos: reportPhotos.map((p) => ({
            photoId: p._id,
            ...photoLinks(p, urls),
            hasLogo: p.hasLogo,
            stamped: p.stamped,
            takenAt: p.takenAt ?? null,
            uploadedAt: iso(p.uploadedAt),
          })),
        }
      : null,
    // The questionnaire summary the unit attached to its report (unit.attachQuestionnaire).
    questionnaire: questionnaire?.attached
      ? {
          title: questionnaire.title,
          respondents: questionnaire.attached.respondents,
          lines: questionnaire.attached.lines,
          attachedAt: iso(questionnaire.attached.at),
        }
      : null,
    // The 新闻稿 and the 专栏材料 are separate items for the office, beside the report.
    newsRelease: latest
      ? {
          reportVersion: latest.version,
          separate: Boolean(latest.newsRelease),
          title: latest.newsRelease?.title ?? latest.title,
          paragraphs: latest.newsRelease?.paragraphs ?? latest.paragraphs,
          keyword: latest.keyword,
          keywordChecked: latest.keywordSource ?? 'report',
        }
      : null,
    materials: materials
      ? {
          materialsId: materials._id,
          version: materials.version,
          text: materials.text,
          submittedAt: iso(materials.submittedAt),
          deadline: materials.deadline,
          late: event.materials?.late ?? materials.late,
          workdaysLate: event.materials?.workdaysLate ?? materials.workdaysLate,
          photos: materialsPhotos.map((p) => ({ photoId: p._id, ...photoLinks(p, urls), hasLogo: p.hasLogo })),
          versions: materialsVersions.map((m) => ({ version: m.version, submittedAt: iso(m.submittedAt), late: m.late })),
        }
      : null,
    versions: reports.map((r) => ({
      reportId: r._id,
      version: r.version,
      status: r.status,
      submittedAt: iso(r.submittedAt),
      late: r.late,
      workdaysLate: r.workdaysLate,
      comment: r.review?.comment ?? null,
    })),
  };
});

export const reviewReport = action(contract.office.reviewReport, async ({ reportId, decision, comment }, caller) => {
  const eventId = eventIdOf(reportId);
  if (!eventId) throw new BusinessError('NOT_FOUND', '找不到该情况报告', { reportId });
  const [{ office }, report] = await Promise.all([requireEventOffice(caller, eventId), getById<ReportDoc>(C.reports, reportId)]);
  if (!report || report.eventId !== eventId) throw new BusinessError('NOT_FOUND', '找不到该情况报告', { reportId });
  const lifecycleEvent = decision === 'approve' ? 'APPROVE' : 'RETURN';
  const now = serverNow();

  const status = await db.runTransaction(async (tx: Tx) => {
    const cur = await txGet<EventDoc>(tx, C.events, eventId);
    if (!cur) throw new BusinessError('NOT_FOUND', '找不到该活动', { eventId });
    if (cur.report?.reportId !== reportId || report.status !== 'submitted') {
      throw new BusinessError('CONFLICT', `该报告不是待审核的最新版本（最新为第${cur.report?.version ?? 0}版），请刷新后审核最新版本`, {
        latestReportId: cur.report?.reportId ?? null,
      });
    }
    const next = transition(cur.status, lifecycleEvent);
    if (!next.ok) throw new BusinessError(next.code, next.message, { status: cur.status });
    const reportStatus = decision === 'approve' ? ('approved' as const) : ('returned' as const);
    const review = { decision, comment: comment ?? null, by: office.openid, at: now };
    await tx
      .collection(C.reports)
      .doc(reportId)
      .update({
        data: { status: reportStatus, review: _.set(review), ...(decision === 'approve' ? { approvedAt: now, public: false } : {}) },
      });
    await tx
      .collection(C.events)
      .doc(eventId)
      .update({ data: { status: next.state, 'report.status': reportStatus, updatedAt: now } });
    return reportStatus;
  });
  return { status, reviewedAt: iso(now) };
});

export const confirmPhotoLogo = action(contract.office.confirmPhotoLogo, async ({ photoId, hasLogo }, caller) => {
  const eventId = eventIdOf(photoId);
  if (!eventId) throw new BusinessError('NOT_FOUND', '找不到该照片', { photoId });
  requireSignedIn(caller);
  const [{ office }, photo] = await Promise.all([requireEventOffice(caller, eventId), getById<PhotoDoc>(C.photos, photoId)]);
  if (!photo || photo.eventId !== eventId) throw new BusinessError('NOT_FOUND', '找不到该照片', { photoId });
  const value = hasLogo ?? true;
  if (value && photoSourceOf(photo) === 'album')
    throw new BusinessError('CONFLICT', `${ALBUM_MARK}不能算作含标识的现场照片，请让单位在活动现场用小程序拍照`, { photoId });
  const now = serverNow();
  await db
    .collection(C.photos)
    .doc(photoId)
    .update({ data: { hasLogo: value, logoConfirmedBy: office.openid, logoConfirmedAt: now } });
  return { photoId, hasLogo: value };
});
