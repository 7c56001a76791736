// How the kit makes a View an accessible control on h5: Taro's h5 View is a
// custom element that passes role / aria-* / tabIndex through as attributes.
// (On weapp the kit uses WeChat's native <button> instead; see Button.tsx.)

export type Role = 'button' | 'link' | 'checkbox' | 'radio' | 'switch';

export interface ControlA11y {
  role: Role;
  label?: string;
  /** checkbox / radio / switch state, or pressed state of a toggle button. */
  checked?: boolean;
  pressed?: boolean;
  disabled?: boolean;
  onActivate?: () => void;
}

/** Props to spread on a h5 View: role, name, state, Tab focus, Enter/Space. */
export function controlProps({ role, label, checked, pressed, disabled, onActivate }: ControlA11y): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {};
  const p: Record<string, unknown> = { role, tabIndex: disabled ? -1 : 0 };
  if (label) p['aria-label'] = label;
  if (checked !== undefined) p['aria-checked'] = checked ? 'true' : 'false';
  if (pressed !== undefined) p['aria-pressed'] = pressed ? 'true' : 'false';
  if (disabled) p['aria-disabled'] = 'true';
  if (onActivate && !disabled) {
    p.onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onActivate();
      }
    };
  }
  return p;
}
