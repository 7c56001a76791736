// 方案报备: date (and end date of a multi-day event), time, venue or online
// platform, forms, invitees, banner, public seats, attachment. The deadlines for
// the chosen days are shown as they are picked, with the rules and calendar the
// server applies; a date that is already too late gets the earliest date still
// possible, one tap away.
import { useEffect, useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import { uploadFile } from '../../api/storage';
import type { ErrorBody, FilePlanInput, FilePlanResult, UnitEventDetail } from '../../api/types';
import { Button, Card, Choice, confirmFirst, Field, Page, Section, TextInput } from '../../components';
import { eventDeadlines, type EventDeadlines } from '../../domain/deadlines';
import { eventDaysLabel } from '../../domain/eventKinds';
import { bannerText } from '../../domain/reportRules';
import { IDENTITIES, type Identity } from '../../domain/signups';
import { fmtDate, shanghaiDateOf } from '../../domain/time';
import { choosePlace, currentPosition } from '../../lib/location';
import { askSubscribe } from '../../lib/subscribe';
import { DateInput, fmtInstant, go, useEventDetail, Keep } from '../shared';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEB_LINK = /^https?:\/\/\S+\.\S+$/;

/** What filePlan will compute: the plan counts back from the first day, report and materials on from the last. */
function liveDeadlines(date: string, endDate: string, d: UnitEventDetail): EventDeadlines | null {
  if (!ISO_DATE.test(date)) return null;
  const last = ISO_DATE.test(endDate) && endDate >= date ? endDate : undefined;
  try {
    return eventDeadlines(date, d.rules, last);
  } catch {
    return null; // a year without calendar data: the server will say so
  }
}

function PlanForm({ d }: { d: UnitEventDetail }) {
  const eventId = d.event.eventId;
  const p = d.plan;
  const unitName = (d.event.units ?? []).join('、');
  const [date, setDate] = useState(p?.date ?? d.event.plannedDate ?? '');
  const [multiDay, setMultiDay] = useState(Boolean(p?.endDate && p.endDate !== p.date));
  const [endDate, setEndDate] = useState(p?.endDate ?? '');
  const [online, setOnline] = useState(Boolean(p?.venue.online));
  const [platform, setPlatform] = useState(p?.venue.platform ?? '');
  const [link, setLink] = useState(p?.venue.link ?? '');
  const [startTime, setStartTime] = useState(p?.startTime ?? '');
  const [venueName, setVenueName] = useState(p?.venue.name ?? '');
  const [address, setAddress] = useState(p?.venue.address ?? '');
  const [coords, setCoords] = useState<{ latitude: number; longitude: number } | null>(
    p?.venue.latitude !== undefined && p?.venue.longitude !== undefined
      ? { latitude: p.venue.latitude, longitude: p.venue.longitude }
      : null,
  );
  const [forms, setForms] = useState<string[]>(p?.forms ?? d.event.forms ?? []);
  const [formText, setFormText] = useState('');
  const [invitees, setInvitees] = useState<Identity[]>(p?.invitees ?? []);
  const [banner, setBanner] = useState(p?.banner ?? d.suggestedBanner ?? '');
  const [topic, setTopic] = useState('');
  const [open, setOpen] = useState((p?.publicSeats ?? 0) > 0);
  // An online event nobody capped keeps the seats field empty: 不限人数.
  const [seats, setSeats] = useState(p?.uncapped ? '' : p?.publicSeats ? String(p.publicSeats) : p?.venue.online ? '' : '20');
  const [signupBy, setSignupBy] = useState(shanghaiDateOf(p?.signupDeadline));
  const [attachment, setAttachment] = useState<{ fileID: string; name: string } | null>(
    p?.attachmentFileID ? { fileID: p.attachmentFileID, name: '已上传的附件' } : null,
  );
  const [uploading, setUploading] = useState<number | null>(null);
  const [locating, setLocating] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [bad, setBad] = useState<Record<string, string>>({});
  const [done, setDone] = useState<FilePlanResult | null>(null);

  const lastDay = multiDay ? endDate : '';
  const live = useMemo(() => liveDeadlines(date, lastDay, d), [date, lastDay, d]);
  // Judged by the server's clock (earliestDate), not the phone's, which may be wrong.
  const tooLate = live && d.earliestDate ? date < d.earliestDate : false;
  const year = Number(date.slice(0, 4)) || d.event.year || new Date().getFullYear();
  const templates = d.rules.bannerTemplates ?? [];

  // The date's year is part of the banner; keep a generated banner in step with it.
  const firstTemplate = templates[0];
  const filedBanner = p?.banner;
  useEffect(() => {
    if (!filedBanner && firstTemplate && !topic) setBanner(bannerText(firstTemplate, { unit: unitName, year }));
  }, [year, filedBanner, firstTemplate, topic, unitName]);

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  const pickPlace = async () => {
    if (process.env.TARO_ENV === 'weapp') {
      const place = await choosePlace();
      if (place) {
        setVenueName(venueName || place.name);
        setAddress(place.address ?? '');
        setCoords({ latitude: place.latitude, longitude: place.longitude });
      }
      return;
    }
    setLocating(true);
    const r = await currentPosition();
    setLocating(false);
    if (r.ok) setCoords({ latitude: r.position.latitude, longitude: r.position.longitude });
    else void Taro.showToast({ title: r.message, icon: 'none' });
  };

  const attach = async () => {
    let file: string | Blob | null = null;
    let name = '附件';
    if (process.env.TARO_ENV === 'h5') {
      file = await new Promise<File | null>((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.onchange = () => resolve(input.files?.[0] ?? null);
        input.click();
      });
      if (file) name = (file as File).name;
    } else {
      try {
        const r = await Taro.chooseMessageFile({ count: 1, type: 'file' });
        file = r.tempFiles[0].path;
        name = r.tempFiles[0].name;
      } catch {
        file = null;
      }
    }
    if (!file) return;
    setUploading(0);
    const safe = name.replace(/[^\w.\-\u4e00-\u9fa5]/g, '_').slice(-60);
    const up = await uploadFile(file, `events/${eventId}/plan/${Date.now()}-${safe}`, setUploading);
    setUploading(null);
    if (up.ok) setAttachment({ fileID: up.data.fileID, name });
    else void Taro.showToast({ title: up.error.message, icon: 'none' });
  };

  const submit = async (shrinkSeats = false) => {
    const problems: Record<string, string> = {};
    if (!date) problems.date = '请选择活动日期';
    if (multiDay && !endDate) problems.endDate = '请选择结束日期，或取消“多日活动”';
    else if (multiDay && endDate < date) problems.endDate = '结束日期不能早于活动日期';
    if (online) {
      if (platform.trim().length < 2 && !link.trim()) problems.platform = '请填写平台名称或活动链接';
      if (link.trim() && !WEB_LINK.test(link.trim())) problems.link = '链接须为完整网址，如 https://…';
    } else if (venueName.trim().length < 2) problems.venue = '请填写活动地点名称';
    // Online, an empty seat count means no cap; at a venue the seats are the room's.
    const seatCount = seats.trim() ? Number(seats) : null;
    if (open && !(online && seatCount === null) && !(Number(seatCount) > 0)) problems.seats = '请填写开放的市民席位数';
    setBad(problems);
    if (Object.keys(problems).length) return;
    const venue = online
      ? {
          name: platform.trim().length >= 2 ? platform.trim() : '线上活动',
          online: true,
          ...(platform.trim().length >= 2 ? { platform: platform.trim() } : {}),
          ...(link.trim() ? { link: link.trim() } : {}),
        }
      : { name: venueName.trim(), ...(address.trim() ? { address: address.trim() } : {}), ...(coords ?? {}) };
    const input: FilePlanInput = {
      eventId,
      date,
      ...(multiDay && endDate !== date ? { endDate } : {}),
      venue,
      invitees,
      ...(open ? (seatCount === null ? {} : { publicSeats: seatCount }) : { publicSeats: 0 }),
      ...(startTime ? { startTime } : {}),
      ...(forms.length ? { forms } : {}),
      ...(banner.trim() ? { banner: banner.trim() } : {}),
      ...(open && signupBy ? { signupDeadline: `${signupBy}T23:59:59+08:00` } : {}),
      ...(attachment ? { attachmentFileID: attachment.fileID } : {}),
      ...(shrinkSeats ? { shrinkSeats } : {}),
    };
    // WeChat shows the consent dialog only from a tap, before any await: ask now
    // for the report/materials deadline reminders this filing starts.
    void askSubscribe(['deadline']);
    setSending(true);
    setError(null);
    const r = await call('unit', 'filePlan', input);
    setSending(false);
    if (r.ok) {
      setDone(r.data);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } else setError(r.error);
  };

  // Fewer seats than residents already confirmed: the server names the numbers; moving
  // the latest confirmations back to the waiting list is the unit's decision, asked once more.
  const refusedSeats = error?.details?.reason === 'SEATS_BELOW_CONFIRMED' ? error.details : null;
  // Offered only for the number refused: a new number is a new question for the server.
  const shrink = refusedSeats && Number(refusedSeats.seats) === (open ? Number(seats) : 0) ? Number(refusedSeats.excess) : 0;
  const confirmShrink = async () => {
    const yes = await confirmFirst('缩减名额？', `最晚确认的 ${shrink} 位市民将转入候补（排在候补最前），并收到通知。`, '确认缩减');
    if (yes) await submit(true);
  };

  if (done) {
    return (
      <>
        <View className='u-notice u-notice--ok' data-testid='plan-filed'>
          <View className='u-big'>方案已报备（第 {done.version} 版）</View>
        </View>
        <Card>
          <View className='u-kv'>
            <View className='u-kv__k'>活动日期</View>
            <View className='u-kv__v'>{eventDaysLabel({ date, endDate: done.endDate })}</View>
          </View>
          <View className='u-kv'>
            <View className='u-kv__k'>情况报告截止</View>
            <View className='u-kv__v'>{fmtInstant(done.reportDeadline)}</View>
          </View>
          {done.materialsDeadline ? (
            <View className='u-kv'>
              <View className='u-kv__k'>专栏材料截止</View>
              <View className='u-kv__v'>{fmtInstant(done.materialsDeadline)}</View>
            </View>
          ) : null}
        </Card>
        {done.seats.promoted || done.seats.movedBack || done.seats.notified ? (
          <View className='u-notice' data-testid='plan-seats'>
            {[
              done.seats.promoted ? `候补的 ${done.seats.promoted} 人已按顺序转为正式报名` : '',
              done.seats.movedBack ? `最晚确认的 ${done.seats.movedBack} 人已转入候补` : '',
              done.seats.notified ? `已在消息中心通知 ${done.seats.notified} 位报名市民` : '',
            ]
              .filter(Boolean)
              .join('；')}
          </View>
        ) : null}
        {(done.warnings ?? []).map((w) => (
          <View key={w} className='u-notice u-notice--warn'>
            {w}
          </View>
        ))}
        <Button type='primary' onClick={() => void Taro.navigateBack().catch(() => go('event', eventId))}>
          返回活动
        </Button>
      </>
    );
  }

  const earliest = error?.code === 'DEADLINE_PASSED' ? String(error.details?.earliestDate ?? '') : '';
  return (
    <>
      <Card>
        <View className='z-card__title'>{d.event.theme}</View>
        <View className='u-muted'>{unitName}</View>
      </Card>
      <Section title='时间地点'>
        <Field label='活动日期' required error={bad.date}>
          <DateInput mode='date' value={date} onChange={setDate} placeholder='选择活动日期' testId='plan-date' />
        </Field>
        <Choice kind='checkbox' checked={multiDay} className='u-switch' onChange={setMultiDay} testId='plan-multiday'>
          {multiDay ? '☑ 多日活动（如宣传周）' : '☐ 多日活动（如宣传周）'}
        </Choice>
        {multiDay ? (
          <Field label='结束日期' required error={bad.endDate} hint='活动期间每天都可以签到；情况报告和专栏材料从结束日期起算'>
            <DateInput mode='date' value={endDate} onChange={setEndDate} min={date} placeholder='选择结束日期' testId='plan-end-date' />
          </Field>
        ) : null}
        {live ? (
          <View className={tooLate ? 'u-notice u-notice--error' : 'u-notice u-notice--ok'} data-testid='plan-deadline'>
            方案须在 {fmtInstant(live.plan)} 前报备（提前 {d.rules.planLeadWorkdays} 个工作日）
            {tooLate ? '，已过期限' : ''}；情况报告 {fmtInstant(live.report)} 前报送
            {live.materials ? `；专栏材料 ${fmtInstant(live.materials)} 前报送` : ''}
            {multiDay && lastDay >= date ? '（从结束日期起算）' : ''}
          </View>
        ) : d.earliestDate ? (
          <View className='u-muted'>现在报备，最早可选 {fmtDate(d.earliestDate, { weekday: true })}</View>
        ) : null}
        <Field label='开始时间'>
          <DateInput mode='time' value={startTime} onChange={setStartTime} placeholder='如 09:30' testId='plan-time' />
        </Field>
        <Choice kind='checkbox' checked={online} className='u-switch' onChange={setOnline} testId='plan-online'>
          {online ? '☑ 线上活动（在线访谈、热线问答等）' : '☐ 线上活动（在线访谈、热线问答等）'}
        </Choice>
        {online ? (
          <>
            <Field label='平台名称' error={bad.platform} hint='平台名称和活动链接至少填一项；签到时上传活动截图或填写链接，无需定位'>
              <TextInput value={platform} onChange={setPlatform} placeholder='平台名称，如 红网问政' maxlength={40} />
            </Field>
            <Field label='活动链接' error={bad.link}>
              <TextInput value={link} onChange={setLink} placeholder='活动链接，如 https://…' maxlength={300} />
            </Field>
          </>
        ) : (
          <>
            <Field
              label='活动地点'
              required
              error={bad.venue}
              hint={coords ? '已定位：活动地点的位置已记录，签到时用来核对距离' : '定位后，现场签到可核对是否在活动地点'}
            >
              <TextInput value={venueName} onChange={setVenueName} placeholder='地点名称，如 区政务服务中心三楼会议室' />
            </Field>
            <Field label='详细地址'>
              <TextInput value={address} onChange={setAddress} placeholder='详细地址（选填）' />
            </Field>
            <Button size='small' inline loading={locating} onClick={() => void pickPlace()}>
              {process.env.TARO_ENV === 'weapp' ? '在地图上选择地点' : '使用当前位置'}
            </Button>
          </>
        )}
      </Section>
      <Section title='活动形式与邀请对象'>
        <Field label='活动形式' hint='默认取自年度计划安排表，可增删'>
          <View className='u-chips'>
            {[...new Set([...(d.event.forms ?? []), ...forms])].map((f) => (
              <Choice
                key={f}
                kind='checkbox'
                checked={forms.includes(f)}
                className={forms.includes(f) ? 'u-chip u-chip--on' : 'u-chip'}
                onChange={() => setForms(toggle(forms, f))}
              >
                {forms.includes(f) ? '✓ ' : ''}
                {f}
              </Choice>
            ))}
          </View>
          <View className='u-row'>
            <View style={{ flex: 1, marginRight: '8px' }}>
              <TextInput value={formText} onChange={setFormText} placeholder='其他形式，如 座谈交流' />
            </View>
            <Button
              size='small'
              inline
              onClick={() => {
                const t = formText.trim();
                if (t && !forms.includes(t)) setForms([...forms, t]);
                setFormText('');
              }}
            >
              添加
            </Button>
          </View>
        </Field>
        <Field label='邀请对象'>
          <View className='u-chips' data-testid='invitees'>
            {IDENTITIES.map((v) => (
              <Choice
                key={v}
                kind='checkbox'
                checked={invitees.includes(v)}
                className={invitees.includes(v) ? 'u-chip u-chip--on' : 'u-chip'}
                onChange={() => setInvitees(toggle(invitees, v))}
              >
                {invitees.includes(v) ? '✓ ' : ''}
                {v}
              </Choice>
            ))}
          </View>
        </Field>
      </Section>
      <Section title='会标'>
        <Field label='会标文字' hint={`须含“${d.rules.keyword}”字样，可修改`}>
          <TextInput value={banner} onChange={setBanner} placeholder='会标文字' maxlength={80} />
        </Field>
        {templates.some((t) => t.includes('{topic}')) ? (
          <Field label='活动主题（用于“…活动暨××”）'>
            <View className='u-row'>
              <View style={{ flex: 1, marginRight: '8px' }}>
                <TextInput value={topic} onChange={setTopic} placeholder='如 小升初招生政策解读' />
              </View>
              <Button
                size='small'
                inline
                onClick={() =>
                  setBanner(bannerText(templates.find((t) => t.includes('{topic}')) ?? templates[0], { unit: unitName, year, topic }))
                }
              >
                生成
              </Button>
            </View>
          </Field>
        ) : null}
      </Section>
      <Section title='市民报名'>
        <Card>
          <View className='u-row'>
            <Choice kind='checkbox' checked={open} className='u-switch' onChange={setOpen}>
              {open ? '☑ 开放市民报名' : '☐ 开放市民报名'}
            </Choice>
          </View>
          {open ? (
            <>
              <View className='u-gap' />
              <Field label='开放席位' error={bad.seats} hint={online ? '线上活动不填则不限人数' : undefined}>
                <TextInput type='number' value={seats} onChange={setSeats} placeholder={online ? '不限人数' : '席位数'} />
              </Field>
              <Field label='报名截止日期' hint='当天 23:59 截止；不填则报名到活动开始'>
                <DateInput mode='date' value={signupBy} onChange={setSignupBy} placeholder='选择日期' />
              </Field>
            </>
          ) : null}
        </Card>
      </Section>
      <Section title='附件（选填）'>
        <Card>
          <View className='u-row'>
            <View className='u-muted'>{attachment ? attachment.name : uploading !== null ? `上传中 ${uploading}%` : '活动方案全文等'}</View>
            <Button size='small' inline loading={uploading !== null} onClick={() => void attach()}>
              {attachment ? '重新选择' : '选择文件'}
            </Button>
          </View>
        </Card>
      </Section>
      {error ? (
        <View className='u-notice u-notice--error' data-testid='plan-error'>
          {error.message}
          {earliest ? (
            <>
              <View className='u-big'>最早可报备 {fmtDate(earliest, { weekday: true })}</View>
              <Button
                size='small'
                inline
                onClick={() => {
                  setDate(earliest);
                  setError(null);
                }}
              >
                改为 {fmtDate(earliest)}
              </Button>
            </>
          ) : null}
          {shrink > 0 ? (
            <Button size='small' loading={sending} onClick={() => void confirmShrink()}>
              缩减名额，{shrink} 人转入候补
            </Button>
          ) : null}
        </View>
      ) : null}
      <Button type='primary' loading={sending} onClick={() => void submit()}>
        {d.plan ? '提交新版本方案' : '提交报备'}
      </Button>
    </>
  );
}

export default function UnitPlan() {
  const { params } = useRouter();
  const detail = useEventDetail(params.eventId ?? '');
  return (
    <Page>
      <Keep state={detail}>{(d) => <PlanForm d={d} />}</Keep>
    </Page>
  );
}
