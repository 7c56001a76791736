// Everything of the office function that needs exceljs, bundled apart into
// excel.js (scripts/build-functions.mjs) and loaded only by the actions that read
// or write Excel (lazyExcel.ts), so the everyday actions cold-start without it.
import ExcelJS from 'exceljs';
import { shanghaiDate } from '../../src/domain/time';
import type { Dashboard, LateKind } from '../_shared/compliance';

export { parsePlanXlsx } from '../../src/domain/planXlsx';

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

  return Buffer.from(await wb.xlsx.writeBuffer());
}
