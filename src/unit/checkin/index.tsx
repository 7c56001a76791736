// 现场签到 on any day of the event: the phone's position (with its accuracy) goes
// to unit.checkIn through the outbox, so a venue without signal still works. An
// online event has no venue to stand at: a screenshot of it, or its link, instead.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { uploadFile } from '../../api/storage';
import type { CheckInInput, CheckInResult, ErrorBody, UnitEventDetail } from '../../api/types';
import { Button, Card, Field, Img, Page, TextInput } from '../../components';
import { eventDaysLabel, isMultiDay, placeLabel } from '../../domain/eventKinds';
import { currentPosition } from '../../lib/location';
import { dismiss, flushOutbox, listOutbox, onSent, queueCheckin } from '../../lib/outbox';
import { ImageFileInput, OutboxPanel, fmtDay, fmtInstant, go, useEventDetail, Keep } from '../shared';

const FLAG_TEXT: Record<string, string> = {
  far_from_venue: '不在活动地点附近（超过 500 米），公开办会看到这一情况',
  poor_accuracy: '定位精度较差，建议到开阔处重新定位',
  no_venue_location: '方案未标注活动地点的位置，无法核对距离',
};

export function describeCheckin(r: CheckInResult): string[] {
  const lines = [`签到时间 ${fmtInstant(r.at)}`];
  if (r.distanceMeters !== null && r.distanceMeters !== undefined) lines.push(`距活动地点 ${Math.round(r.distanceMeters)} 米`);
  if (r.flags.includes('online')) lines.push('线上活动，以活动截图或链接签到');
  return lines;
}

/** What the office will notice about the check-in: shown apart from the success. */
export function checkinWarnings(r: CheckInResult): string[] {
  return r.flags.map((f) => FLAG_TEXT[f]).filter((t): t is string => Boolean(t));
}

const WEB_LINK = /^https?:\/\/\S+\.\S+$/;

/** weapp: a screenshot from the album (or the camera); null when cancelled. */
async function pickScreenshot(): Promise<string | null> {
  try {
    const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return r.tempFiles[0]?.tempFilePath ?? null;
  } catch {
    return null;
  }
}

type Evidence = { fileID: string; preview: string };

/**
 * An online event's proof of being held: a screenshot uploaded under the event's
 * own folder (the server accepts no other), or the page's link.
 */
function OnlineProof({ d, busy, onSubmit }: { d: UnitEventDetail; busy: boolean; onSubmit: (proof: CheckInInput) => void }) {
  const eventId = d.event.eventId;
  const [shot, setShot] = useState<Evidence | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [link, setLink] = useState('');
  const [problem, setProblem] = useState('');

  const upload = async (file: Blob | string) => {
    const ext = (typeof file === 'string' ? file : file.type).toLowerCase().includes('png') ? 'png' : 'jpg';
    setProblem('');
    setUploading(0);
    const up = await uploadFile(file, `events/${eventId}/checkin/${Date.now()}.${ext}`, setUploading);
    setUploading(null);
    if (up.ok) setShot({ fileID: up.data.fileID, preview: typeof file === 'string' ? file : URL.createObjectURL(file) });
    else setProblem(up.error.message);
  };

  const choose = async () => {
    if (process.env.TARO_ENV === 'h5') {
      document.getElementById('u-evidence-input')?.click();
      return;
    }
    const path = await pickScreenshot();
    if (path) await upload(path);
  };

  const submit = () => {
    const l = link.trim();
    if (!shot && !l) return setProblem('请上传活动截图，或粘贴活动链接');
    if (!shot && !WEB_LINK.test(l)) return setProblem('链接须为完整网址，如 https://…');
    onSubmit(shot ? { eventId, evidenceFileID: shot.fileID } : { eventId, evidenceLink: l });
  };

  return (
    <Card>
      {process.env.TARO_ENV === 'h5' ? (
        <ImageFileInput id='u-evidence-input' testId='evidence-input' onFiles={([f]) => void upload(f)} />
      ) : null}
      <View className='u-muted'>线上活动无需定位：上传一张活动进行中的截图（直播页面、访谈页面等），或粘贴活动链接。</View>
      <View className='u-gap' />
      {shot ? (
        <View data-testid='evidence-uploaded'>
          <Img className='u-photo__img' src={shot.preview} mode='aspectFit' alt='已上传的活动截图' />
          <View>截图已上传</View>
        </View>
      ) : null}
      <Button size='small' inline loading={uploading !== null} onClick={() => void choose()}>
        {uploading !== null ? `上传中 ${uploading}%` : shot ? '重新选择截图' : '上传活动截图'}
      </Button>
      <View className='u-gap' />
      <Field label='或粘贴活动链接' hint={d.plan?.venue.link ? `方案中的链接：${d.plan.venue.link}` : undefined}>
        <TextInput value={link} onChange={setLink} placeholder='活动链接，如 https://…' maxlength={300} />
      </Field>
      {problem ? (
        <View className='u-notice u-notice--error' data-testid='evidence-problem'>
          {problem}
        </View>
      ) : null}
      <Button type='primary' loading={busy} disabled={uploading !== null} onClick={submit}>
        提交签到
      </Button>
    </Card>
  );
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

  const send = async (payload: CheckInInput) => {
    const item = queueCheckin(payload);
    await flushOutbox();
    setBusy(false);
    if (listOutbox(eventId).some((i) => i.id === item.id && i.status === 'pending')) setQueued(true);
  };

  const checkInOnline = (proof: CheckInInput) => {
    setBusy(true);
    setError(null);
    void send(proof);
  };

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
    await send({ eventId, ...pos.position });
  };

  return (
    <Page>
      <OutboxPanel eventId={eventId} />
      <Keep state={detail}>
        {(d) => {
          const done = result ?? d.checkin;
          const online = Boolean(d.plan?.venue.online);
          return (
            <>
              <Card>
                <View className='z-card__title'>{d.event.theme}</View>
                <View className='u-muted'>
                  {d.plan
                    ? `活动日期 ${eventDaysLabel(d.plan)}${d.plan.startTime ? ` ${d.plan.startTime}` : ''} · ${placeLabel(d.plan.venue)}`
                    : '尚未报备方案'}
                </View>
              </Card>
              {d.plan && isMultiDay(d.plan) && !done ? (
                <View className='u-notice' data-testid='checkin-days'>
                  这是多日活动：{fmtDay(d.plan.date)}至{fmtDay(d.plan.endDate)}每天都可以签到，活动期间任选一天签到一次即可。
                </View>
              ) : null}
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
                  {online
                    ? '当前没有网络，签到已保存在本机，联网后自动提交。'
                    : `当前没有网络，签到已保存在本机（定位精度约 ${accuracy !== null ? Math.round(accuracy) : '?'} 米），联网后自动提交。`}
                </View>
              ) : null}
              {error && !done ? (
                <View className='u-notice u-notice--error' data-testid='checkin-error'>
                  {error.code === 'NOT_EVENT_DAY' ? `今天不是活动日。${error.message}` : error.message}
                </View>
              ) : null}
              {!done && !queued && online ? <OnlineProof d={d} busy={busy} onSubmit={checkInOnline} /> : null}
              {!done && !queued && !online ? (
                <Button type='primary' loading={busy} onClick={() => void checkIn()}>
                  定位并签到
                </Button>
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
