// On the day: checking in at the venue, and photos (uploaded to storage by the
// app first; here only their file ids and fingerprints).
import { BusinessError } from '../../src/domain/errors';
import { transition, unitIsDone } from '../../src/domain/lifecycle';
import { shanghaiDate } from '../../src/domain/time';
import { db, _, runTransaction, txGet, type Tx } from '../_shared/cloud';
import { deleteUnreferencedFiles, keepFiles } from '../_shared/fileCleanup';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc, Venue } from '../_shared/data';
import { requireEventStaff } from '../_shared/eventAccess';
import { photoShaOf, requireFileInScope } from '../_shared/files';
import { checkPhotoLogo, checkThumb } from '../_shared/logoCheck';
import { checkinIdOf, defined, DRAFTS, MATERIALS, photoIdOf } from '../_shared/records';
import type { DraftDoc, MaterialsDoc, PhotoDoc, ReportDoc } from '../_shared/records';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { iso } from './next';
import { assertCheckinProof, assertEventDay } from './eventKinds';

const FAR_METERS = 500;
const POOR_ACCURACY_METERS = 100;
const EARTH_RADIUS_METERS = 6_371_000;

/** Great-circle distance (haversine); metres, rounded. */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h))));
}

function measure(venue: Venue, at: { latitude: number; longitude: number }, accuracy: number | null) {
  const flags: string[] = [];
  let distance: number | null = null;
  if (venue.latitude === undefined || venue.longitude === undefined) flags.push('no_venue_location');
  else {
    distance = distanceMeters({ latitude: venue.latitude, longitude: venue.longitude }, at);
    if (distance > FAR_METERS) flags.push('far_from_venue');
  }
  if (accuracy !== null && accuracy > POOR_ACCURACY_METERS) flags.push('poor_accuracy');
  return { distance, flags };
}

const summaryOf = (c: NonNullable<EventDoc['checkin']>) => ({
  checkinId: c.checkinId,
  at: iso(c.at),
  distanceMeters: c.distanceMeters,
  flags: c.flags,
  first: true,
});

export const checkIn = action(contract.unit.checkIn, async (input, caller) => {
  const { event, staff } = await requireEventStaff(caller, input.eventId);
  // Checking in again (a retry, a colleague) returns the first check-in, on any day.
  if (event.checkin) return { ...summaryOf(event.checkin), first: false };
  if (!event.plan) throw new BusinessError('CONFLICT', '请先报备活动方案，再到现场签到。', { status: event.status });
  const now = serverNow();
  const today = shanghaiDate(now);
  assertEventDay(event.plan, today);
  const online = event.plan.venue.online;
  assertCheckinProof(online, input);
  if (input.evidenceFileID) requireFileInScope(input.evidenceFileID, { events: event._id }, 'evidenceFileID');
  const accuracy = input.accuracy ?? null;
  const position =
    input.latitude !== undefined && input.longitude !== undefined ? { latitude: input.latitude, longitude: input.longitude } : null;
  const { distance, flags } = online || !position ? { distance: null, flags: ['online'] } : measure(event.plan.venue, position, accuracy);

  // One conditional update of the event: only a plan_filed event without a check-in
  // takes it, so concurrent check-ins (two phones, a retry) leave exactly one.
  const next = transition(event.status, 'CHECK_IN');
  if (!next.ok) throw new BusinessError(next.code, next.message, { status: event.status });
  const checkin = defined({
    checkinId: checkinIdOf(event._id),
    at: now,
    distanceMeters: distance,
    flags,
    openid: staff.openid,
    latitude: input.latitude,
    longitude: input.longitude,
    accuracy,
    evidenceFileID: input.evidenceFileID,
    evidenceLink: input.evidenceLink,
  });
  const res = (await db
    .collection(C.events)
    .where({ _id: event._id, status: 'plan_filed', checkin: _.exists(false) })
    .update({ data: { checkin: _.set(checkin), status: next.state, updatedAt: now } })) as { stats: { updated: number } };
  if (res.stats.updated === 1) return summaryOf(checkin);
  // Someone else's check-in landed between our read and our write: theirs stands.
  const winner = await getById<EventDoc>(C.events, event._id);
  if (winner?.checkin) return { ...summaryOf(winner.checkin), first: false };
  throw new BusinessError('CONFLICT', '活动状态刚刚发生了变化，请刷新后重试', { status: winner?.status });
});

export const addPhoto = action(contract.unit.addPhoto, async (input, caller) => {
  const photoId = photoIdOf(input.eventId, input.sha256);
  const [{ event, staff, jurisdiction }, existing] = await Promise.all([
    requireEventStaff(caller, input.eventId, { withRules: true }),
    getById<PhotoDoc>(C.photos, photoId),
  ]);
  requireFileInScope(input.fileID, { events: event._id });
  // Named by its own sha256 (as the app uploads it), so the name keeps saying which bytes were checked.
  if (photoShaOf(input.fileID) !== input.sha256) {
    throw new BusinessError('INVALID_ARGUMENT', '照片文件名与照片指纹不一致，请重新拍摄或选择照片后上传', { fields: ['fileID'] });
  }
  if (input.thumbFileID) requireFileInScope(input.thumbFileID, { events: event._id }, 'thumbFileID');
  // The same photo sent again (an offline retry) is the same record.
  if (existing) return { photoId, hasLogo: existing.hasLogo, duplicate: true };
  if (!event.plan) throw new BusinessError('CONFLICT', '请先报备活动方案，再上传活动照片。', { status: event.status });
  if (unitIsDone(event.status)) {
    throw new BusinessError('CONFLICT', '情况报告已审核通过，不能再添加照片。', { status: event.status });
  }
  // The logo is looked for in the uploaded bytes; what the client says is only recorded.
  const now = serverNow();
  const [{ hasLogo, logoCheck }] = await Promise.all([
    checkPhotoLogo(input.fileID, jurisdiction.logoFileID, now),
    input.thumbFileID ? checkThumb(input.thumbFileID) : Promise.resolve(),
    keepFiles([input.fileID, ...(input.thumbFileID ? [input.thumbFileID] : [])]),
  ]);
  // What was checked is what the record says: the bytes must be the ones the name promises.
  if (logoCheck.sha256 !== input.sha256) {
    throw new BusinessError('INVALID_ARGUMENT', '上传的照片内容与照片指纹不一致，请重新拍摄或选择照片后上传', { fields: ['fileID'] });
  }
  // Only the app's album button says album; `stamped` alone stays a claim that is just recorded.
  const source = input.source ?? 'camera';
  const doc: PhotoDoc = defined({
    _id: photoId,
    eventId: event._id,
    jurisdictionId: event.jurisdictionId,
    fileID: input.fileID,
    thumbFileID: input.thumbFileID,
    sha256: input.sha256,
    stamped: input.stamped,
    source,
    // Counts toward minLogoPhotos; the office can still confirm a logo by eye (confirmPhotoLogo).
    // An album photo was not taken at the event by the app: a logo in it proves nothing.
    hasLogo: source === 'camera' && hasLogo,
    logoCheck,
    takenAt: input.takenAt,
    latitude: input.latitude,
    longitude: input.longitude,
    width: input.width,
    height: input.height,
    bytes: input.bytes,
    uploadedBy: staff.openid,
    uploadedAt: now,
  });
  try {
    await db.collection(C.photos).add({ data: doc });
  } catch (e) {
    // Two retries raced: the one stored first stands.
    const raced = await getById<PhotoDoc>(C.photos, photoId);
    if (raced) return { photoId, hasLogo: raced.hasLogo, duplicate: true };
    throw e;
  }
  return {
    photoId,
    hasLogo: doc.hasLogo,
    source,
    duplicate: false,
    logoCheck: { method: logoCheck.method, score: logoCheck.score, correlation: logoCheck.correlation, logo: logoCheck.logo },
  };
});

/** Photos can be removed until the report goes to the office; submitted versions keep theirs. */
const PHOTOS_LOCKED = new Set(['reported', 'approved', 'published']);
const LOCKED_MESSAGE = '情况报告已提交，照片不能再删除；如需更换，请在报告被退回后再删除。';

export const removePhoto = action(contract.unit.removePhoto, async (input, caller) => {
  const { event } = await requireEventStaff(caller, input.eventId);
  const [photo] = await findWhere<PhotoDoc>(C.photos, { eventId: event._id, fileID: input.fileID }, 1);
  if (!photo) throw new BusinessError('NOT_FOUND', '找不到这张照片，可能已被删除，请刷新后再看', { fields: ['fileID'] });
  if (PHOTOS_LOCKED.has(event.status)) throw new BusinessError('CONFLICT', LOCKED_MESSAGE, { status: event.status });
  const [reports, materials] = await Promise.all([
    findWhere<ReportDoc>(C.reports, { eventId: event._id, photoIds: photo._id }, 1),
    findWhere<MaterialsDoc>(MATERIALS, { eventId: event._id, photoIds: photo._id }, 1),
  ]);
  if (reports.length || materials.length) {
    const what = reports.length ? `第 ${reports[0].version} 版情况报告` : `第 ${materials[0].version} 版专栏材料`;
    throw new BusinessError('CONFLICT', `这张照片已随${what}报送，不能删除。`, { photoId: photo._id });
  }
  // The record, and the draft's choice of it, go together; the event's status is read
  // again inside, so a report submitted meanwhile keeps its photo.
  await runTransaction(async (tx: Tx) => {
    const [cur, draft] = await Promise.all([txGet<EventDoc>(tx, C.events, event._id), txGet<DraftDoc>(tx, DRAFTS, event._id)]);
    if (!cur || PHOTOS_LOCKED.has(cur.status)) throw new BusinessError('CONFLICT', LOCKED_MESSAGE, { status: cur?.status });
    await tx.collection(C.photos).doc(photo._id).remove();
    if (draft?.photoIds.includes(photo._id)) {
      await tx
        .collection(DRAFTS)
        .doc(event._id)
        .update({ data: { photoIds: draft.photoIds.filter((id) => id !== photo._id) } });
    }
  });
  // Files go after the record: the photo is removed whatever storage answers (fileCleanup.ts).
  await deleteUnreferencedFiles([photo.fileID, ...(photo.thumbFileID ? [photo.thumbFileID] : [])]);
  return { photoId: photo._id, removed: true as const };
});
