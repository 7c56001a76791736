import { createHash } from 'node:crypto';
import { sha256Hex } from '../../src/lib/sha256';

test('sha256 matches node', () => {
  for (const n of [0, 1, 55, 56, 63, 64, 65, 1000, 100000]) {
    const b = Buffer.alloc(n, 0);
    for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 255;
    expect(sha256Hex(new Uint8Array(b))).toBe(createHash('sha256').update(b).digest('hex'));
  }
});
