// The office's compliance dashboard and its Excel export. Both compute from the
// records at server time through _shared/compliance.ts; nothing derived is stored.
import { z } from 'zod';
import ExcelJS from 'exceljs';
import { BusinessError } from '../../src/domain/errors';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { shanghaiDate, toShanghaiISO } from '../../src/domain/time';
import { cloud } from '../_shared/cloud';
import { findAll } from '../_shared/findAll';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import type { EventDoc, JurisdictionDoc } from '../_shared/data';
import type { FeedbackDoc } from '../_shared/signups';
import { requireOffice } from '../_shared/auth';
import { action, type Caller } from '../_shared/router';
import { computeDashboard, type Dashboard, type LateKind, type Rating } from '../_shared/compliance';
import { requireOfficeOrParent } from '../_shared/family';
import { addReviewSheets, loadReview, type Review } from './assessment';

const input = z.object({ jurisdictionId: z.string().min(1).max(64), year: z.number().int().min(2000).max(2100) }).strict();

/**
 * Three reads in parallel (the caller's roles, the jurisdiction with its rules,
 * the year's events) plus the ratings; authorisation fails the whole call before
 * anything is returned.
 */
export async function loadDashboard(caller: Caller, jurisdictionId: string, year: number, guard: (c: Caller, id: string) => Promise<unknown> = requireOffice): Promise<Dashboard & { jurisdictionName: string }> {
  const [, jurisdiction, events, feedback] = await Promise.all([
    guard(caller, jurisdictionId),
    getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId),
    findAll<EventDoc>(C.events, { jurisdictionId, year }),
    findAll<FeedbackDoc>(C.feedback, { jurisdictionId, year }),
  ]);
  if (!jurisdiction) throw new BusinessError('NOT_FOUND', '找不到该辖区，请返回首页重新进入');
  const ratings: Rating[] = feedback.map((f) => ({ eventId: f.eventId, rating: f.rating }));
  const rules = { ...DEFAULT_RULES, ...jurisdiction.rules };
  return { jurisdictionName: jurisdiction.name, ...computeDashboard(year, events, rules, serverNow(), ratings) };
}

// A linked city office reads a county's dashboard too (read-only figures, no personal data).
// `figures` / `includeChildren` add the review's figures and the linked counties' rows (more reads).
export const dashboard = action(input.extend({ includeChildren: z.boolean().optional(), figures: z.boolean().optional() }), async ({ jurisdictionId, year, includeChildren, figures }, caller) => {
  const d = await loadDashboard(caller, jurisdictionId, year, requireOfficeOrParent);
  return figures || includeChildren ? { ...d, ...(await loadReview(d, jurisdictionId, year, serverNow(), { children: includeChildren })) } : d;
});

// ---- export ----

const KIND_LABEL: Record<LateKind, string> = { plan: '方案报备', report: '情况报告', materials: '专栏材料' };

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '—');
const day = (iso: string | null) => (iso ? shanghaiDate(new Date(iso)) : '未完成');

const COUNT_COLUMNS = [
  { header: '活动数', key: 'events', width: 8 },
  { header: '已报备', key: 'planFiled', width: 8 },
  { header: '按时报备', key: 'planOnTime', width: 10 },
  { header: '已举办', key: 'held', width: 8 },
  { header: '已报告', key: 'reported', width: 8 },
  { header: '按时报告', key: 'reportOnTime', width: 10 },
  { header: '逾期', key: 'overdue', width: 6 },
  { header: '未补交', key: 'overdueOpen', width: 8 },
  { header: '平均评分', key: 'avgRating', width: 10 },
];

export async function dashboardWorkbook(d: Dashboard & { jurisdictionName: string }, review?: Review): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务公开主题日';
  wb.created = new Date(d.computedAt);
  const style = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const units = wb.addWorksheet('汇总');
  units.columns = [{ header: '责任单位', key: 'name', width: 24 }, ...COUNT_COLUMNS, { header: '按时报告率', key: 'rate', width: 10 }];
  for (const u of d.units) units.addRow({ ...u, avgRating: u.avgRating ?? '', rate: pct(u.reportOnTime, u.reported) });
  style(units);

  const months = wb.addWorksheet('按月');
  months.columns = [{ header: '月份', key: 'label', width: 8 }, ...COUNT_COLUMNS];
  for (const m of d.months) months.addRow({ ...m, label: m.month === null ? '待定' : `${m.month}月`, avgRating: m.avgRating ?? '' });
  style(months);

  const late = wb.addWorksheet('逾期明细');
  late.columns = [
    { header: '序号', key: 'seq', width: 6 },
    { header: '活动主题', key: 'theme', width: 40 },
    { header: '责任单位', key: 'unit', width: 20 },
    { header: '事项', key: 'kindLabel', width: 10 },
    { header: '截止日期', key: 'deadlineDay', width: 12 },
    { header: '完成日期', key: 'doneDay', width: 12 },
    { header: '逾期工作日', key: 'workdaysLate', width: 10 },
  ];
  for (const i of d.lateItems) late.addRow({ ...i, kindLabel: KIND_LABEL[i.kind], deadlineDay: day(i.deadline), doneDay: day(i.doneAt) });
  style(late);
  late.addRow([]);
  late.addRow([`${d.jurisdictionName}${d.year}年，统计时间 ${d.computedAt}`]);
  if (review) addReviewSheets(wb, d.jurisdictionName, review, COUNT_COLUMNS);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const exportDashboard = action(input, async ({ jurisdictionId, year }, caller) => {
  const d = await loadDashboard(caller, jurisdictionId, year);
  const review = await loadReview(d, jurisdictionId, year, serverNow(), { children: true, childUnits: true });
  const stamp = toShanghaiISO(serverNow()).replace(/[-:T]/g, '').slice(0, 14);
  const { fileID } = (await cloud.uploadFile({ cloudPath: `exports/${jurisdictionId}/${year}-compliance-${stamp}.xlsx`, fileContent: await dashboardWorkbook(d, review) })) as { fileID: string };
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return { fileID, url: fileList[0].tempFileURL, fileName: `${d.jurisdictionName}${year}年政务公开主题日完成情况.xlsx` };
});
