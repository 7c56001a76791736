// 现场签到 on the event day: the phone's position (with its accuracy) goes to
// unit.checkIn through the outbox, so a venue without signal still works.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CheckInResult, ErrorBody } from '../../api/types';
import { Button, Card, Page } from '../../components';
import { currentPosition } from '../../lib/location';
import { dismiss, flushOutbox, listOutbox, onSent, queueCheckin } from '../../lib/outbox';
import { OutboxPanel, fmtDay, fmtInstant, go, useEventDetail, Keep } from '../shared';

const FLAG_TEXT: Record<string, string> = {
  far_from_venue: '不在活动地点附近（超过 500 米），公开办会看到这一情况',
  poor_accuracy: '定位精度较差，建议到开阔处重新定位',
  no_venue_location: '方案未标注活动地点的位置，无法核对距离',
};

export function describeCheckin(r: CheckInResult): string[] {
  const lines = [`签到时间 ${fmtInstant(r.at)}`];
  if (r.distanceMeters !== null && r.distanceMeters !== undefined) lines.push(`距活动地点 ${Math.round(r.distanceMeters)} 米`);
  return lines;
}

/** What the office will notice about the check-in: shown apart from the success. */
export function checkinWarnings(r: CheckInResult): string[] {
  return r.flags.map((f) => FLAG_TEXT[f]).filter((t): t is string => Boolean(t));
}

export default function UnitCheckin() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const detail = useEventDetail(eventId);
  const [busy, setBusy] = useState(false);
  const [accuracy, setAccuracy] = useState<number | null>(null);
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [queued, setQueued] = useState(false);

  useEffect(
    () =>
      onSent((s) => {
        if (s.item.kind !== 'checkin' || s.item.eventId !== eventId) return;
        setQueued(false);
        if (s.envelope.ok) setResult(s.envelope.data as CheckInResult);
        else setError(s.envelope.error);
      }),
    [eventId],
  );

  // One clear state: once checked in, an earlier refused attempt is no longer news.
  const checkedIn = Boolean(result ?? detail.data?.checkin);
  useEffect(() => {
    if (checkedIn)
      listOutbox(eventId)
        .filter((i) => i.kind === 'checkin' && i.status === 'failed')
        .forEach((i) => void dismiss(i.id));
  }, [checkedIn, eventId]);

  const checkIn = async () => {
    setBusy(true);
    setError(null);
    const pos = await currentPosition();
    if (!pos.ok) {
      setBusy(false);
      setError({ code: 'LOCATION', message: pos.message });
      return;
    }
    setAccuracy(pos.position.accuracy ?? null);
    const item = queueCheckin({ eventId, ...pos.position });
    await flushOutbox();
    setBusy(false);
    if (listOutbox(eventId).some((i) => i.id === item.id && i.status === 'pending')) setQueued(true);
  };

  return (
    <Page>
      <OutboxPanel eventId={eventId} />
      <Keep state={detail}>
        {(d) => {
          const done = result ?? d.checkin;
          return (
            <>
              <Card>
                <View className='z-card__title'>{d.event.theme}</View>
                <View className='u-muted'>
                  {d.plan
                    ? `活动日期 ${fmtDay(d.plan.date)}${d.plan.startTime ? ` ${d.plan.startTime}` : ''} · ${d.plan.venue.name}`
                    : '尚未报备方案'}
                </View>
              </Card>
              {done ? (
                <View className='u-notice u-notice--ok' data-testid='checkin-result'>
                  <View className='u-big'>已签到</View>
                  {describeCheckin(done).map((l) => (
                    <View key={l}>{l}</View>
                  ))}
                </View>
              ) : null}
              {done && checkinWarnings(done).length ? (
                <View className='u-notice u-notice--warn' data-testid='checkin-warning'>
                  {checkinWarnings(done).map((l) => (
                    <View key={l}>{l}</View>
                  ))}
                </View>
              ) : null}
              {queued ? (
                <View className='u-notice u-notice--warn' data-testid='checkin-queued'>
                  当前没有网络，签到已保存在本机（定位精度约 {accuracy !== null ? Math.round(accuracy) : '?'} 米），联网后自动提交。
                </View>
              ) : null}
              {error && !done ? (
                <View className='u-notice u-notice--error' data-testid='checkin-error'>
                  {error.code === 'NOT_EVENT_DAY' ? `今天不是活动日。${error.message}` : error.message}
                </View>
              ) : null}
              {!done && !queued ? (
                <>
                  <Button type='primary' loading={busy} onClick={() => void checkIn()}>
                    定位并签到
                  </Button>
                </>
              ) : null}
              <View className='u-gap' />
              <Button onClick={() => go('photos', eventId)}>现场拍照</Button>
            </>
          );
        }}
      </Keep>
    </Page>
  );
}
