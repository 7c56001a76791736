// Plan-table parse time: a 90 KB table (the importPlan limit) and one record
// followed by 400 unmatched short lines (the paste that once took 47 s). Best of
// five runs each, so a busy machine does not decide the figure alone.
// Standalone: `npx tsx bench/planParse.ts`.
import { parsePlanTable } from '../src/domain/planTable';

const HEADER = '序号\t活动主题\t活动形式\t责任单位\t时间';

function ninetyKb(): string {
  let text = HEADER;
  for (let i = 1; text.length < 90_000; i += 1)
    text += `\n${i}\t第${i}项“政务公开主题日”政策解读与现场观摩\t政策宣讲、现场观摩\t区第${i % 10}单位局\t${(i % 12) + 1}月`;
  return text.slice(0, text.lastIndexOf('\n', 90_000));
}

function oneRecordThen400(): string {
  return [
    '序号',
    '活动主题',
    '活动形式',
    '责任单位',
    '时间',
    '1',
    '税费政策进园区',
    ...Array.from({ length: 400 }, (_, i) => `第${i}行短句`),
  ].join('\n');
}

function bestMs(text: string): { ms: number; events: number; bytes: number } {
  let best = Infinity;
  let events = 0;
  for (let k = 0; k < 5; k += 1) {
    const t0 = performance.now();
    events = parsePlanTable(text).events.length;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: Math.round(best * 10) / 10, events, bytes: Buffer.byteLength(text) };
}

export function planParseBench() {
  return { table90KB: { ...bestMs(ninetyKb()), goalMs: 500 }, oneRecordThen400Lines: { ...bestMs(oneRecordThen400()), goalMs: 500 } };
}

if (require.main === module) console.log(JSON.stringify(planParseBench(), null, 2));
