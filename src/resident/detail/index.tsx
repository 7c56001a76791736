// 活动详情: the public view of one event (theme, units, form, venue with a map,
// seats) and the caller's own sign-up; shareable to WeChat friends.
import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useRef } from 'react';
import { Async, Button, Card, Page, Section, Tag } from '../../components';
import { useCall } from '../../hooks/useCall';
import { freeSeats } from '../../domain/seats';
import type { EventDetail, PublicVenue } from '../../api/types';
import { fmtDate, fmtInstant, go, InfoRow, SeatLine, SeatTag } from '../shared';

function openMap(v: PublicVenue) {
  if (v.latitude === null || v.longitude === null) return;
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ latitude: v.latitude, longitude: v.longitude, name: v.name, address: v.address ?? '', scale: 16 });
  } else {
    window.open(
      `https://uri.amap.com/marker?position=${v.longitude},${v.latitude}&name=${encodeURIComponent(v.name)}&coordinate=gaode`,
      '_blank',
    );
  }
}

/** The event's questionnaire, when the unit has set one and the caller has not answered it yet. */
function QuestionnaireLink({ eventId }: { eventId: string }) {
  const q = useCall('resident', 'questionnaire', { eventId });
  if (!q.data) return null;
  return (
    <Section>
      {q.data.answered ? (
        <Button disabled>已填写活动问卷</Button>
      ) : (
        <Button onClick={() => go(`/resident/questionnaire/index?eventId=${eventId}`)}>填写活动问卷：{q.data.title}</Button>
      )}
    </Section>
  );
}

function MySignup({ d }: { d: EventDetail }) {
  const s = d.mySignup!;
  return (
    <Card>
      <View className='r-title'>我的报名</View>
      <View className='r-tags'>
        {s.status === 'confirmed' ? <Tag tone='green'>已报名，名额已确认</Tag> : <Tag tone='orange'>候补第 {s.position} 位</Tag>}
        {s.attended ? <Tag tone='blue'>已签到</Tag> : null}
        {s.evaluated ? <Tag tone='gray'>已评价</Tag> : null}
      </View>
      <View className='r-meta'>
        {s.status === 'confirmed' ? '活动当天请到现场扫描签到码签到。' : '有人取消时按顺序自动递补，递补后可在“我的报名”查看。'}
      </View>
      <View className='r-actions'>
        {s.attended && !s.evaluated ? (
          <Button type='primary' onClick={() => go(`/resident/evaluate/index?eventId=${d.eventId}`)}>
            评价本次活动
          </Button>
        ) : null}
        <Button onClick={() => go('/resident/mine/index')}>查看我的报名</Button>
      </View>
    </Card>
  );
}

export default function ResidentDetail() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const state = useCall('resident', 'eventDetail', eventId ? { eventId } : null);
  const latest = useRef<EventDetail | undefined>(undefined);
  latest.current = state.data;
  // Back from the sign-up form: show the new sign-up.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) state.reload();
    shown.current = true;
  });
  useShareAppMessage(() => ({
    title: latest.current ? `${latest.current.theme}（${fmtDate(latest.current.date)}）` : '政务公开主题日活动',
    path: `/resident/detail/index?eventId=${eventId}`,
  }));

  return (
    <Page>
      <Async state={state}>
        {(d) => (
          <View>
            <Card>
              <View className='r-title'>{d.theme}</View>
              <View className='r-tags'>
                <SeatTag e={d} />
                {d.forms.map((f) => (
                  <Tag key={f} tone='blue'>
                    {f}
                  </Tag>
                ))}
              </View>
              <View style={{ marginTop: '16px' }}>
                <InfoRow label='时间'>
                  {fmtDate(d.date)}
                  {d.startTime ? ` ${d.startTime}` : ''}
                </InfoRow>
                <InfoRow label='地点'>
                  {d.venue.name}
                  {d.venue.address ? `（${d.venue.address}）` : ''}
                  {d.venue.latitude !== null ? (
                    <Button size='small' inline onClick={() => openMap(d.venue)}>
                      查看地图 ›
                    </Button>
                  ) : null}
                </InfoRow>
                <InfoRow label='举办单位'>{d.units.join('、')}</InfoRow>
                {d.jurisdictionName ? <InfoRow label='主办地区'>{d.jurisdictionName}</InfoRow> : null}
                <InfoRow label='市民席位'>
                  <SeatLine e={d} />
                </InfoRow>
                {d.signupDeadline ? <InfoRow label='报名截止'>{fmtInstant(d.signupDeadline)}</InfoRow> : null}
              </View>
            </Card>
            {d.mySignup ? (
              <MySignup d={d} />
            ) : (
              <Section>
                {d.signupOpen ? (
                  <Button type='primary' onClick={() => go(`/resident/signup/index?eventId=${d.eventId}`)}>
                    {freeSeats(d) === 0 ? '名额已满，报名候补' : '我要报名'}
                  </Button>
                ) : (
                  <Button disabled>报名已截止</Button>
                )}
              </Section>
            )}
            <QuestionnaireLink eventId={d.eventId} />
            <View className='r-meta' style={{ textAlign: 'center' }}>
              {process.env.TARO_ENV === 'weapp' ? '点右上角“···”可转发给朋友' : ''}
            </View>
          </View>
        )}
      </Async>
    </Page>
  );
}
