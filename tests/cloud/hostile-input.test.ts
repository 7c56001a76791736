// Hostile input: for every action, at least 200 generated payloads (valid ones
// mutated: fields dropped, retyped, swapped for huge, unicode, injection-shaped
// or impossible values, extra fields added), sent as the person the action is for.
// Always the envelope, never INTERNAL, and nothing written when refused.
import fc from 'fast-check';
import { ERROR_CODES } from '../../src/domain/errors';
import { ALLOWED, POLICY, type Persona } from '../../cloudfunctions/_shared/policy';
import { startCloud, type TestCloud } from '../helpers/cloud';
import { buildWorld, VALID_PAYLOADS, type World } from '../helpers/world';

const RUNS = 200;
let cloud: TestCloud;
let w: World;
beforeAll(async () => {
  cloud = await startCloud();
  w = await buildWorld(cloud);
}, 60_000);
afterAll(() => cloud.stop());

const hostileValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER,
    '',
    ' ',
    '2023-02-30',
    '2023-13-01',
    '9999-99-99',
    '0000-00-00',
    '{"$gt":""}',
    "' OR 1=1 --",
    '../../etc/passwd',
    'cloud://local/../../x',
    '<script>alert(1)</script>',
    '\u0000',
    '\ud800',
    '政务公开主题日'.repeat(400),
    'x'.repeat(20_000),
    '😀'.repeat(50),
    [],
    {},
    { $gt: '' },
    { $where: 'sleep(1000)' },
    ['a', 1, null],
  ),
  fc.string(),
  fc.fullUnicodeString({ maxLength: 60 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
);

/** A valid payload, mutated: each field kept, dropped or replaced; sometimes extra fields. */
function mutated(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc
    .record({
      changes: fc.array(fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.oneof(fc.constant<'drop'>('drop'), hostileValue)), {
        minLength: 1,
        maxLength: 3,
      }),
      extra: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), hostileValue, { maxKeys: 2 }), { nil: undefined }),
    })
    .map(({ changes, extra }) => {
      const out: Record<string, unknown> = { ...valid };
      for (const [k, v] of changes) {
        if (v === 'drop') delete out[k];
        else out[k] = v;
      }
      return { ...out, ...(extra ?? {}) };
    });
}

const cells = Object.entries(POLICY)
  .filter(([fn]) => fn !== 'reminders')
  .flatMap(([fn, actions]) => Object.entries(actions).map(([action, access]) => [fn, action, access] as const));

test.each(cells)(
  '%s.%s: 200 hostile payloads, always an envelope, never INTERNAL, no write when refused',
  async (fn, action, access) => {
    // Call as the person the action is for, so the payload reaches the deepest checks.
    const persona: Persona = ALLOWED[access].find((p) => p !== 'anonymous') ?? 'anonymous';
    const openid = w.persona[persona];
    const valid = VALID_PAYLOADS[fn][action](w);
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (payload) => {
        const before = (await cloud.stats()).writes;
        const res = await fetch(`${cloud.url}/api/fn/${fn}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(openid ? { 'X-Openid': openid } : {}) },
          body: JSON.stringify({ ...payload, action }),
        });
        const env = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
        expect(typeof env.ok).toBe('boolean');
        if (!env.ok) {
          expect(ERROR_CODES).toContain(env.error!.code);
          expect(env.error!.code).not.toBe('INTERNAL');
          expect(env.error!.message).toMatch(/[\u4e00-\u9fa5]/);
          expect((await cloud.stats()).writes).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  },
  120_000,
);
