// 我的报名: upcoming (confirmed), waiting (waitlisted) and past sign-ups;
// cancel before the cut-off, evaluate after attending, erase everything.
import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { call } from '../../api';
import { Async, Button, Card, Empty, Page, Section, Tag, Tap } from '../../components';
import { useCall } from '../../hooks/useCall';
import type { MySignup } from '../../api/types';
import { fmtDate, fmtInstant, go } from '../shared';

function Row({ s, onChanged }: { s: MySignup; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    const sure = await Taro.showModal({
      title: '取消报名',
      content: '取消后名额将让给候补的市民，确定取消吗？',
      confirmText: '取消报名',
      cancelText: '再想想',
    });
    if (!sure.confirm) return;
    setBusy(true);
    const r = await call('resident', 'cancelSignup', { signupId: s.signupId });
    setBusy(false);
    void Taro.showToast({ title: r.ok ? '已取消' : r.error.message, icon: r.ok ? 'success' : 'none' });
    if (r.ok) onChanged();
  };
  return (
    <Card>
      <Tap onClick={() => go(`/resident/detail/index?eventId=${s.eventId}`)}>
        <View className='r-title'>{s.theme}</View>
        <View className='r-meta'>
          {fmtDate(s.date)}
          {s.startTime ? ` ${s.startTime}` : ''}
          {s.venue ? ` · ${s.venue.name}` : ''}
        </View>
      </Tap>
      <View className='r-tags'>
        {s.status === 'confirmed' ? <Tag tone='green'>已确认</Tag> : null}
        {s.status === 'waitlisted' ? <Tag tone='orange'>候补第 {s.position} 位</Tag> : null}
        {s.status === 'cancelled' ? <Tag tone='gray'>已取消</Tag> : null}
        {s.attended ? <Tag tone='blue'>已签到</Tag> : null}
        {s.evaluated ? <Tag tone='gray'>已评价</Tag> : null}
      </View>
      {s.cancellable ? <View className='r-meta'>可在 {fmtInstant(s.cancelDeadline)} 前取消</View> : null}
      {s.canEvaluate || s.cancellable ? (
        <View className='r-actions'>
          {s.canEvaluate ? (
            <Button type='primary' size='small' onClick={() => go(`/resident/evaluate/index?eventId=${s.eventId}`)}>
              去评价
            </Button>
          ) : null}
          {s.cancellable ? (
            <Button size='small' loading={busy} onClick={() => void cancel()}>
              取消报名
            </Button>
          ) : null}
        </View>
      ) : null}
    </Card>
  );
}

export default function ResidentMine() {
  const state = useCall('resident', 'mySignups');
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) state.reload();
    shown.current = true;
  });
  return (
    <Page title='我的报名'>
      <Async
        state={state}
        empty={
          <Empty
            title='您还没有报名任何活动'
            desc='在“找活动”里选择感兴趣的活动报名'
            action={
              <Button type='primary' inline onClick={() => go('/resident/list/index')}>
                找活动
              </Button>
            }
          />
        }
      >
        {(list) => {
          // The event's start time decides: once it has started (or the person signed in) it is no longer upcoming.
          const gone = (s: MySignup) => s.past || s.started;
          const upcoming = list.filter((s) => s.status === 'confirmed' && !gone(s) && !s.attended);
          const waiting = list.filter((s) => s.status === 'waitlisted' && !gone(s));
          const past = list.filter((s) => gone(s) || s.status === 'cancelled' || s.attended);
          const group = (title: string, items: MySignup[]) =>
            items.length ? (
              <Section title={`${title}（${items.length}）`}>
                {items.map((s) => (
                  <Row key={s.signupId} s={s} onChanged={state.reload} />
                ))}
              </Section>
            ) : null;
          return (
            <View>
              {group('即将参加', upcoming)}
              {group('候补中', waiting)}
              {group('已参加 · 已结束', past)}
            </View>
          );
        }}
      </Async>
      <Button onClick={() => go('/resident/privacy/index')}>个人信息保护说明 · 删除我的报名信息</Button>
    </Page>
  );
}
