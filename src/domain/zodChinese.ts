// Zod's default messages are English; users read Chinese. Installed once by the
// function router (and the app's forms) so every validation error says what to fix.
import { z, ZodIssueCode } from 'zod';
import { stripInvisible } from './text';

const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? '必填' : `类型不对，应为${typeName(issue.expected)}` };
    case ZodIssueCode.unrecognized_keys:
      return { message: `不认识的字段：${issue.keys.join('、')}` };
    case ZodIssueCode.too_small:
      return {
        message:
          issue.type === 'string'
            ? `至少 ${issue.minimum} 个字`
            : issue.type === 'array'
              ? `至少 ${issue.minimum} 项`
              : `不能小于 ${issue.minimum}`,
      };
    case ZodIssueCode.too_big:
      return {
        message:
          issue.type === 'string'
            ? `最多 ${issue.maximum} 个字`
            : issue.type === 'array'
              ? `最多 ${issue.maximum} 项`
              : `不能大于 ${issue.maximum}`,
      };
    case ZodIssueCode.invalid_enum_value:
      return { message: `只能是：${issue.options.join('、')}` };
    case ZodIssueCode.invalid_string:
      return { message: '格式不对' };
    default:
      return { message: ctx.defaultError === 'Invalid input' ? '内容无效' : ctx.defaultError };
  }
};

function typeName(t: string): string {
  return (
    ({ string: '文字', number: '数字', boolean: '是/否', object: '对象', array: '列表', integer: '整数' } as Record<string, string>)[t] ?? t
  );
}

export function installChineseZodMessages(): void {
  z.setErrorMap(zhErrorMap);
}

/**
 * A text field with invisible characters (zero-width, BOM, soft hyphen, bidi
 * controls; see text.ts) removed before `schema` checks it, so a name, keyword
 * or title of only invisible characters fails its min length like an empty one.
 */
export function visible<T extends z.ZodTypeAny>(schema: T): z.ZodEffects<T, z.output<T>, z.input<T>> {
  // Typed by the inner schema's input: callers send what the inner schema accepts.
  return z.preprocess((v) => (typeof v === 'string' ? stripInvisible(v) : v), schema) as z.ZodEffects<T, z.output<T>, z.input<T>>;
}
