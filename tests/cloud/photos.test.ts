// The photo flow through the local cloud: a thumbnail beside each stamped photo
// (checked by its bytes and scope), album photos that never count as logo
// photos, and removing a photo until the report goes to the office.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { jpegOf, plainPhoto, pngOf, scene, stampedPhoto, type TestPhoto } from '../helpers/photos';

jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
let eventId: string;
const VENUE = { name: '雨花区教育局会议室', latitude: 28.1357, longitude: 113.0353 };
const KW = '政务公开主题日';
/** While this file exists the local storage refuses deletes (LOCAL_FAULT_STORAGE_DELETE). */
const DELETE_FAILS = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'photos-fault-')), 'storage-delete-fails');

type Listed = { photoId: string; fileID: string; url: string; thumbUrl: string; source: string; hasLogo: boolean };
const unitPhotos = async () => ok(await cloud.call<{ photos: Listed[] }>('unit', { action: 'eventDetail', eventId }, y.eduStaff)).photos;
const bytesAt = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

/** A thumbnail as the app makes it: the photo small, at a lower quality. */
const thumbOf = (seed: string): TestPhoto => {
  const bytes = jpegOf(scene(320, 240, seed), 60);
  return { bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
};

async function upload(p: TestPhoto, name = `${p.sha256}.jpg`, event = eventId, who = y.eduStaff) {
  return cloud.upload(`events/${event}/photos/${name}`, p.bytes, who);
}

async function add(p: TestPhoto, extra: Record<string, unknown> = {}, who = y.eduStaff) {
  const fileID = await upload(p);
  const envelope = await cloud.call<{ photoId: string; hasLogo: boolean; source: string }>(
    'unit',
    { action: 'addPhoto', eventId, fileID, sha256: p.sha256, stamped: true, ...extra },
    who,
  );
  return { fileID, envelope };
}

const report = (photoIds: string[]) => ({
  action: 'submitReport',
  eventId,
  title: `区教育局开展“${KW}”活动`,
  paragraphs: [`5月10日，区教育局举办“${KW}”活动。`, `家长代表现场观摩${KW}活动。`, `下一步将持续办好“${KW}”活动。`],
  photoIds,
});

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true, env: { LOCAL_FAULT_STORAGE_DELETE: DELETE_FAILS } });
  y = await seedYuhua(cloud);
  eventId = y.event(1).eventId;
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-05-10', venue: VENUE }, y.eduStaff));
  await cloud.setClock('2023-05-10T09:00:00+08:00', true);
  ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: VENUE.latitude, longitude: VENUE.longitude }, y.eduStaff));
}, 60_000);
afterAll(() => cloud.stop());

describe('addPhoto with a thumbnail', () => {
  test('accepted: lists show the thumbnail, the original opens on tap; the office sees the same', async () => {
    const photo = stampedPhoto('thumb ok');
    const thumb = thumbOf('thumb ok');
    expect(thumb.bytes.length).toBeLessThanOrEqual(40 * 1024);
    const thumbFileID = await upload(thumb, `${photo.sha256}.thumb.jpg`);
    const { fileID, envelope } = await add(photo, { thumbFileID, source: 'camera' });
    expect(ok(envelope)).toMatchObject({ hasLogo: true, source: 'camera' });
    const listed = (await unitPhotos()).find((p) => p.fileID === fileID)!;
    expect(listed).toMatchObject({ source: 'camera', hasLogo: true });
    expect((await bytesAt(listed.thumbUrl)).equals(thumb.bytes)).toBe(true);
    expect((await bytesAt(listed.url)).equals(photo.bytes)).toBe(true);
    const office = ok(await cloud.call<{ photos: Listed[] }>('office', { action: 'eventDetail', eventId }, y.office));
    const seen = office.photos.find((p) => p.photoId === listed.photoId)!;
    expect((await bytesAt(seen.thumbUrl)).equals(thumb.bytes)).toBe(true);
    expect((await bytesAt(seen.url)).equals(photo.bytes)).toBe(true);
  });

  test('a photo from before thumbnails lists its original', async () => {
    const { fileID } = await add(stampedPhoto('no thumb'));
    const listed = (await unitPhotos()).find((p) => p.fileID === fileID)!;
    expect(listed.thumbUrl).toBe(listed.url);
  });

  test.each([
    ['larger than 40 KB', () => plainPhoto('big thumb', { width: 1200, height: 900, quality: 95 }), true, '40KB'],
    ['a PNG, not a JPEG', () => ({ bytes: pngOf(scene(64, 48, 'png thumb')), sha256: 'png' }), false, 'JPEG'],
  ])('refused: a thumbnail %s, and nothing is stored', async (name, makeThumb, tooBig, words) => {
    const photo = stampedPhoto(`refused ${name}`);
    const thumb = makeThumb();
    expect(thumb.bytes.length > 40 * 1024).toBe(tooBig);
    const thumbFileID = await upload(thumb, `${photo.sha256}.thumb.jpg`);
    const { envelope } = await add(photo, { thumbFileID });
    const error = refused(envelope, 'INVALID_ARGUMENT');
    expect(error.message).toContain(words);
    expect(error.details).toMatchObject({ fields: ['thumbFileID'] });
    expect((await unitPhotos()).some((p) => p.fileID.includes(photo.sha256))).toBe(false);
  });

  test("refused: a thumbnail in another event's folder, or a path that climbs out", async () => {
    const other = y.event(2).eventId;
    const photo = stampedPhoto('foreign thumb');
    const thumbFileID = await upload(thumbOf('foreign'), 'foreign.thumb.jpg', other);
    refused((await add(photo, { thumbFileID })).envelope, 'FORBIDDEN');
    const climbing = `cloud://local/events/${eventId}/photos/../../${other}/photos/foreign.thumb.jpg`;
    refused((await add(photo, { thumbFileID: climbing })).envelope, 'INVALID_ARGUMENT');
    refused((await add(photo, { thumbFileID: 'https://example.com/t.jpg' })).envelope, 'INVALID_ARGUMENT');
    expect((await unitPhotos()).some((p) => p.fileID.includes(photo.sha256))).toBe(false);
  });
});

describe('album photos', () => {
  test('recorded as album, never a logo photo even when the logo is in the bytes; the office cannot confirm one', async () => {
    // A stamped picture saved to the phone and picked from the album: the logo check would pass.
    const photo = stampedPhoto('album with logo');
    const { fileID, envelope } = await add(photo, { stamped: false, source: 'album' });
    const { photoId, hasLogo, source } = ok(envelope);
    expect({ hasLogo, source }).toEqual({ hasLogo: false, source: 'album' });
    expect((await unitPhotos()).find((p) => p.fileID === fileID)).toMatchObject({ source: 'album', hasLogo: false });
    const office = ok(await cloud.call<{ photos: Listed[] }>('office', { action: 'eventDetail', eventId }, y.office));
    expect(office.photos.find((p) => p.photoId === photoId)).toMatchObject({ source: 'album', hasLogo: false });
    const confirm = refused(await cloud.call('office', { action: 'confirmPhotoLogo', photoId }, y.office), 'CONFLICT');
    expect(confirm.message).toContain('相册照片（未加盖现场标识）');
    // Alone it does not meet the logo-photo rule.
    refused(await cloud.call('unit', report([photoId]), y.eduStaff), 'PHOTO_REQUIRED');
  });
});

describe('removePhoto', () => {
  test('refusals: another unit, the office, a resident, an unknown or malformed file id', async () => {
    const { fileID } = await add(stampedPhoto('kept'));
    for (const who of [y.lawStaff, y.office, 'resident-1']) {
      refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID }, who), 'FORBIDDEN');
    }
    refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID }), 'UNAUTHENTICATED');
    const unknown = `cloud://local/events/${eventId}/photos/${'0'.repeat(64)}.jpg`;
    refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID: unknown }, y.eduStaff), 'NOT_FOUND');
    refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID: 'not a file' }, y.eduStaff), 'INVALID_ARGUMENT');
    expect((await unitPhotos()).some((p) => p.fileID === fileID)).toBe(true);
  });

  test('removes the record, its place in the draft, the photo and its thumbnail', async () => {
    const photo = stampedPhoto('to remove');
    const thumbFileID = await upload(thumbOf('to remove'), `${photo.sha256}.thumb.jpg`);
    const { fileID, envelope } = await add(photo, { thumbFileID });
    const { photoId } = ok(envelope);
    const listed = (await unitPhotos()).find((p) => p.fileID === fileID)!;
    ok(await cloud.call('unit', { action: 'saveDraft', eventId, title: '草稿', paragraphs: ['第一段'], photoIds: [photoId] }, y.eduStaff));

    expect(ok(await cloud.call('unit', { action: 'removePhoto', eventId, fileID }, y.eduStaff))).toEqual({ photoId, removed: true });
    expect((await unitPhotos()).some((p) => p.photoId === photoId)).toBe(false);
    const detail = ok(await cloud.call<{ draft: { photoIds: string[] } | null }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
    expect(detail.draft?.photoIds).toEqual([]);
    // Both files are gone from storage, even through the links handed out before.
    expect((await fetch(listed.url)).status).toBe(404);
    expect((await fetch(listed.thumbUrl)).status).toBe(404);
    refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID }, y.eduStaff), 'NOT_FOUND');
  });

  test('storage refusing the delete: the photo is removed all the same, and the daily run deletes its files later', async () => {
    const photo = stampedPhoto('storage down');
    const thumbFileID = await upload(thumbOf('storage down'), `${photo.sha256}.thumb.jpg`);
    const { fileID, envelope } = await add(photo, { thumbFileID });
    const { photoId } = ok(envelope);
    const listed = (await unitPhotos()).find((p) => p.fileID === fileID)!;
    const daily = async () => ok(await cloud.trigger<{ filesCleaned: { deleted: number; left: number } }>('reminders')).filesCleaned;

    fs.writeFileSync(DELETE_FAILS, '');
    try {
      expect(ok(await cloud.call('unit', { action: 'removePhoto', eventId, fileID }, y.eduStaff))).toEqual({ photoId, removed: true });
      expect((await unitPhotos()).some((p) => p.photoId === photoId)).toBe(false);
      expect((await fetch(listed.url)).status).toBe(200);
      // Storage still refusing on the day: both files stay noted.
      expect(await daily()).toEqual({ deleted: 0, left: 2 });
    } finally {
      fs.rmSync(DELETE_FAILS, { force: true });
    }
    expect(await daily()).toEqual({ deleted: 2, left: 0 });
    expect((await fetch(listed.url)).status).toBe(404);
    expect((await fetch(listed.thumbUrl)).status).toBe(404);
    expect(await daily()).toEqual({ deleted: 0, left: 0 });
  });

  test('a photo added back before the daily run keeps its file', async () => {
    const photo = stampedPhoto('added back');
    const { fileID, envelope } = await add(photo);
    const { photoId } = ok(envelope);
    fs.writeFileSync(DELETE_FAILS, '');
    try {
      ok(await cloud.call('unit', { action: 'removePhoto', eventId, fileID }, y.eduStaff));
    } finally {
      fs.rmSync(DELETE_FAILS, { force: true });
    }
    // The file is still stored, so the app's retry sends the same file id again.
    ok(await cloud.call('unit', { action: 'addPhoto', eventId, fileID, sha256: photo.sha256, stamped: true }, y.eduStaff));
    expect(ok(await cloud.trigger<{ filesCleaned: unknown }>('reminders')).filesCleaned).toEqual({ deleted: 0, left: 0 });
    const listed = (await unitPhotos()).find((p) => p.photoId === photoId)!;
    expect((await fetch(listed.url)).status).toBe(200);
  });

  test('refused once the report is submitted, and for a photo a returned report was sent with', async () => {
    const sent = ok((await add(stampedPhoto('in report'))).envelope);
    const extra = await add(stampedPhoto('extra'));
    const { reportId } = ok(await cloud.call<{ reportId: string }>('unit', report([sent.photoId]), y.eduStaff));
    const locked = refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID: extra.fileID }, y.eduStaff), 'CONFLICT');
    expect(locked.message).toContain('情况报告已提交');

    ok(await cloud.call('office', { action: 'reviewReport', reportId, decision: 'return', comment: '请补充照片说明' }, y.office));
    const sentFile = (await unitPhotos()).find((p) => p.photoId === sent.photoId)!.fileID;
    const used = refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID: sentFile }, y.eduStaff), 'CONFLICT');
    expect(used.message).toContain('第 1 版情况报告');
    // A photo no submitted version holds can go again while the report is back with the unit.
    ok(await cloud.call('unit', { action: 'removePhoto', eventId, fileID: extra.fileID }, y.eduStaff));

    const v2 = ok(await cloud.call<{ reportId: string }>('unit', report([sent.photoId]), y.eduStaff));
    ok(await cloud.call('office', { action: 'reviewReport', reportId: v2.reportId, decision: 'approve' }, y.office));
    const approved = refused(await cloud.call('unit', { action: 'removePhoto', eventId, fileID: sentFile }, y.eduStaff), 'CONFLICT');
    expect(approved.details).toMatchObject({ status: 'approved' });
  });
});
