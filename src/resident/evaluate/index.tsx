// 评价活动: 1–5 stars and an optional comment (checked by WeChat's content
// security before anyone else sees it). Submitting again replaces the evaluation.
import { useEffect, useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody } from '../../api/types';
import { Async, Button, Card, Choice, Field, Page, Section, TextArea } from '../../components';
import { useCall } from '../../hooks/useCall';
import { backToMine, fmtDate } from '../shared';

const WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];
/** What was typed is kept on the phone until it is accepted. */
const DRAFT_PREFIX = 'zwgk.evalDraft.';

interface Draft {
  rating: number;
  comment: string;
}

function readDraft(eventId: string): Draft {
  try {
    const v = Taro.getStorageSync(DRAFT_PREFIX + eventId) as Partial<Draft> | '';
    return { rating: v && typeof v.rating === 'number' ? v.rating : 0, comment: v && typeof v.comment === 'string' ? v.comment : '' };
  } catch {
    return { rating: 0, comment: '' };
  }
}

export default function ResidentEvaluate() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const event = useCall('resident', 'eventDetail', eventId ? { eventId } : null);
  const [rating, setRating] = useState(() => readDraft(eventId).rating);
  const [comment, setComment] = useState(() => readDraft(eventId).comment);
  useEffect(() => {
    if (!eventId || (!rating && !comment)) return;
    const t = setTimeout(() => Taro.setStorageSync(DRAFT_PREFIX + eventId, { rating, comment }), 300);
    return () => clearTimeout(t);
  }, [eventId, rating, comment]);
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
    if (r.ok) {
      Taro.removeStorageSync(DRAFT_PREFIX + eventId);
      setDone(true);
    } else setError(r.error);
  };

  if (done) return <Outcome icon='✓' title='感谢您的评价' desc='评价已提交，您的意见将反馈给举办单位和公开办。' />;

  // Offered only when evaluate will accept it: after the start, to those who signed in.
  const closed = event.data && !event.data.mySignup?.canEvaluate ? event.data : null;
  if (closed) {
    const attended = closed.mySignup?.attended;
    return (
      <Outcome
        icon='…'
        wait
        title={attended ? '活动开始后可以评价' : '签到后可以评价'}
        desc={
          <>
            {closed.theme}
            <View>
              {fmtDate(closed.date)}
              {closed.startTime ? ` ${closed.startTime} 开始` : ''}
            </View>
            <View>{attended ? '届时请在“我的报名”里点“去评价”。' : '请在活动现场扫描签到码签到，活动开始后再来评价。'}</View>
          </>
        }
      />
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
            <View className='r-stars' {...(process.env.TARO_ENV === 'h5' ? { role: 'radiogroup', 'aria-label': '总体评分' } : {})}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Choice
                  key={n}
                  checked={n === rating}
                  label={`${n} 星，${WORDS[n]}`}
                  className={n <= rating ? 'r-star r-star--on' : 'r-star'}
                  onChange={() => setRating(n)}
                  testId={`star-${n}`}
                >
                  ★
                </Choice>
              ))}
            </View>
            <View className='r-meta'>{WORDS[rating] || '点星星打分'}</View>
          </Field>
          <Field label='意见建议' hint={`${comment.length}/500，将显示给举办单位和公开办，不显示您的身份`}>
            <TextArea value={comment} onChange={setComment} placeholder='说说您的收获和建议（选填）' maxlength={500} />
          </Field>
        </Card>
      </Section>
      {error ? (
        <View className='z-field__error' style={{ textAlign: 'center', marginBottom: '16px' }}>
          {error.message}
        </View>
      ) : null}
      <Section>
        <Button type='primary' loading={sending} onClick={() => void submit()}>
          提交评价
        </Button>
      </Section>
    </Page>
  );
}

/** A whole-screen result with the way back to 我的报名. */
function Outcome({ icon, title, desc, wait }: { icon: string; title: string; desc: ReactNode; wait?: boolean }) {
  return (
    <Page>
      <View className='r-big'>
        <View className={wait ? 'r-big__icon r-big__icon--wait' : 'r-big__icon'}>{icon}</View>
        <View className='r-big__title'>{title}</View>
        <View className='r-big__desc'>{desc}</View>
      </View>
      <View className='r-actions'>
        <Button type='primary' onClick={backToMine}>
          返回我的报名
        </Button>
      </View>
    </Page>
  );
}
