// docs/contract.md is the contract the app and the acceptance tests rely on: it must
// list every action the policy table routes, and nothing the code does not have.
import fs from 'node:fs';
import path from 'node:path';
import { POLICY } from '../../cloudfunctions/_shared/policy';

const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/contract.md'), 'utf8');
const documented = new Map([...doc.matchAll(/^\| `(\w+)\.(\w+)` \| (\w+) \|/gm)].map((m) => [`${m[1]}.${m[2]}`, m[3]]));
const routed = new Map(
  Object.entries(POLICY).flatMap(([fn, actions]) => Object.entries(actions).map(([a, access]) => [`${fn}.${a}`, access as string])),
);

test.each([...routed])('%s is documented with its access (%s)', (name, access) => {
  expect(documented.get(name)).toBe(access);
});

test('every documented action exists in the code', () => {
  expect([...documented.keys()].filter((n) => !routed.has(n))).toEqual([]);
});
