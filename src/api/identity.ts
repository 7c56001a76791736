// Who the h5 app says it is to the local cloud (X-Openid). In WeChat the
// identity comes from the platform, so none of this is used on weapp.
export const OPENID_KEY = 'zwgk.openid';
export const DEFAULT_OPENID = 'resident-1';

type Listener = (openid: string) => void;
const listeners = new Set<Listener>();

export function currentOpenid(): string {
  try {
    return (typeof localStorage !== 'undefined' && localStorage.getItem(OPENID_KEY)) || DEFAULT_OPENID;
  } catch {
    // Storage can be blocked (private mode); fall back to the default identity.
    return DEFAULT_OPENID;
  }
}

/** Same rule as the local cloud's header check, so a typo fails here, not there. */
export function isValidOpenid(id: string): boolean {
  return /^[\w-]{1,64}$/.test(id);
}

export function setOpenid(openid: string): void {
  try {
    localStorage.setItem(OPENID_KEY, openid);
  } catch {
    // Nothing to do: the switch then lasts only until the next reload.
  }
  listeners.forEach((l) => l(openid));
}

/** Screens reload their data when the identity changes; returns an unsubscribe. */
export function onIdentityChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
