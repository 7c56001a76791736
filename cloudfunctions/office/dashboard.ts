// The office's compliance dashboard and its Excel export. Both compute from the
// records at server time through _shared/compliance.ts; nothing derived is stored.
import { BusinessError } from '../../src/domain/errors';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { toShanghaiISO } from '../../src/domain/time';
import { cloud } from '../_shared/cloud';
import { findAll } from '../_shared/findAll';
import { serverNow } from '../_shared/clock';
import { C, getById } from '../_shared/data';
import type { EventDoc, JurisdictionDoc, UnitDoc } from '../_shared/data';
import type { FeedbackDoc } from '../_shared/signups';
import { requireOffice } from '../_shared/auth';
import { contract } from '../../src/contract';
import { action, type Caller } from '../_shared/router';
import { computeDashboard, type Dashboard, type Rating } from '../_shared/compliance';
import { requireOfficeOrParent } from '../_shared/family';
import { loadReview } from './assessment';
import { excel } from './lazyExcel';

/**
 * Three reads in parallel (the caller's roles, the jurisdiction with its rules,
 * the year's events) plus the ratings; authorisation fails the whole call before
 * anything is returned.
 */
export async function loadDashboard(
  caller: Caller,
  jurisdictionId: string,
  year: number,
  guard: (c: Caller, id: string) => Promise<unknown> = requireOffice,
): Promise<Dashboard & { jurisdictionName: string }> {
  const [, jurisdiction, events, feedback, units] = await Promise.all([
    guard(caller, jurisdictionId),
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

// A linked city office reads a county's dashboard too (read-only figures, no personal data).
// `figures` / `includeChildren` add the review's figures and the linked counties' rows (more reads).
export const dashboard = action(contract.office.dashboard, async ({ jurisdictionId, year, includeChildren, figures }, caller) => {
  const d = await loadDashboard(caller, jurisdictionId, year, requireOfficeOrParent);
  return figures || includeChildren
    ? { ...d, ...(await loadReview(d, jurisdictionId, year, serverNow(), { children: includeChildren })) }
    : d;
});

// ---- export ----

export const exportDashboard = action(contract.office.exportDashboard, async ({ jurisdictionId, year }, caller) => {
  const d = await loadDashboard(caller, jurisdictionId, year);
  const review = await loadReview(d, jurisdictionId, year, serverNow(), { children: true, childUnits: true });
  const stamp = toShanghaiISO(serverNow()).replace(/[-:T]/g, '').slice(0, 14);
  const { fileID } = (await cloud.uploadFile({
    cloudPath: `exports/${jurisdictionId}/${year}-compliance-${stamp}.xlsx`,
    fileContent: await excel().dashboardWorkbook(d, review),
  })) as { fileID: string };
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return { fileID, url: fileList[0].tempFileURL, fileName: `${d.jurisdictionName}${year}年政务公开主题日完成情况.xlsx` };
});
