// One photo in a list: the small thumbnail, the original only when tapped, and
// the mark that tells an album photo from one stamped at the event.
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ALBUM_MARK, type PhotoSource } from '../domain/photos';
import { Tap } from './Button';
import { Img } from './Field';
import { Tag } from './Tag';

export interface ListedPhoto {
  url: string | null;
  thumbUrl: string | null;
  source: PhotoSource;
  hasLogo?: boolean;
}

/** What a photo is, in words, for its alt text and its button. */
export const photoWords = (p: ListedPhoto) =>
  p.source === 'album' ? ALBUM_MARK : p.hasLogo === false ? '现场照片（未识别到标识）' : '含标识的现场照片';

/** 含标识 / 未加盖标识 on the picture; an album photo's mark in full below it. */
export function PhotoMark({ p }: { p: ListedPhoto }) {
  if (p.source === 'album') return <View className='u-photo__mark'>{ALBUM_MARK}</View>;
  if (p.hasLogo === undefined) return null;
  return <View className='u-photo__tag'>{p.hasLogo ? <Tag tone='green'>含标识</Tag> : <Tag tone='gray'>未识别到标识</Tag>}</View>;
}

/** Opens the originals of a list, starting at one: lists themselves load only thumbnails. */
export function openOriginal(p: ListedPhoto, all: readonly ListedPhoto[] = [p]): void {
  const urls = all.map((x) => x.url).filter((u): u is string => Boolean(u));
  if (p.url) void Taro.previewImage({ urls, current: p.url });
}

export function PhotoTile({
  p,
  all,
  testId,
  className = 'u-photo',
  children,
}: {
  p: ListedPhoto;
  all?: readonly ListedPhoto[];
  testId?: string;
  className?: string;
  children?: ReactNode;
}) {
  const src = p.thumbUrl ?? p.url;
  return (
    <View className={className} data-testid={testId}>
      <Tap className='u-photo__open' label={`查看大图：${photoWords(p)}`} onClick={() => openOriginal(p, all)}>
        {src ? <Img className='u-photo__img' src={src} alt={photoWords(p)} /> : <View className='u-photo__img' />}
        {p.source === 'camera' ? <PhotoMark p={p} /> : null}
      </Tap>
      {p.source === 'album' ? <PhotoMark p={p} /> : null}
      {children}
    </View>
  );
}
