// Everything of the office function that needs exceljs (and the Word reader), bundled apart into
// excel.js (scripts/build-functions.mjs) and loaded only by the actions that read
// or write Excel (lazyExcel.ts), so the everyday actions cold-start without it.
import ExcelJS from 'exceljs';
import { shanghaiDate } from '../../src/domain/time';
import type { Dashboard, LateKind } from '../_shared/compliance';
import type { Figures } from '../_shared/assessment';
import type { Review } from './assessment';

export { parsePlanXlsx } from '../../src/domain/planXlsx';
export { parsePlanDocx } from '../../src/domain/planDocx';

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

  const none = wb.addWorksheet('无活动单位');
  none.columns = [{ header: '计划中没有活动的责任单位', key: 'name', width: 30 }];
  for (const u of d.unitsWithoutEvents) none.addRow(u);
  style(none);

  if (review) addReviewSheets(wb, d.jurisdictionName, review, COUNT_COLUMNS);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- the export's review sheets ----

const share = (n: number | null) => (n === null ? '—' : `${n}%`);
const FIGURE_COLUMNS = [
  { header: '活动数', key: 'events', width: 8 },
  { header: '按计划举办', key: 'heldAsPlanned', width: 10 },
  { header: '按计划举办率', key: 'heldShare', width: 12 },
  { header: '按时报备率', key: 'planShare', width: 10 },
  { header: '按时报告率', key: 'reportShare', width: 10 },
  { header: '已公开报告', key: 'published', width: 10 },
  { header: '参与群众', key: 'residentsReached', width: 10 },
  { header: '平均评分', key: 'rating', width: 10 },
];
const figureRow = (name: string, f: Figures) => ({
  name,
  ...f,
  heldShare: share(f.heldAsPlannedShare),
  planShare: share(f.planOnTimeShare),
  reportShare: share(f.reportOnTimeShare),
  rating: f.avgRating ?? '',
});

/** 考核指标 (per unit and the jurisdiction), 下级 (one row per child) and one sheet per child. */
function addReviewSheets(
  wb: ExcelJS.Workbook,
  jurisdictionName: string,
  review: Review,
  countColumns: Array<{ header: string; key: string; width: number }>,
): void {
  const bold = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const fig = wb.addWorksheet('考核指标');
  fig.columns = [{ header: '责任单位', key: 'name', width: 24 }, ...FIGURE_COLUMNS];
  for (const u of review.figures.units) fig.addRow(figureRow(u.name, u));
  fig.addRow(figureRow(`${jurisdictionName}合计`, review.figures.total)).font = { bold: true };
  bold(fig);
  if (!review.children?.length) return;
  const kids = wb.addWorksheet('下级县市区');
  kids.columns = [{ header: '县市区', key: 'name', width: 16 }, ...countColumns, ...FIGURE_COLUMNS.slice(1)];
  for (const c of review.children) kids.addRow({ ...c, ...figureRow(c.name, c.figures), avgRating: c.avgRating ?? '' });
  bold(kids);
  for (const c of review.children) {
    // Sheet names: at most 31 characters, unique.
    const ws = wb.addWorksheet(c.name.slice(0, 31));
    ws.columns = [{ header: '责任单位', key: 'name', width: 24 }, ...countColumns];
    for (const u of c.units ?? []) ws.addRow({ ...u, avgRating: u.avgRating ?? '' });
    ws.addRow({ ...c, name: `${c.name}合计`, avgRating: c.avgRating ?? '' }).font = { bold: true };
    bold(ws);
  }
}
