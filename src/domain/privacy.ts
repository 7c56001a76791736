/**
 * Masking of residents' personal data for anything shown outside the event's
 * unit and its office (see docs: 谁主管、谁公开、谁审查).
 */

/** 13812341234 → 138****1234; anything that is not an 11-digit mobile keeps only its last 4 characters. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s+/g, '');
  if (/^\d{11}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  return `${'*'.repeat(p.length - 4)}${p.slice(-4)}`;
}

/** 张三丰 → 张**, 李四 → 李*: the family name stays, the rest is hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Mainland mobile numbers as residents type them. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;

/** Finds a full mobile number anywhere in a text (used to check nothing public leaks one). */
export const MOBILE_ANYWHERE_RE = /1[3-9]\d{9}/;
