/** The 雨花区 news-report rules: the keyword in four places, and the banner wording. */
import type { KeywordPlace } from './rules';

export interface ReportText {
  title: string;
  paragraphs: string[];
}

export interface KeywordCheck {
  places: Record<KeywordPlace, boolean>;
  /** Required places that lack the keyword, in the order title, first, body, last. */
  missing: KeywordPlace[];
}

/** Ignores spaces and quote styles so “政务公开主题日”, "政务公开 主题日" and 政务公开主题日 all count. */
function normalise(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/[“”"‘’'「」『』]/g, '');
}

/**
 * Where the keyword appears. first = paragraphs[0], last = the last paragraph,
 * body = the paragraphs in between. With fewer than 3 paragraphs there is no
 * "in between", so body is the whole text (all paragraphs): a two-paragraph
 * report satisfies body when either paragraph has the keyword, and a
 * one-paragraph report is its own first, body and last.
 */
export function checkReportKeyword(report: ReportText, keyword: string, requiredPlaces: readonly KeywordPlace[]): KeywordCheck {
  const key = normalise(keyword);
  const has = (s: string | undefined) => s !== undefined && key.length > 0 && normalise(s).includes(key);
  const paras = report.paragraphs.filter((p) => p.trim().length > 0);
  const body = paras.length >= 3 ? paras.slice(1, -1) : paras;
  const places: Record<KeywordPlace, boolean> = {
    title: has(report.title),
    first: has(paras[0]),
    body: body.some((p) => has(p)),
    last: has(paras[paras.length - 1]),
  };
  const order: KeywordPlace[] = ['title', 'first', 'body', 'last'];
  return { places, missing: order.filter((p) => requiredPlaces.includes(p) && !places[p]) };
}

export const KEYWORD_PLACE_LABELS: Record<KeywordPlace, string> = {
  title: '标题',
  first: '首段',
  body: '正文',
  last: '结尾',
};

/**
 * A banner template's placeholders as the office reads and writes them on its screen
 * (【单位名称】), and as stored ({unit}): braces are template syntax, not something to show a person.
 */
const PLACEHOLDERS = [
  ['{unit}', '单位名称'],
  ['{year}', '年份'],
  ['{topic}', '活动主题'],
] as const;

export const TEMPLATE_WORDS_HINT = PLACEHOLDERS.map(([, word]) => `【${word}】`).join('');

export function templateForPeople(template: string): string {
  return PLACEHOLDERS.reduce((t, [code, word]) => t.split(code).join(`【${word}】`), template);
}

/** Back to the stored form; 【单位名称】, [单位名称] and 【 单位名称 】 all read as {unit}. */
export function templateFromPeople(text: string): string {
  return PLACEHOLDERS.reduce((t, [code, word]) => t.replace(new RegExp(`[【\\[]\\s*${word}\\s*[】\\]]`, 'g'), code), text);
}

/** Fills a banner template: "{unit}{year}年“政务公开主题日”活动暨{topic}". Without a topic, "暨{topic}" is dropped. */
export function bannerText(template: string, values: { unit: string; year: number; topic?: string }): string {
  const topic = values.topic?.trim();
  const base = topic ? template : template.replace(/暨?\{topic\}/g, '');
  return base
    .replace(/\{unit\}/g, values.unit.trim())
    .replace(/\{year\}/g, String(values.year))
    .replace(/\{topic\}/g, topic ?? '');
}
