// Residents' evaluations for the performance review: average and count per event
// and per unit, from one query. Raters stay anonymous.
import { C, findWhere } from '../_shared/data';
import { requireOffice } from '../_shared/auth';
import type { FeedbackDoc } from '../_shared/signups';
import { contract } from '../../src/contract';
import { action } from '../_shared/router';

const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);

export const ratings = action(contract.office.ratings, async ({ jurisdictionId, year }, caller) => {
  await requireOffice(caller, jurisdictionId);
  const all = await findWhere<FeedbackDoc>(C.feedback, { jurisdictionId, year });
  const events = new Map<string, { eventId: string; theme: string; units: string[]; sum: number; count: number; comments: string[] }>();
  const units = new Map<string, { unitId: string; name: string; sum: number; count: number }>();
  for (const f of all) {
    const e = events.get(f.eventId) ?? { eventId: f.eventId, theme: f.theme, units: f.unitNames, sum: 0, count: 0, comments: [] };
    e.sum += f.rating;
    e.count += 1;
    if (f.comment) e.comments.push(f.comment);
    events.set(f.eventId, e);
    f.unitIds.forEach((unitId, i) => {
      const u = units.get(unitId) ?? { unitId, name: f.unitNames[i] ?? '', sum: 0, count: 0 };
      u.sum += f.rating;
      u.count += 1;
      units.set(unitId, u);
    });
  }
  return {
    events: [...events.values()].map(({ sum, ...e }) => ({ ...e, average: avg(sum, e.count) })).sort((a, b) => b.count - a.count),
    units: [...units.values()]
      .map(({ sum, ...u }) => ({ ...u, average: avg(sum, u.count) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
  };
});
