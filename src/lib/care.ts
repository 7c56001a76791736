// 关怀模式 (care mode): larger text, controls and spacing for older people.
// A choice made by hand is remembered; without one, weapp follows the phone's
// font-size setting. The kit's Page puts the class `z-care` on its root and
// ui.css swaps its size variables under it.
import Taro from '@tarojs/taro';

/** Stored '1' (on) or '0' (off); absent = follow the phone. Must match tests/e2e/a11y.test.ts. */
export const CARE_KEY = 'zwgk.care';
/** WeChat's default font size is 16 (px); the larger settings start at 18. */
const LARGE_SYSTEM_FONT = 18;

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

function readStored(): string {
  try {
    // h5 reads localStorage directly so the value is a plain '1'/'0' there too.
    if (process.env.TARO_ENV === 'h5') return (typeof localStorage !== 'undefined' && localStorage.getItem(CARE_KEY)) || '';
    const v: unknown = Taro.getStorageSync(CARE_KEY);
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

function systemLarge(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const info = Taro.getAppBaseInfo() as { fontSizeSetting?: number };
    return (info.fontSizeSetting ?? 16) >= LARGE_SYSTEM_FONT;
  } catch {
    return false;
  }
}

export function careOn(): boolean {
  const stored = readStored();
  if (stored === '1') return true;
  if (stored === '0') return false;
  return systemLarge();
}

/** Switched by hand: remembered on this phone. */
export function setCare(on: boolean): void {
  try {
    if (process.env.TARO_ENV === 'h5') localStorage.setItem(CARE_KEY, on ? '1' : '0');
    else Taro.setStorageSync(CARE_KEY, on ? '1' : '0');
  } catch {
    // Storage blocked: the switch lasts until the app closes.
  }
  notify();
}

/** Tells every mounted page to re-read (after a switch, or when the phone's font size changed). */
export function notify(): void {
  const on = careOn();
  markRoot(on);
  listeners.forEach((l) => l(on));
}

/** h5: the class on <html> too, so screens drawn outside the kit's Page (a bare Loading) grow as well. */
export function markRoot(on: boolean = careOn()): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle('z-care', on);
}

export function onCareChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
