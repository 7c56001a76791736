// 现场照片, like a watermark camera: shots taken in a row are stamped with the
// logo, banner, time and place (src/lib/stamp.ts) and wait in a preview grid,
// where each can be looked at or deleted; 提交 sends them through the outbox.
// Album photos are accepted, never stamped, and marked as such everywhere.
// A photo already sent can be removed until the report goes to the office.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { UnitEventDetail } from '../../api/types';
import { call } from '../../api';
import { Button, Card, Img, Page, PhotoTile, Section, Tag, Tap, confirmFirst } from '../../components';
import { StampCanvas } from '../../components/StampCanvas';
import { ALBUM_MARK, type PhotoSource } from '../../domain/photos';
import { flushOutbox, listOutbox, onSent, queuePhoto, type PhotoItem } from '../../lib/outbox';
import { preparePlainPhoto, stampPhoto, type PreparedPhoto } from '../../lib/stamp';
import { ImageFileInput, OutboxPanel, fmtInstant, useEventDetail, useOutbox, Keep } from '../shared';

type Source = Blob | string;
type Message = { tone: 'ok' | 'warn' | 'error'; text: string };
/** A shot waiting in the preview grid: stamped (or an album photo) but not yet sent. */
interface Shot {
  key: string;
  photo: PreparedPhoto;
  source: PhotoSource;
  takenAt: string;
  /** The whole photo, for the full-size preview (h5: an object URL; weapp: a temp path). */
  full: string;
}

/** Once the report is with the office, its photos stay as they are. */
const LOCKED = ['reported', 'approved', 'published'];

async function pickWeapp(camera: boolean): Promise<Source[]> {
  try {
    // The camera takes one shot per call (tap again for the next); the album gives up to 9.
    const r = await Taro.chooseMedia({
      count: camera ? 1 : 9,
      mediaType: ['image'],
      sourceType: [camera ? 'camera' : 'album'],
      sizeType: ['original'],
    });
    return r.tempFiles.map((f) => f.tempFilePath);
  } catch {
    return []; // cancelled
  }
}

const fullOf = (file: Source) => (typeof file === 'string' ? file : URL.createObjectURL(file));
const release = (s: Shot) => (process.env.TARO_ENV === 'h5' ? URL.revokeObjectURL(s.full) : undefined);

function sentMessage(shots: Shot[]): string {
  if (shots.length > 1) return `${shots.length} 张照片已上传`;
  return shots[0].source === 'camera' ? '照片已加盖标识并上传' : `照片已上传（${ALBUM_MARK}）`;
}

function Photos({ d, reload }: { d: UnitEventDetail; reload: () => void }) {
  const eventId = d.event.eventId;
  const [busy, setBusy] = useState<string | null>(null);
  const [shots, setShots] = useState<Shot[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const { items } = useOutbox(eventId);
  const waiting = items.filter((i) => i.kind === 'photo' && i.status === 'pending');
  const locked = LOCKED.includes(d.event.status);

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
    await take(await pickWeapp(camera), camera);
  };

  const take = async (files: Source[], camera: boolean) => {
    setMessage(null);
    try {
      for (const [i, src] of files.entries()) {
        const of = files.length > 1 ? `（${i + 1}/${files.length}）` : '';
        setBusy(camera ? `正在加盖标识${of}…` : `正在处理照片${of}…`);
        const photo = camera
          ? await stampPhoto(
              src,
              {
                banner: d.plan?.banner || d.suggestedBanner || `“${d.rules.keyword}”活动`,
                time: fmtInstant(new Date().toISOString()),
                place: d.plan?.venue.name ?? '',
              },
              d.logoUrl,
            )
          : await preparePlainPhoto(src);
        const shot: Shot = {
          key: photo.sha256,
          photo,
          source: camera ? 'camera' : 'album',
          takenAt: new Date().toISOString().replace('Z', '+00:00'),
          full: fullOf(photo.file),
        };
        // The same picture twice is one photo (the server keeps it once too).
        setShots((all) => (all.some((s) => s.key === shot.key) ? all : [...all, shot]));
      }
    } catch {
      setMessage({ tone: 'error', text: '照片处理失败，请重新拍摄' });
    } finally {
      setBusy(null);
    }
  };

  const drop = async (shot: Shot) => {
    if (!(await confirmFirst('删除这张照片？', '删除后不会上传，可以重新拍摄。'))) return;
    release(shot);
    setShots((all) => all.filter((s) => s.key !== shot.key));
  };

  const submit = async () => {
    const sending = shots;
    setBusy('正在上传…');
    setMessage(null);
    try {
      const queued: PhotoItem[] = [];
      for (const s of sending) {
        const { photo } = s;
        queued.push(
          await queuePhoto(
            {
              eventId,
              sha256: photo.sha256,
              stamped: s.source === 'camera',
              source: s.source,
              takenAt: s.takenAt,
              width: photo.width,
              height: photo.height,
              bytes: photo.bytes,
            },
            photo.file,
            photo.thumb,
          ),
        );
      }
      sending.forEach(release);
      setShots((all) => all.filter((s) => !sending.includes(s)));
      await flushOutbox();
      const left = listOutbox(eventId).filter((i) => queued.some((q) => q.id === i.id));
      const failed = left.find((i) => i.status === 'failed');
      if (failed) setMessage({ tone: 'error', text: failed.message ?? '上传失败' });
      else if (left.length) setMessage({ tone: 'warn', text: '当前没有网络，照片已保存在本机，联网后自动上传' });
      else setMessage({ tone: 'ok', text: sentMessage(sending) });
    } catch {
      setMessage({ tone: 'error', text: '照片保存失败，请重试' });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (fileID: string) => {
    if (!(await confirmFirst('删除已上传的照片？', '照片将从本活动中删除，不能恢复。'))) return;
    const r = await call('unit', 'removePhoto', { eventId, fileID });
    setMessage(r.ok ? { tone: 'ok', text: '照片已删除' } : { tone: 'error', text: r.error.message });
    if (r.ok) reload();
  };

  const logoCount = d.photos.filter((p) => p.hasLogo).length;
  return (
    <>
      {process.env.TARO_ENV === 'h5' ? (
        <>
          <ImageFileInput id='u-camera-input' testId='camera-input' camera onFiles={(fs) => void take(fs, true)} />
          <ImageFileInput id='u-album-input' testId='album-input' multiple onFiles={(fs) => void take(fs, false)} />
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
        <Button type='primary' loading={!!busy} disabled={locked} onClick={() => void pick(true)}>
          {busy ?? '拍照（自动加盖政务公开主题日标识）'}
        </Button>
        <Button disabled={!!busy || locked} onClick={() => void pick(false)}>
          从相册选择（不加盖标识）
        </Button>
      </View>
      {shots.length ? (
        <Section title={`待提交 ${shots.length} 张：看过后提交，不要的可删除`}>
          <View className='u-photos' data-testid='shot-grid'>
            {shots.map((s) => {
              const words = s.source === 'camera' ? '已加盖标识的照片' : ALBUM_MARK;
              return (
                <View key={s.key} className='u-photo' data-testid='shot'>
                  <Tap className='u-photo__open' label={`查看大图：${words}`} onClick={() => void Taro.previewImage({ urls: [s.full] })}>
                    <Img className='u-photo__img' src={s.photo.thumb} alt={`待提交的${words}`} />
                  </Tap>
                  {s.source === 'album' ? <View className='u-photo__mark'>{ALBUM_MARK}</View> : null}
                  <Button size='small' label={`删除这张${words}`} testId='shot-remove' onClick={() => void drop(s)}>
                    删除
                  </Button>
                </View>
              );
            })}
          </View>
          <Button type='primary' disabled={!!busy} testId='shots-submit' onClick={() => void submit()}>
            {`提交 ${shots.length} 张照片`}
          </Button>
        </Section>
      ) : null}
      <Section title={`已上传 ${d.photos.length} 张 · 含标识 ${logoCount} 张（至少 ${d.rules.minLogoPhotos} 张）`}>
        {d.photos.length || waiting.length ? (
          <View className='u-photos' data-testid='photo-grid'>
            {waiting.map((i) =>
              i.kind === 'photo' ? (
                <View key={i.id} className='u-photo'>
                  {i.thumb ? <Img className='u-photo__img' src={i.thumb} alt='待上传的照片' /> : <View className='u-photo__img' />}
                  <View className='u-photo__tag'>
                    <Tag tone='orange'>待上传</Tag>
                  </View>
                </View>
              ) : null,
            )}
            {d.photos.map((p) => (
              <PhotoTile key={p.photoId} p={p} all={d.photos} testId='photo'>
                {locked ? null : (
                  <Button size='small' label='删除这张已上传的照片' testId='photo-remove' onClick={() => void remove(p.fileID)}>
                    删除
                  </Button>
                )}
              </PhotoTile>
            ))}
          </View>
        ) : (
          <View className='u-muted'>
            还没有照片。请在活动现场拍摄，照片会自动加盖“{d.rules.keyword}”标识；可连续拍摄多张，提交前可预览和删除。
          </View>
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
