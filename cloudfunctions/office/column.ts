// The public column as a static website for the government portal: a zip to
// download (office.exportColumn) and the same files unzipped under a stable
// storage prefix, column/<jurisdictionId>/, that the portal can point at (the
// local cloud serves it at /column/<jurisdictionId>/). Rebuilt whenever a report
// is published or taken down. Only published reports, in the text the office
// reviewed (personal data masked); photos are web-sized copies made once.
import crypto from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { BusinessError } from '../../src/domain/errors';
import { renderColumnSite, slugOf, type ColumnReport } from '../../src/domain/columnSite';
import { maskForPublic } from '../../src/domain/publicText';
import { fileStamp, toShanghaiISO } from '../../src/domain/time';
import { cloud, db, _ } from '../_shared/cloud';
import { deleteUnreferencedFiles, keepFiles } from '../_shared/fileCleanup';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import type { JurisdictionDoc } from '../_shared/data';
import { requireOffice } from '../_shared/auth';
import { photoShaOf } from '../_shared/files';
import { findAll } from '../_shared/findAll';
import type { PublishableReport } from '../_shared/publication';
import { webPhoto } from '../_shared/webPhoto';
import { pool } from '../_shared/pool';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

/** One document per jurisdiction: what the stable prefix holds, so a rebuild uploads only changes and deletes what left. */
export const COLUMNS = 'columns';
interface ColumnDoc {
  _id: string; // jurisdictionId
  year: number;
  builtAt: Date;
  zipFileID: string;
  files: Array<{ path: string; fileID: string; sha256: string }>;
  images: Array<{ src: string; path: string; width?: number; height?: number }>;
}

const PHOTOS_PER_REPORT = 9;
const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const prefix = (jurisdictionId: string) => `column/${jurisdictionId}`;

async function download(fileID: string): Promise<Buffer> {
  return ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
}
async function upload(cloudPath: string, bytes: Uint8Array): Promise<string> {
  return ((await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) })) as { fileID: string }).fileID;
}

/** The year's published reports, in their published text. */
async function publishedReports(jurisdictionId: string, year: number): Promise<PublishableReport[]> {
  const rows = await findAll<PublishableReport>(C.reports, {
    jurisdictionId,
    public: true,
    date: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)),
  });
  return rows.filter((r) => r.publication);
}

export async function rebuildColumn(jurisdictionId: string, year: number) {
  const [j, reports, prev] = await Promise.all([
    getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId),
    publishedReports(jurisdictionId, year),
    getById<ColumnDoc>(COLUMNS, jurisdictionId),
  ]);
  if (!j) throw new BusinessError('NOT_FOUND', '找不到该辖区', { jurisdictionId });
  const base = prefix(jurisdictionId);

  // Web-sized photos: made once per source photo, then reused from the stable prefix.
  const known = new Map((prev?.images ?? []).map((i) => [i.src, i]));
  const fileIdOf = new Map((prev?.files ?? []).map((f) => [f.path, f.fileID]));
  const sources = [...new Set(reports.flatMap((r) => (r.publication?.photoFileIDs ?? []).slice(0, PHOTOS_PER_REPORT)))];
  const made = await pool(sources, 4, async (src) => {
    const had = known.get(src);
    const hadFile = had && fileIdOf.get(had.path);
    if (had && hadFile) return { ...had, bytes: await download(hadFile) };
    const original = await download(src);
    // A photo whose bytes no longer match the name they were checked under was replaced
    // in storage after review: it stays out of the public column.
    const named = photoShaOf(src);
    if (named && named !== sha256(original)) return null;
    const photo = webPhoto(original);
    return { src, path: `img/${sha256(Buffer.from(src)).slice(0, 24)}.jpg`, width: photo.width, height: photo.height, bytes: photo.bytes };
  });
  const images = made.filter((i) => i !== null);
  const imageOf = new Map(images.map((i) => [i.src, i]));

  const now = serverNow();
  const siteReports: ColumnReport[] = reports.map((r) => {
    const p = r.publication!;
    return {
      slug: slugOf(r._id),
      title: p.title,
      paragraphs: p.paragraphs,
      // The theme is the office's own plan text; masked anyway, as everything public is.
      theme: maskForPublic(r.theme).text,
      units: r.unitNames,
      date: r.date,
      publishedAt: toShanghaiISO(new Date(r.publishedAt ?? p.at)),
      photos: p.photoFileIDs
        .slice(0, PHOTOS_PER_REPORT)
        .map((f) => imageOf.get(f))
        .filter((i): i is NonNullable<typeof i> => Boolean(i))
        .map((i) => ({ file: i.path, width: i.width, height: i.height })),
    };
  });
  const text = renderColumnSite({ jurisdictionName: j.name, year, generatedAt: toShanghaiISO(now), reports: siteReports });
  const all: Array<{ path: string; bytes: Uint8Array }> = [
    ...Object.entries(text).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) })),
    ...images.map((i) => ({ path: i.path, bytes: new Uint8Array(i.bytes) })),
  ];

  const zip: Zippable = {};
  for (const f of all) zip[f.path] = [f.bytes, { level: f.path.startsWith('img/') ? 0 : 6 }];
  const stamp = fileStamp(now);
  const zipFileID = await upload(`column-exports/${jurisdictionId}/${year}-column-${stamp}.zip`, zipSync(zip));

  // The stable prefix: upload what changed, delete what is no longer in the site.
  const before = new Map((prev?.files ?? []).map((f) => [f.path, f]));
  const files = await pool(all, 4, async (f) => {
    const sum = sha256(f.bytes);
    const old = before.get(f.path);
    if (old && old.sha256 === sum) return old;
    return { path: f.path, sha256: sum, fileID: await upload(`${base}/${f.path}`, f.bytes) };
  });
  const kept = new Set(files.map((f) => f.path));
  const gone = (prev?.files ?? []).filter((f) => !kept.has(f.path)).map((f) => f.fileID);
  await Promise.all([keepFiles(files.filter((f) => !before.has(f.path)).map((f) => f.fileID)), deleteUnreferencedFiles(gone)]);

  const doc: Omit<ColumnDoc, '_id'> = { year, builtAt: now, zipFileID, files, images: images.map(({ bytes: _b, ...i }) => i) };
  await db.collection(COLUMNS).doc(jurisdictionId).set({ data: doc });
  return { fileID: zipFileID, reports: siteReports.length, files: files.length, builtAt: toShanghaiISO(now), prefix: `${base}/` };
}

/** After a publish or a take-down: the column follows, but the step itself already happened. */
export async function rebuildColumnQuietly(jurisdictionId: string, year: number): Promise<{ rebuilt: boolean }> {
  try {
    await rebuildColumn(jurisdictionId, year);
    return { rebuilt: true };
  } catch (e) {
    console.error('column rebuild failed', e);
    return { rebuilt: false };
  }
}

export const exportColumn = action(contract.office.exportColumn, async ({ jurisdictionId, year }, caller) => {
  await requireOffice(caller, jurisdictionId);
  const built = await rebuildColumn(jurisdictionId, year);
  const url =
    ((await cloud.getTempFileURL({ fileList: [built.fileID] })) as { fileList: Array<{ tempFileURL: string }> }).fileList[0]?.tempFileURL ??
    null;
  return { ...built, url };
});
