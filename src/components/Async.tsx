import type { ReactNode } from 'react';
import type { CallState } from '../hooks/useCall';
import { ErrorView, Loading } from './States';

export interface AsyncProps<T> {
  state: CallState<T>;
  /** What to show when the data is empty (an Empty, usually). */
  empty?: ReactNode;
  /** Decides emptiness; by default an empty array is empty. */
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/** Loading, error with retry, empty, or the content: the same on every screen. */
export function Async<T>({ state, empty, isEmpty, children }: AsyncProps<T>) {
  if (state.error) return <ErrorView error={state.error} onRetry={state.reload} />;
  if (state.loading || state.data === undefined) return <Loading />;
  const blank = isEmpty ? isEmpty(state.data) : Array.isArray(state.data) && state.data.length === 0;
  if (blank && empty) return <>{empty}</>;
  return <>{children(state.data)}</>;
}
