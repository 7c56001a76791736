// 报名: name, phone, identity, the privacy notice and the consent tick (the
// server's schema accepts a missing consent for contract callers; this form never
// sends without it).
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import { askSubscribe } from '../../lib/subscribe';
import type { ErrorBody, SignUpResult } from '../../api/types';
import { Async, Button, Card, Choice, ErrorView, Field, Page, Section, TextInput } from '../../components';
import { MOBILE_RE } from '../../domain/privacy';
import { IDENTITIES } from '../../domain/signups';
import type { Identity } from '../../domain/signups';
import { useCall } from '../../hooks/useCall';
import { CONSENT_TEXT, PRIVACY_SECTIONS } from '../privacy';
import { fmtDate, go } from '../shared';

function Done({ r, eventId }: { r: SignUpResult; eventId: string }) {
  const ok = r.status === 'confirmed';
  return (
    <View>
      <View className='r-big'>
        <View className={ok ? 'r-big__icon' : 'r-big__icon r-big__icon--wait'}>{ok ? '✓' : '…'}</View>
        <View className='r-big__title'>{ok ? '报名成功' : `已进入候补，第 ${r.position ?? ''} 位`}</View>
        <View className='r-big__desc'>
          {ok ? '名额已为您保留。活动当天请到现场扫描签到码签到。' : '名额已满。有人取消时将按报名先后自动递补，请留意“我的报名”。'}
        </View>
      </View>
      <View className='r-actions'>
        <Button type='primary' onClick={() => void Taro.redirectTo({ url: '/resident/mine/index' })}>
          查看我的报名
        </Button>
        <Button onClick={() => void Taro.redirectTo({ url: `/resident/detail/index?eventId=${eventId}` })}>返回活动详情</Button>
      </View>
    </View>
  );
}

export default function ResidentSignup() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const event = useCall('resident', 'eventDetail', eventId ? { eventId } : null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [identity, setIdentity] = useState<Identity>('普通市民');
  const [consent, setConsent] = useState(false);
  const [bad, setBad] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState<SignUpResult | null>(null);

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (name.trim().length < 2 || name.trim().length > 20) problems.name = '请填写 2–20 个字的姓名';
    if (!MOBILE_RE.test(phone.trim())) problems.phone = '请填写 11 位手机号';
    if (!consent) problems.consent = '请先阅读并勾选同意个人信息保护说明';
    setBad(problems);
    if (Object.keys(problems).length) return;
    // Still inside the tap: WeChat shows the reminder consent dialog only from one.
    void askSubscribe(['event']);
    setSending(true);
    setError(null);
    const r = await call('resident', 'signUp', { eventId, name: name.trim(), phone: phone.trim(), identity, consent: true });
    setSending(false);
    if (r.ok) setDone(r.data);
    else {
      setError(r.error);
      const fields = (r.error.details?.fields as string[] | undefined) ?? [];
      if (fields.length) setBad(Object.fromEntries(fields.map((f) => [f, r.error.message])));
    }
  };

  if (done)
    return (
      <Page>
        <Done r={done} eventId={eventId} />
      </Page>
    );

  return (
    <Page>
      <Async state={event}>
        {(d) => (
          <Card>
            <View className='r-title'>{d.theme}</View>
            <View className='r-meta'>
              {fmtDate(d.date)}
              {d.startTime ? ` ${d.startTime}` : ''} · {d.venue.name}
            </View>
          </Card>
        )}
      </Async>
      <Section title='报名信息'>
        <Card>
          <Field label='姓名' required error={bad.name}>
            <TextInput value={name} onChange={setName} placeholder='请输入真实姓名' maxlength={20} invalid={Boolean(bad.name)} />
          </Field>
          <Field label='手机号' required error={bad.phone} hint='仅举办单位和公开办可见，用于活动通知'>
            <TextInput
              value={phone}
              onChange={setPhone}
              placeholder='请输入11位手机号'
              type='number'
              maxlength={11}
              invalid={Boolean(bad.phone)}
            />
          </Field>
          <Field label='身份' required>
            <View className='r-chips'>
              {IDENTITIES.map((i) => (
                <Choice
                  key={i}
                  checked={identity === i}
                  className={identity === i ? 'r-chip r-chip--on' : 'r-chip'}
                  onChange={() => setIdentity(i)}
                >
                  {i}
                </Choice>
              ))}
            </View>
          </Field>
        </Card>
      </Section>
      <Section title='个人信息保护说明'>
        <View className='r-notice'>
          {PRIVACY_SECTIONS.map((s) => (
            <View key={s.title}>
              <View className='r-notice__title'>{s.title}</View>
              <View>{s.body}</View>
            </View>
          ))}
        </View>
        <Choice
          kind='checkbox'
          checked={consent}
          className='r-consent'
          testId='consent'
          onChange={() => {
            setConsent(!consent);
            setBad(({ consent: _gone, ...rest }) => rest);
          }}
        >
          <View className={consent ? 'r-box r-box--on' : 'r-box'}>{consent ? '✓' : ''}</View>
          <View>{CONSENT_TEXT}</View>
        </Choice>
        {bad.consent ? <View className='z-field__error'>{bad.consent}</View> : null}
      </Section>
      {error && !Object.keys(bad).length ? <ErrorView error={error} /> : null}
      <Section>
        <Button type='primary' loading={sending} onClick={() => void submit()}>
          提交报名
        </Button>
        <View className='u-gap' />
        <Button onClick={() => go('/resident/privacy/index')}>查看完整说明与删除方式</Button>
      </Section>
    </Page>
  );
}
