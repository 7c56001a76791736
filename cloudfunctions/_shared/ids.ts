import crypto from 'node:crypto';

/** Stable ids from natural keys, so re-running an import or a retry writes the same documents. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${crypto.createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

export function randomId(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(8).toString('hex')}`;
}

/** Invitation codes people type: 8 characters without look-alikes (0/O, 1/I/L). */
export function inviteCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}
