/**
 * Masking of residents' personal data for anything shown outside the event's
 * unit and its office (see docs: 谁主管、谁公开、谁审查).
 */
import { stripInvisible } from './text';

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

/** Full-width digits, plus and X as typed with a Chinese input method, made ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0b\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Text before scanning for numbers: invisible characters removed, full-width digits made ASCII. */
export function normalizeForMasking(text: string): string {
  return asciiDigits(stripInvisible(text));
}

// What may stand between the digits of one number: spaces (incl. U+3000, NBSP),
// hyphens and dashes of every width, dots, middle dots, brackets around an area code.
const SEP = '[\\s\\-\\u2010-\\u2015\\u2212\\uff0d.\\uff0e\\u00b7\\u30fb()\\uff08\\uff09]';
// A run of digit groups, with an optional +86 / 0086 in front and an ID card's final X.
const RUN_RE = new RegExp(`(?<![0-9A-Za-z])(?:(?:\\+|00)86${SEP}*)?\\d+(?:${SEP}{1,3}\\d+)*(?:[Xx](?![A-Za-z]))?`, 'g');
const ID_RE = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;

/** One candidate number (digits only, country code removed) masked, or null when it is none of ours. */
function maskNumber(d: string): string | null {
  if (/^1[3-9]\d{9}$/.test(d)) return `${d.slice(0, 3)}****${d.slice(7)}`;
  if (ID_RE.test(d)) return `${d.slice(0, 3)}${'*'.repeat(11)}${d.slice(-4)}`;
  // Landlines with their area code: 010 / 02x + 8 digits, 0xxx + 7 or 8 digits.
  const area = /^0[12]/.test(d) ? 3 : 4;
  if (/^0[1-9]\d{8,10}$/.test(d) && d.length - area >= 7 && d.length - area <= 8) return `${d.slice(0, area)}-****${d.slice(-4)}`;
  return null;
}

function maskRun(run: string): string {
  const prefixed = /^(?:\+|00)86/.exec(run);
  const groups = run
    .slice(prefixed ? prefixed[0].length : 0)
    .split(new RegExp(`${SEP}+`))
    .filter(Boolean);
  const whole = groups.join('').toUpperCase();
  const direct = maskNumber(whole) ?? (/^861[3-9]\d{9}$/.test(whole) ? maskNumber(whole.slice(2)) : null);
  if (direct) return direct;
  if (prefixed) return run; // a foreign-looking +86 number that is none of ours: left as typed
  // Several numbers in one run ("2023 138 0000 2222"): mask the first window of groups that is one.
  const out: string[] = [];
  for (let i = 0; i < groups.length;) {
    let hit: { j: number; masked: string } | null = null;
    for (let j = groups.length - 1; j >= i && !hit; j--) {
      const masked = maskNumber(
        groups
          .slice(i, j + 1)
          .join('')
          .toUpperCase(),
      );
      if (masked) hit = { j, masked };
    }
    out.push(hit ? hit.masked : groups[i]);
    i = hit ? hit.j + 1 : i + 1;
  }
  return out.some((g, k) => g !== groups[k]) || out.length !== groups.length ? out.join(' ') : run;
}

/**
 * Masks mobiles (138****2222), ID-card numbers (430***********123X) and
 * landlines with an area code (0731-****5678) anywhere in a text, however they
 * are written: with spaces, dashes or dots, +86/0086, full-width digits or
 * zero-width characters in between. The text comes back normalised (invisible
 * characters removed, full-width digits as ASCII).
 */
export function maskPersonalData(text: string): string {
  return normalizeForMasking(text).replace(RUN_RE, maskRun);
}
