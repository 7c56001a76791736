// The year at a glance: every event by month (1–12 and 待定) or by unit, with
// its status and the next deadline (overdue in red). Tap a row for the detail.
import { useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OfficeEventRow } from '../../api/types';
import { Empty, ErrorView, Loading, Page, Section } from '../../components';
import { useCall } from '../../hooks/useCall';
import { monthsLabel, NextLine, StatusTag, useJurisdiction, useWorkingYear, YearSwitch } from '../shared';

const TBD = 0; // the 待定 tab
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, TBD];

function EventRow({ e, year }: { e: OfficeEventRow; year: number }) {
  return (
    <View className='o-row' data-testid='event-row' onClick={() => void Taro.navigateTo({ url: `/office/event/index?eventId=${encodeURIComponent(e.eventId)}` })}>
      <View className='o-row__seq'>{e.seq}</View>
      <View className='o-row__main'>
        <View className='o-row__theme'>{e.theme}</View>
        <View className='o-row__meta'>
          <StatusTag status={e.status} label={e.statusLabel} removed={e.removedFromPlan} />
          {e.units.join('、')} · {e.date ? e.date.slice(5).replace('-', '月') + '日' : monthsLabel(e.months)}
        </View>
        <NextLine next={e.next} year={year} status={e.status} />
      </View>
    </View>
  );
}

function inMonth(e: OfficeEventRow, m: number): boolean {
  if (m === TBD) return !e.months;
  return Boolean(e.months && e.months.from <= m && m <= e.months.to);
}

function Year({ jurisdictionId }: { jurisdictionId: string }) {
  const [year, setYear] = useWorkingYear(jurisdictionId);
  const list = useCall('office', 'listEvents', { jurisdictionId, year });
  const [view, setView] = useState<'month' | 'unit'>('month');
  const [month, setMonth] = useState<number | null>(null);
  const events = list.data?.events ?? [];
  const nowMonth = list.data && Number(list.data.now.slice(0, 4)) === year ? Number(list.data.now.slice(5, 7)) : null;
  const months = MONTHS;
  const counts = useMemo(() => months.map((m) => events.filter((e) => inMonth(e, m)).length), [events, months]);
  // The current month by default, else the first month with events.
  const shown = month ?? (nowMonth && counts[nowMonth - 1] ? nowMonth : months.find((_, i) => counts[i] > 0) ?? 1);
  const byUnit = useMemo(() => {
    const map = new Map<string, OfficeEventRow[]>();
    for (const e of events) for (const u of e.units) map.set(u, [...(map.get(u) ?? []), e]);
    return [...map.entries()].sort((a, b) => a[0].localeCompare(b[0], 'zh'));
  }, [events]);
  const overdue = events.filter((e) => e.next.overdue).length;

  return (
    <>
      <YearSwitch
        year={year}
        onChange={(y) => {
          setMonth(null);
          setYear(y);
        }}
      />
      {list.error ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : list.loading || !list.data ? (
        <Loading />
      ) : events.length === 0 ? (
        <Empty title={`${year}年还没有活动`} desc='导入年度计划安排表后，活动会按月份显示在这里' />
      ) : (
        <>
          <View className='o-muted' style={{ margin: '0 8px 16px' }}>
            共 {events.length} 项{overdue ? `，其中 ${overdue} 项已逾期` : ''}
          </View>
          <View className='o-tabs'>
            <View className={view === 'month' ? 'o-tab o-tab--on' : 'o-tab'} onClick={() => setView('month')}>
              按月份
            </View>
            <View className={view === 'unit' ? 'o-tab o-tab--on' : 'o-tab'} onClick={() => setView('unit')}>
              按单位
            </View>
          </View>
          {view === 'month' ? (
            <>
              <View className='o-tabs' data-testid='month-tabs'>
                {months.map((m, i) => (
                  <View key={m} className={m === shown ? 'o-tab o-tab--on' : 'o-tab'} onClick={() => setMonth(m)} data-testid={`month-${m}`}>
                    {m === TBD ? '待定' : `${m}月`}
                    <View className='o-tab__n' style={{ display: 'inline' }}>
                      {counts[i]}
                    </View>
                  </View>
                ))}
              </View>
              <Section title={`${shown === TBD ? '时间待定' : `${shown}月`}（${counts[months.indexOf(shown)]}项）`}>
                {events.filter((e) => inMonth(e, shown)).map((e) => (
                  <EventRow key={e.eventId} e={e} year={year} />
                ))}
              </Section>
            </>
          ) : (
            byUnit.map(([unit, rows]) => (
              <Section key={unit} title={`${unit}（${rows.length}项）`}>
                {rows.map((e) => (
                  <EventRow key={e.eventId} e={e} year={year} />
                ))}
              </Section>
            ))
          )}
        </>
      )}
    </>
  );
}

export default function OfficeEvents() {
  const j = useJurisdiction();
  return (
    <Page>
      {j.error ? <ErrorView error={j.error} onRetry={j.reload} /> : j.loading ? <Loading /> : j.jurisdictionId ? <Year jurisdictionId={j.jurisdictionId} /> : <Empty title='您还不是公开办工作人员' />}
    </Page>
  );
}
