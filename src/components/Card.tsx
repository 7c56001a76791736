import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { controlProps } from './a11y';

/** A white card; with onClick the whole card is one button (give it a label). */
export function Card({ children, onClick, label }: { children?: ReactNode; onClick?: () => void; label?: string }) {
  return (
    <View
      className='z-card'
      onClick={onClick}
      hoverClass={onClick ? 'z-card--hover' : 'none'}
      {...(onClick ? controlProps({ role: 'button', label, onActivate: onClick }) : {})}
    >
      {children}
    </View>
  );
}

export interface LinkCardProps {
  title: string;
  desc?: ReactNode;
  /** One character in a tinted square, e.g. "办". */
  icon?: string;
  /** Page to open, e.g. '/office/home/index?jurisdictionId=x'. */
  url?: string;
  onClick?: () => void;
  testId?: string;
}

/** A tappable row that opens another screen: a link named by its title. */
export function LinkCard({ title, desc, icon, url, onClick, testId }: LinkCardProps) {
  const open = onClick ?? (url ? () => void Taro.navigateTo({ url }) : undefined);
  return (
    <View
      className='z-card z-card--link'
      onClick={open}
      hoverClass='z-card--hover'
      data-testid={testId}
      {...controlProps({ role: 'link', onActivate: open })}
    >
      {icon ? (
        <View className='z-card__icon' {...(process.env.TARO_ENV === 'h5' ? { 'aria-hidden': 'true' } : {})}>
          {icon}
        </View>
      ) : null}
      <View className='z-card__main'>
        <View className='z-card__title'>{title}</View>
        {desc ? <View className='z-card__desc'>{desc}</View> : null}
      </View>
      <View className='z-card__arrow' />
    </View>
  );
}
