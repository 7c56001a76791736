// The authorization matrix: every action of every function, called through the
// local cloud as each kind of person, compared with the one policy table in code.
import { ALLOWED, PERSONAS, POLICY, REFUSAL, type Access, type Persona } from '../../cloudfunctions/_shared/policy';
import { startCloud, type Envelope, type TestCloud } from '../helpers/cloud';
import { buildWorld, VALID_PAYLOADS, type World } from '../helpers/world';

let cloud: TestCloud;
let w: World;
beforeAll(async () => {
  cloud = await startCloud();
  w = await buildWorld(cloud);
}, 60_000);
afterAll(() => cloud.stop());

/** Cells that change who is who (bootstrap makes an office) or erase data run last. */
const LAST = new Set(['office.bootstrap', 'resident.erase', 'office.unlinkParent']);
const cells: Array<[string, string, Access]> = [];
for (const [fn, actions] of Object.entries(POLICY)) {
  for (const [action, access] of Object.entries(actions)) if (fn !== 'reminders') cells.push([fn, action, access]);
}
cells.sort((a, b) => Number(LAST.has(`${a[0]}.${a[1]}`)) - Number(LAST.has(`${b[0]}.${b[1]}`)));

/** A refusal code, or 'allowed' when the call got past authorization (it may still fail a business rule). */
const outcome = (env: Envelope<unknown>, access: Access): string => {
  const refusals = ['FORBIDDEN', 'UNAUTHENTICATED', ...(REFUSAL[access] ? [REFUSAL[access]] : [])];
  return env.ok || !refusals.includes(env.error.code) ? 'allowed' : env.error.code;
};
const expected = (access: Access, p: Persona) =>
  ALLOWED[access].includes(p) ? 'allowed' : p === 'anonymous' ? 'UNAUTHENTICATED' : (REFUSAL[access] ?? 'FORBIDDEN');

test('every action has a valid payload in the matrix fixture, and every fixture action is in the policy', () => {
  const policyKeys = cells.map(([fn, a]) => `${fn}.${a}`).sort();
  const fixtureKeys = Object.entries(VALID_PAYLOADS)
    .flatMap(([fn, acts]) => Object.keys(acts).map((a) => `${fn}.${a}`))
    .sort();
  expect(fixtureKeys).toEqual(policyKeys);
});

test.each(cells)('%s.%s (%s) answers each person as the policy says', async (fn, action, access) => {
  const got: Record<string, string> = {};
  const want: Record<string, string> = {};
  for (const p of PERSONAS) {
    const env = await cloud.call(fn, { action, ...VALID_PAYLOADS[fn][action](w) }, w.persona[p]);
    got[p] = outcome(env, access);
    want[p] = expected(access, p);
  }
  expect(got).toEqual(want);
});

test('reminders runs for the platform timer only; a client call is FORBIDDEN', async () => {
  for (const p of PERSONAS) {
    const env = await cloud.call('reminders', {}, w.persona[p]);
    expect(outcome(env, 'timer')).toBe(expected('timer', p));
  }
});
