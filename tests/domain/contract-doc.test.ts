// docs/contract.md is the contract the app and the acceptance tests rely on: it must
// list every action of src/contract with the access the policy table gives it, name
// every input field of its schema, and list nothing the code does not have.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { POLICY } from '../../cloudfunctions/_shared/policy';
import { contract } from '../../src/contract';

const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/contract.md'), 'utf8');
const rows = [...doc.matchAll(/^\| `(\w+)\.(\w+)` \| (\w+) \| (.*) \|$/gm)];
const documented = new Map(rows.map((m) => [`${m[1]}.${m[2]}`, { access: m[3], text: m[4] }]));
const routed = new Map(
  Object.entries(POLICY).flatMap(([fn, actions]) => Object.entries(actions).map(([a, access]) => [`${fn}.${a}`, access as string])),
);
const declared = new Map(
  Object.entries(contract).flatMap(([fn, actions]) => Object.entries(actions).map(([a, c]) => [`${fn}.${a}`, c.input as z.ZodTypeAny])),
);

/** The top-level field names of an input schema (through refinements and unions). */
function fieldsOf(schema: z.ZodTypeAny): string[] {
  if (schema instanceof z.ZodEffects) return fieldsOf(schema.innerType());
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodTypeAny[]).flatMap(fieldsOf))];
  throw new Error(`unexpected input schema ${schema.constructor.name}`);
}

test('the contract and the policy table have the same actions', () => {
  expect([...declared.keys()].sort()).toEqual([...routed.keys()].sort());
});

test.each([...routed])('%s is documented with its access (%s)', (name, access) => {
  expect(documented.get(name)?.access).toBe(access);
});

test.each([...declared])('%s: every input field is documented', (name, schema) => {
  const text = documented.get(name)?.text ?? '';
  const words = new Set(text.match(/\w+/g) ?? []);
  expect(fieldsOf(schema).filter((f) => !words.has(f))).toEqual([]);
});

test('every documented action exists in the code', () => {
  expect([...documented.keys()].filter((n) => !declared.has(n))).toEqual([]);
});

test('the field check sees through refinements and unions', () => {
  expect(fieldsOf(contract.unit.submitReport.input)).toContain('newsRelease');
  expect(fieldsOf(contract.office.removeStaff.input).sort()).toEqual(['jurisdictionId', 'openid', 'unitId']);
});
