// The app's one door to the backend. call() never throws: every outcome,
// including a dropped network, comes back as the same envelope, so every
// screen shows errors the same way.
import Taro from '@tarojs/taro';
import { currentOpenid } from './identity';
import type { ActionOf, Empty, Envelope, ErrorBody, FnName, PayloadOf, ResultOf } from './types';

export type { ActionOf, Empty, Envelope, ErrorBody, FnName, Me, PayloadOf, ResultOf, Role } from './types';
export { currentOpenid, setOpenid, onIdentityChange } from './identity';

export const NETWORK_ERROR: ErrorBody = { code: 'NETWORK', message: '网络不通，请检查网络后重试' };
const SERVICE_ERROR: ErrorBody = { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' };
const TIMEOUT_MS = 15_000;

/** Actions without input may be called without a payload. */
export type PayloadArgs<N extends FnName, A extends ActionOf<N>> =
  Empty extends PayloadOf<N, A> ? [payload?: PayloadOf<N, A>] : [payload: PayloadOf<N, A>];

export async function call<N extends FnName, A extends ActionOf<N>>(
  name: N,
  action: A,
  ...args: PayloadArgs<N, A>
): Promise<Envelope<ResultOf<N, A>>> {
  const data: Record<string, unknown> = { ...(args[0] ?? {}), action };
  const raw = process.env.TARO_ENV === 'weapp' ? await viaCloud(name, data) : await viaHttp(name, data);
  return raw as Envelope<ResultOf<N, A>>;
}

/** A body is trusted as an envelope only if it has the envelope's shape. */
export function asEnvelope(body: unknown): Envelope<unknown> {
  if (body && typeof body === 'object' && 'ok' in body) {
    const b = body as { ok: unknown; data?: unknown; error?: Partial<ErrorBody> };
    if (b.ok === true) return { ok: true, data: b.data };
    if (b.ok === false && b.error && typeof b.error.message === 'string') {
      return { ok: false, error: { code: String(b.error.code ?? 'INTERNAL'), message: b.error.message, details: b.error.details } };
    }
  }
  return { ok: false, error: SERVICE_ERROR };
}

async function viaCloud(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return asEnvelope(res.result);
  } catch (e) {
    // Failures that carry a cloud errCode (timeout, function crashed) are the
    // service's; anything else means the request never got through.
    const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : String(e);
    return { ok: false, error: /errCode/.test(msg) ? SERVICE_ERROR : NETWORK_ERROR };
  }
}

async function viaHttp(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  const ctrl = typeof AbortController !== 'undefined' ? new AbortController() : undefined;
  const timer = ctrl ? setTimeout(() => ctrl.abort(), TIMEOUT_MS) : undefined;
  try {
    const res = await fetch(`/api/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Openid': currentOpenid() },
      body: JSON.stringify(data),
      signal: ctrl?.signal,
    });
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined; // a proxy's HTML error page, say
    }
    return asEnvelope(body);
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
