// The public column: approved reports of one jurisdiction, newest approval first.
// Anyone may read it, signed in or not; it carries no openids and no personal data.
import { z } from 'zod';
import { maskPersonalData } from '../../src/domain/privacy';
import { toShanghaiISO } from '../../src/domain/time';
import { db } from '../_shared/cloud';
import { C } from '../_shared/data';
import { tempUrls } from '../_shared/files';
import type { ReportDoc } from '../_shared/records';
import { action } from '../_shared/router';

const PAGE = 20;
const PHOTOS_PER_REPORT = 9;

type ShowcaseRow = Pick<ReportDoc, '_id' | 'eventId' | 'theme' | 'unitNames' | 'date' | 'title' | 'paragraphs' | 'photoFileIDs' | 'approvedAt'>;


export const showcase = action(
  z.object({ jurisdictionId: z.string().min(1).max(64), before: z.string().datetime({ offset: true }).optional() }).strict(),
  async ({ jurisdictionId, before }) => {
    const where: Record<string, unknown> = { jurisdictionId, status: 'approved', public: true };
    if (before) where.approvedAt = db.command.lt(new Date(before));
    // Only public fields are read: who submitted or reviewed never leaves the database.
    const res = (await db
      .collection(C.reports)
      .where(where)
      .orderBy('approvedAt', 'desc')
      .limit(PAGE)
      .field({ eventId: true, theme: true, unitNames: true, date: true, title: true, paragraphs: true, photoFileIDs: true, approvedAt: true })
      .get()) as unknown as { data: ShowcaseRow[] };
    const rows = res.data;
    const urls = await tempUrls(rows.flatMap((r) => r.photoFileIDs.slice(0, PHOTOS_PER_REPORT)));
    return rows.map((r) => ({
      reportId: r._id,
      eventId: r.eventId,
      theme: r.theme,
      units: r.unitNames,
      date: r.date,
      // Mobiles, ID-card numbers and landlines a unit may have typed, however written, are masked.
      title: maskPersonalData(r.title),
      paragraphs: r.paragraphs.map(maskPersonalData),
      photos: r.photoFileIDs
        .slice(0, PHOTOS_PER_REPORT)
        .map((f) => urls.get(f))
        .filter((u): u is string => Boolean(u))
        .map((url) => ({ url })),
      approvedAt: r.approvedAt ? toShanghaiISO(new Date(r.approvedAt)) : null,
    }));
  },
);
