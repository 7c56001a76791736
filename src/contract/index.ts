// The backend contract: every function's actions, each with its input schema and
// result type. Handlers are declared from it (cloudfunctions/_shared/router.ts),
// the app's call() and the tests' helpers take their types from it, and
// docs/contract.md is checked against it. The app imports it as types only, so
// zod stays out of the app bundle.
import type { ActionContract, InputOf, ResultOf } from './define';
import { account } from './account';
import { office } from './office';
import { reminders } from './reminders';
import { resident } from './resident';
import { unit } from './unit';

export const contract = { account, office, unit, resident, reminders };

export type Contract = typeof contract;
export type FnName = keyof Contract;
export type ActionOf<N extends FnName> = keyof Contract[N] & string;
type ContractOf<N extends FnName, A extends ActionOf<N>> = Contract[N][A] extends ActionContract ? Contract[N][A] : never;
/** What the caller sends besides `action`; nothing at all for actions without input. */
export type PayloadOf<N extends FnName, A extends ActionOf<N>> = [keyof InputOf<ContractOf<N, A>>] extends [never]
  ? Record<string, never>
  : InputOf<ContractOf<N, A>>;
/** What comes back in the envelope's `data`. */
export type ResultFor<N extends FnName, A extends ActionOf<N>> = ResultOf<ContractOf<N, A>>;

export type { ActionContract, Envelope, ErrorBody, InputOf, ParsedOf, ResultOf } from './define';
export type * from './account';
export type * from './office';
export type * from './unit';
export type * from './resident';
export type * from './reminders';
