/** Per-jurisdiction rules (office.setRules) with the defaults from the 2023 notices. */
import { z } from 'zod';
import type { CalendarAdjustments } from './calendar';
import { BusinessError } from './errors';
import { isValidDate } from './time';
import { visible } from './zodChinese';

export type KeywordPlace = 'title' | 'first' | 'body' | 'last';
export const KEYWORD_PLACES: readonly KeywordPlace[] = ['title', 'first', 'body', 'last'];

export interface Rules {
  keyword: string;
  planLeadWorkdays: number;
  reportWithinWorkdays: number;
  /** 雨花区: photos + text for the website column within 2 working days; null when not required. */
  materialsWithinWorkdays: number | null;
  reportKeywordPlaces: KeywordPlace[];
  minLogoPhotos: number;
  /** Banner wordings with {unit} {year} {topic} placeholders. */
  bannerTemplates: string[];
  calendar: CalendarAdjustments;
  /** Days after an event's date when residents' names, phones and comments for it are purged (at most a year, as the notice promises). */
  personalDataRetentionDays: number;
}

export const DEFAULT_RULES: Rules = {
  keyword: '政务公开主题日',
  planLeadWorkdays: 5,
  reportWithinWorkdays: 5,
  materialsWithinWorkdays: null,
  reportKeywordPlaces: ['title', 'first', 'body', 'last'],
  minLogoPhotos: 1,
  bannerTemplates: ['{unit}{year}年“政务公开主题日”活动', '{unit}{year}年“政务公开主题日”活动暨{topic}'],
  calendar: {},
  personalDataRetentionDays: 365,
};

const workdays = (label: string, max: number) =>
  z
    .number({ invalid_type_error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能小于0`)
    .max(max, `${label}不能超过${max}个工作日`);

const calendarDaySchema = z.object({
  date: z.string().refine(isValidDate, { message: '日期须为有效日期，格式如 2027-01-01' }),
  kind: z.enum(['off', 'work'], { errorMap: () => ({ message: '类型须为 off（放假）或 work（上班）' }) }),
  name: z.string().max(30, '名称不超过30个字').optional(),
});

const calendarSchema = z.object({
  publishedYears: z
    .array(z.number().int('年份须为整数').min(2000, '年份须在2000年以后').max(2100, '年份须在2100年以前'))
    .max(100)
    .optional(),
  days: z.array(calendarDaySchema).max(1000, '调整日期不超过1000条').optional(),
});

/** Partial rules as sent to setRules; missing fields keep their defaults. */
export const rulesInputSchema = z
  .object({
    // Invisible characters removed first: a keyword of zero-width spaces would make every report fail.
    keyword: visible(z.string().trim().min(2, '关键字至少2个字（看不见的字符不算）').max(20, '关键字不超过20个字')),
    planLeadWorkdays: workdays('方案报备提前天数', 30),
    reportWithinWorkdays: workdays('情况报告报送天数', 30),
    materialsWithinWorkdays: workdays('专栏材料报送天数', 30).nullable(),
    reportKeywordPlaces: z
      .array(z.enum(['title', 'first', 'body', 'last'], { errorMap: () => ({ message: '关键字位置只能是 title、first、body、last' }) }))
      .max(4)
      .refine((a) => new Set(a).size === a.length, { message: '关键字位置不能重复' }),
    minLogoPhotos: z.number().int('照片张数须为整数').min(0, '照片张数不能小于0').max(20, '照片张数不超过20'),
    bannerTemplates: z
      .array(
        z
          .string()
          .trim()
          .min(1, '会标模板不能为空')
          .max(60, '会标模板不超过60个字')
          .refine((t) => t.includes('{unit}'), { message: '会标模板须包含 {unit}（单位名称）' }),
      )
      .max(10, '会标模板不超过10个'),
    calendar: calendarSchema,
    personalDataRetentionDays: z.number().int('保存天数须为整数').min(1, '保存天数至少1天').max(365, '保存天数不能超过365天（隐私说明承诺最长1年）'),
  })
  .partial()
  .strict();

export type RulesInput = z.input<typeof rulesInputSchema>;

/** Validates partial input and fills defaults: what setRules stores. */
export const rulesSchema = rulesInputSchema.transform((input): Rules => ({
  ...DEFAULT_RULES,
  ...input,
  reportKeywordPlaces: input.reportKeywordPlaces ?? DEFAULT_RULES.reportKeywordPlaces,
  calendar: input.calendar ?? DEFAULT_RULES.calendar,
}));

/**
 * Validates setRules input and merges it onto the current rules (the defaults for a
 * new jurisdiction). Bad input: BusinessError INVALID_ARGUMENT naming the fields.
 */
export function mergeRules(current: Rules, input: unknown): Rules {
  const result = rulesInputSchema.safeParse(input ?? {});
  if (!result.success) {
    const { fields, messages } = describeIssues(result.error);
    throw new BusinessError('INVALID_ARGUMENT', `规则设置有误：${messages.join('；')}。请修改后重新保存。`, { fields, messages });
  }
  const merged: Rules = { ...current };
  for (const [key, value] of Object.entries(result.data)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Field paths and Chinese messages of a zod failure, for INVALID_ARGUMENT details. */
export function describeIssues(error: z.ZodError): { fields: string[]; messages: string[] } {
  return {
    fields: error.issues.map((i) => i.path.join('.') || '(root)'),
    messages: error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message)),
  };
}
