/**
 * Cells: how a line splits into columns, and how a forms or units cell splits
 * into its items.
 */
import { joinWrapped, splitOutsideBrackets, squash } from './text';
import { FORM_WORDS, KNOWN_FORMS, TBD, UNIT_END } from './vocabulary';

/** Columns separated by tabs, by two or more spaces, or by full-width spaces (PDF copies); one space is not a separator. */
export const SPACE_COLUMNS = /\t|\u3000+|[ \u00a0]{2,}/;

export function splitOnSpaces(line: string): string[] {
  return line
    .trim()
    .split(SPACE_COLUMNS)
    .map((c) => c.trim());
}

/**
 * Forms are separated by 、，,;；+ spaces or line breaks ("政策发布+现场观摩" → two),
 * but a sentence stays one form: when a piece is long (>8 characters), the cell
 * has a 。, or pieces after the first start with 进 ("宣传进学习、进社区、进园区"
 * is one activity taken to three places, not three forms).
 */
export function splitForms(input: string): string[] {
  const text = input.split('\n').map(squash).filter(Boolean).join('\n');
  if (text === '') return [];
  // "待定" is kept as printed (the office sees the table as it wrote it); a warning asks for a form.
  if (TBD.test(text)) return [text];
  const pieces = splitOutsideBrackets(text, /[、，,;；+＋\n ]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const isList =
    pieces.length > 1 &&
    !text.includes('。') &&
    pieces.every((p) => p.length >= 2 && p.length <= 8) &&
    !pieces.slice(1).some((p) => p.startsWith('进'));
  if (isList) return Array.from(new Set(pieces));
  // One form: lines of a wrapped sentence join without a break.
  return [text.split('\n').reduce(joinWrapped)];
}

/** True for a name that ends like an organisation ("区教育局", "县住建局(自来水公司)"). */
export function looksLikeUnit(name: string): boolean {
  const n = name.trim().replace(/[（(][^（()）]*[)）]$/, '');
  return n.length >= 2 && n.length <= 30 && UNIT_END.test(n);
}

/**
 * Units are separated by 、，,;； / spaces or line breaks, never inside brackets.
 * A line that does not end like a unit name was a long name wrapped by the
 * layout, so it is joined with the next line ("市自然资源和规划" + "局").
 */
export function splitUnits(input: string): string[] {
  const pieces = splitOutsideBrackets(input.split('\n').map(squash).join('\n'), /[、，,;；/\n ]/);
  const out: string[] = [];
  let carry = '';
  for (const raw of pieces) {
    const p = raw.trim();
    if (!p) continue;
    carry = carry ? joinWrapped(carry, p) : p;
    if (looksLikeUnit(carry)) {
      out.push(carry);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return Array.from(new Set(out));
}

const FORM_LIST = [...KNOWN_FORMS];

/** Why a unit name looks like it took text from another column; null when it looks clean. */
export function unitProblem(name: string): string | null {
  const inner = name.replace(/[（(][^（()）]*[)）]/g, '');
  const form = FORM_WORDS.find((w) => inner.includes(w)) ?? FORM_LIST.find((f) => inner.includes(f));
  if (form) return `责任单位“${name}”里有活动形式的字样“${form}”，请核对是否与活动形式一列错位`;
  if (/[\d一二三四五六七八九十]\s*月|季度|全年|待定/.test(inner)) return `责任单位“${name}”里有月份，请核对是否与时间一列错位`;
  if (/\d/.test(inner)) return `责任单位“${name}”里有数字，请核对是否与序号或时间一列错位`;
  if (!looksLikeUnit(name)) return `责任单位“${name}”不像单位名称，请核对`;
  return null;
}

/** A note in brackets naming a contact person or a phone number ("（联系人：李四 13800000000）"). */
const CONTACT_NOTE = /[（(][^（()）]*(联系|电话|手机|\d{7,})[^（()）]*[)）]/g;

/** The unit's name without contact notes: a person's name or phone is not part of a unit, and not public. */
export function withoutContact(unit: string): string {
  return unit.replace(CONTACT_NOTE, '').trim();
}
