// account: who the caller is, and joining a unit with an invitation code.
import { z } from 'zod';
import { action, createFunction } from '../_shared/router';
import { requireSignedIn, rolesOf } from '../_shared/auth';

const me = action(z.object({}).strict(), async (_input, caller) => {
  const openid = requireSignedIn(caller);
  const roles = (await rolesOf(openid)).map((r) =>
    r.role === 'office'
      ? { role: 'office' as const, jurisdictionId: r.jurisdictionId, jurisdictionName: r.jurisdictionName }
      : { role: 'unit' as const, unitId: r.unitId, unitName: r.unitName, jurisdictionId: r.jurisdictionId, jurisdictionName: r.jurisdictionName },
  );
  return { openid, roles };
});

export const main = createFunction({ me });
