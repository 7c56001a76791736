// 专栏材料: photos of the event and a short text for the website column, a
// delivery of its own (雨花区 附件2: within 2 working days after the event ends),
// lighter and earlier than the 情况报告. Every submission is a new version.
import { BusinessError } from '../../src/domain/errors';
import { isOnTime, workdaysLate } from '../../src/domain/deadlines';
import { shanghaiDate } from '../../src/domain/time';
import { db, _, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere } from '../_shared/data';
import type { EventDoc } from '../_shared/data';
import { requireEventStaff } from '../_shared/eventAccess';
import { MATERIALS, materialsIdOf, omitId } from '../_shared/records';
import type { MaterialsDoc, PhotoDoc } from '../_shared/records';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { iso } from './next';

export const submitMaterials = action(contract.unit.submitMaterials, async (input, caller) => {
  const [{ event, staff, jurisdiction }, photos] = await Promise.all([
    requireEventStaff(caller, input.eventId, { withRules: true }),
    findWhere<PhotoDoc>(C.photos, { _id: _.in(input.photoIds) }),
  ]);
  const now = serverNow();
  if (!event.plan || !event.deadlines)
    throw new BusinessError('CONFLICT', '请先报备活动方案，活动举办后再报送专栏材料。', { status: event.status });
  if (shanghaiDate(now) < event.plan.date) {
    throw new BusinessError('CONFLICT', `活动${event.plan.date}开始后才能报送专栏材料，请在活动中拍照后再来。`, { date: event.plan.date });
  }
  const unknown = input.photoIds.filter((id) => !photos.some((p) => p._id === id && p.eventId === event._id));
  if (unknown.length)
    throw new BusinessError('INVALID_ARGUMENT', '有照片不属于本活动或尚未上传成功，请重新选择照片', {
      fields: ['photoIds'],
      photoIds: unknown,
    });

  const deadline = event.deadlines.materials;
  const late = deadline ? !isOnTime(deadline, now) : false;
  const lateDays = deadline ? workdaysLate(deadline, now, jurisdiction.rules) : 0;
  const byId = new Map(photos.map((p) => [p._id, p]));

  const { materialsId, version } = await db.runTransaction(async (tx: Tx) => {
    // Version from the event read inside the transaction: concurrent submissions never share a number.
    const cur = await txGet<EventDoc>(tx, C.events, event._id);
    if (!cur) throw new BusinessError('NOT_FOUND', '找不到该活动', { eventId: event._id });
    const v = (cur.materials?.version ?? 0) + 1;
    const doc: MaterialsDoc = {
      _id: materialsIdOf(event._id, v),
      eventId: event._id,
      jurisdictionId: event.jurisdictionId,
      version: v,
      text: input.text,
      photoIds: input.photoIds,
      photoFileIDs: input.photoIds.map((id) => byId.get(id)!.fileID),
      submittedBy: staff.openid,
      submittedAt: now,
      deadline,
      late,
      workdaysLate: lateDays,
    };
    // A resubmission is a correction: the delivery keeps the first submission's standing.
    const first = cur.materials;
    const summary = first
      ? { ...first, materialsId: doc._id, version: v, submittedAt: now }
      : { materialsId: doc._id, version: v, submittedAt: now, firstSubmittedAt: now, late, workdaysLate: lateDays };
    await tx
      .collection(MATERIALS)
      .doc(doc._id)
      .set({ data: omitId(doc) });
    await tx
      .collection(C.events)
      .doc(event._id)
      .update({ data: { materials: _.set(summary), updatedAt: now } });
    return { materialsId: doc._id, version: v };
  });

  return { materialsId, version, submittedAt: iso(now), deadline, late, workdaysLate: lateDays };
});
