// How an action is declared in the contract: its input schema (zod, parsed by the
// router before the handler runs) and its result type (checked against what the
// handler returns). The result exists only as a type: nothing of it is shipped.
import type { z } from 'zod';

export interface ActionContract<S extends z.ZodTypeAny = z.ZodTypeAny, R = unknown> {
  input: S;
  /** Type-only marker of the result; always undefined at run time. */
  result?: R;
}

/** `defineAction(schema).returns<Result>()`: the result type is given, the input inferred. */
export function defineAction<S extends z.ZodTypeAny>(input: S) {
  return { returns: <R>(): ActionContract<S, R> => ({ input }) };
}

/** What the caller sends (before defaults and transforms) and what the handler receives. */
export type InputOf<C> = C extends ActionContract<infer S, unknown> ? z.input<S> : never;
export type ParsedOf<C> = C extends ActionContract<infer S, unknown> ? z.output<S> : never;
export type ResultOf<C> = C extends ActionContract<z.ZodTypeAny, infer R> ? R : never;

export interface ErrorBody {
  code: string;
  message: string;
  /** Always sent by the server (`{}` when there is nothing to add); absent on errors the app makes itself (no network). */
  details?: Record<string, unknown>;
}

/** Every action of every function answers with this; a function never throws to its caller. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
