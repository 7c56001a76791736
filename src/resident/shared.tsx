// Small pieces shared by the resident screens.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OpenEvent } from '../api/types';
import { Tag } from '../components';
import { freeSeats, isUncapped } from '../domain/seats';
import { fmtDate as fmtDay, fmtDateTime } from '../domain/time';
import './resident.css';

/** 2023-05-10 → 5月10日 周三 */
export function fmtDate(date: string | null): string {
  return fmtDay(date, { weekday: true }) || '日期待定';
}

/** An ISO instant (+08:00) → 5月8日 18:00, read in Shanghai time whatever the phone's zone. */
export function fmtInstant(iso: string | null): string {
  return fmtDateTime(iso);
}

export function go(url: string) {
  void Taro.navigateTo({ url });
}

const MINE = 'resident/mine/index';

/**
 * To 我的报名: back to the one right under this page when there is one (it
 * reloads when shown), otherwise a fresh one in this page's place. Never a
 * second 我的报名 on the stack, which the back button would then walk through.
 */
export function backToMine() {
  let below: { route?: string } | undefined;
  try {
    const pages = Taro.getCurrentPages();
    below = pages[pages.length - 2];
  } catch {
    below = undefined;
  }
  if (below?.route?.replace(/^\//, '') === MINE) void Taro.navigateBack();
  else void Taro.redirectTo({ url: `/${MINE}` });
}

/** 报名中 / 可候补 / 报名截止 */
export function SeatTag({ e }: { e: Pick<OpenEvent, 'signupOpen' | 'seats' | 'confirmed'> }) {
  if (!e.signupOpen) return <Tag tone='gray'>报名截止</Tag>;
  if (freeSeats(e) === 0) return <Tag tone='orange'>已满·可候补</Tag>;
  return <Tag tone='green'>报名中</Tag>;
}

export function SeatLine({ e }: { e: Pick<OpenEvent, 'seats' | 'confirmed' | 'waitlisted'> }) {
  return (
    <Text className='r-seats'>
      {isUncapped(e.seats) ? `已报 ${e.confirmed} 人，不限名额` : `已报 ${e.confirmed}/${e.seats}`}
      {e.waitlisted ? `，候补 ${e.waitlisted} 人` : ''}
    </Text>
  );
}

export function InfoRow({ label, children }: { label: string; children?: React.ReactNode }) {
  return (
    <View className='r-row'>
      <View className='r-row__label'>{label}</View>
      <View className='r-row__value'>{children}</View>
    </View>
  );
}
