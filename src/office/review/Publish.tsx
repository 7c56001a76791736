// 公开审查 (谁主管、谁公开、谁审查): after approval the office reads the text exactly
// as the public will (personal data already masked), confirms the two checks and
// publishes; a published report can be taken down with the reason on record.
import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import { call } from '../../api';
import type { ErrorBody, PublishPreview } from '../../api/types';
import { Async, Button, Card, Choice, Field, Section, Tag, TextArea } from '../../components';
import { useCall } from '../../hooks/useCall';
import { fmtDateTime } from '../../domain/time';

const CHECKS = [
  { key: 'secrecy', text: '已审查：不含国家秘密、工作秘密和敏感信息' },
  { key: 'personalData', text: '已审查：群众姓名、电话等个人信息已遮挡' },
] as const;
type CheckKey = (typeof CHECKS)[number]['key'];

/** A confirmation the office must tick: a checkbox to assistive technology on both platforms. */
function Check({ on, text, onToggle }: { on: boolean; text: string; onToggle: () => void }) {
  return (
    <Choice kind='checkbox' checked={on} className='o-check' testId='publish-check' onChange={onToggle}>
      <View className={on ? 'o-check__box o-check__box--on' : 'o-check__box'}>{on ? '✓' : ''}</View>
      <View>{text}</View>
    </Choice>
  );
}

function Body({
  p,
  reload,
  onChanged,
  setDone,
}: {
  p: PublishPreview;
  reload: () => void;
  onChanged: () => void;
  setDone: (m: string) => void;
}) {
  const [checks, setChecks] = useState<Record<CheckKey, boolean>>({ secrecy: false, personalData: false });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const after = (message: string) => {
    setDone(message);
    setChecks({ secrecy: false, personalData: false });
    setReason('');
    reload();
    onChanged();
  };
  const publish = async () => {
    if (!checks.secrecy || !checks.personalData) {
      setError({ code: 'INVALID_ARGUMENT', message: '请先逐项审查并勾选两项确认' });
      return;
    }
    setBusy(true);
    setError(null);
    const res = await call('office', 'publishReport', { eventId: p.eventId, checks });
    setBusy(false);
    if (res.ok)
      after(
        res.data.column.rebuilt
          ? '已公开：报道已进入公开专栏，网站专栏已同步更新'
          : '已公开：报道已进入公开专栏；网站专栏更新失败，请稍后在考核看板重新导出',
      );
    else setError(res.error);
  };
  const unpublish = async () => {
    if (reason.trim().length < 2) {
      setError({ code: 'INVALID_ARGUMENT', message: '请写明撤下原因' });
      return;
    }
    setBusy(true);
    setError(null);
    const res = await call('office', 'unpublishReport', { eventId: p.eventId, reason: reason.trim() });
    setBusy(false);
    if (res.ok) after('已从公开专栏撤下，原因已记录');
    else setError(res.error);
  };

  return (
    <>
      <Card>
        <View className='o-note'>
          公众将看到的内容{p.masked ? `（已自动遮挡个人信息 ${p.masked} 处）` : '（未发现需遮挡的个人信息）'} ·{' '}
          <Tag tone={p.published ? 'green' : 'orange'}>{p.statusLabel}</Tag>
        </View>
        <View className='z-card__title' data-testid='publish-title'>
          {p.title}
        </View>
        {p.paragraphs.map((t, i) => (
          <View key={i} style={{ marginTop: '12px', textIndent: '2em' }} data-testid='publish-paragraph'>
            {t}
          </View>
        ))}
        <View className='u-photos'>
          {p.photos.map((ph, i) =>
            ph.url ? <Image key={i} className='u-photo__img' src={ph.url} mode='aspectFill' ariaLabel={`现场照片 ${i + 1}`} /> : null,
          )}
        </View>
      </Card>
      {p.publishable ? (
        <>
          {CHECKS.map((c) => (
            <Check key={c.key} on={checks[c.key]} text={c.text} onToggle={() => setChecks((v) => ({ ...v, [c.key]: !v[c.key] }))} />
          ))}
          {error ? <View className='u-notice u-notice--error'>{error.message}</View> : null}
          <Button type='primary' loading={busy} onClick={() => void publish()}>
            公开到专栏
          </Button>
        </>
      ) : null}
      {p.published ? (
        <>
          {p.publication ? (
            <View className='o-note'>{fmtDateTime(p.publication.at)} 由公开办审查公开（保密审查、个人信息审查均已确认）</View>
          ) : null}
          <Field label='撤下原因' hint='必填，记录在案'>
            <TextArea value={reason} onChange={setReason} placeholder='撤下原因' maxlength={500} />
          </Field>
          {error ? <View className='u-notice u-notice--error'>{error.message}</View> : null}
          <Button type='danger' loading={busy} onClick={() => void unpublish()}>
            从专栏撤下
          </Button>
        </>
      ) : null}
      {p.log.length ? (
        <View className='o-note' data-testid='publish-log'>
          {p.log.map((e, i) => (
            <View key={i}>
              {fmtDateTime(e.at)} {e.kind === 'publish' ? '公开' : `撤下：${e.reason ?? ''}`}
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}

/** Shown once the report is approved (待公开审查) or published. */
export function PublishStep({ eventId, onChanged }: { eventId: string; onChanged: () => void }) {
  const preview = useCall('office', 'publishPreview', { eventId });
  const [done, setDone] = useState<string | null>(null);
  return (
    <Section title='公开审查'>
      {done ? (
        <View className='u-notice u-notice--ok' data-testid='publish-result'>
          {done}
        </View>
      ) : null}
      <Async state={preview}>{(p) => <Body p={p} reload={preview.reload} onChanged={onChanged} setDone={setDone} />}</Async>
    </Section>
  );
}
