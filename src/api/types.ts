// The app's view of the backend: every action's payload and result come from the
// contract (src/contract), imported as types only so zod stays out of the app bundle.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- `export type *` is types only; the rule does not see it
export type * from '../contract';
export type { ActionOf, FnName, PayloadOf, ResultFor as ResultOf } from '../contract';

/** Actions without input may be called without a payload. */
export type Empty = Record<string, never>;
