// 一键催办: the office reminds units with open overdue items. Each of the unit's
// staff gets a message-centre entry and, with their consent, a subscribe message.
// At most once a day per unit: a second call the same day skips units already reminded.
import { BusinessError } from '../../src/domain/errors';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { fmtDate, shanghaiDate, shanghaiYear } from '../../src/domain/time';
import { _ } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, findWhere, getById } from '../_shared/data';
import type { EventDoc, JurisdictionDoc, StaffDoc } from '../_shared/data';
import { findAll } from '../_shared/findAll';
import { requireOffice } from '../_shared/auth';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { lateItemsOf, type LateItem } from '../_shared/compliance';
import { deliver } from '../_shared/notify';
import { subscriptionId, templateIds, thing } from '../_shared/subscriptions';
import type { MessageDoc, MessageStatus, SubscriptionDoc } from '../_shared/subscriptions';

const WHAT: Record<LateItem['kind'], string> = { plan: '方案报备', report: '情况报告', materials: '专栏材料' };

export interface RemindLateResult {
  /** Units reminded now, with how many of their staff were pushed a WeChat message. */
  reminded: Array<{ unitId: string; unitName: string; staff: number; pushed: number }>;
  /** Already reminded today: not again. */
  alreadyToday: Array<{ unitId: string; unitName: string }>;
  /** Late, but nobody of the unit has joined yet: invite them first. */
  noStaff: Array<{ unitId: string; unitName: string }>;
}

export const remindLate = action(
  contract.office.remindLate,
  async ({ jurisdictionId, unitIds, year }, caller): Promise<RemindLateResult> => {
    const now = serverNow();
    const day = shanghaiDate(now);
    const [, jurisdiction, events, staff, sentToday] = await Promise.all([
      requireOffice(caller, jurisdictionId),
      getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId),
      findAll<EventDoc>(C.events, { jurisdictionId, year: year ?? shanghaiYear(now) }),
      findAll<StaffDoc>(C.staff, { jurisdictionId, role: 'unit' }),
      findAll<MessageDoc>(C.messages, { jurisdictionId, day, kind: 'urge' }),
    ]);
    if (!jurisdiction) throw new BusinessError('NOT_FOUND', '找不到该辖区，请返回首页重新进入');
    const rules = { ...DEFAULT_RULES, ...jurisdiction.rules };

    // Open (not yet done) overdue items per unit.
    const late = new Map<string, { name: string; items: LateItem[] }>();
    for (const e of events) {
      if (e.removedFromPlan) continue;
      for (const item of lateItemsOf(e, rules, now)) {
        if (item.doneAt) continue;
        e.unitIds.forEach((u, i) => {
          const row = late.get(u) ?? { name: e.unitNames[i] ?? '', items: [] };
          row.items.push(item);
          late.set(u, row);
        });
      }
    }
    const wanted = (unitIds ?? [...late.keys()]).filter((u) => late.has(u));
    if (unitIds && wanted.length === 0) throw new BusinessError('CONFLICT', '所选单位目前没有逾期未完成的事项，无需催办');
    const done = new Set(sentToday.map((m) => m.unitId));
    const staffOf = (u: string) => staff.filter((s) => s.role === 'unit' && s.unitId === u);

    const result: RemindLateResult = { reminded: [], alreadyToday: [], noStaff: [] };
    const templateId = templateIds().deadline;
    const drafts: Array<{ unitId: string; message: Omit<MessageDoc, 'status' | 'createdAt'> }> = [];
    for (const unitId of wanted) {
      const { name, items } = late.get(unitId)!;
      if (done.has(unitId)) {
        result.alreadyToday.push({ unitId, unitName: name });
        continue;
      }
      const people = staffOf(unitId);
      if (!people.length) {
        result.noStaff.push({ unitId, unitName: name });
        continue;
      }
      const worst = [...items].sort((a, b) => b.workdaysLate - a.workdaysLate)[0];
      const title = `公开办催办：${name}有${items.length}项逾期未完成`;
      const body = `${jurisdiction.name}公开办提醒：${items
        .slice(0, 3)
        .map((i) => `第${i.seq}项“${i.theme}”${WHAT[i.kind]}（${fmtDate(i.deadline)}截止，已逾期${i.workdaysLate}个工作日）`)
        .join('；')}${items.length > 3 ? `等${items.length}项` : ''}。请尽快完成。`;
      for (const p of people) {
        drafts.push({
          unitId,
          message: {
            _id: `${day}:${p.openid}:urge:${unitId}`,
            day,
            openid: p.openid,
            kind: 'urge',
            templateId,
            page: `unit/event/index?eventId=${worst.eventId}`,
            title,
            body,
            data: {
              thing1: { value: thing(`逾期${items.length}项，请尽快完成`) },
              thing2: { value: thing(worst.theme) },
              time3: { value: `${fmtDate(worst.deadline)} 23:59` },
              thing4: { value: thing(`${jurisdiction.name}公开办催办`) },
            },
            jurisdictionId,
            unitId,
          },
        });
      }
    }
    // One read for every consent, then one message per person.
    const subs = drafts.length
      ? await findWhere<SubscriptionDoc>(C.subscriptions, { _id: _.in(drafts.map((d) => subscriptionId(d.message.openid, templateId))) })
      : [];
    const subById = new Map(subs.map((s) => [s._id, s]));
    const statuses: MessageStatus[] = await Promise.all(
      drafts.map((d) => deliver(d.message, now, subById.get(subscriptionId(d.message.openid, templateId)) ?? null)),
    );
    for (const unitId of wanted) {
      const mine = drafts.map((d, i) => ({ d, s: statuses[i] })).filter((x) => x.d.unitId === unitId);
      if (mine.length)
        result.reminded.push({
          unitId,
          unitName: late.get(unitId)!.name,
          staff: mine.length,
          pushed: mine.filter((x) => x.s === 'sent').length,
        });
    }
    return result;
  },
);
