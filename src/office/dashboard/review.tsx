// The 考核看板's review part: the year's figures an assessor asks for, and for a
// city one row per linked county (tap: that county's units, read-only).
import { useState } from 'react';
import { View } from '@tarojs/components';
import type { DashboardCounts, ChildRow, DashboardReview, ReviewFigures } from '../../api/types';
import { Async, Section, Tap } from '../../components';
import { useCall } from '../../hooks/useCall';

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

function Figures({ f }: { f: ReviewFigures }) {
  const items: Array<[string, string]> = [
    ['按计划举办', pct(f.heldAsPlannedShare)],
    ['按时报备', pct(f.planOnTimeShare)],
    ['按时报告', pct(f.reportOnTimeShare)],
    ['已公开报告', String(f.published)],
    ['参与群众', String(f.residentsReached)],
    ['平均评分', f.avgRating === null ? '—' : String(f.avgRating)],
  ];
  return (
    <View className='r-figures' data-testid='review-figures'>
      {items.map(([label, value]) => (
        <View key={label} className='r-figure'>
          <View className='r-figure__n'>{value}</View>
          <View className='r-figure__l'>{label}</View>
        </View>
      ))}
    </View>
  );
}

const line = (c: DashboardCounts) =>
  `活动${c.events} · 按时报备${c.planOnTime} · 已举办${c.held} · 按时报告${c.reportOnTime} · 逾期${c.overdue}`;

/** A county's units as the city sees them: figures only, nothing to open. */
function ChildUnits({ child, year, onBack }: { child: ChildRow; year: number; onBack: () => void }) {
  const dash = useCall('office', 'dashboard', { jurisdictionId: child.jurisdictionId, year });
  return (
    <>
      <Tap role='button' className='d-back' label='返回下级县市区' onClick={onBack}>
        ‹ 返回下级县市区
      </Tap>
      <Async state={dash}>
        {(d) => (
          <View className='d-table' data-testid='child-units'>
            {d.units.map((u) => (
              <View key={u.unitId} className={u.overdueOpen ? 'd-tr d-tr--late r-unit' : 'd-tr r-unit'} data-testid='child-unit-row'>
                <View className='r-unit__name'>{u.name}</View>
                <View className='r-unit__line'>{line(u)}</View>
              </View>
            ))}
          </View>
        )}
      </Async>
    </>
  );
}

export function ReviewPart({ d, year }: { d: Partial<DashboardReview>; year: number }) {
  const [open, setOpen] = useState<ChildRow | null>(null);
  return (
    <>
      {d.figures ? (
        <Section title='考核指标'>
          <Figures f={d.figures.total} />
        </Section>
      ) : null}
      {d.children?.length ? (
        <Section title={open ? `${open.name}各单位（只读）` : '下级县市区（点县市区看各单位）'}>
          {open ? (
            <ChildUnits child={open} year={year} onBack={() => setOpen(null)} />
          ) : (
            <View className='d-table' data-testid='child-table'>
              {d.children.map((c) => (
                <View
                  key={c.jurisdictionId}
                  className={c.overdueOpen ? 'd-tr d-tr--late r-unit' : 'd-tr r-unit'}
                  data-testid='child-row'
                  onClick={() => setOpen(c)}
                >
                  <View className='r-unit__name'>{c.name}</View>
                  <View className='r-unit__line'>{line(c)}</View>
                  <View className='r-unit__line'>
                    按计划举办{pct(c.figures.heldAsPlannedShare)} · 参与群众{c.figures.residentsReached}
                    {c.avgRating !== null ? ` · 评分${c.avgRating}` : ''}
                  </View>
                </View>
              ))}
            </View>
          )}
        </Section>
      ) : null}
    </>
  );
}
