// Pieces the unit's on-site screens share: the event detail (kept on the phone
// for when the venue has no signal), the outbox state, date/time inputs that
// are native on each platform, and instant formatting.
import { useEffect, useState, type ReactNode } from 'react';
import { Picker, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCall } from '../hooks/useCall';
import type { CallState } from '../hooks/useCall';
import type { UnitEventDetail } from '../api/types';
import { Async, Button } from '../components';
import { fmtDate, fmtDateTime, fmtTime, shanghaiDate } from '../domain/time';
import { dismiss, flushOutbox, listOutbox, onOutboxChange, onProgress, type OutboxItem } from '../lib/outbox';

const CACHE_PREFIX = 'zwgk.event.';

/** unit.eventDetail; when offline, the last copy seen on this phone (marked `offline`). */
export function useEventDetail(eventId: string): CallState<UnitEventDetail> & { offline: boolean } {
  const state = useCall('unit', 'eventDetail', eventId ? { eventId } : null);
  useEffect(() => {
    if (state.data) {
      try {
        Taro.setStorageSync(CACHE_PREFIX + eventId, state.data);
      } catch {
        // Storage full: the screen still works online.
      }
    }
  }, [state.data, eventId]);
  if (state.error?.code === 'NETWORK') {
    const cached = Taro.getStorageSync(CACHE_PREFIX + eventId) as UnitEventDetail | '';
    if (cached) return { ...state, error: null, loading: false, data: cached, offline: true };
  }
  return { ...state, offline: false };
}

export function useOutbox(eventId: string): { items: OutboxItem[]; progress: Record<string, number> } {
  const [items, setItems] = useState(() => listOutbox(eventId));
  const [progress, setProgress] = useState<Record<string, number>>({});
  useEffect(() => {
    setItems(listOutbox(eventId));
    const off1 = onOutboxChange(() => setItems(listOutbox(eventId)));
    const off2 = onProgress((id, p) => setProgress((s) => ({ ...s, [id]: p })));
    return () => {
      off1();
      off2();
    };
  }, [eventId]);
  return { items, progress };
}

/** "待上传 N" and any refusals, with a retry button. */
export function OutboxPanel({ eventId }: { eventId: string }) {
  const { items, progress } = useOutbox(eventId);
  if (!items.length) return null;
  const pending = items.filter((i) => i.status === 'pending');
  const failed = items.filter((i) => i.status === 'failed');
  const what = (i: OutboxItem) => (i.kind === 'checkin' ? '现场签到' : `照片${i.payload.stamped ? '' : '（未加盖标识）'}`);
  return (
    <View className='u-outbox' data-testid='outbox'>
      {pending.length ? (
        <View className='u-outbox__head'>
          <View className='u-outbox__count'>待上传 {pending.length}</View>
          <Button size='small' inline onClick={() => void flushOutbox()}>
            立即上传
          </Button>
        </View>
      ) : null}
      {pending.length ? <View className='u-outbox__desc'>已保存在本机，联网后自动上传，关闭程序也不会丢失。</View> : null}
      {pending.map((i) => (
        <View key={i.id} className='u-outbox__row'>
          {what(i)} · {fmtInstant(i.createdAt)}
          {progress[i.id] !== undefined && progress[i.id] < 100 ? ` · 上传 ${progress[i.id]}%` : ''}
        </View>
      ))}
      {failed.map((i) => (
        <View key={i.id} className='u-outbox__row u-outbox__row--failed'>
          <View>
            {what(i)}未能提交：{i.message}
          </View>
          <Button size='small' inline onClick={() => void dismiss(i.id)}>
            知道了
          </Button>
        </View>
      ))}
    </View>
  );
}

/** 2023-04-17T23:59:59+08:00 → 4月17日 23:59 (Shanghai wall time, whatever the phone's zone). */
export function fmtInstant(iso?: string | null): string {
  return fmtDateTime(iso);
}

/** Just the date of an instant (deadlines are "end of that day"): 4月17日. */
export function fmtDay(iso?: string | null): string {
  return fmtDate(iso);
}

/** Today's date (YYYY-MM-DD, for inputs) and time in Shanghai. */
export function nowShanghai(): { date: string; time: string } {
  const now = new Date();
  return { date: shanghaiDate(now), time: fmtTime(now.toISOString()) };
}

export interface DateInputProps {
  value: string;
  onChange: (v: string) => void;
  mode: 'date' | 'time';
  placeholder: string;
  testId?: string;
  /** Earliest date the picker offers (YYYY-MM-DD). */
  min?: string;
}

/** h5: the browser's own date/time input; weapp: Picker. */
export function DateInput({ value, onChange, mode, placeholder, testId, min }: DateInputProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        className='z-input u-native'
        type={mode}
        value={value}
        placeholder={placeholder}
        min={min}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Picker mode={mode} value={value} start={min} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='z-input u-picker'>{value || <View className='u-placeholder'>{placeholder}</View>}</View>
    </Picker>
  );
}

export const eventUrl = (page: string, eventId: string) => `/unit/${page}/index?eventId=${encodeURIComponent(eventId)}`;

export function go(page: string, eventId: string) {
  void Taro.navigateTo({ url: eventUrl(page, eventId) });
}

/** Reload when the page is shown again (back from a form), not on the first show. */
export function useReloadOnShow(reload: () => void): void {
  const [first, setFirst] = useState(true);
  useDidShow(() => {
    if (first) setFirst(false);
    else reload();
  });
}

/**
 * Like Async, but once data has arrived it stays on screen while a reload runs,
 * so a form's local state (a success notice, typed text) survives the refresh.
 */
export function Keep<T>({ state, children }: { state: CallState<T>; children: (data: T) => ReactNode }) {
  if (state.data !== undefined && !state.error) return <>{children(state.data)}</>;
  return <Async state={state}>{children}</Async>;
}

/**
 * h5 only: a hidden image file input, opened by a button through its id (tests set
 * files on it directly). Cleared after each pick so the same file can be picked again.
 */
export function ImageFileInput({
  id,
  testId,
  camera,
  multiple,
  onFiles,
}: {
  id: string;
  testId: string;
  camera?: boolean;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      id={id}
      data-testid={testId}
      className='u-file'
      type='file'
      accept='image/*'
      capture={camera ? 'environment' : undefined}
      multiple={multiple}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = ''; // the same file chosen again still fires a change
        if (files.length) onFiles(files);
      }}
    />
  );
}
