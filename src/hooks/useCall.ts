// Loading / error / data / reload around one call(), so every screen shows
// these states the same way (see components/Async).
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onIdentityChange, type PayloadArgs } from '../api';
import type { ActionOf, ErrorBody, FnName, PayloadOf, ResultOf } from '../api/types';

export interface CallState<T> {
  loading: boolean;
  error: ErrorBody | null;
  data: T | undefined;
  reload: () => void;
}

/**
 * Calls `name.action(payload)` on mount, whenever the payload's JSON changes,
 * on reload(), and (h5 local mode) when the identity is switched.
 * Pass `payload === null` to wait (e.g. until an id is known).
 */
export function useCall<N extends FnName, A extends ActionOf<N>>(
  name: N,
  action: A,
  payload?: PayloadOf<N, A> | null,
): CallState<ResultOf<N, A>> {
  const [state, setState] = useState<Omit<CallState<ResultOf<N, A>>, 'reload'>>({
    loading: payload !== null,
    error: null,
    data: undefined,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const key = payload === null ? null : JSON.stringify(payload ?? {});
  // Only the latest request may set state; earlier answers arriving late are dropped.
  const seq = useRef(0);

  useEffect(() => onIdentityChange(reload), [reload]);

  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    // The payload is rebuilt from its key so the effect depends on its value only.
    const args = [JSON.parse(key)] as PayloadArgs<N, A>;
    void call<N, A>(name, action, ...args).then((env) => {
      if (mine !== seq.current) return;
      setState(env.ok ? { loading: false, error: null, data: env.data } : { loading: false, error: env.error, data: undefined });
    });
  }, [name, action, key, tick]);

  return { ...state, reload };
}
