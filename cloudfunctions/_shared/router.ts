// Functions are thin routers over actions. Each action is declared from its entry
// in src/contract: the input schema is parsed here, and the handler must return the
// contract's result type; it returns data or throws BusinessError; this file turns both into the envelope,
// so a function never throws to its caller.
import { z } from 'zod';
import { BusinessError } from '../../src/domain/errors';
import { installChineseZodMessages } from '../../src/domain/zodChinese';
import { callerOpenid } from './cloud';
import { POLICY, type FunctionName } from './policy';
import type { Contract } from '../../src/contract';
import type { ActionContract, Envelope, ParsedOf, ResultOf } from '../../src/contract/define';

installChineseZodMessages();

export type { Envelope } from '../../src/contract/define';

export interface Caller {
  /** undefined for anonymous calls (e.g. the public showcase page). */
  openid: string | undefined;
}

/** An action's contract (src/contract) with its handler; the handler must return the contract's result. */
export interface Action<C extends ActionContract> {
  contract: C;
  handler: (input: ParsedOf<C>, caller: Caller) => Promise<ResultOf<C>>;
}

export function action<C extends ActionContract>(
  contract: C,
  handler: (input: ParsedOf<C>, caller: Caller) => Promise<ResultOf<C>>,
): Action<C> {
  return { contract, handler };
}

export function fail(code: BusinessError['code'], message: string, details: Record<string, unknown> = {}): Envelope<never> {
  return { ok: false, error: { code, message, details } };
}

/** Any action, whatever its input: `never` input so every handler fits; the schema vouches for the data. */
type AnyAction = { contract: ActionContract; handler: (input: never, caller: Caller) => Promise<unknown> };

/** Every action of the function's contract, each declared from its own entry. */
type Actions<F extends FunctionName> = { [A in keyof Contract[F]]: Contract[F][A] extends ActionContract ? Action<Contract[F][A]> : never };

export function createFunction<F extends FunctionName>(fn: F, actions: Actions<F>) {
  const policy: Record<string, string> = POLICY[fn];
  return async function main(event: Record<string, unknown>): Promise<Envelope<unknown>> {
    const { action: name, ...payload } = event ?? {};
    const act: AnyAction | undefined =
      typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name)
        ? (actions as Record<string, AnyAction>)[name]
        : undefined;
    if (!act) return fail('INVALID_ARGUMENT', `不支持的操作：${String(name)}`, { fields: ['action'] });
    const openid = callerOpenid();
    if (!openid && policy[name as string] !== 'public') return fail('UNAUTHENTICATED', '请在微信中打开小程序后再操作');
    // Timer triggers and platform fields are not part of any action's input.
    for (const k of ['userInfo', 'tcbContext']) delete payload[k];
    const parsed = act.contract.input.safeParse(payload);
    if (!parsed.success) return invalid(parsed.error);
    try {
      return { ok: true, data: await act.handler(parsed.data as never, { openid }) };
    } catch (e) {
      if (e instanceof BusinessError) return fail(e.code, e.message, e.details);
      console.error(`action ${String(name)} failed`, e);
      return fail('INTERNAL', '服务出错了，请稍后再试；如反复出现请联系公开办');
    }
  };
}

function invalid(error: z.ZodError): Envelope<never> {
  const fields = [...new Set(error.issues.map((i) => i.path.join('.') || '(root)'))];
  const first = error.issues[0];
  const where = first.path.length ? `${first.path.join('.')}：` : '';
  return fail('INVALID_ARGUMENT', `填写有误，${where}${first.message}`, {
    fields,
    issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
