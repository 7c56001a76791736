import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { IdentityPicker } from './IdentityPicker';

export interface PageProps {
  /** Big red header; pages without one rely on the navigation bar title. */
  title?: string;
  subtitle?: string;
  children?: ReactNode;
}

export function Page({ title, subtitle, children }: PageProps) {
  return (
    <View className='z-page'>
      {/* Local h5 demo only: the constant check lets webpack drop it from weapp. */}
      {process.env.TARO_ENV === 'h5' && LOCAL_MODE ? <IdentityPicker /> : null}
      {title ? (
        <View className='z-page__head'>
          <View className='z-page__title'>{title}</View>
          {subtitle ? <View className='z-page__subtitle'>{subtitle}</View> : null}
        </View>
      ) : null}
      <View className='z-page__body'>{children}</View>
    </View>
  );
}

export function Section({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <View className='z-section'>
      {title ? <View className='z-section__title'>{title}</View> : null}
      {children}
    </View>
  );
}
