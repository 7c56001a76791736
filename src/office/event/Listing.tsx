// 开放报名前的公开审查: where the office's rules ask for it, an event's open seats
// reach residents only after the office reads what they will see and confirms the
// same two checks as for publishing a report.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { call } from '../../api';
import type { ErrorBody, OfficeEventDetail } from '../../api/types';
import { Button, Card, Choice, Field, Section, TextArea, confirmFirst } from '../../components';
import { fmtDateTime } from '../../domain/time';

const CHECKS = [
  ['secrecy', '已审查：不含国家秘密、工作秘密和敏感信息'],
  ['personalData', '已审查：不含群众姓名、电话等个人信息'],
] as const;

export function ListingReview({ d, onChanged }: { d: OfficeEventDetail; onChanged: () => void }) {
  const [checks, setChecks] = useState({ secrecy: false, personalData: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const plan = d.plans[0];
  if (d.listing && plan && d.listing.planVersion === plan.version) {
    return <ListingReleased d={d} at={d.listing.at} onChanged={onChanged} />;
  }
  if (d.next.step !== 'release_listing' || !plan) return null;
  const release = async () => {
    setBusy(true);
    const res = await call('office', 'publishListing', { eventId: d.eventId, checks });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    onChanged();
  };
  return (
    <Section title='开放报名前的公开审查'>
      <Card>
        <View className='o-muted'>
          市民将看到：活动主题、日期、地点“{plan.venue.name}”和 {plan.publicSeats} 个公众席位。审查通过后才开放报名。
        </View>
        {CHECKS.map(([key, text]) => (
          <Choice
            key={key}
            kind='checkbox'
            checked={checks[key]}
            className={checks[key] ? 'o-check o-check--on' : 'o-check'}
            testId='listing-check'
            onChange={(on) => setChecks((c) => ({ ...c, [key]: on }))}
          >
            {checks[key] ? '✓ ' : ''}
            {text}
          </Choice>
        ))}
        {error ? <View className='z-field__error'>{error.message}</View> : null}
        <Button type='primary' loading={busy} disabled={!checks.secrecy || !checks.personalData} onClick={() => void release()}>
          审查通过，开放市民报名
        </Button>
      </Card>
    </Section>
  );
}

/** Released: residents see the event. The office can take it back, with the reason on record. */
function ListingReleased({ d, at, onChanged }: { d: OfficeEventDetail; at: string; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const withdraw = async () => {
    if (reason.trim().length < 2) return setError({ code: 'INVALID_ARGUMENT', message: '请写明撤回原因（至少 2 个字）' });
    const sure = await confirmFirst('撤回报名', '撤回后市民将看不到该活动，也不能再报名；已报名的市民不受影响。', '撤回');
    if (!sure) return;
    setBusy(true);
    const res = await call('office', 'unpublishListing', { eventId: d.eventId, reason: reason.trim() });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    onChanged();
  };
  return (
    <Section title='市民报名'>
      <Card>
        <View data-testid='listing-released'>已于 {fmtDateTime(at)} 审查通过，市民可以看到并报名。</View>
        <Field label='撤回原因' hint='发现问题时可撤回，原因记录在案'>
          <TextArea value={reason} onChange={setReason} placeholder='撤回原因' maxlength={500} />
        </Field>
        {error ? <View className='z-field__error'>{error.message}</View> : null}
        <Button type='danger' loading={busy} onClick={() => void withdraw()}>
          撤回报名
        </Button>
      </Card>
    </Section>
  );
}
