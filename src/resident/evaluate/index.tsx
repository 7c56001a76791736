// 评价活动: 1–5 stars and an optional comment (checked by WeChat's content
// security before anyone else sees it). Submitting again replaces the evaluation.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody } from '../../api/types';
import { Async, Button, Card, Field, Page, Section, TextArea } from '../../components';
import { useCall } from '../../hooks/useCall';
import { fmtDate } from '../shared';

const WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

export default function ResidentEvaluate() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const event = useCall('resident', 'eventDetail', eventId ? { eventId } : null);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState(false);

  const submit = async () => {
    if (rating < 1) {
      setError({ code: 'INVALID_ARGUMENT', message: '请先点星星打分' });
      return;
    }
    setSending(true);
    setError(null);
    const r = await call('resident', 'evaluate', { eventId, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setSending(false);
    if (r.ok) setDone(true);
    else setError(r.error);
  };

  if (done) {
    return (
      <Page>
        <View className='r-big'>
          <View className='r-big__icon'>✓</View>
          <View className='r-big__title'>感谢您的评价</View>
          <View className='r-big__desc'>评价已提交，您的意见将反馈给举办单位和公开办。</View>
        </View>
        <View className='r-actions'>
          <Button type='primary' onClick={() => void Taro.redirectTo({ url: '/resident/mine/index' })}>
            返回我的报名
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Async state={event}>
        {(d) => (
          <Card>
            <View className='r-title'>{d.theme}</View>
            <View className='r-meta'>
              {fmtDate(d.date)} · {d.units.join('、')}
            </View>
          </Card>
        )}
      </Async>
      <Section title='您的评价'>
        <Card>
          <Field label='总体评分' required>
            <View className='r-stars'>
              {[1, 2, 3, 4, 5].map((n) => (
                <View key={n} className={n <= rating ? 'r-star r-star--on' : 'r-star'} onClick={() => setRating(n)} data-testid={`star-${n}`}>
                  ★
                </View>
              ))}
            </View>
            <View className='r-meta'>{WORDS[rating] || '点星星打分'}</View>
          </Field>
          <Field label='意见建议' hint={`${comment.length}/500，将显示给举办单位和公开办，不显示您的身份`}>
            <TextArea value={comment} onChange={setComment} placeholder='说说您的收获和建议（选填）' maxlength={500} />
          </Field>
        </Card>
      </Section>
      {error ? <View className='z-field__error' style={{ textAlign: 'center', marginBottom: '16px' }}>{error.message}</View> : null}
      <Section>
        <Button type='primary' loading={sending} onClick={() => void submit()}>
          提交评价
        </Button>
      </Section>
    </Page>
  );
}
