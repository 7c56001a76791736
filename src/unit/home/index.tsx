// 我的活动: the unit's events with what to do next and by when; overdue first, in red.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Async, Card, Empty, Page, Section, STATUS_TONE, Tag } from '../../components';
import { useCall } from '../../hooks/useCall';
import type { UnitEventSummary } from '../../api/types';
import { STATUS_LABELS } from '../../domain/lifecycle';
import { eventUrl, fmtDay, fmtInstant, useReloadOnShow } from '../shared';

function monthsText(m: UnitEventSummary['months']): string {
  if (!m) return '时间待定';
  return m.from === m.to ? `计划${m.from}月` : `计划${m.from}–${m.to}月`;
}

function EventCard({ e }: { e: UnitEventSummary }) {
  const next = e.next;
  return (
    <Card onClick={() => void Taro.navigateTo({ url: eventUrl('event', e.eventId) })}>
      <View className='z-card__title' data-testid='unit-event-theme'>
        {e.theme}
      </View>
      <View className='u-muted'>
        <Tag tone={STATUS_TONE[e.status]}>{e.statusLabel ?? STATUS_LABELS[e.status]}</Tag>
        {e.date ? `活动日期 ${e.date}` : monthsText(e.months)}
        {e.venue?.name ? ` · ${e.venue.name}` : ''}
      </View>
      {e.listingNotice ? (
        <View className='u-due' data-testid='unit-listing-notice'>
          {e.listingNotice}
        </View>
      ) : null}
      {next && next.step !== 'done' ? (
        <View className={next.overdue ? 'u-due u-due--overdue' : 'u-due'}>
          下一步：{next.label}
          {next.due
            ? `，${next.overdue ? '已逾期（' : '截止 '}${next.step === 'check_in' ? fmtDay(next.due) : fmtInstant(next.due)}${next.overdue ? '）' : ''}`
            : ''}
        </View>
      ) : null}
    </Card>
  );
}

export default function UnitHome() {
  const { params } = useRouter();
  const me = useCall('account', 'me');
  const events = useCall('unit', 'myEvents');
  const contacts = useCall('unit', 'contacts');
  // Back from filing or reporting: the next steps have changed.
  useReloadOnShow(events.reload);
  const unit = me.data?.roles.find((r) => r.role === 'unit' && (!params.unitId || r.unitId === params.unitId));
  const name = unit?.role === 'unit' ? [unit.jurisdictionName, unit.unitName].filter(Boolean).join(' · ') : '';
  const overdue = events.data?.filter((e) => e.next?.overdue).length ?? 0;
  return (
    <Page title='我的活动' subtitle={name || '方案报备、现场签到、情况报告'}>
      <Async state={events} empty={<Empty title='还没有分配给本单位的活动' desc='公开办导入年度计划后，分配给本单位的活动会显示在这里' />}>
        {(list) => (
          <Section title={overdue ? `共 ${list.length} 项，${overdue} 项已逾期` : `共 ${list.length} 项`}>
            {list.map((e) => (
              <EventCard key={e.eventId} e={e} />
            ))}
          </Section>
        )}
      </Async>
      {(contacts.data ?? [])
        .filter((c) => c.name || c.phone || c.email)
        .map((c) => (
          <Card key={c.jurisdictionId}>
            <View className='u-muted' data-testid='office-contact'>
              {c.office}联系人：{[c.name, c.phone, c.email].filter(Boolean).join('，')}
            </View>
          </Card>
        ))}
    </Page>
  );
}
