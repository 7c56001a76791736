// Joining with an invitation: the invite's mini-program code opens this page
// with scene "i=<code>"; otherwise the person types the 8-character code.
// account.redeemInvite binds them to the unit (or to the office).
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody, RedeemResult } from '../../api/types';
import { Button, Field, Page, Section, TextInput } from '../../components';

/** The code from the QR's scene ("i=ABCD2345", URL-encoded by WeChat) or ?code=. */
function codeFromQuery(params: Record<string, string | undefined>): string {
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  const m = /(?:^|&)i=([A-Za-z0-9]+)/.exec(scene);
  return (m?.[1] ?? params.code ?? '').toUpperCase();
}

export default function Join() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => codeFromQuery(params));
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [joined, setJoined] = useState<RedeemResult | null>(null);

  const redeem = async () => {
    setBusy(true);
    const env = await call('account', 'redeemInvite', { code: code.trim().toUpperCase(), ...(name.trim() ? { name: name.trim() } : {}) });
    setBusy(false);
    if (!env.ok) return setError(env.error);
    setError(null);
    setJoined(env.data);
  };

  if (joined) {
    const office = joined.role === 'office';
    const where = office ? `${joined.jurisdictionName}公开办` : [joined.jurisdictionName, joined.unitName].filter(Boolean).join(' ');
    const home = office
      ? `/office/home/index?jurisdictionId=${encodeURIComponent(joined.jurisdictionId)}`
      : `/unit/home/index?unitId=${encodeURIComponent(joined.unitId)}&jurisdictionId=${encodeURIComponent(joined.jurisdictionId)}`;
    return (
      <Page title='加入成功'>
        <View className='z-state'>
          <View className='z-state__icon' style={{ background: '#e8f6ee', color: '#1a7f45' }}>
            ✓
          </View>
          <View className='z-state__title' data-testid='joined'>
            已加入 {where || '单位'}
          </View>
          <View className='z-state__desc'>
            {office ? '您现在可以导入计划、管理单位、审核报告' : '您现在可以为本单位报备活动方案、现场签到、提交情况报告'}
          </View>
          <View className='z-state__action'>
            <Button type='primary' inline onClick={() => void Taro.redirectTo({ url: home })}>
              {office ? '进入公开办工作台' : '进入本单位'}
            </Button>
          </View>
        </View>
      </Page>
    );
  }

  return (
    <Page title='加入单位' subtitle='使用公开办发给您的邀请码'>
      <Section>
        <View className='z-card'>
          <Field label='邀请码' required error={error?.message} hint='8 位字母或数字，不区分大小写，在公开办发给您的邀请说明里'>
            <TextInput
              value={code}
              onChange={(v) => setCode(v.toUpperCase())}
              placeholder='请输入邀请码'
              maxlength={12}
              invalid={Boolean(error)}
            />
          </Field>
          <Field label='您的姓名' required hint='同事和公开办看到的是您的姓名'>
            <TextInput value={name} onChange={setName} placeholder='请输入姓名' maxlength={20} onConfirm={() => void redeem()} />
          </Field>
          <Button type='primary' loading={busy} disabled={code.trim().length < 6 || !name.trim()} onClick={() => void redeem()}>
            加入
          </Button>
        </View>
      </Section>
    </Page>
  );
}
