import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

export function Card({ children, onClick }: { children?: ReactNode; onClick?: () => void }) {
  return (
    <View className='z-card' onClick={onClick} hoverClass={onClick ? 'z-card--hover' : 'none'}>
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
}

/** A tappable row that opens another screen. */
export function LinkCard({ title, desc, icon, url, onClick }: LinkCardProps) {
  const open = onClick ?? (url ? () => void Taro.navigateTo({ url }) : undefined);
  return (
    <View className='z-card z-card--link' onClick={open} hoverClass='z-card--hover'>
      {icon ? <View className='z-card__icon'>{icon}</View> : null}
      <View className='z-card__main'>
        <View className='z-card__title'>{title}</View>
        {desc ? <View className='z-card__desc'>{desc}</View> : null}
      </View>
      <View className='z-card__arrow' />
    </View>
  );
}
