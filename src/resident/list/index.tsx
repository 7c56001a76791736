// 找活动: open events by date, filtered by jurisdiction and time span; each card
// shows the seats taken ("已报 32/50") and the sign-up deadline.
import { useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Async, Card, Choice, Empty, Page } from '../../components';
import { useCall } from '../../hooks/useCall';
import { addDays } from '../../domain/time';
import type { OpenEvent } from '../../api/types';
import { fmtDate, fmtInstant, go, SeatLine, SeatTag } from '../shared';

const SPANS = [
  { key: 'all', label: '全部日期', days: null },
  { key: 'week', label: '7天内', days: 7 },
  { key: 'month', label: '30天内', days: 30 },
] as const;

function EventCard({ e }: { e: OpenEvent }) {
  return (
    <Card onClick={() => go(`/resident/detail/index?eventId=${e.eventId}`)}>
      <View className='r-title'>{e.theme}</View>
      <View className='r-meta'>
        {fmtDate(e.date)}
        {e.startTime ? ` ${e.startTime}` : ''} · {e.venue.name}
      </View>
      <View className='r-meta'>{e.units.join('、')}</View>
      <View className='r-tags'>
        <SeatTag e={e} />
        <SeatLine e={e} />
      </View>
      {e.signupOpen && e.signupDeadline ? <View className='r-meta'>报名截止：{fmtInstant(e.signupDeadline)}</View> : null}
    </Card>
  );
}

export default function ResidentList() {
  const state = useCall('resident', 'openEvents', {});
  const [place, setPlace] = useState<string>('');
  const [span, setSpan] = useState<(typeof SPANS)[number]['key']>('all');
  usePullDownRefresh(() => {
    state.reload();
    void Taro.stopPullDownRefresh();
  });

  const places = useMemo(() => {
    const m = new Map<string, string>();
    for (const e of state.data ?? []) m.set(e.jurisdictionId, e.jurisdictionName || '本地');
    return [...m.entries()];
  }, [state.data]);

  const filter = (list: OpenEvent[]) => {
    const days = SPANS.find((s) => s.key === span)?.days ?? null;
    const first = list[0]?.date;
    // Spans count from the first listed day (the server's today or later), not the phone's clock.
    const limit = days && first ? addDays(first, days) : null;
    return list.filter((e) => (!place || e.jurisdictionId === place) && (!limit || e.date < limit));
  };

  return (
    <Page title='找活动' subtitle='走进政府，面对面了解政务'>
      {places.length > 1 ? (
        <View className='r-chips'>
          <Choice checked={!place} className={place ? 'r-chip' : 'r-chip r-chip--on'} onChange={() => setPlace('')}>
            全部地区
          </Choice>
          {places.map(([id, name]) => (
            <Choice key={id} checked={place === id} className={place === id ? 'r-chip r-chip--on' : 'r-chip'} onChange={() => setPlace(id)}>
              {name}
            </Choice>
          ))}
        </View>
      ) : null}
      <View className='r-chips'>
        {SPANS.map((s) => (
          <Choice
            key={s.key}
            checked={span === s.key}
            className={span === s.key ? 'r-chip r-chip--on' : 'r-chip'}
            onChange={() => setSpan(s.key)}
          >
            {s.label}
          </Choice>
        ))}
      </View>
      <Async state={state} empty={<Empty title='近期还没有开放报名的活动' desc='活动开放报名后会显示在这里，请过几天再来看看' />}>
        {(all) => {
          const list = filter(all);
          if (list.length === 0) return <Empty title='没有符合条件的活动' desc='换个地区或日期范围看看' />;
          const days = [...new Set(list.map((e) => e.date))];
          return (
            <View>
              {days.map((d) => (
                <View key={d}>
                  <View className='r-day'>{fmtDate(d)}</View>
                  {list
                    .filter((e) => e.date === d)
                    .map((e) => (
                      <EventCard key={e.eventId} e={e} />
                    ))}
                </View>
              ))}
            </View>
          );
        }}
      </Async>
    </Page>
  );
}
