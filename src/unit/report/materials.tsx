// 专栏材料: photos of the event and a short text for the website column, a
// delivery of its own, due N working days after the event ends where the
// office's rules ask for it. Each submission is a new version.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody, SubmitMaterialsResult, UnitEventDetail } from '../../api/types';
import { Button, Card, Choice, Field, Img, PhotoMark, Section, TextArea } from '../../components';
import { fmtInstant } from '../shared';

export function MaterialsForm({ d }: { d: UnitEventDetail }) {
  const eventId = d.event.eventId;
  const last = d.materials ?? null;
  const [text, setText] = useState(last?.text ?? '');
  const [photoIds, setPhotoIds] = useState<string[]>(last?.photoIds ?? d.photos.filter((p) => p.hasLogo).map((p) => p.photoId));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState<SubmitMaterialsResult | null>(null);
  const due = d.deadlines?.materials ?? null;
  const shown = done ?? last;

  const submit = async () => {
    setSending(true);
    setError(null);
    const r = await call('unit', 'submitMaterials', { eventId, photoIds, text: text.trim() });
    setSending(false);
    if (r.ok) {
      setDone(r.data);
      void Taro.showToast({ title: '专栏材料已报送', icon: 'success' });
    } else setError(r.error);
  };

  return (
    <Section title={due ? `专栏材料（照片＋文字，${fmtInstant(due)}前报送）` : '专栏材料（照片＋文字，本辖区未设期限）'}>
      <Card>
        {shown ? (
          <View className={shown.late ? 'u-notice u-notice--warn' : 'u-notice u-notice--ok'} data-testid='materials-submitted'>
            专栏材料已报送（第 {shown.version} 版，{fmtInstant(shown.submittedAt)}）
            {shown.late ? `，逾期 ${shown.workdaysLate} 个工作日` : ''}
          </View>
        ) : null}
        {error ? (
          <View className='u-notice u-notice--error' data-testid='materials-error'>
            {error.message}
          </View>
        ) : null}
        <View className='u-photos'>
          {d.photos.map((p) => {
            const on = photoIds.includes(p.photoId);
            return (
              <Choice
                key={p.photoId}
                kind='checkbox'
                checked={on}
                label={`现场照片，${on ? '已选' : '未选'}`}
                className={on ? 'u-photo u-photo--on' : 'u-photo'}
                testId='materials-photo'
                onChange={() => setPhotoIds(on ? photoIds.filter((x) => x !== p.photoId) : [...photoIds, p.photoId])}
              >
                {p.thumbUrl ? <Img className='u-photo__img' src={p.thumbUrl} alt='现场照片' /> : <View className='u-photo__img' />}
                {on ? <View className='u-photo__check'>✓</View> : null}
                <PhotoMark p={p} />
              </Choice>
            );
          })}
        </View>
        {d.photos.length === 0 ? <View className='u-muted'>还没有活动照片，请先拍照上传。</View> : null}
        <Field label='专栏文字说明' hint='10至1000字，供政府网站专栏使用；情况报告可另选照片'>
          <TextArea value={text} onChange={setText} placeholder='专栏文字说明' maxlength={1000} />
        </Field>
        <Button loading={sending} disabled={photoIds.length === 0} onClick={() => void submit()}>
          {shown ? '重新报送专栏材料（新版本）' : '报送专栏材料'}
        </Button>
      </Card>
    </Section>
  );
}
