// 活动问卷: residents and walk-ins answer the event's questionnaire once,
// anonymously (the unit sees only the counts and masked short answers).
// Reached from the event page, or after scanning the event's code.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody } from '../../api/types';
import type { Answer, Question } from '../../domain/questionnaire';
import { Async, Button, Card, ErrorView, Field, Page, Section, TextArea } from '../../components';
import { useCall } from '../../hooks/useCall';
import '../resident.css';

const RATING_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

function QuestionField({
  q,
  index,
  value,
  onChange,
  error,
}: {
  q: Question;
  index: number;
  value: Answer;
  onChange: (a: Answer) => void;
  error?: string;
}) {
  const label = `${index + 1}. ${q.title}${q.kind === 'multiple' ? '（可多选）' : ''}`;
  return (
    <Field label={label} required={q.required} error={error}>
      {q.kind === 'single' || q.kind === 'multiple' ? (
        <View className='r-options'>
          {q.options.map((o, k) => {
            const on = Array.isArray(value) ? value.includes(k) : value === k;
            const toggle = () => {
              if (q.kind === 'single') onChange(on ? null : k);
              else {
                const cur = Array.isArray(value) ? value : [];
                onChange(on ? cur.filter((x) => x !== k) : [...cur, k]);
              }
            };
            return (
              <Button key={k} type={on ? 'primary' : 'default'} onClick={toggle}>
                {on ? `✓ ${o}` : o}
              </Button>
            );
          })}
        </View>
      ) : q.kind === 'rating' ? (
        <>
          <View className='r-options r-options--row'>
            {[1, 2, 3, 4, 5].map((n) => (
              <Button key={n} inline type={value === n ? 'primary' : 'default'} onClick={() => onChange(n)}>
                {`${n} 分`}
              </Button>
            ))}
          </View>
          <View className='r-meta'>{typeof value === 'number' ? RATING_WORDS[value] : '1 分很不满意，5 分非常满意'}</View>
        </>
      ) : (
        <TextArea
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
          placeholder='请填写（不要填写姓名、电话等个人信息）'
          maxlength={200}
        />
      )}
    </Field>
  );
}

export default function ResidentQuestionnaire() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const q = useCall('resident', 'questionnaire', eventId ? { eventId } : null);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (count: number) => {
    setSending(true);
    setError(null);
    const list = Array.from({ length: count }, (_v, i) => answers[i] ?? null);
    const r = await call('resident', 'answerQuestionnaire', { eventId, answers: list });
    setSending(false);
    if (r.ok) setDone(true);
    else setError(r.error);
  };
  const fieldError = (i: number) => {
    const fields = error?.details?.fields;
    return Array.isArray(fields) && fields.includes(`answers.${i}`) ? error?.message : undefined;
  };

  if (done || q.data?.answered) {
    return (
      <Page>
        <View className='r-big'>
          <View className='r-big__icon'>✓</View>
          <View className='r-big__title'>{done ? '感谢您填写问卷' : '您已填写过这份问卷'}</View>
          <View className='r-big__desc'>问卷匿名提交，举办单位只看到统计结果。每人只能填写一次。</View>
        </View>
        <View className='r-actions'>
          <Button type='primary' onClick={() => void Taro.redirectTo({ url: `/resident/detail/index?eventId=${eventId}` })}>
            返回活动详情
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Async state={q}>
        {(d) => (
          <>
            <Card>
              <View className='r-title' data-testid='questionnaire-title'>
                {d.title}
              </View>
              <View className='r-meta'>
                {d.theme} · {d.units.join('、')}
              </View>
              <View className='r-meta'>匿名填写，每人一次；举办单位只看到统计结果。</View>
            </Card>
            <Section title={`共 ${d.questions.length} 题`}>
              <Card>
                {d.questions.map((question, i) => (
                  <QuestionField
                    key={i}
                    q={question}
                    index={i}
                    value={answers[i] ?? null}
                    error={fieldError(i)}
                    onChange={(a) => setAnswers((cur) => Object.assign([...cur], { [i]: a }))}
                  />
                ))}
              </Card>
            </Section>
            {error ? <ErrorView error={error} /> : null}
            <Section>
              <Button type='primary' loading={sending} onClick={() => void submit(d.questions.length)}>
                提交问卷
              </Button>
            </Section>
          </>
        )}
      </Async>
    </Page>
  );
}
