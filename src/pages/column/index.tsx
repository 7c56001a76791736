// The public column (专栏): approved reports of one jurisdiction, newest first.
// No sign-in: anyone with the link (?j=<jurisdictionId>) may read it.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Async, Card, Empty, Img, Page, Tap } from '../../components';
import { useCall } from '../../hooks/useCall';
import type { ShowcaseItem } from '../../api/types';
import './index.css';

function Story({ s }: { s: ShowcaseItem }) {
  return (
    <Card>
      <View className='c-title' data-testid='column-title'>
        {s.title}
      </View>
      <View className='c-meta'>{[s.units?.join('、'), s.date].filter(Boolean).join(' · ')}</View>
      {s.paragraphs.map((p, i) => (
        <View key={i} className='c-para'>
          {p}
        </View>
      ))}
      {s.photos.length ? (
        <View className='c-photos'>
          {s.photos.map((ph) => (
            <Tap
              key={ph.url}
              className='c-photo'
              label='查看大图'
              onClick={() => void Taro.previewImage({ urls: s.photos.map((x) => x.url), current: ph.url })}
            >
              <Img className='c-photo' src={ph.thumbUrl} alt={`${s.theme}现场照片`} />
            </Tap>
          ))}
        </View>
      ) : null}
    </Card>
  );
}

export default function Column() {
  const { params } = useRouter();
  const j = params.j ? decodeURIComponent(params.j) : '';
  const list = useCall('resident', 'showcase', j ? { jurisdictionId: j } : null);
  return (
    <Page title='“政务公开主题日”专栏' subtitle='各单位活动情况'>
      {j ? (
        <Async state={list} empty={<Empty title='还没有发布的活动报道' desc='活动情况报告经公开办审核通过后会展示在这里' />}>
          {(items) => (
            <>
              {items.map((s) => (
                <Story key={s.reportId} s={s} />
              ))}
            </>
          )}
        </Async>
      ) : (
        <Empty title='链接不完整' desc='请从公开办发布的专栏链接进入' />
      )}
    </Page>
  );
}
