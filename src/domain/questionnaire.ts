/**
 * Questionnaires at an event (问卷调查, a listed 活动形式): up to 20 questions of
 * single choice, multiple choice, a 1–5 rating or short text. The schema checks
 * the questionnaire, checkAnswers one person's answers against it, tally counts
 * every answer (counts and percentages per option, mean ratings, short answers
 * with personal data masked), summaryLines says it in a few sentences for the report.
 */
import { z } from 'zod';
import { maskForPublic } from './publicText';

export const MAX_QUESTIONS = 20;
export const MAX_OPTIONS = 10;
export const MAX_TEXT_ANSWER = 200;

export type QuestionKind = 'single' | 'multiple' | 'rating' | 'text';
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选', multiple: '多选', rating: '1–5 分评分', text: '简答' };

const option = z.string().trim().min(1, '选项不能为空').max(50, '选项最多 50 字');
const base = { title: z.string().trim().min(1, '请填写题目').max(100, '题目最多 100 字'), required: z.boolean().optional() };

export const questionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('single'),
      ...base,
      options: z.array(option).min(2, '至少 2 个选项').max(MAX_OPTIONS, `最多 ${MAX_OPTIONS} 个选项`),
    })
    .strict(),
  z
    .object({
      kind: z.literal('multiple'),
      ...base,
      options: z.array(option).min(2, '至少 2 个选项').max(MAX_OPTIONS, `最多 ${MAX_OPTIONS} 个选项`),
    })
    .strict(),
  z.object({ kind: z.literal('rating'), ...base }).strict(),
  z.object({ kind: z.literal('text'), ...base }).strict(),
]);
export type Question = z.infer<typeof questionSchema>;

export const questionnaireSchema = z
  .object({
    title: z.string().trim().min(1, '请填写问卷标题').max(60, '问卷标题最多 60 字'),
    questions: z.array(questionSchema).min(1, '至少 1 道题').max(MAX_QUESTIONS, `最多 ${MAX_QUESTIONS} 道题`),
  })
  .strict();

/** One answer per question, by index: an option index, option indexes, a rating or a text. */
export const answerSchema = z.union([
  z.number().int().min(0).max(MAX_OPTIONS),
  z.array(z.number().int().min(0).max(MAX_OPTIONS)).max(MAX_OPTIONS),
  z.string().max(MAX_TEXT_ANSWER, `简答最多 ${MAX_TEXT_ANSWER} 字`),
  z.null(),
]);
export type Answer = z.infer<typeof answerSchema>;

export interface AnswerProblem {
  index: number;
  message: string;
}

/** Problems with one person's answers; [] when they fit the questionnaire. Returns the answers normalised. */
export function checkAnswers(
  questions: readonly Question[],
  answers: readonly Answer[],
): { problems: AnswerProblem[]; normalised: Answer[] } {
  const problems: AnswerProblem[] = [];
  if (answers.length !== questions.length)
    return { problems: [{ index: -1, message: `请按问卷的 ${questions.length} 道题作答` }], normalised: [] };
  const normalised = questions.map((q, index): Answer => {
    const a = answers[index];
    const bad = (message: string) => {
      problems.push({ index, message: `第 ${index + 1} 题：${message}` });
      return null;
    };
    const empty = a === null || (Array.isArray(a) && a.length === 0) || (typeof a === 'string' && !a.trim());
    if (empty) return q.required ? bad('此题必答') : null;
    switch (q.kind) {
      case 'single':
        return typeof a === 'number' && a < q.options.length ? a : bad('请选择一个选项');
      case 'multiple':
        return Array.isArray(a) && a.every((i) => i < q.options.length) ? [...new Set(a)].sort((x, y) => x - y) : bad('请选择选项');
      case 'rating':
        return typeof a === 'number' && a >= 1 && a <= 5 ? a : bad('评分为 1–5 分');
      case 'text':
        return typeof a === 'string' ? a.trim() : bad('请填写文字');
    }
  });
  return { problems, normalised };
}

export type QuestionResult =
  | { kind: 'single' | 'multiple'; title: string; answered: number; options: Array<{ label: string; count: number; percent: number }> }
  | { kind: 'rating'; title: string; answered: number; mean: number | null; counts: number[] }
  | { kind: 'text'; title: string; answered: number; texts: string[] };

/** Percent of `n` in `of`, one decimal; 0 when nobody answered. */
export const percent = (n: number, of: number) => (of ? Math.round((n * 1000) / of) / 10 : 0);

export function tally(questions: readonly Question[], answerSets: ReadonlyArray<readonly Answer[]>): QuestionResult[] {
  return questions.map((q, i) => {
    const given = answerSets.map((s) => s[i]).filter((a) => a !== null && a !== undefined);
    switch (q.kind) {
      case 'single':
      case 'multiple': {
        const counts = q.options.map((_o, k) => given.filter((a) => (Array.isArray(a) ? a.includes(k) : a === k)).length);
        return {
          kind: q.kind,
          title: q.title,
          answered: given.length,
          options: q.options.map((label, k) => ({ label, count: counts[k], percent: percent(counts[k], given.length) })),
        };
      }
      case 'rating': {
        const ratings = given.filter((a): a is number => typeof a === 'number');
        const counts = [1, 2, 3, 4, 5].map((r) => ratings.filter((a) => a === r).length);
        const mean = ratings.length ? Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 100) / 100 : null;
        return { kind: 'rating', title: q.title, answered: ratings.length, mean, counts };
      }
      case 'text': {
        const texts = given.filter((a): a is string => typeof a === 'string').map((t) => maskForPublic(t).text);
        return { kind: 'text', title: q.title, answered: texts.length, texts };
      }
    }
  });
}

/** The results in a few sentences, as a unit attaches them to its 情况报告. */
export function summaryLines(title: string, respondents: number, results: readonly QuestionResult[]): string[] {
  const lines = [`活动现场开展“${title}”问卷调查，共回收问卷 ${respondents} 份。`];
  results.forEach((r, i) => {
    const head = `${i + 1}. ${r.title}：`;
    if (r.kind === 'rating') lines.push(`${head}平均 ${r.mean ?? '—'} 分（${r.answered} 人评分）。`);
    else if (r.kind === 'text') lines.push(`${head}收到文字意见 ${r.answered} 条。`);
    else lines.push(`${head}${r.options.map((o) => `${o.label} ${o.count} 人（${o.percent}%）`).join('，')}。`);
  });
  return lines;
}
