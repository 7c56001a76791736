// The event's own people: the attendee list with full names and phones (only the
// event's unit and its office ever see them), and the attendance code residents scan.
import { BusinessError } from '../../src/domain/errors';
import { cloud, runTransaction, txGet, type Tx } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc } from '../_shared/data';
import { requireSignedIn, rolesOf } from '../_shared/auth';
import { CODES } from '../_shared/signups';
import type { CodeDoc, SeatedEvent, SignupDoc } from '../_shared/signups';
import { randomId } from '../_shared/ids';
import type { Caller } from '../_shared/router';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

/** The page the attendance code opens (no leading slash, as wxacode wants). */
export const ATTEND_PAGE = 'resident/attend/index';

/** Staff of one of the event's units, or office staff of its jurisdiction. */
async function requireEventStaff<E extends EventDoc>(
  caller: Caller,
  eventId: string,
  opts: { officeToo: boolean },
): Promise<{ event: E; openid: string }> {
  const openid = requireSignedIn(caller);
  const [event, roles] = await Promise.all([getById<E>(C.events, eventId), rolesOf(openid)]);
  if (!event) throw new BusinessError('NOT_FOUND', '找不到该活动，请刷新后重试');
  const allowed = roles.some(
    (r) =>
      (r.role === 'unit' && event.unitIds.includes(r.unitId)) ||
      (opts.officeToo && r.role === 'office' && r.jurisdictionId === event.jurisdictionId),
  );
  if (!allowed) throw new BusinessError('FORBIDDEN', '只有举办该活动的单位及本辖区公开办可以查看报名人员信息');
  return { event, openid };
}

const ORDER: Record<SignupDoc['status'], number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

export const attendees = action(contract.unit.attendees, async ({ eventId }, caller) => {
  const { event } = await requireEventStaff<SeatedEvent>(caller, eventId, { officeToo: true });
  const signups = await findWhere<SignupDoc>(C.signups, { eventId });
  const waitPos = new Map((event.waitlist ?? []).map((s, i) => [s, i]));
  return signups
    .filter((s) => !s.erasedAt)
    .sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        (waitPos.get(a._id) ?? 0) - (waitPos.get(b._id) ?? 0) ||
        +new Date(a.createdAt) - +new Date(b.createdAt),
    )
    .map((s) => ({
      signupId: s._id,
      name: s.name,
      phone: s.phone,
      identity: s.identity,
      status: s.status,
      attended: Boolean(s.attendedAt),
      attendedAt: s.attendedAt ? new Date(s.attendedAt).toISOString() : null,
      position: s.status === 'waitlisted' ? (waitPos.get(s._id) ?? 0) + 1 : null,
    }));
});

/** A short unguessable token: the code's scene `a=<token>` stays well under 32 characters. */
function attendToken(): string {
  return randomId('a').slice(2, 14);
}

export const eventCode = action(contract.unit.eventCode, async ({ eventId }, caller) => {
  const { event, openid } = await requireEventStaff<SeatedEvent & { attendCode?: { token: string; fileID: string } }>(caller, eventId, {
    officeToo: false,
  });
  if (!event.plan) throw new BusinessError('CONFLICT', '请先报备活动方案（日期、地点），再生成签到码');
  // One code per event: printing it again must give the same image.
  let code = event.attendCode;
  if (!code) {
    const token = attendToken();
    const img = (await cloud.openapi.wxacode.getUnlimited({ scene: `a=${token}`, page: ATTEND_PAGE, checkPath: false })) as {
      buffer: Buffer;
    };
    const { fileID } = (await cloud.uploadFile({ cloudPath: `attend-codes/${eventId}-${token}.png`, fileContent: img.buffer })) as {
      fileID: string;
    };
    const doc: Omit<CodeDoc, '_id'> = { eventId, fileID, createdBy: openid, createdAt: serverNow() };
    const mine = { token, fileID };
    // Concurrent calls each made an image; one transaction lets only the first token
    // become the event's code (and a valid CODES entry); the others return that one.
    code = await runTransaction(async (tx: Tx): Promise<{ token: string; fileID: string }> => {
      const cur = await txGet<EventDoc & { attendCode?: { token: string; fileID: string } }>(tx, C.events, eventId);
      if (cur?.attendCode) return cur.attendCode;
      await tx.collection(CODES).doc(token).set({ data: doc });
      await tx
        .collection(C.events)
        .doc(eventId)
        .update({ data: { attendCode: mine } });
      return mine;
    });
  }
  const urls = (await cloud.getTempFileURL({ fileList: [code.fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return { fileID: code.fileID, url: urls.fileList[0]?.tempFileURL ?? '', token: code.token, scene: `a=${code.token}`, page: ATTEND_PAGE };
});
