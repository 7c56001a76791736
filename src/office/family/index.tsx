// 上下级关联: a city office makes a link code for a county office; the county
// enters it; either side can unlink. The city then sees each county's figures
// in its 考核看板; a county sees only the name of its city.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody, Family } from '../../api/types';
import { Async, Button, Card, Empty, ErrorView, Field, Loading, Page, Section, TextInput } from '../../components';
import { useCall } from '../../hooks/useCall';
import { fmtDate } from '../../domain/time';
import { useJurisdiction } from '../shared';

function LinkCode({ jurisdictionId }: { jurisdictionId: string }) {
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const make = async () => {
    setBusy(true);
    const env = await call('office', 'inviteChild', { jurisdictionId });
    setBusy(false);
    if (env.ok) setCode(env.data);
    setError(env.ok ? null : env.error);
  };
  return (
    <Card>
      <View className='o-muted'>
        把关联码发给县市区公开办，对方在“上下级关联”中输入后即完成关联。关联后，本级可在考核看板查看其完成情况（不含群众个人信息）。
      </View>
      {code ? (
        <>
          <View className='o-code' data-testid='link-code'>
            {code.code}
          </View>
          <View className='o-muted'>有效期至 {fmtDate(code.expiresAt)}，只能使用一次</View>
        </>
      ) : null}
      {error ? <View className='z-field__error'>{error.message}</View> : null}
      <View className='o-gap' />
      <Button type='primary' loading={busy} onClick={() => void make()}>
        {code ? '再生成一个关联码' : '生成关联码'}
      </Button>
    </Card>
  );
}

function AcceptCode({ jurisdictionId, onDone }: { jurisdictionId: string; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = async () => {
    setBusy(true);
    const env = await call('office', 'acceptParent', { code: code.trim(), jurisdictionId });
    setBusy(false);
    if (!env.ok) return setError(env.error.message);
    setError(null);
    void Taro.showToast({ title: `已关联${env.data.parent.name}`, icon: 'success' });
    onDone();
  };
  return (
    <Card>
      <Field label='上级公开办的关联码' required error={error ?? undefined} hint='由市级公开办在“上下级关联”中生成'>
        <TextInput
          value={code}
          onChange={setCode}
          placeholder='输入关联码'
          maxlength={16}
          invalid={Boolean(error)}
          onConfirm={() => void accept()}
        />
      </Field>
      <Button type='primary' loading={busy} disabled={code.trim().length < 4} onClick={() => void accept()}>
        关联上级
      </Button>
    </Card>
  );
}

function Links({ jurisdictionId }: { jurisdictionId: string }) {
  const fam = useCall('office', 'family', { jurisdictionId });
  const [error, setError] = useState<ErrorBody | null>(null);
  const unlink = async (what: string, run: () => ReturnType<typeof call<'office', 'unlinkParent'>>) => {
    const { confirm } = await Taro.showModal({ title: '解除关联', content: `确定解除与${what}的关联？解除后上级不再看到本级的完成情况。` });
    if (!confirm) return;
    const env = await run();
    setError(env.ok ? null : env.error);
    fam.reload();
  };
  return (
    <Async state={fam}>
      {(f: Family) => (
        <>
          {error ? <ErrorView error={error} /> : null}
          <Section title='上级'>
            {f.parent ? (
              <Card>
                <View className='o-kv' data-testid='parent-link'>
                  <View className='o-kv__k'>已关联</View>
                  <View className='o-kv__v'>
                    {f.parent.name}（{fmtDate(f.parent.linkedAt)}起）
                  </View>
                </View>
                <View className='o-gap' />
                <Button type='danger' onClick={() => void unlink(f.parent!.name, () => call('office', 'unlinkParent', { jurisdictionId }))}>
                  解除与上级的关联
                </Button>
              </Card>
            ) : f.level === 'city' ? (
              <Empty title='市级辖区没有上级' />
            ) : (
              <AcceptCode jurisdictionId={jurisdictionId} onDone={fam.reload} />
            )}
          </Section>
          {f.level === 'city' ? (
            <Section title='下级县市区'>
              {f.children.length === 0 ? <Empty title='还没有关联县市区' desc='生成关联码发给县市区公开办' /> : null}
              {f.children.map((c) => (
                <Card key={c.jurisdictionId}>
                  <View className='o-staff' data-testid='child-link'>
                    <View>
                      {c.name}（{fmtDate(c.linkedAt)}起）
                    </View>
                    <Button
                      size='small'
                      inline
                      onClick={() =>
                        void unlink(c.name, () => call('office', 'unlinkChild', { jurisdictionId, childId: c.jurisdictionId }))
                      }
                    >
                      解除
                    </Button>
                  </View>
                </Card>
              ))}
              <LinkCode jurisdictionId={jurisdictionId} />
            </Section>
          ) : null}
        </>
      )}
    </Async>
  );
}

export default function FamilyPage() {
  const j = useJurisdiction();
  return (
    <Page title='上下级关联' subtitle={j.name}>
      {j.loading ? (
        <Loading />
      ) : j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : !j.jurisdictionId ? (
        <Empty title='只有公开办工作人员可以管理上下级关联' />
      ) : (
        <Links jurisdictionId={j.jurisdictionId} />
      )}
    </Page>
  );
}
