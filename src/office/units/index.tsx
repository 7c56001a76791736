// Units and people: each responsible unit with its events and staff, an
// invitation (8-character code + mini-program code) per unit, removing a
// person; and the office's own staff with their invitation.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { call } from '../../api';
import type { BatchInvites, ErrorBody, OfficeUnit } from '../../api/types';
import { Async, Button, Empty, ErrorView, Img, Loading, Page, Section } from '../../components';
import { useCall } from '../../hooks/useCall';
import { fmtDate, fmtDateTime } from '../../domain/time';
import { useFileSrc, useJurisdiction } from '../shared';
import { BatchInvite, InviteSheet, joinLink, joinPath } from './BatchInvite';

interface Invitation {
  code: string;
  expiresAt: string;
  qrFileID: string | null;
  forWhom: string;
}

/** What the office pastes into a chat: says where the code goes, and (h5) a link that fills it in. */
export function inviteText(inv: Invitation): string {
  const link = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? `\n或直接打开：${joinLink(inv.code)}` : '';
  return `【政务公开主题日】${inv.forWhom}邀请您加入。\n打开微信小程序“政务公开主题日”，在首页点“加入单位 · 我有邀请码”，填写邀请码：${inv.code}\n（${fmtDateTime(inv.expiresAt)}前有效，只能使用一次）${link}`;
}

function InvitationCard({ inv, onClose }: { inv: Invitation; onClose: () => void }) {
  // The server may answer in UTC ("…Z"); people read Beijing time.
  const until = fmtDateTime(inv.expiresAt);
  const qrSrc = useFileSrc(inv.qrFileID);
  // Shared as a mini-program card (weapp) carrying the code; the page's onShareAppMessage reads it.
  useShareAppMessage(() => ({ title: `邀请您加入${inv.forWhom}`, path: joinPath(inv.code) }));
  return (
    <View className='z-card' data-testid='invitation'>
      <View className='o-muted'>
        {inv.forWhom}的邀请码（{until} 前有效，只能使用一次）
      </View>
      <View className='o-code' data-testid='invite-code'>
        {inv.code}
      </View>
      {qrSrc ? <Img className='o-qr' src={qrSrc} mode='aspectFit' alt={`${inv.forWhom}的邀请小程序码`} /> : null}
      <View className='o-muted' style={{ textAlign: 'center', marginBottom: '16px' }}>
        请对方用微信扫描小程序码，或在小程序“加入单位”页输入邀请码
      </View>
      <View className='o-actions'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button type='primary' openType='share'>
            发给对方（微信）
          </Button>
        ) : null}
        <Button onClick={() => void Taro.setClipboardData({ data: inviteText(inv) })}>复制邀请说明</Button>
        <Button onClick={onClose}>收起</Button>
      </View>
    </View>
  );
}

function UnitCard({ u, onChanged }: { u: OfficeUnit; onChanged: () => void }) {
  const [inv, setInv] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const invite = async () => {
    setBusy(true);
    const env = await call('office', 'invite', { unitId: u.unitId });
    setBusy(false);
    if (!env.ok) return setError(env.error);
    setError(null);
    setInv({ code: env.data.code, expiresAt: env.data.expiresAt, qrFileID: env.data.qrFileID, forWhom: u.name });
  };
  const remove = async (openid: string) => {
    const who = u.staff.find((s) => s.openid === openid)?.name ?? '这位工作人员';
    const { confirm } = await Taro.showModal({
      title: '移除人员',
      content: `确定将${who}移出${u.name}？移出后对方不能再为本单位报备和报告。`,
      confirmText: '移除',
      confirmColor: '#c8161d',
    });
    if (!confirm) return;
    const env = await call('office', 'removeStaff', { unitId: u.unitId, openid });
    if (!env.ok) return setError(env.error);
    void Taro.showToast({ title: '已移除', icon: 'success' });
    onChanged();
  };
  return (
    <View className='z-card' data-testid='unit-card'>
      <View style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <View>
          <View className='z-card__title'>{u.name}</View>
          <View className='z-card__desc'>
            {u.eventCount} 项活动 · {u.staffCount} 名工作人员
          </View>
        </View>
        <Button size='small' inline type='primary' loading={busy} onClick={() => void invite()}>
          生成邀请
        </Button>
      </View>
      {u.staff.map((s) => (
        <View key={s.openid} className='o-staff'>
          <View>
            {s.name ?? '未留姓名的工作人员'}
            <View className='o-muted'>{fmtDate(s.since)} 加入</View>
          </View>
          <Button size='small' inline type='danger' label={`移除${s.name ?? '这位工作人员'}`} onClick={() => void remove(s.openid)}>
            移除
          </Button>
        </View>
      ))}
      {error ? <View className='z-field__error'>{error.message}</View> : null}
      {inv ? (
        <>
          <View className='o-gap' />
          <InvitationCard inv={inv} onClose={() => setInv(null)} />
        </>
      ) : null}
    </View>
  );
}

function OfficeStaff({ jurisdictionId, name }: { jurisdictionId: string; name?: string }) {
  const staff = useCall('office', 'listStaff', { jurisdictionId });
  const [inv, setInv] = useState<Invitation | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const invite = async () => {
    setBusy(true);
    const env = await call('office', 'inviteOffice', { jurisdictionId });
    setBusy(false);
    if (!env.ok) return setError(env.error);
    setInv({ code: env.data.code, expiresAt: env.data.expiresAt, qrFileID: env.data.qrFileID, forWhom: `${name ?? ''}公开办` });
  };
  return (
    <Section title='公开办工作人员'>
      <View className='z-card'>
        <Async state={staff}>
          {(list) => (
            <>
              {list.map((s) => (
                <View key={s.openid} className='o-staff'>
                  <View>
                    {s.name ?? '未留姓名的工作人员'}
                    {s.isMe ? '（我）' : ''}
                  </View>
                  <View className='o-muted'>{fmtDate(s.since)} 加入</View>
                </View>
              ))}
            </>
          )}
        </Async>
        {error ? <View className='z-field__error'>{error.message}</View> : null}
        <View className='o-gap' />
        <Button loading={busy} onClick={() => void invite()}>
          邀请公开办同事
        </Button>
      </View>
      {inv ? <InvitationCard inv={inv} onClose={() => setInv(null)} /> : null}
    </Section>
  );
}

function Units({ jurisdictionId, name }: { jurisdictionId: string; name?: string }) {
  const units = useCall('office', 'listUnits', { jurisdictionId });
  const [sheet, setSheet] = useState<BatchInvites | null>(null);
  // The sheet alone fills the page, so printing it prints nothing else.
  if (sheet) return <InviteSheet batch={sheet} onClose={() => setSheet(null)} />;
  return (
    <>
      {units.data?.length ? <BatchInvite jurisdictionId={jurisdictionId} units={units.data} onSheet={setSheet} /> : null}
      <Section title='责任单位'>
        <Async state={units} empty={<Empty title='还没有责任单位' desc='导入年度计划时，计划表中的责任单位会自动建立' />}>
          {(list) => list.map((u) => <UnitCard key={u.unitId} u={u} onChanged={units.reload} />)}
        </Async>
      </Section>
      <OfficeStaff jurisdictionId={jurisdictionId} name={name} />
    </>
  );
}

export default function OfficeUnits() {
  const j = useJurisdiction();
  return (
    <Page>
      {j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : j.loading ? (
        <Loading />
      ) : j.jurisdictionId ? (
        <Units jurisdictionId={j.jurisdictionId} name={j.name} />
      ) : (
        <Empty title='您还不是公开办工作人员' />
      )}
    </Page>
  );
}
