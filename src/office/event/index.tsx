// One event as the office sees it: the plan row, every filed plan version,
// the check-in, photos and the report's status. Reviewing the report is its
// own screen (office/review), linked from here.
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { OfficeEventDetail } from '../../api/types';
import { Async, Button, Card, Empty, Page, PhotoTile, Section, Tag } from '../../components';
import { useCall } from '../../hooks/useCall';
import { fmtDateTime } from '../../domain/time';
import { CHECKIN_FLAG_LABELS, eventDaysLabel, placeLabel } from '../../domain/eventKinds';
import { monthsLabel, NextLine, shortDate, StatusTag } from '../shared';
import { ListingReview } from './Listing';

function KV({ k, children }: { k: string; children?: ReactNode }) {
  return (
    <View className='o-kv'>
      <View className='o-kv__k'>{k}</View>
      <View className='o-kv__v'>{children}</View>
    </View>
  );
}

const time = (iso?: string) => fmtDateTime(iso) || '—';

function Detail({ d, reload }: { d: OfficeEventDetail; reload: () => void }) {
  const plan = d.plans[0];
  return (
    <>
      <Card>
        <View className='o-row__theme'>
          {d.seq}. {d.theme}
        </View>
        <View className='o-row__meta'>
          <StatusTag status={d.status} label={d.statusLabel} removed={d.removedFromPlan} />
          {d.units.join('、')} · 计划{monthsLabel(d.months)}
        </View>
        <NextLine next={d.next} year={d.year} />
        <View className='o-gap' />
        <KV k='活动形式'>{d.forms.join('、') || '—'}</KV>
        {d.deadlines ? (
          <>
            <KV k='方案报备截止'>{shortDate(d.deadlines.plan, d.year)}</KV>
            <KV k='情况报告截止'>{shortDate(d.deadlines.report, d.year)}</KV>
            {d.deadlines.materials ? <KV k='专栏材料截止'>{shortDate(d.deadlines.materials, d.year)}</KV> : null}
          </>
        ) : null}
      </Card>

      <Section title={`活动方案${d.plans.length > 1 ? `（共 ${d.plans.length} 版）` : ''}`}>
        {plan ? (
          d.plans.map((p) => (
            <Card key={p.version}>
              <View className='o-row__meta' style={{ marginTop: 0, marginBottom: '8px' }}>
                <Tag tone={p === plan ? 'blue' : 'gray'}>
                  第{p.version}版{p === plan ? '（现行）' : ''}
                </Tag>
                {p.onTime ? <Tag tone='green'>按时报备</Tag> : <Tag tone='red'>逾期报备</Tag>}
                {p.outsidePlannedMonths ? <Tag tone='orange'>不在计划月份</Tag> : null}
              </View>
              <KV k='活动日期'>
                {eventDaysLabel(p)}
                {p.startTime ? ` ${p.startTime}` : ''}
              </KV>
              <KV k='地点'>{placeLabel(p.venue)}</KV>
              <KV k='形式'>{p.forms.join('、') || '—'}</KV>
              <KV k='会标'>{p.banner || '—'}</KV>
              <KV k='邀请'>{p.invitees.join('、') || '—'}</KV>
              <KV k='公众席位'>{p.publicSeats ? `${p.publicSeats} 个` : '不开放报名'}</KV>
              <KV k='报备时间'>{time(p.filedAt)}</KV>
            </Card>
          ))
        ) : (
          <Card>
            <View className='o-muted'>责任单位尚未报备活动方案。</View>
          </Card>
        )}
      </Section>

      <ListingReview d={d} onChanged={reload} />

      <Section title='现场签到'>
        <Card>
          {d.checkin ? (
            <>
              <KV k='签到时间'>{time(d.checkin.at)}</KV>
              <KV k='距活动地点'>{d.checkin.distanceMeters === null ? '无法计算' : `${Math.round(d.checkin.distanceMeters)} 米`}</KV>
              {d.checkin.flags.length ? (
                <KV k='提示'>
                  {d.checkin.flags.map((f) => (
                    <Tag key={f} tone='orange'>
                      {CHECKIN_FLAG_LABELS[f] ?? '有待核对的情况'}
                    </Tag>
                  ))}
                </KV>
              ) : null}
            </>
          ) : (
            <View className='o-muted'>尚未签到。</View>
          )}
        </Card>
      </Section>

      <Section title={`现场照片（${d.photos.length} 张，含标识 ${d.logoPhotoCount} 张）`}>
        {d.photos.length ? (
          <View className='u-photos'>
            {d.photos.map((p) => (
              <PhotoTile key={p.photoId} p={p} all={d.photos} testId='office-photo' />
            ))}
          </View>
        ) : (
          <Card>
            <View className='o-muted'>还没有照片。</View>
          </Card>
        )}
      </Section>

      <Section title='情况报告'>
        <Card>
          {d.report ? (
            <>
              <KV k='状态'>
                <Tag tone={d.report.status === 'approved' ? 'green' : d.report.status === 'returned' ? 'red' : 'orange'}>
                  {d.report.status === 'approved' ? '已通过' : d.report.status === 'returned' ? '已退回' : '待审核'}
                </Tag>
                {d.report.late ? <Tag tone='red'>逾期 {d.report.workdaysLate} 个工作日</Tag> : <Tag tone='green'>按时</Tag>}
              </KV>
              <KV k='版本'>第{d.report.version}版</KV>
              <KV k='提交时间'>{time(d.report.submittedAt)}</KV>
              <View className='o-gap' />
              <Button
                type='primary'
                onClick={() => void Taro.navigateTo({ url: `/office/review/index?eventId=${encodeURIComponent(d.eventId)}` })}
              >
                {d.report.status === 'submitted' ? '审核报告' : '查看报告'}
              </Button>
            </>
          ) : (
            <View className='o-muted'>尚未提交情况报告。</View>
          )}
        </Card>
      </Section>

      <Section title='计划表原文'>
        <Card>
          <View className='o-muted' style={{ whiteSpace: 'pre-wrap' }}>
            {d.raw}
          </View>
        </Card>
      </Section>
    </>
  );
}

export default function OfficeEvent() {
  const { params } = useRouter();
  const eventId = params.eventId ? decodeURIComponent(params.eventId) : '';
  const detail = useCall('office', 'eventDetail', eventId ? { eventId } : null);
  return (
    <Page>
      {eventId ? (
        <Async state={detail}>{(d) => <Detail d={d} reload={detail.reload} />}</Async>
      ) : (
        <Empty title='没有指定活动' desc='请从全年活动列表进入' />
      )}
    </Page>
  );
}
