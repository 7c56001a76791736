// The office's desk: this year's progress at a glance and the ways into the
// work. Someone without an office role can open a jurisdiction here with the
// deployment's setup token (office.bootstrap).
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import { Button, Choice, Empty, ErrorView, Field, LinkCard, Loading, Page, Section, Tap, TextInput } from '../../components';
import { useCall } from '../../hooks/useCall';
import { q, useJurisdiction, useWorkingYear } from '../shared';

const LEVELS = [
  { value: 'city', label: '市' },
  { value: 'county', label: '县' },
  { value: 'district', label: '区' },
] as const;

function Bootstrap({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [level, setLevel] = useState<'city' | 'county' | 'district'>('district');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: string[] } | null>(null);
  const submit = async () => {
    setBusy(true);
    const env = await call('office', 'bootstrap', { name: name.trim(), level, token: token.trim() });
    setBusy(false);
    if (!env.ok) return setError({ message: env.error.message, fields: (env.error.details?.fields as string[] | undefined) ?? [] });
    setError(null);
    void Taro.showToast({ title: '辖区已开通', icon: 'success' });
    onDone();
  };
  const bad = (f: string) => (error?.fields.includes(f) ? error.message : undefined);
  return (
    <Section title='开通辖区'>
      <View className='z-card'>
        <View className='o-muted' style={{ marginBottom: '16px' }}>
          您还不是公开办工作人员。首次使用时，本级公开办可凭系统管理员提供的开通口令开通辖区；已开通的辖区请向公开办索取工作人员邀请码。
        </View>
        <Field label='辖区名称' required error={bad('name')} hint='如：长沙市雨花区'>
          <TextInput value={name} onChange={setName} placeholder='辖区名称' maxlength={40} invalid={Boolean(bad('name'))} />
        </Field>
        <Field label='层级' required error={bad('level')}>
          <View className='o-checks'>
            {LEVELS.map((l) => (
              <Choice
                key={l.value}
                checked={level === l.value}
                className={level === l.value ? 'o-check o-check--on' : 'o-check'}
                onChange={() => setLevel(l.value)}
              >
                {l.label}
              </Choice>
            ))}
          </View>
        </Field>
        <Field label='开通口令' required error={bad('token')}>
          <TextInput value={token} onChange={setToken} placeholder='开通口令' maxlength={200} invalid={Boolean(bad('token'))} />
        </Field>
        {error && !error.fields.length ? (
          <View className='z-field__error' style={{ marginBottom: '16px' }}>
            {error.message}
          </View>
        ) : null}
        <Button type='primary' loading={busy} disabled={name.trim().length < 2 || !token.trim()} onClick={submit}>
          开通
        </Button>
        <View className='o-gap' />
        <Button onClick={() => void Taro.navigateTo({ url: '/pages/join/index' })}>我有邀请码</Button>
      </View>
    </Section>
  );
}

function Desk({ jurisdictionId }: { jurisdictionId: string }) {
  const [year] = useWorkingYear(jurisdictionId);
  const list = useCall('office', 'listEvents', { jurisdictionId, year });
  const events = list.data?.events.filter((e) => !e.removedFromPlan) ?? [];
  const overdue = events.filter((e) => e.next.overdue).length;
  const filed = events.filter((e) => e.date !== undefined).length;
  // The office's queue: reports to review or publish, open-seat listings to release.
  const toReview = events.filter((e) => e.next.who === 'office').length;
  const go = (path: string, more: Record<string, string | number> = {}) => `/office/${path}/index?${q(jurisdictionId, more)}`;
  return (
    <>
      <Section title={`${year}年活动`}>
        {list.error ? (
          <ErrorView error={list.error} onRetry={list.reload} />
        ) : list.loading || !list.data ? (
          <Loading />
        ) : events.length === 0 ? (
          <Empty
            title='还没有导入本年度活动计划'
            desc='导入年度计划后，这里会显示各单位的报备和报告进度'
            action={
              <Button type='primary' inline onClick={() => void Taro.navigateTo({ url: go('import', { year }) })}>
                导入计划
              </Button>
            }
          />
        ) : (
          <View className='o-counts'>
            <Tap className='o-count' onClick={() => void Taro.navigateTo({ url: go('events', { year }) })}>
              <View className='o-count__n'>{events.length}</View>
              <View className='o-count__l'>活动</View>
            </Tap>
            <Tap className='o-count' onClick={() => void Taro.navigateTo({ url: go('events', { year }) })}>
              <View className='o-count__n'>{filed}</View>
              <View className='o-count__l'>已报备</View>
            </Tap>
            <Tap
              className={toReview ? 'o-count o-count--hot' : 'o-count'}
              testId='count-review'
              onClick={() => void Taro.navigateTo({ url: go('events', { year, show: 'review' }) })}
            >
              <View className='o-count__n'>{toReview}</View>
              <View className='o-count__l'>待公开办处理</View>
            </Tap>
            <Tap
              className={overdue ? 'o-count o-count--hot' : 'o-count'}
              testId='count-late'
              onClick={() => void Taro.navigateTo({ url: go('events', { year, show: 'late' }) })}
            >
              <View className='o-count__n'>{overdue}</View>
              <View className='o-count__l'>逾期</View>
            </Tap>
          </View>
        )}
      </Section>
      <Section title='工作'>
        <LinkCard icon='导' title='导入计划' desc='粘贴计划安排表或选择 Excel 文件，先预览再导入' url={go('import', { year })} />
        <LinkCard icon='年' title='全年活动' desc='按月份、按单位查看每项活动的进度和期限' url={go('events', { year })} />
        <LinkCard icon='单' title='单位与人员' desc='责任单位、邀请单位工作人员、公开办同事' url={go('units')} />
        <LinkCard icon='规' title='规则设置' desc='报备与报告期限、关键字、照片、工作日历、标识' url={go('rules')} />
        <LinkCard icon='考' title='考核看板' desc='各单位报备、举办、报告的按时情况' url={go('dashboard', { year })} />
        <LinkCard icon='证' title='证据包' desc='全年或单位的活动证据打包下载，附文件指纹，供考核评估' url={go('pack', { year })} />
        <LinkCard icon='联' title='上下级关联' desc='市级关联县市区，查看下级完成情况' url={go('family')} />
        <LinkCard
          icon='栏'
          title='公开专栏'
          desc='经公开审查发布的活动报道，无需登录即可查看和转发'
          url={`/pages/column/index?j=${encodeURIComponent(jurisdictionId)}`}
        />
      </Section>
    </>
  );
}

export default function OfficeHome() {
  const j = useJurisdiction();
  return (
    <Page title='公开办工作台' subtitle={j.name ?? '计划、单位、报告审核'}>
      {j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : j.loading ? (
        <Loading />
      ) : j.jurisdictionId ? (
        <Desk jurisdictionId={j.jurisdictionId} />
      ) : (
        <Bootstrap onDone={j.reload} />
      )}
    </Page>
  );
}
