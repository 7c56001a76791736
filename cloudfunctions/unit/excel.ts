// The unit function's Excel export (questionnaire results), bundled apart into
// excel.js and loaded only when a unit exports (see _shared/lazyExcel.ts).
import ExcelJS from 'exceljs';
import { QUESTION_KIND_LABELS, type tally } from '../../src/domain/questionnaire';
import { fmtDateTime } from '../../src/domain/time';

export async function questionnaireWorkbook(questions: ReturnType<typeof tally>, respondents: number, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务公开主题日';
  const ws = wb.addWorksheet('问卷结果');
  ws.columns = [
    { header: '题目', key: 'q', width: 36 },
    { header: '题型', key: 'kind', width: 12 },
    { header: '选项 / 内容', key: 'o', width: 40 },
    { header: '人数', key: 'n', width: 8 },
    { header: '百分比 / 平均分', key: 'p', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  questions.forEach((res, i) => {
    const q = `${i + 1}. ${res.title}`;
    const kind = QUESTION_KIND_LABELS[res.kind];
    if (res.kind === 'rating') {
      res.counts.forEach((n, k) => ws.addRow({ q, kind, o: `${k + 1} 分`, n, p: '' }));
      ws.addRow({ q, kind, o: '平均分', n: res.answered, p: res.mean ?? '' });
    } else if (res.kind === 'text') {
      for (const t of res.texts) ws.addRow({ q, kind, o: t, n: '', p: '' });
    } else for (const o of res.options) ws.addRow({ q, kind, o: o.label, n: o.count, p: `${o.percent}%` });
  });
  ws.addRow({});
  ws.addRow({ q: `答卷 ${respondents} 份`, kind: '', o: `导出时间 ${fmtDateTime(now.toISOString(), { year: 0 })}` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
