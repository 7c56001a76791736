// 个人信息保护说明 and the way out: erase my sign-up data.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import { Button, Card, Page, Section } from '../../components';
import { PRIVACY_SECTIONS, PRIVACY_TITLE } from '../privacy';

export default function ResidentPrivacy() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const erase = async () => {
    const sure = await Taro.showModal({
      title: '删除我的报名信息',
      content: '未开始活动的报名将被取消，所有报名中的姓名和手机号将被清除，且无法恢复。确定删除吗？',
      confirmText: '确定删除',
      confirmColor: '#c8161d',
    });
    if (!sure.confirm) return;
    setBusy(true);
    const r = await call('resident', 'erase');
    setBusy(false);
    if (r.ok) setResult(`已删除：取消了 ${r.data.withdrawn} 个未开始活动的报名，清除了 ${r.data.erased} 条报名中的姓名和手机号。`);
    else void Taro.showToast({ title: r.error.message, icon: 'none' });
  };

  return (
    <Page title={PRIVACY_TITLE} subtitle='谁主管、谁公开、谁审查'>
      {PRIVACY_SECTIONS.map((s) => (
        <Card key={s.title}>
          <View className='r-title'>{s.title}</View>
          <View className='r-meta'>{s.body}</View>
        </Card>
      ))}
      <Section>
        {result ? (
          <Card>
            <View className='r-meta'>{result}</View>
          </Card>
        ) : (
          <Button type='danger' loading={busy} onClick={() => void erase()}>
            删除我的报名信息
          </Button>
        )}
      </Section>
    </Page>
  );
}
