/**
 * Per-jurisdiction rules (office.setRules). A jurisdiction starts from a preset
 * chosen at office.bootstrap (standard: 邵阳市's notice; news-strict: 雨花区's),
 * then the office edits any rule.
 */
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
  /** Open-seat listings wait for the office's review before residents see them (listing.ts); absent = off. */
  listingNeedsReview?: boolean;
  /** The preset the jurisdiction started from; absent on jurisdictions opened before presets. */
  preset?: PresetName;
  /** Who units should reach at the office (联系人, 电话, 邮箱); null until the office enters it. */
  contact?: OfficeContact | null;
}

export interface OfficeContact {
  name: string;
  phone: string;
  email: string;
}

export type PresetName = 'standard' | 'news-strict';
export const PRESET_NAMES: readonly PresetName[] = ['standard', 'news-strict'];
export const PRESET_LABELS: Record<PresetName, string> = {
  standard: '标准（方案提前5个工作日、报告5个工作日内、会标体现关键字）',
  'news-strict': '新闻从严（标准规则，另加活动结束后2个工作日内报送专栏材料、新闻稿四处体现关键字、至少1张带标识照片）',
};

const BANNER_TEMPLATES = ['{unit}{year}年“政务公开主题日”活动', '{unit}{year}年“政务公开主题日”活动暨{topic}'];

/**
 * standard: what every notice asks (邵阳市): plan 5 working days ahead, report within
 * 5, the keyword on the banner / e-screen; no news-release rules, no materials deadline.
 * news-strict (雨花区 附件2): the standard rules plus materials within 2 working days
 * after the event ends, the keyword in the news release's title, first paragraph,
 * body and ending, and at least one photo carrying the logo.
 * `reportKeywordPlaces` keeps its contract meaning: where the news text (the 新闻稿,
 * or the report itself when no separate 新闻稿 is sent) must carry the keyword.
 */
export const PRESETS: Record<PresetName, Rules> = {
  standard: {
    keyword: '政务公开主题日',
    planLeadWorkdays: 5,
    reportWithinWorkdays: 5,
    materialsWithinWorkdays: null,
    reportKeywordPlaces: [],
    minLogoPhotos: 0,
    bannerTemplates: BANNER_TEMPLATES,
    calendar: {},
    personalDataRetentionDays: 365,
    listingNeedsReview: false,
    preset: 'standard',
    contact: null,
  },
  'news-strict': {
    keyword: '政务公开主题日',
    planLeadWorkdays: 5,
    reportWithinWorkdays: 5,
    materialsWithinWorkdays: 2,
    reportKeywordPlaces: ['title', 'first', 'body', 'last'],
    minLogoPhotos: 1,
    bannerTemplates: BANNER_TEMPLATES,
    calendar: {},
    personalDataRetentionDays: 365,
    listingNeedsReview: false,
    preset: 'news-strict',
    contact: null,
  },
};

/** The rules of a new jurisdiction when no preset is named. */
export const DEFAULT_RULES: Rules = PRESETS.standard;

/** A preset's rules for a new jurisdiction (a copy: the stored rules are the office's own). */
export function presetRules(name: PresetName = 'standard'): Rules {
  return JSON.parse(JSON.stringify(PRESETS[name])) as Rules;
}

/** Rule fields the office shows and edits; the preset itself and the contact are not "changes". */
export type RuleField = Exclude<keyof Rules, 'preset' | 'contact'>;
const COMPARED: readonly RuleField[] = [
  'keyword',
  'planLeadWorkdays',
  'reportWithinWorkdays',
  'materialsWithinWorkdays',
  'reportKeywordPlaces',
  'minLogoPhotos',
  'bannerTemplates',
  'calendar',
  'personalDataRetentionDays',
  'listingNeedsReview',
];

/** Which rules the office changed from the preset it started from (standard when unknown). */
export function changedFromPreset(rules: Rules): RuleField[] {
  const base = PRESETS[rules.preset ?? 'standard'];
  // Jurisdictions opened before the review rule existed have it off, as the presets do.
  const norm = (k: RuleField, v: unknown) => JSON.stringify(v ?? (k === 'listingNeedsReview' ? false : null));
  return COMPARED.filter((k) => norm(k, rules[k]) !== norm(k, base[k]));
}

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
    personalDataRetentionDays: z
      .number()
      .int('保存天数须为整数')
      .min(1, '保存天数至少1天')
      .max(365, '保存天数不能超过365天（隐私说明承诺最长1年）'),
    listingNeedsReview: z.boolean({ invalid_type_error: '报名前审查须为是或否' }),
    contact: z
      .object({
        name: z.string().trim().max(20, '联系人不超过20个字'),
        phone: z
          .string()
          .trim()
          .max(30, '电话不超过30个字符')
          .regex(/^[0-9+\-\s()（）转]*$/, '电话只能包含数字、空格、+、-、括号'),
        email: z
          .string()
          .trim()
          .max(80, '邮箱不超过80个字符')
          .refine((e) => e === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), { message: '邮箱格式如 gkb@example.gov.cn' }),
      })
      .strict()
      .nullable(),
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
