// 考核看板: per unit and per month, how many events were filed, held and
// reported, how many on time, and every missed deadline. Tap a unit to see its
// late items; tap an item to open the event. 导出 Excel gives the same numbers.
import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fmtDateTime } from '../../domain/time';
import { call } from '../../api';
import type { DashboardCounts, DashboardResult, ErrorBody, LateItem } from '../../api/types';
import { useCall } from '../../hooks/useCall';
import { Async, Button, Choice, Empty, ErrorView, Loading, Page, Section, Tap } from '../../components';
import { openDownload, shortDate, useJurisdiction, useWorkingYear, YearSwitch } from '../shared';
import { ReviewPart } from './review';
import './index.css';

const KIND: Record<LateItem['kind'], string> = { plan: '方案报备', report: '情况报告', materials: '专栏材料' };

function ratio(n: number, of: number) {
  return `${n}/${of}`;
}

function Cells({ c }: { c: DashboardCounts }) {
  return (
    <>
      <View className='d-td d-td--n'>{c.events}</View>
      <View className='d-td d-td--n'>{ratio(c.planFiled, c.planOnTime)}</View>
      <View className='d-td d-td--n'>{c.held}</View>
      <View className='d-td d-td--n'>{ratio(c.reported, c.reportOnTime)}</View>
      <View className='d-td d-td--n'>{ratio(c.materials ?? 0, c.materialsOnTime ?? 0)}</View>
      <View className='d-td d-td--n'>{c.newsReleases ?? 0}</View>
      <View className={c.overdue ? 'd-td d-td--n d-td--late' : 'd-td d-td--n'}>{c.overdue}</View>
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <View className='d-tr d-tr--head'>
      <View className='d-td d-td--name'>{first}</View>
      <View className='d-td d-td--n'>活动</View>
      <View className='d-td d-td--n'>已报备/按时</View>
      <View className='d-td d-td--n'>已举办</View>
      <View className='d-td d-td--n'>已报告/按时</View>
      <View className='d-td d-td--n'>专栏材料/按时</View>
      <View className='d-td d-td--n'>新闻稿</View>
      <View className='d-td d-td--n'>逾期</View>
    </View>
  );
}

function LateList({ items, year }: { items: LateItem[]; year: number }) {
  if (!items.length) return <Empty title='没有逾期事项' desc='该单位的报备、报告均在期限内' />;
  return (
    <View>
      {items.map((i) => (
        <Tap
          key={`${i.eventId}:${i.kind}`}
          className='d-late'
          testId='late-item'
          onClick={() =>
            void Taro.navigateTo({
              url: `/office/event/index?eventId=${encodeURIComponent(i.eventId)}&id=${encodeURIComponent(i.eventId)}`,
            })
          }
        >
          <View className='d-late__top'>
            <View className='d-late__kind'>{KIND[i.kind]}</View>
            <View className={i.doneAt ? 'd-late__days' : 'd-late__days d-late__days--open'}>
              {i.doneAt ? `迟交${i.workdaysLate}个工作日` : `已逾期${i.workdaysLate}个工作日，未完成`}
            </View>
          </View>
          <View className='d-late__theme'>
            {i.seq}. {i.theme}
          </View>
          <View className='d-late__meta'>
            {i.unit} · 截止 {shortDate(i.deadline, year)}
            {i.doneAt ? ` · ${shortDate(i.doneAt, year)}完成` : ''}
          </View>
        </Tap>
      ))}
    </View>
  );
}

function Board({ jurisdictionId, year, setYear }: { jurisdictionId: string; year: number; setYear: (y: number) => void }) {
  const dash = useCall('office', 'dashboard', { jurisdictionId, year, figures: true, includeChildren: true });
  const [tab, setTab] = useState<'units' | 'months'>('units');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ErrorBody | null>(null);

  const doExport = async () => {
    setExporting(true);
    setExportError(null);
    const env = await call('office', 'exportDashboard', { jurisdictionId, year });
    if (env.ok) {
      try {
        await openDownload(env.data.url, env.data.fileName, 'xlsx');
      } catch {
        setExportError({ code: 'NETWORK', message: '文件下载失败，请检查网络后重试' });
      }
    } else setExportError(env.error);
    setExporting(false);
  };

  return (
    <>
      <YearSwitch
        year={year}
        onChange={(y) => {
          setUnitId(null);
          setYear(y);
        }}
      />
      <Async state={dash}>
        {(d: DashboardResult) => {
          const total = d.units.length ? d.months.reduce((n, m) => n + m.events, 0) : 0;
          if (!total) return <Empty title={`${year}年还没有活动`} desc='导入年度计划后，这里显示各单位的完成情况' />;
          const lateUnits = d.units.filter((u) => u.overdueOpen > 0).length;
          const unit = unitId ? d.units.find((u) => u.unitId === unitId) : undefined;
          return (
            <>
              <View className='o-counts'>
                <View className='o-count'>
                  <View className='o-count__n'>{total}</View>
                  <View className='o-count__l'>活动</View>
                </View>
                <View className='o-count'>
                  <View className='o-count__n'>{d.months.reduce((n, m) => n + m.reported, 0)}</View>
                  <View className='o-count__l'>已报告</View>
                </View>
                <View className={d.lateItems.length ? 'o-count o-count--hot' : 'o-count'}>
                  <View className='o-count__n'>{d.lateItems.length}</View>
                  <View className='o-count__l'>逾期事项</View>
                </View>
                <View className={lateUnits ? 'o-count o-count--hot' : 'o-count'}>
                  <View className='o-count__n' data-testid='late-units'>
                    {lateUnits}
                  </View>
                  <View className='o-count__l'>未补交单位</View>
                </View>
              </View>
              {d.unitsWithoutEvents?.length ? (
                <View className='d-note' data-testid='units-without-events'>
                  计划中没有活动的单位：{d.unitsWithoutEvents.map((u) => u.name).join('、')}
                </View>
              ) : null}
              <View className='d-note'>统计时间 {fmtDateTime(d.computedAt)}，按报备日期或计划月份归月；多单位联办的活动计入每个单位。</View>

              <ReviewPart d={d} year={year} />

              <View className='o-tabs'>
                <Choice
                  checked={tab === 'units'}
                  className={tab === 'units' ? 'o-tab o-tab--on' : 'o-tab'}
                  onChange={() => setTab('units')}
                >
                  按单位
                </Choice>
                <Choice
                  checked={tab === 'months'}
                  className={tab === 'months' ? 'o-tab o-tab--on' : 'o-tab'}
                  onChange={() => setTab('months')}
                >
                  按月
                </Choice>
              </View>

              {tab === 'units' ? (
                <Section title={unit ? `${unit.name}的逾期事项` : '各单位（点单位看逾期明细）'}>
                  {unit ? (
                    <>
                      <Button size='small' inline onClick={() => setUnitId(null)}>
                        ‹ 返回全部单位
                      </Button>
                      <LateList items={d.lateItems.filter((i) => i.unitIds.includes(unit.unitId))} year={year} />
                    </>
                  ) : (
                    <View className='d-table' data-testid='unit-table'>
                      <Head first='单位' />
                      {d.units.map((u) => (
                        <Tap
                          key={u.unitId}
                          role='button'
                          className={u.overdueOpen ? 'd-tr d-tr--late' : 'd-tr'}
                          testId='unit-row'
                          onClick={() => setUnitId(u.unitId)}
                        >
                          <View className='d-td d-td--name'>
                            {u.name}
                            {u.avgRating !== null ? <View className='d-rating'>评分 {u.avgRating}</View> : null}
                          </View>
                          <Cells c={u} />
                        </Tap>
                      ))}
                    </View>
                  )}
                </Section>
              ) : (
                <Section title='按月'>
                  <View className='d-table'>
                    <Head first='月份' />
                    {d.months
                      .filter((m) => m.events > 0)
                      .map((m) => (
                        <View key={String(m.month)} className='d-tr'>
                          <View className='d-td d-td--name'>{m.month === null ? '待定' : `${m.month}月`}</View>
                          <Cells c={m} />
                        </View>
                      ))}
                  </View>
                </Section>
              )}

              <Section>
                {exportError ? <ErrorView error={exportError} onRetry={() => void doExport()} /> : null}
                <Button type='primary' loading={exporting} onClick={() => void doExport()}>
                  导出 Excel
                </Button>
              </Section>
            </>
          );
        }}
      </Async>
    </>
  );
}

export default function DashboardPage() {
  const j = useJurisdiction();
  const [year, setYear] = useWorkingYear(j.jurisdictionId);
  return (
    <Page title='考核看板' subtitle={j.name}>
      {j.loading ? (
        <Loading />
      ) : j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : !j.jurisdictionId ? (
        <Empty title='只有公开办工作人员可以查看考核看板' />
      ) : (
        <Board jurisdictionId={j.jurisdictionId} year={year} setYear={setYear} />
      )}
    </Page>
  );
}
