import { useEffect, useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { careOn, notify, onCareChange, setCare } from '../lib/care';
import { IdentityPicker } from './IdentityPicker';
import { Button } from './Button';

export interface PageProps {
  /** Big red header; pages without one rely on the navigation bar title. */
  title?: string;
  subtitle?: string;
  children?: ReactNode;
}

/** Whether 关怀模式 is on, kept in step with the switch and the phone's font size. */
export function useCare(): boolean {
  const [on, setOn] = useState(careOn);
  useEffect(() => onCareChange(setOn), []);
  // Back from the phone's settings the font size may have changed.
  useDidShow(() => notify());
  return on;
}

export function Page({ title, subtitle, children }: PageProps) {
  const care = useCare();
  return (
    <View className={care ? 'z-page z-care' : 'z-page'}>
      {/* Local h5 demo only: the constant check lets webpack drop it from weapp. */}
      {process.env.TARO_ENV === 'h5' && LOCAL_MODE ? <IdentityPicker /> : null}
      {title ? (
        <View className='z-page__head'>
          <View className='z-page__title' {...(process.env.TARO_ENV === 'h5' ? { role: 'heading', 'aria-level': '1' } : {})}>
            {title}
          </View>
          {subtitle ? <View className='z-page__subtitle'>{subtitle}</View> : null}
        </View>
      ) : null}
      <View className='z-page__body'>{children}</View>
      <View className='z-page__foot'>
        <Button size='small' inline pressed={care} testId='care-switch' onClick={() => setCare(!care)}>
          {care ? '关怀模式：已开启' : '关怀模式（大字）'}
        </Button>
      </View>
    </View>
  );
}

export function Section({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <View className='z-section'>
      {title ? (
        <View className='z-section__title' {...(process.env.TARO_ENV === 'h5' ? { role: 'heading', 'aria-level': '2' } : {})}>
          {title}
        </View>
      ) : null}
      {children}
    </View>
  );
}
