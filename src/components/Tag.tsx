import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';

export type Tone = 'red' | 'green' | 'orange' | 'blue' | 'gray';

export function Tag({ tone = 'gray', children }: { tone?: Tone; children?: ReactNode }) {
  return <Text className={`z-tag z-tag--${tone}`}>{children}</Text>;
}
