// 批量邀请: tick units (those without staff by default), get one code each
// (office.inviteMany), and a sheet to print (h5) or copy as one text (weapp)
// that tells each unit where to enter its code.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import type { BatchInvites, ErrorBody, OfficeUnit } from '../../api/types';
import { Button, Card, Choice, Img, Section } from '../../components';
import { fmtDateTime } from '../../domain/time';

const WHERE = '微信搜索小程序“政务公开主题日”→ 首页“加入单位 · 我有邀请码”→ 输入邀请码';

export const joinPath = (code: string) => `/pages/join/index?code=${encodeURIComponent(code)}`;
/** h5: the join page's address with the code filled in (what the QR code opens). */
export const joinLink = (code: string) => `${window.location.origin}${window.location.pathname}#${joinPath(code)}`;

/** The whole sheet as one text, for a chat or a document (weapp cannot print). */
export function sheetText(batch: BatchInvites): string {
  const lines = batch.invites.map((i) => `${i.unitName}：${i.code}`);
  return `【政务公开主题日】${batch.jurisdictionName}公开办邀请以下单位的工作人员加入。\n加入方法：${WHERE}。\n每个邀请码只能使用一次，${fmtDateTime(batch.expiresAt, { year: 0 })}前有效。\n\n${lines.join('\n')}`;
}

export function BatchInvite({
  jurisdictionId,
  units,
  onSheet,
}: {
  jurisdictionId: string;
  units: OfficeUnit[];
  onSheet: (b: BatchInvites) => void;
}) {
  const withoutStaff = units.filter((u) => u.staffCount === 0).map((u) => u.unitId);
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const start = () => {
    setChosen(withoutStaff);
    setPicking(true);
  };
  const create = async () => {
    setBusy(true);
    const env = await call('office', 'inviteMany', { jurisdictionId, units: chosen });
    setBusy(false);
    if (!env.ok) return setError(env.error);
    setError(null);
    setPicking(false);
    onSheet(env.data);
  };
  if (!picking) {
    return (
      <Section title='批量邀请'>
        <Card>
          <View className='o-muted'>
            为多个单位一次生成邀请码，打印成邀请单发给各单位。现有 {withoutStaff.length} 个单位还没有工作人员。
          </View>
          <View className='o-gap' />
          <Button type='primary' onClick={start}>
            批量邀请
          </Button>
        </Card>
      </Section>
    );
  }
  return (
    <Section title='批量邀请：选择单位'>
      <Card>
        <View className='o-pick-actions'>
          <Button size='small' inline onClick={() => setChosen(withoutStaff)}>
            选没有工作人员的单位
          </Button>
          <Button size='small' inline onClick={() => setChosen(units.map((u) => u.unitId))}>
            全选
          </Button>
          <Button size='small' inline onClick={() => setChosen([])}>
            全不选
          </Button>
        </View>
        {units.map((u) => (
          <Choice
            key={u.unitId}
            kind='checkbox'
            className='o-pick'
            checked={chosen.includes(u.unitId)}
            label={u.name}
            testId='pick-unit'
            onChange={(on) => setChosen((c) => (on ? [...c, u.unitId] : c.filter((x) => x !== u.unitId)))}
          >
            <View className='o-pick__box'>{chosen.includes(u.unitId) ? '✓' : ''}</View>
            <View className='o-pick__name'>{u.name}</View>
            <View className='o-muted'>{u.staffCount ? `${u.staffCount} 名工作人员` : '还没有工作人员'}</View>
          </Choice>
        ))}
        {error ? <View className='z-field__error'>{error.message}</View> : null}
        <View className='o-gap' />
        <Button type='primary' disabled={!chosen.length} loading={busy} onClick={() => void create()}>
          {`生成 ${chosen.length} 个邀请码`}
        </Button>
        <View className='o-gap' />
        <Button onClick={() => setPicking(false)}>取消</Button>
      </Card>
    </Section>
  );
}

/** h5: a QR code of the join page's address, made in the browser (weapp offers the text instead). */
function useQr(code: string): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    let live = true;
    void import('qrcode')
      .then((QR) => QR.toDataURL(joinLink(code), { margin: 1, width: 240 }))
      .then((url) => live && setSrc(url))
      .catch(() => undefined); // the code alone still works
    return () => {
      live = false;
    };
  }, [code]);
  return src;
}

function SheetItem({ unitName, code }: { unitName: string; code: string }) {
  const qr = useQr(code);
  return (
    <View className='o-sheet__item' data-testid='sheet-item'>
      <View className='o-sheet__text'>
        <View className='o-sheet__unit'>{unitName}</View>
        <View className='o-code o-sheet__code' data-testid='sheet-code'>
          {code}
        </View>
        <View className='o-muted'>{WHERE}</View>
      </View>
      {qr ? <Img className='o-sheet__qr' src={qr} alt={`${unitName}加入页的二维码（已填好邀请码）`} /> : null}
    </View>
  );
}

export function InviteSheet({ batch, onClose }: { batch: BatchInvites; onClose: () => void }) {
  return (
    <View className='o-sheet' data-testid='invite-sheet'>
      <View className='o-sheet__title' {...(process.env.TARO_ENV === 'h5' ? { role: 'heading', 'aria-level': '2' } : {})}>
        {batch.jurisdictionName}政务公开主题日 · 单位邀请单
      </View>
      <View className='o-muted'>
        共 {batch.invites.length} 个单位。每个邀请码只能使用一次，{fmtDateTime(batch.expiresAt, { year: 0 })}前有效。
        {batch.merged.length ? `重复选择的单位只生成了一个邀请码：${batch.merged.join('、')}。` : ''}
      </View>
      <View className='o-sheet__actions'>
        {process.env.TARO_ENV === 'h5' ? (
          <Button type='primary' onClick={() => window.print()}>
            打印邀请单
          </Button>
        ) : null}
        <Button
          type={process.env.TARO_ENV === 'h5' ? 'default' : 'primary'}
          onClick={() => void Taro.setClipboardData({ data: sheetText(batch) })}
        >
          复制全部邀请说明
        </Button>
        <Button onClick={onClose}>返回单位列表</Button>
      </View>
      {batch.invites.map((i) => (
        <SheetItem key={i.code} unitName={i.unitName} code={i.code} />
      ))}
    </View>
  );
}
