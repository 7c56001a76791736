// Subscribe-message consents as the app reports them (account.subscribe), and
// the messages the system produced (the message centre reads them back).
// WeChat's rules: a one-time template consent allows exactly one message; a
// long-term template (government / public-service categories) stays allowed
// until the person turns it off.

export type TemplateKind = 'deadline' | 'event';

/** Template ids from the deployment's environment, with local defaults. */
export function templateIds(): Record<TemplateKind, string> {
  return {
    deadline: process.env.TEMPLATE_DEADLINE || 'local-tpl-deadline',
    event: process.env.TEMPLATE_EVENT || 'local-tpl-event',
  };
}

export function longTermTemplates(): Set<string> {
  return new Set(
    (process.env.LONG_TERM_TEMPLATES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export interface SubscriptionDoc {
  _id: string; // `${openid}:${templateId}`
  openid: string;
  templateId: string;
  /** One-time consents not yet spent. */
  oneTime: number;
  /** Long-term consent currently on (only meaningful for LONG_TERM_TEMPLATES). */
  longTerm: boolean;
  updatedAt: Date;
}

export const subscriptionId = (openid: string, templateId: string) => `${openid}:${templateId}`;

export function hasConsent(sub: SubscriptionDoc | undefined, longTerm: Set<string>): boolean {
  if (!sub) return false;
  return (longTerm.has(sub.templateId) && sub.longTerm) || sub.oneTime > 0;
}

export type MessageKind = 'unit' | 'office' | 'event' | 'waitlist' | 'urge';
export type MessageStatus = 'sent' | 'skipped_no_consent' | 'refused' | 'failed';

/** One digest for one person on one day: `${day}:${openid}:${kind}`, so a second run finds it. */
export interface MessageDoc {
  _id: string;
  day: string;
  openid: string;
  kind: MessageKind;
  status: MessageStatus;
  templateId: string;
  page: string;
  title: string;
  body: string;
  /** The template fields as sent (or as they would have been sent). */
  data: Record<string, { value: string }>;
  jurisdictionId: string;
  /** 催办 (kind 'urge'): the unit reminded, so the office reminds a unit at most once a day. */
  unitId?: string;
  error?: string;
  createdAt: Date;
}

export const messageId = (day: string, openid: string, kind: MessageKind) => `${day}:${openid}:${kind}`;

/** Template `thing` fields take at most 20 characters. */
export function thing(s: string): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
}
