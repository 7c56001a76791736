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
import type { EventDoc, JurisdictionDoc, UnitDoc } from '../_shared/data';
import type { FeedbackDoc } from '../_shared/signups';
import { requireOffice } from '../_shared/auth';
import { action, type Caller } from '../_shared/router';
import { computeDashboard, type Dashboard, type LateKind, type Rating } from '../_shared/compliance';

const input = z.object({ jurisdictionId: z.string().min(1).max(64), year: z.number().int().min(2000).max(2100) }).strict();

/**
 * Three reads in parallel (the caller's roles, the jurisdiction with its rules,
 * the year's events) plus the ratings; authorisation fails the whole call before
 * anything is returned.
 */
export async function loadDashboard(caller: Caller, jurisdictionId: string, year: number): Promise<Dashboard & { jurisdictionName: string }> {
  const [, jurisdiction, events, feedback, units] = await Promise.all([
    requireOffice(caller, jurisdictionId),
    getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId),
    findAll<EventDoc>(C.events, { jurisdictionId, year }),
    findAll<FeedbackDoc>(C.feedback, { jurisdictionId, year }),
    // Every unit, so those with no event in the year's plan are listed too.
    findAll<UnitDoc>(C.units, { jurisdictionId }),
  ]);
  if (!jurisdiction) throw new BusinessError('NOT_FOUND', '找不到该辖区，请返回首页重新进入');
  const ratings: Rating[] = feedback.map((f) => ({ eventId: f.eventId, rating: f.rating }));
  const rules = { ...DEFAULT_RULES, ...jurisdiction.rules };
  return { jurisdictionName: jurisdiction.name, ...computeDashboard(year, events, rules, serverNow(), ratings, units) };
}

export const dashboard = action(input, async ({ jurisdictionId, year }, caller) => loadDashboard(caller, jurisdictionId, year));

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
  { header: '应报专栏材料', key: 'materialsDue', width: 12 },
  { header: '已报专栏材料', key: 'materials', width: 12 },
  { header: '按时报送材料', key: 'materialsOnTime', width: 12 },
  { header: '新闻稿', key: 'newsReleases', width: 8 },
  { header: '逾期', key: 'overdue', width: 6 },
  { header: '未补交', key: 'overdueOpen', width: 8 },
  { header: '平均评分', key: 'avgRating', width: 10 },
];

export async function dashboardWorkbook(d: Dashboard & { jurisdictionName: string }): Promise<Buffer> {
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

  const none = wb.addWorksheet('无活动单位');
  none.columns = [{ header: '计划中没有活动的责任单位', key: 'name', width: 30 }];
  for (const u of d.unitsWithoutEvents) none.addRow(u);
  style(none);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const exportDashboard = action(input, async ({ jurisdictionId, year }, caller) => {
  const d = await loadDashboard(caller, jurisdictionId, year);
  const stamp = toShanghaiISO(serverNow()).replace(/[-:T]/g, '').slice(0, 14);
  const { fileID } = (await cloud.uploadFile({ cloudPath: `exports/${jurisdictionId}/${year}-compliance-${stamp}.xlsx`, fileContent: await dashboardWorkbook(d) })) as { fileID: string };
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return { fileID, url: fileList[0].tempFileURL, fileName: `${d.jurisdictionName}${year}年政务公开主题日完成情况.xlsx` };
});
