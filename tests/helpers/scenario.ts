// A seeded jurisdiction for tests: 雨花区 on the news-strict preset its notice
// asks for (材料 within 2 working days, the keyword in four places, a logo photo),
// its 2023 plan imported, and staff bound to two units.
import fs from 'node:fs';
import path from 'node:path';
import { ok, SETUP_TOKEN, type TestCloud } from './cloud';
import type { ImportedEvent } from '../../src/contract';

export const YUHUA_TABLE = fs.readFileSync(path.join(__dirname, '../../fixtures/plans/yuhua-2023.txt'), 'utf8');
export const SHAOYANG_TABLE = fs.readFileSync(path.join(__dirname, '../../fixtures/plans/shaoyang-2023.txt'), 'utf8');

export type { ImportedEvent } from '../../src/contract';

export interface Yuhua {
  jurisdictionId: string;
  office: string;
  events: ImportedEvent[];
  units: Array<{ unitId: string; name: string }>;
  /** openid of staff of 区教育局 (events 1 and 7) and of 区司法局 (events 6 and 21). */
  eduStaff: string;
  lawStaff: string;
  eduUnitId: string;
  lawUnitId: string;
  event(seq: number): ImportedEvent;
}

/** Bootstraps an office (prefix keeps openids unique if a suite seeds twice). */
export async function seedYuhua(cloud: TestCloud, prefix = ''): Promise<Yuhua> {
  const office = `${prefix}office-yuhua`;
  const { jurisdictionId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '雨花区', level: 'district', preset: 'news-strict' },
      office,
    ),
  );
  const { events } = ok(
    await cloud.call<{ events: ImportedEvent[] }>(
      'office',
      { action: 'importPlan', jurisdictionId, year: 2023, text: YUHUA_TABLE },
      office,
    ),
  );
  const units = ok(await cloud.call<Array<{ unitId: string; name: string }>>('office', { action: 'listUnits', jurisdictionId }, office));
  const unitId = (name: string) => units.find((u) => u.name === name)!.unitId;
  const join = async (name: string, openid: string) => {
    const { code } = ok(await cloud.call<{ code: string }>('office', { action: 'invite', unitId: unitId(name) }, office));
    ok(await cloud.call('account', { action: 'redeemInvite', code }, openid));
  };
  const eduStaff = `${prefix}staff-edu`;
  const lawStaff = `${prefix}staff-law`;
  await join('区教育局', eduStaff);
  await join('区司法局', lawStaff);
  return {
    jurisdictionId,
    office,
    events,
    units,
    eduStaff,
    lawStaff,
    eduUnitId: unitId('区教育局'),
    lawUnitId: unitId('区司法局'),
    event: (seq) => events.find((e) => e.seq === seq)!,
  };
}
