// account: who the caller is, joining with an invitation code, subscribe messages.
import { z } from 'zod';
import { defineAction } from './define';
import { empty } from './fields';

const templateId = z.string().trim().min(1).max(64);

export type Role =
  | { role: 'office'; jurisdictionId: string; jurisdictionName?: string }
  | { role: 'unit'; unitId: string; jurisdictionId: string; unitName?: string; jurisdictionName?: string };

export interface Me {
  openid: string;
  roles: Role[];
}

export type RedeemResult =
  | { role?: 'unit'; unitId: string; jurisdictionId: string; unitName?: string; jurisdictionName?: string }
  | { role: 'office'; jurisdictionId: string; jurisdictionName: string; unitId?: undefined };

/** One entry of the message centre (account.messages). */
export interface MessageItem {
  messageId: string;
  day: string;
  kind: 'unit' | 'office' | 'event' | 'waitlist' | 'urge';
  title: string;
  body: string;
  page: string;
  /** Whether WeChat delivered it as a service notification too. */
  pushed: boolean;
  status: 'sent' | 'skipped_no_consent' | 'refused' | 'failed';
  at: string;
}

export const account = {
  me: defineAction(empty).returns<Me>(),
  redeemInvite: defineAction(
    z
      .object({
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{6,12}$/, '邀请码是 8 位字母或数字'),
        /** The person's name as colleagues and the office should see it (instead of an id). */
        name: z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字').optional(),
      })
      .strict(),
  ).returns<RedeemResult>(),
  subscribe: defineAction(
    z
      .object({
        // WeChat asks for at most 3 templates per request.
        templateIds: z.array(templateId).min(1).max(5),
        accepted: z.array(templateId).max(5),
      })
      .strict()
      .refine((v) => v.accepted.every((t) => v.templateIds.includes(t)), { message: '已同意的模板须在请求的模板中', path: ['accepted'] }),
  ).returns<{ subscriptions: Array<{ templateId: string; oneTime: number; longTerm: boolean }> }>(),
  subscribeTemplates: defineAction(empty).returns<{ deadline: string; event: string; longTerm: string[] }>(),
  messages: defineAction(empty).returns<MessageItem[]>(),
};
