/**
 * Lays a row's pieces over the columns when the paste does not say which cell
 * is which (one cell per line without markers, or a row with more or fewer cells
 * than the header). One left-to-right pass: each piece either continues the
 * current column or opens a later one, decided by what the piece and the next
 * piece look like. Linear in the number of pieces; no alignment is searched.
 */
import { looksLikeUnit, splitForms, splitUnits } from './cells';
import { joinWrapped, unbalanced } from './text';
import { KNOWN_FORMS, TBD } from './vocabulary';
import { parseWhen } from './when';
import type { ColumnKind } from './types';
import type { Fragment } from './records';

function monthLike(text: string): boolean {
  const w = parseWhen(text);
  return w.ok && w.months !== null;
}

/** How well one piece fits a column: high for a month in 时间, a "…局" in 责任单位… */
export function fitScore(kind: ColumnKind, text: string): number {
  if (kind === 'other' || kind === 'seq') return 0;
  const single = text.replace(/\n/g, '');
  if (kind === 'months') {
    if (parseWhen(single).ok) return 6;
    // An odd time ("近期") still belongs in 时间 rather than pushing other cells sideways.
    return single.length <= 10 && !KNOWN_FORMS.has(single) && !looksLikeUnit(single) ? -3 : -8;
  }
  if (monthLike(single)) return -8;
  switch (kind) {
    case 'units': {
      const units = splitUnits(text);
      const ok = units.filter(looksLikeUnit).length;
      if (units.length > 0 && ok === units.length) return 3;
      return ok > 0 ? 1 : -1;
    }
    case 'forms': {
      if (TBD.test(single)) return 3;
      // "现场宣传、" is the first of a list whose next form is on the next line.
      if (splitForms(text.replace(/[、，,;；+＋\s]+$/, '')).every((f) => KNOWN_FORMS.has(f))) return 3;
      if (looksLikeUnit(single)) return -2;
      return single.length <= 12 ? 1 : 0;
    }
    default:
      return KNOWN_FORMS.has(single) || looksLikeUnit(single) ? -1 : 0;
  }
}

/** What leaving a column empty costs: a row without a theme is worth least. */
const EMPTY_COST: Record<ColumnKind, number> = { seq: 0, theme: 12, forms: 4, units: 4, months: 4, other: 0 };

/** How likely `next` continues the cell whose last piece is `prev`. */
function continueScore(kind: ColumnKind, prev: string, next: Fragment): number {
  if (!next.newLine) return -20; // two cells of one line never share a column
  if (kind === 'units') {
    if (!looksLikeUnit(prev) && looksLikeUnit(joinWrapped(prev, next.text))) return 2; // "市自然资源和规划" + "局"
    if (looksLikeUnit(prev) && looksLikeUnit(next.text)) return 0;
    if (KNOWN_FORMS.has(prev)) return -4;
  }
  if (kind === 'forms' && KNOWN_FORMS.has(prev) && KNOWN_FORMS.has(next.text)) return 0.5;
  if (/[，、,；;：:（(“‘《\-—～~至+]$/.test(prev) || unbalanced(prev)) return 2;
  if (kind === 'theme' || kind === 'forms') return prev.length >= 12 ? 0.5 : -1.5;
  return -1;
}

/** The pieces of each column, in column order. */
export function assign(frags: Fragment[], kinds: ColumnKind[]): string[][] {
  const m = kinds.length;
  const k = frags.length;
  const parts: string[][] = kinds.map(() => []);
  let j = -1;
  for (let i = 0; i < k; i += 1) {
    const f = frags[i];
    if (j === m - 1) {
      parts[j].push(f.text);
      continue;
    }
    const slack = k - i - (m - 1 - j); // pieces left beyond one per remaining column
    if (j >= 0 && slack > 0) {
      const prev = parts[j][parts[j].length - 1];
      const stay = continueScore(kinds[j], prev, f) - (fitScore(kinds[j + 1], f.text) - fitScore(kinds[j + 1], frags[i + 1].text));
      if (stay > 0) {
        parts[j].push(f.text);
        continue;
      }
    }
    // Fewer pieces than columns: the piece may skip columns it does not fit, at the cost of leaving them empty.
    let target = j + 1;
    let best = fitScore(kinds[target], f.text);
    let skipped = 0;
    for (let c = j + 2; slack < 0 && c <= Math.min(m - 1, j + 1 - slack); c += 1) {
      skipped += EMPTY_COST[kinds[c - 1]];
      const score = fitScore(kinds[c], f.text) - skipped;
      if (score > best) [target, best] = [c, score];
    }
    j = target;
    parts[j].push(f.text);
  }
  return parts;
}
