// How the kit makes a View an accessible control. h5: Taro's h5 View is a
// custom element that passes role / aria-* / tabIndex through as attributes.
// weapp: WeChat's aria-role / aria-label / aria-checked, which Taro's templates
// render only with config/weapp-aria (Button uses WeChat's native <button>).

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

/** Props to spread on a View: role, name, state; on h5 also Tab focus and Enter/Space. */
export function controlProps({ role, label, checked, pressed, disabled, onActivate }: ControlA11y): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') {
    const w: Record<string, unknown> = { ariaRole: role };
    if (label) w.ariaLabel = label;
    if (checked !== undefined) w.ariaChecked = checked;
    return w;
  }
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
