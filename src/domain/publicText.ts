/**
 * The text of a report as the public will read it: residents' personal data
 * masked (谁主管、谁公开、谁审查). Mobile numbers and ID card numbers are masked
 * wherever they appear; the names and phones of the event's own sign-ups are
 * masked by value, since a unit may quote a participant by name.
 */
import { maskName, maskPhone } from './privacy';

export interface KnownPeople {
  names: readonly string[];
  phones: readonly string[];
}

export interface MaskedText {
  text: string;
  /** How many pieces of personal data were masked. */
  masked: number;
}

const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const ID_CARD = /(?<![\dXx])(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function maskPersonalData(text: string, known: KnownPeople = { names: [], phones: [] }): MaskedText {
  let masked = 0;
  const count = (re: RegExp, replace: (m: string, ...g: string[]) => string) => {
    text = text.replace(re, (m: string, ...g: string[]) => {
      masked += 1;
      return replace(m, ...g);
    });
  };
  count(ID_CARD, (_m, head: string, tail: string) => `${head}********${tail}`);
  count(MOBILE, (_m, head: string, tail: string) => `${head}****${tail}`);
  for (const phone of new Set(known.phones.map((p) => p.replace(/\s+/g, '')).filter((p) => p.length >= 7))) {
    count(new RegExp(escapeRe(phone), 'g'), () => maskPhone(phone));
  }
  // Longest names first, so 欧阳明 is masked before a shorter 欧阳 could split it.
  const names = [...new Set(known.names.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort((a, b) => b.length - a.length);
  for (const name of names) count(new RegExp(escapeRe(name), 'g'), () => maskName(name));
  return { text, masked };
}

export interface PublicReportText {
  title: string;
  paragraphs: string[];
  masked: number;
}

/** The title and paragraphs as they will be published. */
export function publicReportText(report: { title: string; paragraphs: readonly string[] }, known?: KnownPeople): PublicReportText {
  const title = maskPersonalData(report.title, known);
  const paragraphs = report.paragraphs.map((p) => maskPersonalData(p, known));
  return { title: title.text, paragraphs: paragraphs.map((p) => p.text), masked: title.masked + paragraphs.reduce((n, p) => n + p.masked, 0) };
}
