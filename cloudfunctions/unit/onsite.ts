// On the day: checking in at the venue, and photos (uploaded to storage by the
// app first; here only their file ids and fingerprints).
import { z } from 'zod';
import { BusinessError } from '../../src/domain/errors';
import { transition } from '../../src/domain/lifecycle';
import { shanghaiDate } from '../../src/domain/time';
import { db, _ } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import type { EventDoc, Venue } from '../_shared/data';
import { requireEventStaff } from '../_shared/eventAccess';
import { requireFileInScope } from '../_shared/files';
import { checkPhotoLogo } from '../_shared/logoCheck';
import { checkinIdOf, CLOUD_FILE_ID, defined, photoIdOf } from '../_shared/records';
import type { PhotoDoc } from '../_shared/records';
import { action } from '../_shared/router';
import { iso } from './next';
import { assertCheckinProof, assertEventDay, evidenceFields } from './eventKinds';

const FAR_METERS = 500;
const POOR_ACCURACY_METERS = 100;
const EARTH_RADIUS_METERS = 6_371_000;

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

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

export const checkIn = action(
  // Position is optional in the schema only because an online event is checked in
  // with evidence instead; assertCheckinProof requires it for every other event.
  z
    .object({
      eventId: z.string().min(1).max(64),
      latitude: lat.optional(),
      longitude: lng.optional(),
      accuracy: z.number().min(0).max(100_000).optional(),
      ...evidenceFields,
    })
    .strict(),
  async (input, caller) => {
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
  },
);

export const addPhoto = action(
  z
    .object({
      eventId: z.string().min(1).max(64),
      fileID: z.string().regex(CLOUD_FILE_ID, '请先上传照片，再提交文件 ID（cloud://…）'),
      sha256: z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, 'sha256 须为 64 位十六进制')
        .transform((s) => s.toLowerCase()),
      stamped: z.boolean(),
      takenAt: z.string().datetime({ offset: true }).optional(),
      latitude: lat.optional(),
      longitude: lng.optional(),
      width: z.number().int().min(1).max(20_000).optional(),
      height: z.number().int().min(1).max(20_000).optional(),
      bytes: z.number().int().min(1).max(50_000_000).optional(),
    })
    .strict(),
  async (input, caller) => {
    const photoId = photoIdOf(input.eventId, input.sha256);
    const [{ event, staff, jurisdiction }, existing] = await Promise.all([
      requireEventStaff(caller, input.eventId, { withRules: true }),
      getById<PhotoDoc>(C.photos, photoId),
    ]);
    requireFileInScope(input.fileID, { events: event._id });
    // The same photo sent again (an offline retry) is the same record.
    if (existing) return { photoId, hasLogo: existing.hasLogo, duplicate: true };
    if (!event.plan) throw new BusinessError('CONFLICT', '请先报备活动方案，再上传活动照片。', { status: event.status });
    if (event.status === 'approved' || event.status === 'published') {
      throw new BusinessError('CONFLICT', '情况报告已审核通过，不能再添加照片。', { status: event.status });
    }
    // The logo is looked for in the uploaded bytes; what the client says is only recorded.
    const now = serverNow();
    const { hasLogo, logoCheck } = await checkPhotoLogo(input.fileID, jurisdiction.logoFileID, now);
    const doc: PhotoDoc = defined({
      _id: photoId,
      eventId: event._id,
      jurisdictionId: event.jurisdictionId,
      fileID: input.fileID,
      sha256: input.sha256,
      stamped: input.stamped,
      // Counts toward minLogoPhotos; the office can still confirm a logo by eye (confirmPhotoLogo).
      hasLogo,
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
      duplicate: false,
      logoCheck: { method: logoCheck.method, score: logoCheck.score, correlation: logoCheck.correlation, logo: logoCheck.logo },
    };
  },
);
