/**
 * The text of a report as the public will read it: residents' personal data
 * masked (谁主管、谁公开、谁审查). Mobile numbers and ID card numbers are masked
 * wherever they appear; the names and phones of the event's own sign-ups are
 * masked by value, since a unit may quote a participant by name.
 */
import { maskName, maskPersonalData, maskPhone } from './privacy';

export interface KnownPeople {
  names: readonly string[];
  phones: readonly string[];
}

export interface MaskedText {
  text: string;
  /** How many pieces of personal data were masked. */
  masked: number;
}

const maskedPieces = (s: string) => (s.match(/\*{4,}/g) ?? []).length;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Numbers masked however they are written (see privacy.ts), then the event's own people by value. */
export function maskForPublic(text: string, known: KnownPeople = { names: [], phones: [] }): MaskedText {
  const before = maskedPieces(text);
  text = maskPersonalData(text);
  let masked = maskedPieces(text) - before;
  const count = (re: RegExp, replace: (m: string, ...g: string[]) => string) => {
    text = text.replace(re, (m: string, ...g: string[]) => {
      masked += 1;
      return replace(m, ...g);
    });
  };
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
  const title = maskForPublic(report.title, known);
  const paragraphs = report.paragraphs.map((p) => maskForPublic(p, known));
  return {
    title: title.text,
    paragraphs: paragraphs.map((p) => p.text),
    masked: title.masked + paragraphs.reduce((n, p) => n + p.masked, 0),
  };
}
