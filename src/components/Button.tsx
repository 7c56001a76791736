import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

export interface ButtonProps {
  children?: ReactNode;
  type?: 'primary' | 'default' | 'danger';
  size?: 'normal' | 'small';
  /** Full width (default) or as wide as its text. */
  inline?: boolean;
  disabled?: boolean;
  /** Shows "请稍候" and ignores taps, so a slow call cannot be sent twice. */
  loading?: boolean;
  onClick?: () => void;
}

// A styled View rather than Taro's Button: WeChat's native button brings its
// own borders and sizes that fight the design system.
export function Button({ children, type = 'default', size = 'normal', inline, disabled, loading, onClick }: ButtonProps) {
  const off = disabled || loading;
  const cls = ['z-btn', `z-btn--${type}`, size === 'small' && 'z-btn--small', inline && 'z-btn--inline', off && 'z-btn--disabled']
    .filter(Boolean)
    .join(' ');
  return (
    <View className={cls} hoverClass={off ? 'none' : 'z-btn--hover'} onClick={off ? undefined : onClick}>
      {loading ? '请稍候…' : children}
    </View>
  );
}
