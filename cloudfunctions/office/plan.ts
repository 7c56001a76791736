// Importing the year's plan table. Re-importing the same or a corrected table
// updates in place: rows are matched to stored events by theme and units, then by
// number. A partial paste adds and updates only; stored rows missing from it are
// listed (notInTable) and flagged "已移出计划" (never deleted) only when the office
// asks for it with removeMissing. Units are created by name.
import { BusinessError } from '../../src/domain/errors';
import { decodeTableText, parsePlanTable, planRowKey } from '../../src/domain/planTable';
import type { ParsedEvent, PlanParseResult } from '../../src/domain/planTable';
import { excel } from './lazyExcel';
import { cloud, db } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere } from '../_shared/data';
import type { EventDoc, UnitDoc } from '../_shared/data';
import { requireOffice } from '../_shared/auth';
import { requireFileInScope } from '../_shared/files';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { randomId, stableId } from '../_shared/ids';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads the uploaded .xlsx, .docx or .csv; only files uploaded for this jurisdiction's plans. */
async function parseUploaded(fileID: string, jurisdictionId: string, year: number): Promise<PlanParseResult> {
  requireFileInScope(fileID, { plans: jurisdictionId });
  let bytes: Buffer;
  try {
    bytes = ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
  } catch {
    throw new BusinessError('NOT_FOUND', '找不到上传的文件，请重新选择文件上传', { fields: ['fileID'] });
  }
  if (bytes.length > MAX_FILE_BYTES)
    throw new BusinessError('INVALID_ARGUMENT', '文件超过 5MB，请删去无关的工作表后重试', { fields: ['fileID'] });
  if (/\.(csv|txt)$/i.test(fileID)) return parsePlanTable(decodeTableText(bytes), { year });
  if (/\.docx$/i.test(fileID)) return excel().parsePlanDocx(new Uint8Array(bytes), { year });
  return excel().parsePlanXlsx(new Uint8Array(bytes), { year });
}

/** What an import would change, computed before anything is written. */
function plan(parsed: ParsedEvent[], existing: EventDoc[]) {
  const byKey = new Map(existing.map((e) => [planRowKey(e.theme, e.unitNames), e]));
  const matched = new Map<ParsedEvent, EventDoc>();
  for (const row of parsed) {
    const e = byKey.get(planRowKey(row.theme, row.units));
    if (e) {
      matched.set(row, e);
      byKey.delete(planRowKey(row.theme, row.units));
    }
  }
  // A corrected row (theme or unit fixed) keeps its number: match the rest by 序号.
  const leftBySeq = new Map([...byKey.values()].map((e) => [e.seq, e]));
  for (const row of parsed) {
    if (matched.has(row)) continue;
    const e = leftBySeq.get(row.seq);
    if (e) {
      matched.set(row, e);
      leftBySeq.delete(row.seq);
      byKey.delete(planRowKey(e.theme, e.unitNames));
    }
  }
  const gone = [...byKey.values()].filter((e) => !e.removedFromPlan);
  return { matched, gone };
}

function sameRow(e: EventDoc, row: ParsedEvent): boolean {
  return (
    e.seq === row.seq &&
    e.theme === row.theme &&
    JSON.stringify(e.forms) === JSON.stringify(row.forms) &&
    JSON.stringify(e.unitNames) === JSON.stringify(row.units) &&
    JSON.stringify(e.months) === JSON.stringify(row.months) &&
    (e.plannedDate ?? null) === row.date &&
    (e.plannedEndDate ?? null) === row.endDate &&
    !e.removedFromPlan
  );
}

export const importPlan = action(
  contract.office.importPlan,
  async ({ jurisdictionId, year, text, fileID, dryRun, removeMissing }, caller) => {
    await requireOffice(caller, jurisdictionId);
    const { events: parsed, warnings } =
      fileID !== undefined ? await parseUploaded(fileID, jurisdictionId, year) : parsePlanTable(text ?? '', { year });
    if (parsed.length === 0) {
      const what = fileID !== undefined ? '上传的文件' : '粘贴的内容';
      throw new BusinessError('INVALID_ARGUMENT', `没有识别出任何活动。请确认${what}是含“序号、活动主题、责任单位”等表头的计划安排表。`, {
        fields: [fileID !== undefined ? 'fileID' : 'text'],
        warnings,
      });
    }

    const [existing, units] = await Promise.all([
      findWhere<EventDoc>(C.events, { jurisdictionId, year }),
      findWhere<UnitDoc>(C.units, { jurisdictionId }),
    ]);
    const { matched, gone } = plan(parsed, existing);
    const removed = removeMissing ? gone : [];
    const now = serverNow();

    const unitIdByName = new Map(units.map((u) => [u.name, u._id]));
    const newUnits: UnitDoc[] = [];
    for (const name of new Set(parsed.flatMap((r) => r.units))) {
      if (unitIdByName.has(name)) continue;
      const unit: UnitDoc = { _id: stableId('u', jurisdictionId, name), jurisdictionId, name, createdAt: now };
      newUnits.push(unit);
      unitIdByName.set(name, unit._id);
    }

    const created: EventDoc[] = [];
    const updated: Array<{ id: string; fields: Partial<EventDoc> }> = [];
    let unchanged = 0;
    const result = parsed.map((row) => {
      const e = matched.get(row);
      const fields = {
        seq: row.seq,
        theme: row.theme,
        forms: row.forms,
        unitIds: row.units.map((n) => unitIdByName.get(n)!),
        unitNames: row.units,
        months: row.months,
        plannedDate: row.date,
        plannedEndDate: row.endDate,
        raw: row.raw,
        removedFromPlan: false,
      };
      if (!e) {
        const doc: EventDoc = { _id: randomId('e'), jurisdictionId, year, ...fields, status: 'planned', createdAt: now, updatedAt: now };
        created.push(doc);
        return { eventId: doc._id, ...publicRow(row) };
      }
      if (sameRow(e, row)) unchanged += 1;
      else updated.push({ id: e._id, fields: { ...fields, updatedAt: now } });
      return { eventId: e._id, ...publicRow(row) };
    });

    if (!dryRun) {
      // Ids are stable or matched, so if this is cut off half way, importing again completes it.
      if (newUnits.length) await db.collection(C.units).add({ data: newUnits });
      if (created.length) await db.collection(C.events).add({ data: created });
      await Promise.all([
        ...updated.map((u) =>
          db
            .collection(C.events)
            .doc(u.id)
            .update({ data: { ...u.fields, months: u.fields.months ? db.command.set(u.fields.months) : null } }),
        ),
        ...removed.map((e) =>
          db
            .collection(C.events)
            .doc(e._id)
            .update({ data: { removedFromPlan: true, updatedAt: now } }),
        ),
      ]);
    }
    return {
      created: created.length,
      updated: updated.length,
      unchanged,
      /** Taken out of the plan by this import (would be, in a preview): 0 unless removeMissing. */
      removed: removed.length,
      /** Stored events this table does not have; kept unless removeMissing. */
      notInTable: gone.map((e) => ({ eventId: e._id, seq: e.seq, theme: e.theme })),
      newUnits: newUnits.map((u) => u.name),
      warnings,
      events: result,
      dryRun: Boolean(dryRun),
    };
  },
);

function publicRow(row: ParsedEvent) {
  return {
    seq: row.seq,
    theme: row.theme,
    forms: row.forms,
    units: row.units,
    months: row.months,
    date: row.date,
    endDate: row.endDate,
    row: row.row,
    ...(row.sheet ? { sheet: row.sheet } : {}),
    ...(row.table ? { table: row.table } : {}),
  };
}
