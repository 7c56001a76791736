// One event: where it stands (待报备 → 已报备 → 已举办 → 已报告 → 待公开审查 → 已公开), its
// deadlines, the next thing to do, and what still waits on the phone.
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button, Card, Page, Section, Tag } from '../../components';
import { STATUS_LABELS, STATUS_TABLE, type EventStatus } from '../../domain/lifecycle';
import { fmtDate } from '../../domain/time';
import type { UnitEventDetail } from '../../api/types';
import { OutboxPanel, fmtInstant, go, useEventDetail, useReloadOnShow, Keep } from '../shared';
import { eventDaysLabel, placeLabel } from '../../domain/eventKinds';

// The path an event takes; a returned report stands where the report is.
const PATH: EventStatus[] = ['planned', 'plan_filed', 'held', 'reported', 'approved', 'published'];

function Timeline({ status }: { status: EventStatus }) {
  const at = PATH.indexOf(status === 'returned' ? 'reported' : status);
  const finished = STATUS_TABLE[status].group === 'done';
  return (
    <View className='u-timeline' data-testid='timeline'>
      {PATH.map((s, i) => (
        <View
          key={s}
          className={`u-step ${i < at || (i === at && finished) ? 'u-step--done' : ''} ${i === at && !finished ? 'u-step--now' : ''}`}
        >
          <View className='u-step__dot' />
          {STATUS_LABELS[i === at ? status : s]}
        </View>
      ))}
    </View>
  );
}

function Kv({ k, v, red }: { k: string; v?: string | null; red?: boolean }) {
  if (!v) return null;
  return (
    <View className='u-kv'>
      <View className='u-kv__k'>{k}</View>
      <View className={red ? 'u-kv__v u-red' : 'u-kv__v'}>{v}</View>
    </View>
  );
}

function NextAction({ d }: { d: UnitEventDetail }) {
  const id = d.event.eventId;
  const step = d.next?.step;
  const s = d.event.status;
  return (
    <View className='u-btns'>
      {step === 'file_plan' ? (
        <Button type='primary' onClick={() => go('plan', id)}>
          报备活动方案
        </Button>
      ) : null}
      {step === 'check_in' ? (
        <Button type='primary' onClick={() => go('checkin', id)}>
          现场签到
        </Button>
      ) : null}
      {step === 'submit_report' || step === 'fix_report' ? (
        <Button type='primary' onClick={() => go('report', id)}>
          {step === 'fix_report' ? '修改并重新提交报告' : '撰写情况报告'}
        </Button>
      ) : null}
      {s !== 'planned' ? <Button onClick={() => go('photos', id)}>现场拍照（{d.photos.length}）</Button> : null}
      {s === 'plan_filed' && step !== 'check_in' ? <Button onClick={() => go('checkin', id)}>现场签到</Button> : null}
      {s === 'plan_filed' ? <Button onClick={() => go('plan', id)}>修改方案（新版本）</Button> : null}
      {(d.plan?.publicSeats ?? 0) > 0 ? <Button onClick={() => go('attendees', id)}>报名名单与签到码</Button> : null}
      <Button onClick={() => go('questionnaire', id)}>活动问卷</Button>
    </View>
  );
}

export default function UnitEvent() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const detail = useEventDetail(eventId);
  useReloadOnShow(detail.reload);
  return (
    <Page>
      <OutboxPanel eventId={eventId} />
      <Keep state={detail}>
        {(d) => (
          <>
            {detail.offline ? <View className='u-notice u-notice--warn'>当前离线，显示的是本机保存的信息</View> : null}
            <Card>
              <View className='z-card__title'>{d.event.theme}</View>
              <View className='u-muted'>
                {d.event.seq ? `计划第 ${d.event.seq} 项 · ` : ''}
                {(d.event.units ?? []).join('、')}
              </View>
              <View className='u-gap' />
              <Timeline status={d.event.status} />
            </Card>
            {d.event.listingNotice ? (
              <View className='u-notice u-notice--warn' data-testid='unit-listing-notice'>
                {d.event.listingNotice}
              </View>
            ) : null}
            {d.next && d.next.step !== 'done' ? (
              <View className={d.next.overdue ? 'u-notice u-notice--error' : 'u-notice u-notice--warn'} data-testid='next-step'>
                下一步：{d.next.label}
                {d.next.due ? `（${d.next.overdue ? '已逾期，' : ''}截止 ${fmtInstant(d.next.due)}）` : ''}
              </View>
            ) : null}
            {d.report?.status === 'returned' && d.report.comment ? (
              <View className='u-notice u-notice--error'>公开办退回意见：{d.report.comment}</View>
            ) : null}
            <NextAction d={d} />
            <Section title='活动安排'>
              <Card>
                <Kv k='活动日期' v={d.plan ? `${eventDaysLabel(d.plan)}${d.plan.startTime ? ` ${d.plan.startTime}` : ''}` : '尚未报备'} />
                <Kv k='活动地点' v={d.plan ? placeLabel(d.plan.venue) : null} />
                <Kv k='会标' v={d.plan?.banner} />
                <Kv k='方案版本' v={d.plan ? `第 ${d.plan.version} 版，${fmtInstant(d.plan.filedAt)} 报备` : null} />
                <Kv
                  k='签到'
                  v={
                    d.checkin
                      ? `${fmtInstant(d.checkin.at)}${d.checkin.distanceMeters != null ? `，距活动地点 ${Math.round(d.checkin.distanceMeters)} 米` : ''}`
                      : null
                  }
                />
                <Kv
                  k='情况报告'
                  v={
                    d.report
                      ? `第 ${d.report.version} 版 · ${d.report.status === 'returned' ? '已退回' : d.report.status === 'approved' ? '已通过' : '待审核'}${d.report.late ? ` · 逾期 ${d.report.workdaysLate ?? ''} 个工作日` : ''}`
                      : null
                  }
                />
              </Card>
            </Section>
            <Section title='时限'>
              <Card>
                {d.deadlines ? (
                  <>
                    <Kv k='方案报备' v={`${fmtInstant(d.deadlines.plan)} 前`} />
                    <Kv k='情况报告' v={`${fmtInstant(d.deadlines.report)} 前`} />
                    <Kv k='专栏材料' v={d.deadlines.materials ? `${fmtInstant(d.deadlines.materials)} 前` : null} />
                  </>
                ) : (
                  <View className='u-muted'>
                    方案须在活动日期前 {d.rules.planLeadWorkdays} 个工作日报备
                    {d.earliestDate ? `；现在报备，最早可选 ${fmtDate(d.earliestDate, { weekday: true })}` : ''}
                  </View>
                )}
              </Card>
            </Section>
            <Section title='现场照片'>
              <Card>
                <View className='u-row'>
                  <View>
                    已上传 {d.photos.length} 张，含标识 {d.photos.filter((p) => p.hasLogo).length} 张
                    <View className='u-muted'>
                      至少需要 {d.rules.minLogoPhotos} 张带“{d.rules.keyword}”标识的现场照片
                    </View>
                  </View>
                  {d.photos.filter((p) => p.hasLogo).length >= d.rules.minLogoPhotos ? (
                    <Tag tone='green'>已满足</Tag>
                  ) : (
                    <Tag tone='red'>未满足</Tag>
                  )}
                </View>
              </Card>
            </Section>
          </>
        )}
      </Keep>
    </Page>
  );
}
