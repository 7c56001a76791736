// The unit's list of events (what to do next, most urgent first) and the
// detail screen of one event.
import { BusinessError } from '../../src/domain/errors';
import { bannerText } from '../../src/domain/reportRules';
import { STATUS_LABELS } from '../../src/domain/lifecycle';
import type { Rules } from '../../src/domain/rules';
import { db, _ } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc, JurisdictionDoc } from '../_shared/data';
import { requireSignedIn, rolesOf } from '../_shared/auth';
import { requireEventStaff } from '../_shared/eventAccess';
import type { UnitStaff } from '../_shared/eventAccess';
import { tempUrls } from '../_shared/files';
import { photoFiles, photoLinks } from '../_shared/photoLinks';
import { planForApp } from '../_shared/planView';
import { DRAFTS, MATERIALS } from '../_shared/records';
import type { DraftDoc, MaterialsDoc, PhotoDoc, ReportDoc } from '../_shared/records';
import { countersOf } from '../_shared/signups';
import { suggestedParticipants } from '../../src/domain/reportParts';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { earliestDateOrNull, iso, listingNotice, nextStep } from './next';

const PHOTO_PAGE = 50;

export const myEvents = action(contract.unit.myEvents, async (_input, caller) => {
  const openid = requireSignedIn(caller);
  const units = (await rolesOf(openid)).filter((r): r is UnitStaff => r.role === 'unit');
  if (units.length === 0) throw new BusinessError('FORBIDDEN', '您还不是任何责任单位的工作人员，请使用公开办发的邀请码加入单位', {});
  // The rules place events that have no filed date yet and say whether open seats wait for the
  // office's review. A unit's events are its jurisdiction's, so they are read beside the events.
  const [allEvents, ownJurisdictions] = await Promise.all([
    findWhere<EventDoc>(C.events, { unitIds: _.in(units.map((u) => u.unitId)) }),
    findWhere<JurisdictionDoc>(C.jurisdictions, { _id: _.in([...new Set(units.map((u) => u.jurisdictionId))]) }),
  ]);
  // A row dropped from the plan before anything was done is no longer work to do.
  const events = allEvents.filter((e) => !(e.removedFromPlan && e.status === 'planned'));
  const others = [...new Set(events.map((e) => e.jurisdictionId))].filter((id) => !ownJurisdictions.some((j) => j._id === id));
  const jurisdictions = others.length
    ? [...ownJurisdictions, ...(await findWhere<JurisdictionDoc>(C.jurisdictions, { _id: _.in(others) }))]
    : ownJurisdictions;
  const now = serverNow();
  const rulesOf = new Map<string, Rules>(jurisdictions.map((j) => [j._id, j.rules]));
  const earliestOf = new Map(jurisdictions.map((j) => [j._id, earliestDateOrNull(now, j.rules)]));

  const rows = events.map((e) => {
    const next = nextStep(e, now, rulesOf.get(e.jurisdictionId), earliestOf.get(e.jurisdictionId));
    const late = {
      ...(next.step === 'file_plan' && next.overdue ? { plan: true } : {}),
      ...(e.status === 'plan_filed' && next.step === 'submit_report' ? { checkin: true } : {}),
      ...(e.report?.late ? { report: e.report.workdaysLate } : {}),
    };
    return {
      eventId: e._id,
      seq: e.seq,
      year: e.year,
      theme: e.theme,
      forms: e.forms,
      units: e.unitNames,
      months: e.months,
      status: e.status,
      statusLabel: STATUS_LABELS[e.status],
      listingNotice: listingNotice(e, rulesOf.get(e.jurisdictionId)),
      ...(e.plan ? { date: e.plan.date, startTime: e.plan.startTime, venue: e.plan.venue } : {}),
      deadlines: e.deadlines
        ? { plan: e.deadlines.plan, report: e.deadlines.report, ...(e.deadlines.materials ? { materials: e.deadlines.materials } : {}) }
        : {},
      next,
      ...(Object.keys(late).length ? { late } : {}),
      removedFromPlan: e.removedFromPlan,
    };
  });
  const far = '9999';
  return rows.sort(
    (a, b) =>
      Number(b.next.overdue) - Number(a.next.overdue) ||
      (a.next.due ?? far).localeCompare(b.next.due ?? far) ||
      (a.months?.from ?? 99) - (b.months?.from ?? 99) ||
      a.seq - b.seq,
  );
});

export const eventDetail = action(contract.unit.eventDetail, async ({ eventId }, caller) => {
  const { event, staff, jurisdiction } = await requireEventStaff(caller, eventId, { withRules: true });
  const [photosRes, report, draft, materials, attendedCount] = await Promise.all([
    db.collection(C.photos).where({ eventId }).orderBy('uploadedAt', 'asc').limit(PHOTO_PAGE).get() as unknown as Promise<{
      data: PhotoDoc[];
    }>,
    event.report ? getById<ReportDoc>(C.reports, event.report.reportId) : Promise.resolve(null),
    getById<DraftDoc>(DRAFTS, eventId),
    event.materials ? getById<MaterialsDoc>(MATERIALS, event.materials.materialsId) : Promise.resolve(null),
    // Who came: counted by the database, not read; the confirmed count is the event's own counter.
    (event.plan?.publicSeats ?? 0) > 0
      ? (db
          .collection(C.signups)
          .where({ eventId, status: 'confirmed', attendedAt: _.exists(true) })
          .count() as Promise<{ total: number }>)
      : Promise.resolve({ total: 0 }),
  ]);
  const photos = photosRes.data;
  const counted = { confirmed: countersOf(event).confirmed, attended: attendedCount.total };
  // The office's own logo, if it uploaded one, is what the photo stamp draws.
  const urls = await tempUrls([...photoFiles(photos), ...(jurisdiction.logoFileID ? [jurisdiction.logoFileID] : [])]);
  const now = serverNow();
  const rules = jurisdiction.rules;
  const earliestDate = earliestDateOrNull(now, rules);
  return {
    event: {
      eventId,
      seq: event.seq,
      year: event.year,
      theme: event.theme,
      forms: event.forms,
      units: event.unitNames,
      months: event.months,
      plannedDate: event.plannedDate ?? null,
      status: event.status,
      statusLabel: STATUS_LABELS[event.status],
      listingNotice: listingNotice(event, jurisdiction.rules),
      removedFromPlan: event.removedFromPlan,
    },
    plan: event.plan ? planForApp(event.plan) : null,
    planVersions: event.plan?.version ?? 0,
    deadlines: event.deadlines ?? null,
    checkin: event.checkin ? checkinForApp(event.checkin) : null,
    photos: photos.map((p) => ({
      photoId: p._id,
      fileID: p.fileID,
      ...photoLinks(p, urls),
      hasLogo: p.hasLogo,
      stamped: p.stamped,
      takenAt: p.takenAt ?? null,
      uploadedAt: iso(p.uploadedAt),
    })),
    photosTruncated: photos.length === PHOTO_PAGE,
    report: report
      ? {
          reportId: report._id,
          version: report.version,
          status: report.status,
          title: report.title,
          paragraphs: report.paragraphs,
          photoIds: report.photoIds,
          videoFileIDs: report.videoFileIDs,
          attendance: report.attendance,
          publicRaised: report.publicRaised,
          parts: report.parts ?? null,
          participants: report.participants ?? null,
          newsRelease: report.newsRelease ?? null,
          submittedAt: iso(report.submittedAt),
          deadline: report.deadline,
          late: report.late,
          workdaysLate: report.workdaysLate,
          flags: report.flags,
          comment: report.review?.comment ?? null,
          reviewedAt: report.review ? iso(report.review.at) : null,
        }
      : null,
    draft: draft
      ? {
          title: draft.title,
          paragraphs: draft.paragraphs,
          photoIds: draft.photoIds,
          videoFileIDs: draft.videoFileIDs,
          attendance: draft.attendance,
          publicRaised: draft.publicRaised,
          parts: draft.parts ?? null,
          participants: draft.participants ?? null,
          newsRelease: draft.newsRelease ?? null,
          savedAt: iso(draft.savedAt),
        }
      : null,
    materials: materials
      ? {
          materialsId: materials._id,
          version: materials.version,
          text: materials.text,
          photoIds: materials.photoIds,
          submittedAt: iso(materials.submittedAt),
          deadline: materials.deadline,
          late: event.materials?.late ?? materials.late,
          workdaysLate: event.materials?.workdaysLate ?? materials.workdaysLate,
        }
      : null,
    // 参与人数 as the product knows it, for the report form to prefill (the unit may correct it).
    participants: { ...counted, suggested: suggestedParticipants(counted) },
    rules: {
      keyword: rules.keyword,
      reportKeywordPlaces: rules.reportKeywordPlaces,
      minLogoPhotos: rules.minLogoPhotos,
      bannerTemplates: rules.bannerTemplates,
      planLeadWorkdays: rules.planLeadWorkdays,
      reportWithinWorkdays: rules.reportWithinWorkdays,
      materialsWithinWorkdays: rules.materialsWithinWorkdays,
      // The office's calendar adjustments: the plan form previews deadlines with exactly what filePlan applies.
      calendar: rules.calendar,
      preset: rules.preset ?? 'standard',
    },
    contact: { office: jurisdiction.name, ...(rules.contact ?? { name: '', phone: '', email: '' }) },
    logoUrl: jurisdiction.logoFileID ? (urls.get(jurisdiction.logoFileID) ?? null) : null,
    suggestedBanner: rules.bannerTemplates.length
      ? bannerText(rules.bannerTemplates[0], { unit: event.unitNames.join('、') || staff.unitName, year: event.year })
      : null,
    earliestDate,
    next: nextStep(event, now, rules, earliestDate),
  };
});

/** The check-in as the unit's screen shows it: who pressed the button stays on the server. */
function checkinForApp({ openid: _staff, ...checkin }: NonNullable<EventDoc['checkin']>) {
  return { ...checkin, at: iso(checkin.at) };
}
