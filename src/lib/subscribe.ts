// Asking for subscribe-message consent at natural moments (after filing a plan,
// after signing up). WeChat only shows the dialog from a tap, so call
// askSubscribe() synchronously inside the tap handler, before any await of
// your own. The answer is reported to account.subscribe, which the daily
// reminders read: without consent nothing is pushed (the message centre in the
// app still lists the reminder).
import Taro from '@tarojs/taro';
import { call } from '../api';

export type SubscribeKind = 'deadline' | 'event';

/**
 * Must equal the cloud's TEMPLATE_DEADLINE / TEMPLATE_EVENT: build constants
 * (config/index.ts) from the same variables, set at build time (README, deploy).
 */
export const TEMPLATE_IDS: Record<SubscribeKind, string> = {
  deadline: TEMPLATE_DEADLINE,
  event: TEMPLATE_EVENT,
};

/**
 * Shows WeChat's consent dialog for the given kinds (weapp) and reports the
 * answer; in the h5 local mode there is no dialog and consent is reported as
 * given. Never throws; resolves to the template ids accepted.
 */
export async function askSubscribe(kinds: SubscribeKind[]): Promise<string[]> {
  const templateIds = [...new Set(kinds.map((k) => TEMPLATE_IDS[k]))];
  if (!templateIds.length) return [];
  let accepted: string[] = templateIds;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as never)) as unknown as Record<
        string,
        string
      >;
      accepted = templateIds.filter((t) => res[t] === 'accept');
    } catch {
      return []; // dialog not shown (not from a tap, or switched off in settings)
    }
  }
  const env = await call('account', 'subscribe', { templateIds, accepted });
  return env.ok ? accepted : [];
}
