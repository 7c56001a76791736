/**
 * Cells: how a line splits into columns, and how a forms or units cell splits
 * into its items.
 */
import { joinWrapped, splitOutsideBrackets, squash, unbalanced } from './text';
import { CONTACT_LABEL, FORM_WORDS, KNOWN_FORMS, ROLE_WORD, SURNAME, TBD, UNIT_END, UNIT_PREFIX, UNIT_SUFFIX } from './vocabulary';

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

/** A unit cell read: the unit names, and whether contact details were dropped from it. */
export interface UnitsCell {
  units: string[];
  /** A person's name or phone was in the cell and has been left out (the office is told). */
  contactDropped: boolean;
}

/**
 * Units are separated by 、，,;； / ：spaces or line breaks, never inside brackets, and by 和/及/与
 * between two complete names ("县财政局和县税务局"). A line that does not end like a unit name
 * was a long name wrapped by the layout, so it is joined with the next line ("市自然资源和规划" + "局").
 * Contact details (phones, "联系人：张三", a name next to them) and roles ("（牵头）",
 * "配合单位：") are not units: unit names are public and units are created by name.
 */
export function readUnits(input: string): UnitsCell {
  const phones = withoutPhones(input.split('\n').map(squash).join('\n'));
  let contactDropped = phones.found;
  const text = phones.text.replace(BRACKET, (whole: string, inner: string) => {
    const note = inner.trim();
    if (note === '' || ROLE_WORD.test(note)) return ''; // a role, or the brackets a phone was in
    if (!isContactNote(note)) return whole;
    contactDropped = true;
    return '';
  });
  const pieces: string[] = [];
  for (const line of text.split('\n')) {
    const labelled = withoutLabelledContacts(splitOutsideBrackets(line, /[、，,;；/ ：:。]/));
    contactDropped ||= labelled.found;
    pieces.push(...labelled.pieces);
  }
  const out: string[] = [];
  let carry = '';
  pieces.forEach((p, i) => {
    const next = pieces[i + 1];
    if (!carry && looksLikeName(p)) {
      // A name on its own is a contact person, unless the next piece only ends it ("高桥街" + "道").
      // Before a whole unit it is a name too ("张三" + "区财政局"): a unit wrapped that early is rarer than a contact.
      const wrapped = next !== undefined && looksLikeUnit(joinWrapped(p, next));
      const nextIsUnit = next !== undefined && next.length >= 3 && looksLikeUnit(next);
      if (!wrapped || nextIsUnit) {
        contactDropped = true;
        return;
      }
    }
    carry = carry ? joinWrapped(carry, p) : p;
    if (looksLikeUnit(carry)) {
      out.push(carry);
      carry = '';
    }
  });
  if (carry) {
    // "区民政局张三": a unit, then a name written without a space.
    const unit = unitThenName(carry);
    if (unit) contactDropped = true;
    out.push(unit ?? carry);
  }
  return { units: Array.from(new Set(out.flatMap(splitJoined))), contactDropped };
}

/** The unit names of a cell (see readUnits). */
export function splitUnits(input: string): string[] {
  return readUnits(input).units;
}

/** A bracket without brackets inside, and its content. */
const BRACKET = /[（(]([^（()）]*)[)）]/g;

/**
 * Phone numbers: mobiles (139 0739 1234, +86), landlines with area code (0739-5123456, 0731-8588 1234,
 * (0739)5123456, extension 转801) and local numbers of 7–8 digits, in half- or full-width digits; and
 * e-mail addresses. Hotlines such as 12345 are shorter and stay in the name ("县12345热线服务中心").
 */
const PHONE =
  /(?<!\d)(?:\+?86[- ]?)?(?:1[3-9]\d[- ]?\d{4}[- ]?\d{4}|[(（]?0\d{2,3}[)）]?[- ]?\d{3,4}[- ]?\d{4}|\d{7,8})(?:(?:转|-)\d{1,5})?(?!\d)|[\w.-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The text without phone numbers (matched on a half-width copy of the same length). */
function withoutPhones(text: string): { text: string; found: boolean } {
  const shadow = text.replace(/[０-９＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[－—‐]/g, '-');
  let out = '';
  let at = 0;
  for (const m of shadow.matchAll(PHONE)) {
    out += text.slice(at, m.index);
    at = m.index + m[0].length;
  }
  return { text: out + text.slice(at), found: at > 0 };
}

/** A bracket naming a contact: a label, or names only (what is left of "（王五，13807391234）"). */
function isContactNote(note: string): boolean {
  if (/联系|电话|手机|负责人|经办人/.test(note)) return true;
  return note
    .split(/[、，,;； ：:]/)
    .filter(Boolean)
    .every(looksLikeName);
}

/**
 * The pieces of one line without labelled contacts: the label ("联系人", "电话") and what follows it
 * up to the next unit ("联系人：张三、李四"); roles are cut off the names ("牵头单位：", "…牵头").
 */
function withoutLabelledContacts(raw: string[]): { pieces: string[]; found: boolean } {
  const pieces: string[] = [];
  let found = false;
  let afterLabel: 'no' | 'value' | 'more' = 'no';
  for (const r of raw) {
    const p = r.trim();
    if (!p) continue;
    const label = CONTACT_LABEL.exec(p);
    if (label) {
      found = true;
      // "联系人" alone: its value is the next piece, whatever it looks like.
      afterLabel = p.length === label[0].length ? 'value' : 'more';
      continue;
    }
    if (afterLabel === 'value' || (afterLabel === 'more' && !looksLikeUnit(p))) {
      afterLabel = 'more';
      continue;
    }
    afterLabel = 'no';
    const named = withoutRole(p);
    if (named) pieces.push(named);
  }
  return { pieces, found };
}
/** A unit name without the role written with it ("牵头单位县金融服务中心", "市发改委牵头"); '' for a role alone. */
function withoutRole(piece: string): string {
  if (ROLE_WORD.test(piece)) return '';
  const prefix = UNIT_PREFIX.exec(piece);
  const rest = prefix ? piece.slice(prefix[0].length) : piece;
  if (prefix && looksLikeUnit(rest)) return rest;
  const name = piece.replace(UNIT_SUFFIX, '');
  return name !== piece && looksLikeUnit(name) ? name : piece;
}

const TITLE = /(同志|先生|女士|老师|科长|股长|主任|局长|部长|书记|经理)$/;

/** A person's name or "李科长": a common surname, one or two more characters, and not a unit. */
export function looksLikeName(piece: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,5}$/.test(piece) || looksLikeUnit(piece)) return false;
  const name = piece.replace(TITLE, '');
  const surname = SURNAME.exec(name);
  if (!surname) return false;
  const given = name.length - surname[0].length;
  return given <= 2 && (given >= 1 || name !== piece);
}

/** "区民政局张三" → "区民政局": a unit followed by a name without a space; null when it is not. */
function unitThenName(piece: string): string | null {
  for (let i = piece.length - 2; i >= 2; i -= 1) {
    if (looksLikeUnit(piece.slice(0, i)) && looksLikeName(piece.slice(i))) return piece.slice(0, i);
  }
  return null;
}

/**
 * "县财政局和县税务局" → two units. 和/及/与 are inside many names (县人力资源和社会保障局,
 * 市住房和城乡建设局), so a name is split only where both sides are complete unit names.
 * 市场 ends like a unit (场) but "县市场和质量监督管理局" is one.
 */
function splitJoined(name: string): string[] {
  for (const m of name.matchAll(/以及|和|及|与/g)) {
    const left = name.slice(0, m.index);
    const right = name.slice(m.index + m[0].length);
    if (!unbalanced(left) && !/市场$/.test(left) && looksLikeUnit(left) && looksLikeUnit(right)) {
      return [left, ...splitJoined(right)];
    }
  }
  return [name];
}

const FORM_LIST = [...KNOWN_FORMS];

/** Service numbers that name a unit: 110, 119, 120, 122 and the 123xx hotlines. */
const HOTLINE = /(?<!\d)(11[0-9]|12[0-2]|123\d\d)(?=[\u4e00-\u9fff])/g;

/** Why a unit name looks like it took text from another column; null when it looks clean. */
export function unitProblem(name: string): string | null {
  const inner = name.replace(/[（(][^（()）]*[)）]/g, '');
  const form = FORM_WORDS.find((w) => inner.includes(w)) ?? FORM_LIST.find((f) => inner.includes(f));
  if (form) return `责任单位“${name}”里有活动形式的字样“${form}”，请核对是否与活动形式一列错位`;
  if (/[\d一二三四五六七八九十]\s*月|季度|全年|待定/.test(inner)) return `责任单位“${name}”里有月份，请核对是否与时间一列错位`;
  // A seq or time run into the name leaves digits at its start or end; a hotline is part of a name (县12345热线服务中心, 120急救中心).
  if (/^\s*\d|\d\s*$/.test(inner.replace(HOTLINE, ''))) return `责任单位“${name}”里有数字，请核对是否与序号或时间一列错位`;
  if (!looksLikeUnit(name)) return `责任单位“${name}”不像单位名称，请核对`;
  return null;
}
