// The assessor's evidence pack: a zip in cloud storage with index.html (one
// printable section per event), the files themselves (photos, plan attachments,
// videos) and manifest.json (every file's sha256 and event). A year of a district
// (70+ events, hundreds of photos) does not fit one call, so it is built in pages:
// each call adds the next `pageEvents` events as a part (a zip of their files and
// their sections) to a job document in `packs`; the call that adds the last page
// assembles the pack. The office calls again with `packId` until `fileID` is set.
import crypto from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { BusinessError } from '../../src/domain/errors';
import { unfiledPlanDeadline } from '../../src/domain/deadlines';
import { STATUS_LABELS } from '../../src/domain/lifecycle';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { renderEvidenceIndex, type PackEvent, type PackReportVersion, type PackTrailStep } from '../../src/domain/evidenceIndex';
import { toShanghaiISO } from '../../src/domain/time';
import { cloud, db, _ } from '../_shared/cloud';
import { deleteUnreferencedFiles } from '../_shared/fileCleanup';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc, JurisdictionDoc, PlanDoc, StaffDoc, UnitDoc } from '../_shared/data';
import { findAll } from '../_shared/findAll';
import { requireOffice } from '../_shared/auth';
import { randomId } from '../_shared/ids';
import { MATERIALS, type MaterialsDoc, type PhotoDoc } from '../_shared/records';
import type { PublishableReport } from '../_shared/publication';
import type { FeedbackDoc, SignupDoc } from '../_shared/signups';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { pool } from '../_shared/pool';

export const PACKS = 'packs';
const DEFAULT_PAGE_EVENTS = 10;
const DOWNLOADS_IN_FLIGHT = 6;

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
  eventId: string | null;
  seq: number | null;
  kind: 'index' | 'plan' | 'photo' | 'report' | 'video' | 'materials';
}

export interface Manifest {
  format: 'zwgk-evidence-pack/1';
  jurisdiction: string;
  year: number;
  scope: string;
  builtAt: string;
  files: ManifestEntry[];
}

interface PackDoc {
  _id: string;
  jurisdictionId: string;
  year: number;
  unitId: string | null;
  scope: string;
  eventIds: string[];
  cursor: number;
  parts: string[];
  createdBy: string;
  createdAt: Date;
  status: 'building' | 'done';
  result?: { fileID: string; bytes: number; sha256: string; fileName: string };
}

const iso = (d: Date | string | null | undefined) => (d ? toShanghaiISO(new Date(d)) : null);
const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const pad = (n: number) => String(n).padStart(3, '0');
const extOf = (fileID: string, fallback: string) => /\.([A-Za-z0-9]{1,5})$/.exec(fileID)?.[1]?.toLowerCase() ?? fallback;

/** Reports as stored: publishing adds the published copy and the log of every publish and take-down (_shared/publication.ts). */
type StoredReport = PublishableReport;
type StoredEvent = EventDoc;

async function download(fileID: string): Promise<Uint8Array> {
  const { fileContent } = (await cloud.downloadFile({ fileID })) as { fileContent: Buffer };
  return new Uint8Array(fileContent);
}

/** People by role, never by openid (a name only where one is on record). */
function whoFrom(staff: StaffDoc[]): (openid: string | undefined) => string {
  const by = new Map<string, StaffDoc & { name?: string }>();
  for (const s of staff) if (!by.has(s.openid) || s.role === 'unit') by.set(s.openid, s);
  return (openid) => {
    const s = openid ? by.get(openid) : undefined;
    if (!s) return '工作人员';
    const role = s.role === 'office' ? `${s.jurisdictionName}公开办` : `${s.unitName}`;
    return s.name ? `${role} ${s.name}` : `${role}工作人员`;
  };
}

interface PageData {
  events: PackEvent[];
  files: Zippable;
  manifest: ManifestEntry[];
  bytes: number;
}

/** The sections and files of a page of events. */
async function buildPage(events: StoredEvent[], j: JurisdictionDoc): Promise<PageData> {
  const jurisdictionId = j._id;
  const rules = { ...DEFAULT_RULES, ...j.rules };
  const ids = events.map((e) => e._id);
  const [plans, photos, reports, signups, feedback, staff, materials] = await Promise.all([
    findAll<PlanDoc>(C.plans, { eventId: _.in(ids) }),
    findAll<PhotoDoc>(C.photos, { eventId: _.in(ids) }),
    findAll<StoredReport>(C.reports, { eventId: _.in(ids) }),
    findAll<SignupDoc>(C.signups, { eventId: _.in(ids) }),
    findAll<FeedbackDoc>(C.feedback, { eventId: _.in(ids) }),
    findWhere<StaffDoc>(C.staff, { jurisdictionId }),
    findAll<MaterialsDoc>(MATERIALS, { eventId: _.in(ids) }),
  ]);
  const who = whoFrom(staff);
  const page: PageData = { events: [], files: {}, manifest: [], bytes: 0 };
  const add = (e: EventDoc, path: string, bytes: Uint8Array, kind: ManifestEntry['kind']) => {
    page.files[path] = [bytes, { level: 0 }];
    page.manifest.push({ path, sha256: sha256(bytes), bytes: bytes.length, eventId: e._id, seq: e.seq, kind });
    page.bytes += bytes.length;
  };

  for (const e of events) {
    const dir = `events/${pad(e.seq)}`;
    const myPlans = plans.filter((p) => p.eventId === e._id).sort((a, b) => b.version - a.version);
    const myPhotos = photos.filter((p) => p.eventId === e._id).sort((a, b) => +new Date(a.uploadedAt) - +new Date(b.uploadedAt));
    const myReports = reports.filter((r) => r.eventId === e._id).sort((a, b) => a.version - b.version);
    const myMaterials = materials.filter((m) => m.eventId === e._id).sort((a, b) => a.version - b.version);
    const mySignups = signups.filter((s) => s.eventId === e._id);
    const ratings = feedback.filter((f) => f.eventId === e._id).map((f) => f.rating);

    // Every file of the event, downloaded a few at a time.
    const wanted: Array<{ fileID: string; path: string; kind: ManifestEntry['kind'] }> = [];
    const photoPath = new Map<string, string>();
    myPhotos.forEach((p, i) => {
      const path = `${dir}/photos/${String(i + 1).padStart(2, '0')}-${p.sha256.slice(0, 8)}.${extOf(p.fileID, 'jpg')}`;
      photoPath.set(p._id, path);
      wanted.push({ fileID: p.fileID, path, kind: 'photo' });
    });
    const attachment = new Map<number, string>();
    for (const p of myPlans) {
      if (!p.attachmentFileID) continue;
      const path = `${dir}/plan-v${p.version}.${extOf(p.attachmentFileID, 'bin')}`;
      attachment.set(p.version, path);
      wanted.push({ fileID: p.attachmentFileID, path, kind: 'plan' });
    }
    const videoPath = new Map<string, string>();
    for (const r of myReports)
      for (const v of r.videoFileIDs ?? []) {
        if (videoPath.has(v)) continue;
        const path = `${dir}/videos/${videoPath.size + 1}.${extOf(v, 'mp4')}`;
        videoPath.set(v, path);
        wanted.push({ fileID: v, path, kind: 'video' });
      }
    const got = await pool(wanted, DOWNLOADS_IN_FLIGHT, async (w) => ({ ...w, bytes: await download(w.fileID) }));
    for (const g of got) add(e, g.path, g.bytes, g.kind);
    const hashOf = new Map(page.manifest.map((m) => [m.path, m.sha256]));

    const reportVersions: PackReportVersion[] = [
      ...myReports.map((r) => ({
        kind: '情况报告',
        version: r.version,
        title: r.title,
        paragraphs: r.paragraphs,
        submittedAt: iso(r.submittedAt),
        submittedBy: who(r.submittedBy),
        deadline: r.deadline ?? null,
        late: r.late ?? null,
        workdaysLate: r.workdaysLate ?? null,
        status: { submitted: '待审核', returned: '已退回', approved: '审核通过' }[r.status] ?? r.status,
        review: r.review
          ? {
              decision: r.review.decision === 'approve' ? '通过' : '退回',
              comment: r.review.comment,
              by: who(r.review.by),
              at: iso(r.review.at),
            }
          : null,
        attendance: r.attendance
          ? Object.fromEntries(Object.entries(r.attendance).filter((kv): kv is [string, number] => typeof kv[1] === 'number'))
          : null,
        files: [...r.photoIds.map((pid) => photoPath.get(pid)), ...(r.videoFileIDs ?? []).map((v) => videoPath.get(v))].filter(
          (p): p is string => Boolean(p),
        ),
      })),
      // The 新闻稿 sent with a report version, checked apart by the keyword rule.
      ...myReports
        .filter((r) => r.newsRelease)
        .map((r) => ({
          kind: '新闻稿',
          version: r.version,
          title: r.newsRelease!.title,
          paragraphs: r.newsRelease!.paragraphs,
          submittedAt: iso(r.submittedAt),
          submittedBy: who(r.submittedBy),
          deadline: null,
          late: null,
          workdaysLate: null,
          status: `随情况报告第${r.version}版报送`,
          review: null,
          attendance: null,
          files: [],
        })),
      ...myMaterials.map((m) => ({
        kind: '专栏材料',
        version: m.version,
        title: '网站专栏图文',
        paragraphs: m.text ? m.text.split(/\n+/) : [],
        submittedAt: iso(m.submittedAt),
        submittedBy: who(m.submittedBy),
        deadline: m.deadline ?? null,
        late: m.deadline ? m.late : null,
        workdaysLate: m.deadline ? m.workdaysLate : null,
        status: '已报送',
        review: null,
        attendance: null,
        files: m.photoIds.map((pid) => photoPath.get(pid)).filter((p): p is string => Boolean(p)),
      })),
    ];

    const trail: PackTrailStep[] = [];
    const step = (at: Date | string | null | undefined, what: string, by: string) => {
      if (at) trail.push({ at: iso(at)!, what, who: by });
    };
    for (const p of [...myPlans].reverse())
      step(p.filedAt, `报备活动方案第${p.version}版（活动日期 ${p.date}）${p.onTime ? '' : '，逾期'}`, who(p.filedBy));
    if (e.checkin) step(e.checkin.at, '现场签到', who(e.checkin.openid));
    for (const p of myPhotos)
      if (p.logoConfirmedAt) step(p.logoConfirmedAt, `确认照片${p.hasLogo ? '有' : '无'}标识`, who(p.logoConfirmedBy));
    for (const r of myReports) {
      step(r.submittedAt, `提交情况报告第${r.version}版${r.late ? `，逾期${r.workdaysLate}个工作日` : ''}`, who(r.submittedBy));
      if (r.review)
        step(
          r.review.at,
          r.review.decision === 'approve' ? `审核通过第${r.version}版` : `退回第${r.version}版：${r.review.comment ?? ''}`,
          who(r.review.by),
        );
      // Every publish and take-down is on the report's log (office.publishReport / unpublishReport).
      for (const l of r.publicationLog ?? []) {
        if (l.kind === 'publish') step(l.at, `在公开专栏发布第${r.version}版（已确认不涉密、个人信息已处理）`, who(l.by));
        else step(l.at, `撤下公开专栏报道：${l.reason}`, who(l.by));
      }
    }
    for (const m of myMaterials)
      step(
        m.submittedAt,
        `报送专栏材料第${m.version}版${m.deadline && m.late ? `，逾期${m.workdaysLate}个工作日` : ''}`,
        who(m.submittedBy),
      );
    trail.sort((a, b) => a.at.localeCompare(b.at));

    const latest = myReports[myReports.length - 1];
    const count = (s: SignupDoc['status']) => mySignups.filter((x) => x.status === s).length;
    page.events.push({
      eventId: e._id,
      seq: e.seq,
      theme: e.theme,
      forms: e.forms,
      units: e.unitNames,
      months: e.months ? (e.months.from === e.months.to ? `${e.months.from}月` : `${e.months.from}—${e.months.to}月`) : '待定',
      status: STATUS_LABELS[e.status] ?? e.status,
      removedFromPlan: e.removedFromPlan,
      planDeadline: planDeadlineOf(e, rules),
      plans: myPlans.map((p) => ({
        version: p.version,
        date: p.date,
        startTime: p.startTime ?? null,
        venue: [p.venue?.name, p.venue?.address].filter(Boolean).join('，'),
        forms: p.forms ?? [],
        invitees: p.invitees ?? [],
        banner: p.banner ?? '',
        publicSeats: p.publicSeats ?? 0,
        filedAt: iso(p.filedAt) ?? '',
        filedBy: who(p.filedBy),
        deadline: p.deadlines?.plan ?? null,
        onTime: p.onTime,
        outsidePlannedMonths: p.outsidePlannedMonths,
        attachment: attachment.get(p.version) ?? null,
      })),
      checkin: e.checkin
        ? {
            at: iso(e.checkin.at)!,
            distanceMeters: e.checkin.distanceMeters,
            accuracy: e.checkin.accuracy ?? null,
            flags: e.checkin.flags,
            by: who(e.checkin.openid),
          }
        : null,
      photos: myPhotos.map((p) => ({
        path: photoPath.get(p._id)!,
        sha256: hashOf.get(photoPath.get(p._id)!) ?? '',
        matchesUpload: hashOf.get(photoPath.get(p._id)!) === p.sha256,
        stamped: p.stamped,
        hasLogo: p.hasLogo,
        logoConfirmed: p.logoConfirmedAt ? { by: who(p.logoConfirmedBy), at: iso(p.logoConfirmedAt)! } : null,
        takenAt: p.takenAt ?? null,
        uploadedAt: iso(p.uploadedAt),
        uploadedBy: who(p.uploadedBy),
      })),
      reports: reportVersions,
      trail,
      residents: {
        publicSeats: e.plan?.publicSeats ?? 0,
        confirmed: count('confirmed'),
        waitlisted: count('waitlisted'),
        cancelled: count('cancelled'),
        attended: mySignups.filter((s) => s.attendedAt).length,
        reportedAttendance: latest?.attendance?.total ?? null,
        ratings: ratings.length,
        avgRating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
      },
    });
  }
  return page;
}

/** The last on-time filing day of the planned months (null: 待定, or a year without a calendar). */
function planDeadlineOf(e: EventDoc, rules: typeof DEFAULT_RULES): string | null {
  try {
    return unfiledPlanDeadline(e.year, e.months, rules);
  } catch {
    return null;
  }
}

/** The whole pack from its parts: index.html, manifest.json and every file. */
async function assemble(job: PackDoc, j: JurisdictionDoc, now: Date): Promise<{ zip: Uint8Array; fileName: string }> {
  const parts = await pool(job.parts, DOWNLOADS_IN_FLIGHT, async (fileID) => unzipSync(await download(fileID)));
  const files: Zippable = {};
  const events: PackEvent[] = [];
  const entries: ManifestEntry[] = [];
  for (const part of parts) {
    const meta = JSON.parse(strFromU8(part['part.json'])) as { events: PackEvent[]; manifest: ManifestEntry[] };
    events.push(...meta.events);
    entries.push(...meta.manifest);
    for (const m of meta.manifest) files[m.path] = [part[m.path], { level: 0 }];
  }
  events.sort((a, b) => a.seq - b.seq);
  const builtAt = toShanghaiISO(now);
  const bytes = entries.reduce((n, m) => n + m.bytes, 0);
  const html = strToU8(
    renderEvidenceIndex({ jurisdictionName: j.name, year: job.year, scope: job.scope, builtAt, files: entries.length + 2, bytes }, events),
  );
  const manifest: Manifest = {
    format: 'zwgk-evidence-pack/1',
    jurisdiction: j.name,
    year: job.year,
    scope: job.scope,
    builtAt,
    files: [
      { path: 'index.html', sha256: sha256(html), bytes: html.length, eventId: null, seq: null, kind: 'index' },
      ...entries.sort((a, b) => a.path.localeCompare(b.path)),
    ],
  };
  files['index.html'] = [html, { level: 6 }];
  files['manifest.json'] = [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }];
  const fileName = `${j.name}${job.year}年政务公开主题日证据包${job.unitId ? `（${job.scope}）` : ''}.zip`;
  return { zip: zipSync(files, { mtime: now }), fileName };
}

export const evidencePack = action(contract.office.evidencePack, async ({ jurisdictionId, year, unitId, packId, pageEvents }, caller) => {
  const [office, j, unit, existing] = await Promise.all([
    requireOffice(caller, jurisdictionId),
    getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId),
    unitId ? getById<UnitDoc>(C.units, unitId) : Promise.resolve(null),
    packId ? getById<PackDoc>(PACKS, packId) : Promise.resolve(null),
  ]);
  if (!j) throw new BusinessError('NOT_FOUND', '找不到该辖区');
  if (unitId && unit?.jurisdictionId !== jurisdictionId)
    throw new BusinessError('NOT_FOUND', '找不到该单位，请刷新单位列表后重试', { unitId });
  if (
    packId &&
    (!existing || existing.jurisdictionId !== jurisdictionId || existing.year !== year || existing.unitId !== (unitId ?? null))
  ) {
    throw new BusinessError('NOT_FOUND', '找不到这个证据包，请重新生成', { packId });
  }
  const now = serverNow();
  let job: PackDoc;
  if (existing) job = existing;
  else {
    const all = await findAll<EventDoc>(C.events, unitId ? { jurisdictionId, year, unitIds: unitId } : { jurisdictionId, year });
    const eventIds = all
      .filter((e) => !e.removedFromPlan)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e._id);
    if (!eventIds.length) throw new BusinessError('NOT_FOUND', `${year}年${unit ? unit.name : ''}还没有活动，无法生成证据包`);
    job = {
      _id: randomId('pack'),
      jurisdictionId,
      year,
      unitId: unitId ?? null,
      scope: unit ? unit.name : '全辖区',
      eventIds,
      cursor: 0,
      parts: [],
      createdBy: office.openid,
      createdAt: now,
      status: 'building',
    };
    await db.collection(PACKS).add({ data: job });
  }
  const answer = (p: PackDoc, url: string | null = null) => ({
    packId: p._id,
    done: p.cursor,
    total: p.eventIds.length,
    fileID: p.result?.fileID ?? null,
    bytes: p.result?.bytes ?? null,
    sha256: p.result?.sha256 ?? null,
    fileName: p.result?.fileName ?? null,
    url,
  });
  if (job.status === 'done') return answer(job, await tempUrl(job.result!.fileID));

  // The next page: pageEvents events (10 by default: some 50 photos, well within memory and time).
  const ids = job.eventIds.slice(job.cursor, job.cursor + (pageEvents ?? DEFAULT_PAGE_EVENTS));
  const events = (await findAll<StoredEvent>(C.events, { _id: _.in(ids) })).sort((a, b) => a.seq - b.seq);
  const page = await buildPage(events, j);
  page.files['part.json'] = [strToU8(JSON.stringify({ events: page.events, manifest: page.manifest })), { level: 6 }];
  const { fileID: partID } = (await cloud.uploadFile({
    cloudPath: `packs/${jurisdictionId}/${job._id}/part-${pad(job.cursor)}.zip`,
    fileContent: Buffer.from(zipSync(page.files)),
  })) as { fileID: string };
  const cursor = job.cursor + ids.length;
  // Only the call that read this cursor moves it: a page built twice (a retry) is stored once.
  const moved = (await db
    .collection(PACKS)
    .where({ _id: job._id, cursor: job.cursor })
    .update({ data: { cursor, parts: _.push(partID) } })) as { stats: { updated: number } };
  if (moved.stats.updated !== 1) return answer((await getById<PackDoc>(PACKS, job._id))!);
  job = { ...job, cursor, parts: [...job.parts, partID] };
  if (cursor < job.eventIds.length) return answer(job);

  const { zip, fileName } = await assemble(job, j, now);
  const stamp = toShanghaiISO(now).replace(/[-:T]/g, '').slice(0, 14);
  const { fileID } = (await cloud.uploadFile({
    cloudPath: `packs/${jurisdictionId}/${year}-evidence-${stamp}-${job._id}.zip`,
    fileContent: Buffer.from(zip),
  })) as { fileID: string };
  const result = { fileID, bytes: zip.length, sha256: sha256(zip), fileName };
  await db
    .collection(PACKS)
    .doc(job._id)
    .update({ data: { status: 'done', result } });
  // The parts are working files; the pack holds everything they held.
  await deleteUnreferencedFiles(job.parts);
  return answer({ ...job, status: 'done', result }, await tempUrl(fileID));
});

async function tempUrl(fileID: string): Promise<string | null> {
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL?: string }> };
  return fileList[0]?.tempFileURL ?? null;
}
