// The office's desk: the year at a glance, one event in full, more office staff
// (invitations with role 'office'), and the jurisdiction's logo for the photo stamp.
import { BusinessError } from '../../src/domain/errors';
import { eventDeadlines } from '../../src/domain/deadlines';
import { REMOVED_LABEL, STATUS_LABELS } from '../../src/domain/lifecycle';
import { deskNextStep } from '../../src/domain/nextStep';
import { toShanghaiISO } from '../../src/domain/time';
import { cloud, db } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { Deadlines, EventDoc, InviteDoc, JurisdictionDoc, PlanDoc, StaffDoc } from '../_shared/data';
import { requireOffice, requireSignedIn } from '../_shared/auth';
import { requireFileInScope } from '../_shared/files';
import { photoFiles, photoLinks, type PhotoFiles } from '../_shared/photoLinks';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { inviteCode } from '../_shared/ids';
import { inviteQr } from './units';

const PAGE = 1000;
const INVITE_VALID_DAYS = 14;

/** Every event of a year, a page of 1000 at a time (one round trip for any real plan table). */
async function eventsOfYear(jurisdictionId: string, year: number): Promise<EventDoc[]> {
  const all: EventDoc[] = [];
  for (;;) {
    const res = (await db
      .collection(C.events)
      .where({ jurisdictionId, year })
      .orderBy('seq', 'asc')
      .skip(all.length)
      .limit(PAGE)
      .get()) as unknown as { data: EventDoc[] };
    all.push(...res.data);
    if (res.data.length < PAGE) return all;
  }
}

/** Deadlines as the unit function stored them, or computed from the filed date if absent. */
function deadlinesOf(e: EventDoc, j: JurisdictionDoc | null): Deadlines | undefined {
  if (e.deadlines) return e.deadlines;
  if (!e.plan?.date || !j) return undefined;
  try {
    return eventDeadlines(e.plan.date, j.rules);
  } catch {
    return undefined; // a year without a published calendar: shown without a deadline
  }
}

export const listEvents = action(contract.office.listEvents, async ({ jurisdictionId, year }, caller) => {
  await requireOffice(caller, jurisdictionId);
  const events = await eventsOfYear(jurisdictionId, year);
  // Rules place unfiled events (and filed ones lacking stored deadlines), and say whether open seats await review.
  const needRules = events.some(
    (e) => e.status === 'planned' || (e.plan?.date && !e.deadlines) || (e.status === 'plan_filed' && (e.plan?.publicSeats ?? 0) > 0),
  );
  const j = needRules ? await getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId) : null;
  const now = serverNow();
  return {
    now: toShanghaiISO(now),
    events: events.map((e) => ({
      eventId: e._id,
      seq: e.seq,
      theme: e.theme,
      forms: e.forms,
      units: e.unitNames,
      unitIds: e.unitIds,
      months: e.months,
      status: e.status,
      statusLabel: e.removedFromPlan ? REMOVED_LABEL : STATUS_LABELS[e.status],
      removedFromPlan: e.removedFromPlan,
      ...(e.plan?.date ? { date: e.plan.date } : {}),
      next: deskNextStep(e, now, j?.rules, deadlinesOf(e, j)?.report),
    })),
  };
});

/** Photos as the unit function stores them; read defensively, only what the office sees. */
interface PhotoRow extends PhotoFiles {
  _id: string;
  eventId: string;
  hasLogo?: boolean;
  stamped?: boolean;
  takenAt?: Date | string;
  createdAt?: Date | string;
}

const iso = (d: Date | string | undefined) => (d === undefined ? undefined : toShanghaiISO(new Date(d)));

export const eventDetail = action(contract.office.eventDetail, async ({ eventId }, caller) => {
  requireSignedIn(caller);
  const e = await getById<EventDoc>(C.events, eventId);
  if (!e) throw new BusinessError('NOT_FOUND', '找不到该活动，请返回列表刷新后重试');
  await requireOffice(caller, e.jurisdictionId);
  const [plans, photos, j] = await Promise.all([
    findWhere<PlanDoc>(C.plans, { eventId }),
    findWhere<PhotoRow>(C.photos, { eventId }),
    getById<JurisdictionDoc>(C.jurisdictions, e.jurisdictionId),
  ]);
  const urls = await tempUrls(photoFiles(photos));
  const deadlines = deadlinesOf(e, j);
  const now = serverNow();
  return {
    eventId: e._id,
    jurisdictionId: e.jurisdictionId,
    year: e.year,
    seq: e.seq,
    theme: e.theme,
    forms: e.forms,
    units: e.unitNames,
    months: e.months,
    raw: e.raw,
    status: e.status,
    statusLabel: e.removedFromPlan ? REMOVED_LABEL : STATUS_LABELS[e.status],
    removedFromPlan: e.removedFromPlan,
    deadlines: deadlines ?? null,
    next: deskNextStep(e, now, j?.rules, deadlines?.report),
    listing: e.listing ? { planVersion: e.listing.planVersion, at: toShanghaiISO(new Date(e.listing.at)) } : null,
    plans: plans
      .sort((a, b) => b.version - a.version)
      .map((p) => ({
        version: p.version,
        date: p.date,
        endDate: p.endDate,
        startTime: p.startTime ?? null,
        venue: p.venue,
        forms: p.forms ?? [],
        invitees: p.invitees ?? [],
        banner: p.banner ?? '',
        publicSeats: p.publicSeats ?? 0,
        filedAt: iso(p.filedAt),
        onTime: p.onTime,
        outsidePlannedMonths: p.outsidePlannedMonths,
      })),
    checkin: e.checkin ? { at: iso(e.checkin.at), distanceMeters: e.checkin.distanceMeters, flags: e.checkin.flags } : null,
    photos: photos.map((p) => ({
      photoId: p._id,
      ...photoLinks(p, urls),
      hasLogo: Boolean(p.hasLogo),
      stamped: Boolean(p.stamped),
      takenAt: iso(p.takenAt ?? p.createdAt) ?? null,
    })),
    logoPhotoCount: e.logoPhotoCount ?? photos.filter((p) => p.hasLogo).length,
    report: e.report
      ? {
          reportId: e.report.reportId,
          version: e.report.version,
          submittedAt: iso(e.report.submittedAt),
          late: e.report.late,
          workdaysLate: e.report.workdaysLate,
          status: e.report.status,
        }
      : null,
    seats: e.seats ?? null,
  };
});

/** Temp URLs for files, 50 per call (the platform's cap). */
async function tempUrls(fileIDs: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let i = 0; i < fileIDs.length; i += 50) {
    const res = (await cloud.getTempFileURL({ fileList: fileIDs.slice(i, i + 50) })) as {
      fileList: Array<{ fileID: string; tempFileURL: string }>;
    };
    for (const f of res.fileList) if (f.tempFileURL) map.set(f.fileID, f.tempFileURL);
  }
  return map;
}

export async function tempUrl(fileID: string | undefined): Promise<string | null> {
  if (!fileID) return null;
  try {
    return (await tempUrls([fileID])).get(fileID) ?? null;
  } catch {
    return null; // the picture is a convenience; the data is still there
  }
}

export const inviteOffice = action(contract.office.inviteOffice, async ({ jurisdictionId }, caller) => {
  const office = await requireOffice(caller, jurisdictionId);
  const now = serverNow();
  const doc: InviteDoc = {
    _id: inviteCode(),
    role: 'office',
    jurisdictionId,
    jurisdictionName: office.jurisdictionName,
    createdBy: office.openid,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITE_VALID_DAYS * 86_400_000),
  };
  await db.collection(C.invites).add({ data: doc });
  return {
    code: doc._id,
    expiresAt: toShanghaiISO(doc.expiresAt),
    jurisdictionName: office.jurisdictionName,
    qrFileID: await inviteQr(doc._id),
  };
});

export const listStaff = action(contract.office.listStaff, async ({ jurisdictionId }, caller) => {
  const me = await requireOffice(caller, jurisdictionId);
  const staff = await findWhere<StaffDoc>(C.staff, { jurisdictionId, role: 'office' });
  return staff
    .map((s) => ({ openid: s.openid, name: s.name ?? null, since: toShanghaiISO(new Date(s.createdAt)), isMe: s.openid === me.openid }))
    .sort((a, b) => a.since.localeCompare(b.since));
});

export const setLogo = action(contract.office.setLogo, async ({ jurisdictionId, fileID }, caller) => {
  await requireOffice(caller, jurisdictionId);
  // Only an image the app uploaded for this jurisdiction (logos/<jurisdictionId>/…).
  requireFileInScope(fileID, { logos: jurisdictionId });
  const res = (await db
    .collection(C.jurisdictions)
    .doc(jurisdictionId)
    .update({ data: { logoFileID: fileID } })) as { stats: { updated: number } };
  if (res.stats.updated === 0) {
    const j = await getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId);
    if (!j) throw new BusinessError('NOT_FOUND', '找不到该辖区');
  }
  return { logoFileID: fileID, logoUrl: await tempUrl(fileID) };
});
