import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { ErrorBody } from '../api/types';
import { Button } from './Button';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='z-state'>
      <View className='z-spinner' />
      <View className='z-state__desc'>{text}</View>
    </View>
  );
}

export interface EmptyProps {
  title: string;
  desc?: string;
  /** e.g. a Button leading to the next step. */
  action?: ReactNode;
}

export function Empty({ title, desc, action }: EmptyProps) {
  return (
    <View className='z-state'>
      <View className='z-state__icon'>
        <View className='z-sheet'>
          <View className='z-sheet__line' />
          <View className='z-sheet__line' />
          <View className='z-sheet__line z-sheet__line--short' />
        </View>
      </View>
      <View className='z-state__title'>{title}</View>
      {desc ? <View className='z-state__desc'>{desc}</View> : null}
      {action ? <View className='z-state__action'>{action}</View> : null}
    </View>
  );
}

/** The envelope's message is already written for the user: show it as is. */
export function ErrorView({ error, onRetry }: { error: ErrorBody; onRetry?: () => void }) {
  return (
    <View className='z-state'>
      <View className='z-state__icon z-state__icon--error'>!</View>
      <View className='z-state__title'>{error.message}</View>
      {onRetry ? (
        <View className='z-state__action'>
          <Button type='primary' inline onClick={onRetry}>
            重试
          </Button>
        </View>
      ) : null}
    </View>
  );
}
