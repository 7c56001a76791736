// Setting up a jurisdiction: the first office account (with SETUP_TOKEN), more
// office staff, and the jurisdiction's rules.
import crypto from 'node:crypto';
import { BusinessError } from '../../src/domain/errors';
import { changedFromPreset, mergeRules, PRESET_LABELS, presetRules } from '../../src/domain/rules';
import { db, runTransaction } from '../_shared/cloud';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import type { JurisdictionDoc, StaffDoc } from '../_shared/data';
import { requireOffice, requireSignedIn } from '../_shared/auth';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';
import { randomId } from '../_shared/ids';
import { tempUrl } from './desk';

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const bootstrap = action(contract.office.bootstrap, async ({ token, name, level, preset }, caller) => {
  const openid = requireSignedIn(caller);
  const expected = process.env.SETUP_TOKEN;
  // No token configured: bootstrap is closed, and saying "wrong token" would send people guessing.
  if (!expected) throw new BusinessError('FORBIDDEN', '本环境未配置开通口令（SETUP_TOKEN），暂不能开通辖区；请联系部署人员配置后再试');
  if (!tokenMatches(token, expected)) throw new BusinessError('FORBIDDEN', '开通口令不正确，请向系统管理员核对后重试');
  const jurisdictionId = randomId('j');
  const now = serverNow();
  const jurisdiction: JurisdictionDoc = {
    _id: jurisdictionId,
    name,
    level,
    rules: presetRules(preset),
    createdAt: now,
    createdBy: openid,
  };
  const staff: StaffDoc = {
    _id: `${openid}:office:${jurisdictionId}`,
    openid,
    role: 'office',
    jurisdictionId,
    jurisdictionName: name,
    createdAt: now,
  };
  await runTransaction(async (tx) => {
    await tx.collection(C.jurisdictions).add({ data: jurisdiction });
    await tx.collection(C.staff).add({ data: staff });
  });
  return { jurisdictionId };
});

export const setRules = action(contract.office.setRules, async ({ jurisdictionId, rules }, caller) => {
  await requireOffice(caller, jurisdictionId);
  const j = await getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId);
  if (!j) throw new BusinessError('NOT_FOUND', '找不到该辖区');
  const merged = mergeRules(j.rules, rules);
  await db
    .collection(C.jurisdictions)
    .doc(jurisdictionId)
    .update({ data: { rules: db.command.set(merged) } });
  return { rules: merged };
});

export const getRules = action(contract.office.getRules, async ({ jurisdictionId }, caller) => {
  await requireOffice(caller, jurisdictionId);
  const j = await getById<JurisdictionDoc>(C.jurisdictions, jurisdictionId);
  if (!j) throw new BusinessError('NOT_FOUND', '找不到该辖区');
  const preset = j.rules.preset ?? 'standard';
  return {
    name: j.name,
    level: j.level,
    rules: j.rules,
    preset,
    presetLabel: PRESET_LABELS[preset],
    changedFromPreset: changedFromPreset(j.rules),
    logoFileID: j.logoFileID ?? null,
    logoUrl: await tempUrl(j.logoFileID),
  };
});
