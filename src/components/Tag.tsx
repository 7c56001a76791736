import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';
import type { EventStatus } from '../domain/lifecycle';

export type Tone = 'red' | 'green' | 'orange' | 'blue' | 'gray';

/** One colour per event status, the same on the unit's and the office's screens. */
export const STATUS_TONE: Record<EventStatus, Tone> = {
  planned: 'gray',
  plan_filed: 'blue',
  held: 'blue',
  reported: 'orange',
  returned: 'red',
  approved: 'green',
  published: 'green',
};

export function Tag({ tone = 'gray', children }: { tone?: Tone; children?: ReactNode }) {
  return <Text className={`z-tag z-tag--${tone}`}>{children}</Text>;
}
