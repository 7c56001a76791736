import type { ReactNode } from 'react';
import { Button as NativeButton, View } from '@tarojs/components';
import { controlProps } from './a11y';

export interface ButtonProps {
  children?: ReactNode;
  type?: 'primary' | 'default' | 'danger';
  size?: 'normal' | 'small';
  /** Full width (default) or as wide as its text. */
  inline?: boolean;
  disabled?: boolean;
  /** Shows "请稍候" and ignores taps, so a slow call cannot be sent twice. */
  loading?: boolean;
  /** Name for screen readers when the text alone is not enough (e.g. "删除第 2 段"). */
  label?: string;
  /** A toggle button's state (aria-pressed). */
  pressed?: boolean;
  /** Extra class, e.g. a chip's look. */
  className?: string;
  testId?: string;
  /** weapp only: WeChat's share sheet (the page's onShareAppMessage says what). */
  openType?: 'share';
  onClick?: () => void;
}

// weapp: WeChat's native <button> (screen readers announce it as a button),
// with its own borders reset in ui.css. h5: a View with role="button", Tab
// focus and Enter/Space, since Taro's h5 button element has no role.
export function Button({
  children,
  type = 'default',
  size = 'normal',
  inline,
  disabled,
  loading,
  label,
  pressed,
  className,
  testId,
  openType,
  onClick,
}: ButtonProps) {
  const off = disabled || loading;
  const cls = [
    'z-btn',
    `z-btn--${type}`,
    size === 'small' && 'z-btn--small',
    inline && 'z-btn--inline',
    off && 'z-btn--disabled',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  const text = loading ? '请稍候…' : children;
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <NativeButton
        className={cls}
        hoverClass={off ? 'none' : 'z-btn--hover'}
        disabled={off}
        ariaLabel={label}
        openType={openType}
        data-testid={testId}
        onClick={off ? undefined : onClick}
      >
        {text}
      </NativeButton>
    );
  }
  return (
    <View
      className={cls}
      hoverClass={off ? 'none' : 'z-btn--hover'}
      data-testid={testId}
      onClick={off ? undefined : onClick}
      {...controlProps({ role: 'button', label, pressed, disabled: off, onActivate: onClick })}
    >
      {text}
    </View>
  );
}

export interface ChoiceProps {
  children?: ReactNode;
  /** 'radio': one of a group (chips); 'checkbox': on/off (agree, select a photo). */
  kind?: 'radio' | 'checkbox';
  checked: boolean;
  label?: string;
  className?: string;
  testId?: string;
  onChange: (checked: boolean) => void;
}

/** A chip, checkbox or star: at least 44×44 px, announced with its state. */
export function Choice({ children, kind = 'radio', checked, label, className, testId, onChange }: ChoiceProps) {
  const toggle = () => onChange(kind === 'radio' ? true : !checked);
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <NativeButton
        className={`z-choice ${className ?? ''}`}
        hoverClass='none'
        data-testid={testId}
        onClick={toggle}
        {...controlProps({ role: kind, label, checked })}
      >
        {children}
      </NativeButton>
    );
  }
  return (
    <View
      className={`z-choice ${className ?? ''}`}
      data-testid={testId}
      onClick={toggle}
      {...controlProps({ role: kind, label, checked, onActivate: toggle })}
    >
      {children}
    </View>
  );
}

/** A row or tile that opens something (an event row, a photo): a link to screen readers. */
export function Tap({
  children,
  className,
  label,
  testId,
  role = 'link',
  onClick,
}: {
  children?: ReactNode;
  className?: string;
  label?: string;
  testId?: string;
  role?: 'link' | 'button';
  onClick: () => void;
}) {
  return (
    <View
      className={`z-tap ${className ?? ''}`}
      hoverClass='z-card--hover'
      data-testid={testId}
      onClick={onClick}
      {...controlProps({ role, label, onActivate: onClick })}
    >
      {children}
    </View>
  );
}
