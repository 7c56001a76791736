// The public column: published reports of one jurisdiction, newest publication
// first, in the text the office reviewed when publishing (personal data masked).
// Anyone may read it, signed in or not; it carries no openids and no personal data.
import { maskForPublic } from '../../src/domain/publicText';
import { toShanghaiISO } from '../../src/domain/time';
import { db } from '../_shared/cloud';
import { C, findWhere } from '../_shared/data';
import { tempUrls } from '../_shared/files';
import { photoFiles } from '../_shared/photoLinks';
import type { PhotoDoc } from '../_shared/records';
import type { PublishableReport } from '../_shared/publication';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

const PAGE = 20;
const PHOTOS_PER_REPORT = 9;

type ShowcaseRow = Pick<
  PublishableReport,
  | '_id'
  | 'eventId'
  | 'theme'
  | 'unitNames'
  | 'date'
  | 'title'
  | 'paragraphs'
  | 'photoFileIDs'
  | 'approvedAt'
  | 'publishedAt'
  | 'publication'
>;

/** Reports published before the reviewed copy existed: masked here, as at publishing. */
const masked = (text: string) => maskForPublic(text).text;

export const showcase = action(contract.resident.showcase, async ({ jurisdictionId, before }) => {
  // `public` is set by office.publishReport only, and cleared by unpublishReport.
  const where: Record<string, unknown> = { jurisdictionId, status: 'approved', public: true };
  if (before) where.publishedAt = db.command.lt(new Date(before));
  // Only public fields are read: who submitted or reviewed never leaves the database.
  const res = (await db
    .collection(C.reports)
    .where(where)
    .orderBy('publishedAt', 'desc')
    .limit(PAGE)
    .field({
      eventId: true,
      theme: true,
      unitNames: true,
      date: true,
      title: true,
      paragraphs: true,
      photoFileIDs: true,
      approvedAt: true,
      publishedAt: true,
      publication: true,
    })
    .get()) as unknown as { data: ShowcaseRow[] };
  const rows = res.data.map((r) => ({ ...r, photoFileIDs: r.publication?.photoFileIDs ?? r.photoFileIDs }));
  const shown = rows.flatMap((r) => r.photoFileIDs.slice(0, PHOTOS_PER_REPORT));
  // The column lists thumbnails; the photo records say which (older photos have none).
  const records = shown.length ? await findWhere<Pick<PhotoDoc, 'fileID' | 'thumbFileID'>>(C.photos, { fileID: db.command.in(shown) }) : [];
  const thumbOf = new Map(records.map((p) => [p.fileID, p.thumbFileID]));
  const urls = await tempUrls([...shown, ...photoFiles(records)]);
  return rows.map((r) => ({
    reportId: r._id,
    eventId: r.eventId,
    theme: r.theme,
    units: r.unitNames,
    date: r.date,
    // Mobiles, ID-card numbers and landlines a unit may have typed, however written, are masked.
    title: r.publication?.title ?? masked(r.title),
    paragraphs: r.publication?.paragraphs ?? r.paragraphs.map(masked),
    photos: r.photoFileIDs
      .slice(0, PHOTOS_PER_REPORT)
      .filter((f) => urls.has(f))
      .map((f) => {
        const url = urls.get(f)!;
        const thumb = thumbOf.get(f);
        return { url, thumbUrl: (thumb && urls.get(thumb)) || url };
      }),
    approvedAt: r.approvedAt ? toShanghaiISO(new Date(r.approvedAt)) : null,
    publishedAt: r.publishedAt ? toShanghaiISO(new Date(r.publishedAt)) : null,
  }));
});
