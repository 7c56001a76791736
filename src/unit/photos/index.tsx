// 现场照片: photos taken in the app get the logo, banner, time and place drawn on
// (src/lib/stamp.ts) and go through the outbox; album photos are allowed but
// marked 未加盖标识 (the office can confirm a logo by eye).
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { UnitEventDetail } from '../../api/types';
import { Button, Card, Img, Page, Section, Tag, Tap } from '../../components';
import { StampCanvas } from '../../components/StampCanvas';
import { flushOutbox, listOutbox, onSent, queuePhoto } from '../../lib/outbox';
import { preparePlainPhoto, stampPhoto } from '../../lib/stamp';
import { ImageFileInput, OutboxPanel, fmtInstant, useEventDetail, useOutbox, Keep } from '../shared';

type Source = Blob | string;

async function pickWeapp(camera: boolean): Promise<Source | null> {
  try {
    const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: [camera ? 'camera' : 'album'], sizeType: ['original'] });
    return r.tempFiles[0]?.tempFilePath ?? null;
  } catch {
    return null; // cancelled
  }
}

function Photos({ d, reload }: { d: UnitEventDetail; reload: () => void }) {
  const eventId = d.event.eventId;
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'warn' | 'error'; text: string } | null>(null);
  const { items } = useOutbox(eventId);
  const waiting = items.filter((i) => i.kind === 'photo' && i.status === 'pending');

  // A photo reached the server: show it among the stored ones.
  useEffect(
    () => onSent((s) => (s.item.kind === 'photo' && s.item.eventId === eventId && s.envelope.ok ? reload() : undefined)),
    [eventId, reload],
  );

  const pick = async (camera: boolean) => {
    if (process.env.TARO_ENV === 'h5') {
      // The input's change handler takes it from there (tests set files on it directly).
      document.getElementById(camera ? 'u-camera-input' : 'u-album-input')?.click();
      return;
    }
    const src = await pickWeapp(camera);
    if (src) await take(src, camera);
  };

  const take = async (src: Source, camera: boolean) => {
    setBusy(camera ? '正在加盖标识…' : '正在处理照片…');
    setMessage(null);
    try {
      const at = fmtInstant(new Date().toISOString());
      const photo = camera
        ? await stampPhoto(
            src,
            { banner: d.plan?.banner || d.suggestedBanner || `“${d.rules.keyword}”活动`, time: at, place: d.plan?.venue.name ?? '' },
            d.logoUrl,
          )
        : await preparePlainPhoto(src);
      const item = await queuePhoto(
        {
          eventId,
          sha256: photo.sha256,
          stamped: camera,
          takenAt: new Date().toISOString().replace('Z', '+00:00'),
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes,
        },
        photo.file,
        photo.thumb,
      );
      setBusy('正在上传…');
      await flushOutbox();
      const still = listOutbox(eventId).find((i) => i.id === item.id);
      if (!still) setMessage({ tone: 'ok', text: camera ? '照片已加盖标识并上传' : '照片已上传（未加盖标识）' });
      else if (still.status === 'pending') setMessage({ tone: 'warn', text: '当前没有网络，照片已保存在本机，联网后自动上传' });
      else setMessage({ tone: 'error', text: still.message ?? '上传失败' });
    } catch {
      setMessage({ tone: 'error', text: '照片处理失败，请重新拍摄' });
    } finally {
      setBusy(null);
    }
  };

  const logoCount = d.photos.filter((p) => p.hasLogo).length;
  return (
    <>
      {process.env.TARO_ENV === 'h5' ? (
        <>
          <ImageFileInput id='u-camera-input' testId='camera-input' camera onFile={(f) => void take(f, true)} />
          <ImageFileInput id='u-album-input' testId='album-input' onFile={(f) => void take(f, false)} />
        </>
      ) : null}
      <Card>
        <View className='z-card__title'>{d.event.theme}</View>
        <View className='u-muted'>会标：{d.plan?.banner || d.suggestedBanner || '—'}</View>
        <View className='u-muted'>地点：{d.plan?.venue.name ?? '—'}</View>
      </Card>
      {message ? (
        <View className={`u-notice u-notice--${message.tone}`} data-testid='photo-message'>
          {message.text}
        </View>
      ) : null}
      <View className='u-btns'>
        <Button type='primary' loading={!!busy} onClick={() => void pick(true)}>
          {busy ?? '拍照（自动加盖政务公开主题日标识）'}
        </Button>
        <Button disabled={!!busy} onClick={() => void pick(false)}>
          从相册选择（未加盖标识）
        </Button>
      </View>
      <Section title={`已上传 ${d.photos.length} 张 · 含标识 ${logoCount} 张（至少 ${d.rules.minLogoPhotos} 张）`}>
        {d.photos.length || waiting.length ? (
          <View className='u-photos' data-testid='photo-grid'>
            {waiting.map((i) =>
              i.kind === 'photo' ? (
                <View key={i.id} className='u-photo'>
                  {i.thumb ? <Img className='u-photo__img' src={i.thumb} alt='待上传的现场照片' /> : <View className='u-photo__img' />}
                  <View className='u-photo__tag'>
                    <Tag tone='orange'>待上传</Tag>
                  </View>
                </View>
              ) : null,
            )}
            {d.photos.map((p) => (
              <Tap
                key={p.photoId}
                className='u-photo'
                testId='photo'
                label={`查看大图：${p.hasLogo ? '含标识' : '未加盖标识'}的照片`}
                onClick={() => (p.url ? void Taro.previewImage({ urls: [p.url] }) : undefined)}
              >
                {p.url ? (
                  <Img className='u-photo__img' src={p.url} alt={p.hasLogo ? '含标识的现场照片' : '未加盖标识的照片'} />
                ) : (
                  <View className='u-photo__img' />
                )}
                <View className='u-photo__tag'>{p.hasLogo ? <Tag tone='green'>含标识</Tag> : <Tag tone='gray'>未加盖标识</Tag>}</View>
              </Tap>
            ))}
          </View>
        ) : (
          <View className='u-muted'>还没有照片。请在活动现场拍摄，照片会自动加盖“{d.rules.keyword}”标识。</View>
        )}
      </Section>
    </>
  );
}

export default function UnitPhotos() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const detail = useEventDetail(eventId);
  return (
    <Page>
      <OutboxPanel eventId={eventId} />
      <Keep state={detail}>{(d) => <Photos d={d} reload={detail.reload} />}</Keep>
      <StampCanvas />
    </Page>
  );
}
