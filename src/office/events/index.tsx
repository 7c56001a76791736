// The year at a glance: every event by month (1–12 and 待定) or by unit, with
// its status and the next deadline (overdue in red). Tap a row for the detail.
import { useEffect, useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody, OfficeEventRow, RemindLateResult } from '../../api/types';
import { Async, Button, Choice, Empty, ErrorView, Loading, Page, Section, Tap } from '../../components';
import { fmtDate, parseInstant, shanghaiMonthOf, shanghaiYear } from '../../domain/time';
import { useCall } from '../../hooks/useCall';
import { monthsLabel, NextLine, StatusTag, useJurisdiction, useWorkingYear, YearSwitch } from '../shared';

const TBD = 0; // the 待定 tab
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, TBD];

function EventRow({ e, year }: { e: OfficeEventRow; year: number }) {
  return (
    <Tap
      className='o-row'
      testId='event-row'
      onClick={() => void Taro.navigateTo({ url: `/office/event/index?eventId=${encodeURIComponent(e.eventId)}` })}
    >
      <View className='o-row__seq'>{e.seq}</View>
      <View className='o-row__main'>
        <View className='o-row__theme'>{e.theme}</View>
        <View className='o-row__meta'>
          <StatusTag status={e.status} label={e.statusLabel} removed={e.removedFromPlan} />
          {e.units.join('、')} · {e.date ? fmtDate(e.date) : monthsLabel(e.months)}
        </View>
        <NextLine next={e.next} year={year} />
      </View>
    </Tap>
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
  const events = useMemo(() => list.data?.events ?? [], [list.data]);
  const nowMonth = list.data && shanghaiYear(parseInstant(list.data.now)) === year ? shanghaiMonthOf(list.data.now) : null;
  const months = MONTHS;
  const counts = useMemo(() => months.map((m) => events.filter((e) => inMonth(e, m)).length), [events, months]);
  // The current month by default, else the first month with events.
  const shown = month ?? (nowMonth && counts[nowMonth - 1] ? nowMonth : (months.find((_, i) => counts[i] > 0) ?? 1));
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
            <Choice checked={view === 'month'} className={view === 'month' ? 'o-tab o-tab--on' : 'o-tab'} onChange={() => setView('month')}>
              按月份
            </Choice>
            <Choice checked={view === 'unit'} className={view === 'unit' ? 'o-tab o-tab--on' : 'o-tab'} onChange={() => setView('unit')}>
              按单位
            </Choice>
          </View>
          {view === 'month' ? (
            <>
              <View className='o-tabs' data-testid='month-tabs'>
                {months.map((m, i) => (
                  <Choice
                    key={m}
                    checked={m === shown}
                    className={m === shown ? 'o-tab o-tab--on' : 'o-tab'}
                    onChange={() => setMonth(m)}
                    testId={`month-${m}`}
                  >
                    {m === TBD ? '待定' : `${m}月`}
                    <View className='o-tab__n' style={{ display: 'inline' }}>
                      {counts[i]}
                    </View>
                  </Choice>
                ))}
              </View>
              <Section title={`${shown === TBD ? '时间待定' : `${shown}月`}（${counts[months.indexOf(shown)]}项）`}>
                {events
                  .filter((e) => inMonth(e, shown))
                  .map((e) => (
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

/** The office's queue: what it owes (reports to review, to publish, listings to release), each opening its screen. */
function ReviewQueue({ jurisdictionId }: { jurisdictionId: string }) {
  const [year] = useWorkingYear(jurisdictionId);
  const list = useCall('office', 'listEvents', { jurisdictionId, year });
  const queue = (d: { events: OfficeEventRow[] }) => d.events.filter((e) => e.next.who === 'office');
  // Reports open their review; a listing to release opens the event itself.
  const url = (e: OfficeEventRow) =>
    `/office/${e.next.step === 'release_listing' ? 'event' : 'review'}/index?eventId=${encodeURIComponent(e.eventId)}`;
  return (
    <Async
      state={list}
      isEmpty={(d) => queue(d).length === 0}
      empty={<Empty title='没有待公开办处理的事项' desc='单位提交情况报告、或开放报名待审查时会出现在这里' />}
    >
      {(d) => (
        <Section title={`待公开办处理（${queue(d).length}项）`}>
          {queue(d).map((e) => (
            <Tap key={e.eventId} className='o-row' testId='review-row' onClick={() => void Taro.navigateTo({ url: url(e) })}>
              <View className='o-row__seq'>{e.seq}</View>
              <View className='o-row__main'>
                <View className='o-row__theme'>{e.theme}</View>
                <View className='o-row__meta'>
                  <StatusTag status={e.status} label={e.next.label} />
                  {e.units.join('、')}
                  {e.date ? ` · ${fmtDate(e.date, { year })}举办` : ''}
                </View>
              </View>
            </Tap>
          ))}
        </Section>
      )}
    </Async>
  );
}

/** 逾期: the late units with their overdue events, and 一键催办. */
function LateList({ jurisdictionId }: { jurisdictionId: string }) {
  const [year] = useWorkingYear(jurisdictionId);
  const list = useCall('office', 'listEvents', { jurisdictionId, year });
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<RemindLateResult | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const late = (list.data?.events ?? []).filter((e) => e.next.overdue && !e.removedFromPlan);
  const units = useMemo(() => {
    const map = new Map<string, { name: string; rows: OfficeEventRow[] }>();
    for (const e of late) e.unitIds.forEach((u, i) => map.set(u, { name: e.units[i] ?? '', rows: [...(map.get(u)?.rows ?? []), e] }));
    return [...map.entries()];
  }, [late]);
  const remind = async (unitIds?: string[]) => {
    setBusy(unitIds ? unitIds[0] : 'all');
    const r = await call('office', 'remindLate', { jurisdictionId, year, ...(unitIds ? { unitIds } : {}) });
    setBusy(null);
    if (r.ok) {
      setResult(r.data);
      setError(null);
    } else setError(r.error);
  };
  const reminded = new Set([...(result?.reminded ?? []), ...(result?.alreadyToday ?? [])].map((u) => u.unitId));
  return (
    <Async state={list} isEmpty={() => late.length === 0} empty={<Empty title='没有逾期事项' desc='各单位的报备、报告都在期限内' />}>
      {() => (
        <>
          <Section title={`逾期未完成：${units.length}个单位，${late.length}项活动`}>
            <Button type='primary' loading={busy === 'all'} disabled={units.every(([u]) => reminded.has(u))} onClick={() => void remind()}>
              一键催办全部逾期单位
            </Button>
            <View className='o-muted' style={{ margin: '12px 8px 0' }}>
              单位工作人员会在消息中心收到催办，已订阅提醒的同时收到微信通知。每个单位每天最多催办一次。
            </View>
          </Section>
          {result ? (
            <View
              className='u-notice u-notice--ok'
              data-testid='remind-result'
              {...(process.env.TARO_ENV === 'h5' ? { role: 'status' } : {})}
            >
              {result.reminded.length ? `已催办 ${result.reminded.map((u) => u.unitName).join('、')}。` : ''}
              {result.alreadyToday.length ? `${result.alreadyToday.map((u) => u.unitName).join('、')}今天已催办过，明天可再催办。` : ''}
              {result.noStaff.length ? `${result.noStaff.map((u) => u.unitName).join('、')}还没有工作人员加入，请先邀请。` : ''}
            </View>
          ) : null}
          {error ? <View className='u-notice u-notice--error'>{error.message}</View> : null}
          {units.map(([unitId, u]) => (
            <View key={unitId} className='o-late-unit' data-testid='late-unit'>
              <View className='o-late-unit__head'>
                <View className='o-late-unit__name'>{u.name}</View>
                <Button
                  size='small'
                  inline
                  loading={busy === unitId}
                  disabled={reminded.has(unitId)}
                  label={`催办${u.name}`}
                  onClick={() => void remind([unitId])}
                >
                  {reminded.has(unitId) ? '今天已催办' : '催办'}
                </Button>
              </View>
              {u.rows.map((e) => (
                <EventRow key={e.eventId} e={e} year={year} />
              ))}
            </View>
          ))}
        </>
      )}
    </Async>
  );
}

export default function OfficeEvents() {
  const j = useJurisdiction();
  const { params } = useRouter();
  const show = params.show === 'review' || params.show === 'late' ? params.show : null;
  useEffect(() => {
    if (show) void Taro.setNavigationBarTitle({ title: show === 'review' ? '待公开办处理' : '逾期清单' });
  }, [show]);
  const body = (jurisdictionId: string) =>
    show === 'review' ? (
      <ReviewQueue jurisdictionId={jurisdictionId} />
    ) : show === 'late' ? (
      <LateList jurisdictionId={jurisdictionId} />
    ) : (
      <Year jurisdictionId={jurisdictionId} />
    );
  return (
    <Page title={show === 'review' ? '待审核' : show === 'late' ? '逾期清单' : undefined}>
      {j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : j.loading ? (
        <Loading />
      ) : j.jurisdictionId ? (
        body(j.jurisdictionId)
      ) : (
        <Empty title='您还不是公开办工作人员' />
      )}
    </Page>
  );
}
