// 情况报告 with the parts the notice names (活动概况、经验做法、工作实效、参与人数), photos,
// short videos; the 新闻稿 as its own text, checked for the keyword as it is typed (the
// same rule the server applies); and the 专栏材料, a separate earlier delivery.
// The text is kept on the phone as it is written, and 保存草稿 stores it on the server.
import { useEffect, useMemo, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import { uploadFile } from '../../api/storage';
import type { Attendance, ErrorBody, SubmitReportInput, SubmitReportResult, UnitEventDetail } from '../../api/types';
import { REPORT_PART_LABELS, REPORT_PARTS, VIDEO_LIMITS, VIDEO_LIMITS_TEXT, type ReportPart } from '../../domain/reportParts';
import { MaterialsForm } from './materials';
import {
  Button,
  Card,
  Choice,
  Field,
  Img,
  Page,
  PhotoMark,
  Section,
  TextArea,
  TextInput,
  confirmFirst,
  photoWords,
} from '../../components';
import { KEYWORD_PLACE_LABELS, checkReportKeyword } from '../../domain/reportRules';
import { KEYWORD_PLACES, type KeywordPlace } from '../../domain/rules';
import { fmtInstant, go, useEventDetail, Keep } from '../shared';

const LOCAL_PREFIX = 'zwgk.report-draft.';
const ATTENDANCE: Array<[keyof Attendance, string]> = [
  ['total', '参加人数'],
  ['deputies', '人大代表、政协委员'],
  ['experts', '专家学者'],
  ['media', '新闻媒体'],
  ['residents', '普通市民'],
];

interface Draft {
  title: string;
  /** Free paragraphs of a report written before the named parts (kept, sent as they are). */
  paragraphs: string[];
  parts: Record<ReportPart, string>;
  participants: string;
  newsTitle: string;
  newsParagraphs: string[];
  photoIds: string[];
  videoFileIDs: string[];
  attendance: Record<string, string>;
  publicRaised: string;
}

function initialDraft(d: UnitEventDetail): Draft {
  const local = Taro.getStorageSync(LOCAL_PREFIX + d.event.eventId) as Draft | '';
  if (local && local.parts) return local;
  const src = d.draft ?? (d.report?.status === 'returned' ? d.report : null);
  const participants = d.participants?.suggested ? String(d.participants.suggested) : '';
  if (src) {
    return {
      title: src.title,
      paragraphs: src.parts ? [] : src.paragraphs,
      parts: { overview: src.parts?.overview ?? '', practices: src.parts?.practices ?? '', results: src.parts?.results ?? '' },
      participants: src.participants != null ? String(src.participants) : participants,
      newsTitle: src.newsRelease?.title ?? '',
      newsParagraphs: src.newsRelease?.paragraphs ?? ['', '', ''],
      photoIds: src.photoIds,
      videoFileIDs: src.videoFileIDs ?? [],
      attendance: Object.fromEntries(Object.entries(src.attendance ?? {}).map(([k, v]) => [k, String(v)])),
      publicRaised: src.publicRaised ?? '',
    };
  }
  // Stamped photos are what the rules ask for: preselect them.
  return {
    title: '',
    paragraphs: [],
    parts: { overview: '', practices: '', results: '' },
    participants,
    newsTitle: '',
    newsParagraphs: ['', '', ''],
    photoIds: d.photos.filter((p) => p.hasLogo).map((p) => p.photoId),
    videoFileIDs: [],
    attendance: {},
    publicRaised: '',
  };
}

function toInput(eventId: string, f: Draft): SubmitReportInput {
  const attendance: Attendance = {};
  for (const [k] of ATTENDANCE) {
    const n = Number(f.attendance[k]);
    if (f.attendance[k] !== undefined && f.attendance[k] !== '' && Number.isInteger(n) && n >= 0) attendance[k] = n;
  }
  const parts = Object.fromEntries(REPORT_PARTS.map((p) => [p, f.parts[p].trim()]).filter(([, v]) => v));
  const newsParagraphs = f.newsParagraphs.map((p) => p.trim()).filter(Boolean);
  const participants = Number(f.participants);
  return {
    eventId,
    title: f.title.trim(),
    paragraphs: f.paragraphs.map((p) => p.trim()).filter(Boolean),
    ...(Object.keys(parts).length ? { parts } : {}),
    ...(f.participants.trim() && Number.isInteger(participants) && participants >= 0 ? { participants } : {}),
    ...(f.newsTitle.trim() || newsParagraphs.length ? { newsRelease: { title: f.newsTitle.trim(), paragraphs: newsParagraphs } } : {}),
    photoIds: f.photoIds,
    ...(f.videoFileIDs.length ? { videoFileIDs: f.videoFileIDs } : {}),
    ...(Object.keys(attendance).length ? { attendance } : {}),
    ...(f.publicRaised.trim() ? { publicRaised: f.publicRaised.trim() } : {}),
  };
}

function ReportForm({ d }: { d: UnitEventDetail }) {
  const eventId = d.event.eventId;
  const [f, setF] = useState<Draft>(() => initialDraft(d));
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(d.draft?.savedAt ?? null);
  const [sending, setSending] = useState(false);
  const [video, setVideo] = useState<number | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState<SubmitReportResult | null>(null);
  const first = useRef(true);

  // Kept on the phone as it is typed: a dropped call or a closed app loses nothing.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => Taro.setStorageSync(LOCAL_PREFIX + eventId, f), 400);
    return () => clearTimeout(t);
  }, [f, eventId]);

  // The keyword rule reads the 新闻稿 (or, without one, the report), as the server does.
  const hasNews = Boolean(f.newsTitle.trim() || f.newsParagraphs.some((p) => p.trim()));
  const newsAsked = d.rules.reportKeywordPlaces.length > 0;
  const check = useMemo(
    () =>
      hasNews
        ? checkReportKeyword({ title: f.newsTitle, paragraphs: f.newsParagraphs }, d.rules.keyword, d.rules.reportKeywordPlaces)
        : checkReportKeyword(
            { title: f.title, paragraphs: [...f.paragraphs, ...REPORT_PARTS.map((p) => f.parts[p])] },
            d.rules.keyword,
            d.rules.reportKeywordPlaces,
          ),
    [hasNews, f.newsTitle, f.newsParagraphs, f.title, f.paragraphs, f.parts, d.rules],
  );
  const setNews = (i: number, v: string) => set({ newsParagraphs: f.newsParagraphs.map((p, j) => (j === i ? v : p)) });
  const chosen = d.photos.filter((p) => f.photoIds.includes(p.photoId));
  const logoChosen = chosen.filter((p) => p.hasLogo).length;
  const set = (patch: Partial<Draft>) => setF((s) => ({ ...s, ...patch }));
  const setPara = (i: number, v: string) => set({ paragraphs: f.paragraphs.map((p, j) => (j === i ? v : p)) });

  const addVideo = async () => {
    let file: Blob | string | null = null;
    if (process.env.TARO_ENV === 'h5') {
      file = await new Promise<File | null>((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = 'video/*';
        input.onchange = () => resolve(input.files?.[0] ?? null);
        input.click();
      });
    } else {
      try {
        const r = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: 60 });
        const t = r.tempFiles[0];
        if (t && (t.size > VIDEO_LIMITS.maxBytes || t.duration > VIDEO_LIMITS.maxSeconds)) {
          void Taro.showToast({ title: VIDEO_LIMITS_TEXT, icon: 'none' });
          return;
        }
        file = t?.tempFilePath ?? null;
      } catch {
        file = null;
      }
    }
    if (!file) return;
    if (typeof file !== 'string' && file.size > VIDEO_LIMITS.maxBytes) {
      void Taro.showToast({ title: VIDEO_LIMITS_TEXT, icon: 'none' });
      return;
    }
    setVideo(0);
    const up = await uploadFile(file, `events/${eventId}/videos/${Date.now()}.mp4`, setVideo);
    setVideo(null);
    if (up.ok) set({ videoFileIDs: [...f.videoFileIDs, up.data.fileID] });
    else void Taro.showToast({ title: up.error.message, icon: 'none' });
  };

  const saveDraft = async () => {
    setSaving(true);
    const r = await call('unit', 'saveDraft', toInput(eventId, f));
    setSaving(false);
    if (r.ok) {
      setSavedAt(r.data.savedAt);
      void Taro.showToast({ title: '草稿已保存', icon: 'success' });
    } else void Taro.showToast({ title: r.error.message, icon: 'none' });
  };

  const submit = async () => {
    setSending(true);
    setError(null);
    const r = await call('unit', 'submitReport', toInput(eventId, f));
    setSending(false);
    if (r.ok) {
      setDone(r.data);
      Taro.removeStorageSync(LOCAL_PREFIX + eventId);
    } else setError(r.error);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  if (done) {
    return (
      <>
        <View className={done.late ? 'u-notice u-notice--warn' : 'u-notice u-notice--ok'} data-testid='report-submitted'>
          <View className='u-big'>情况报告已提交（第 {done.version} 版）</View>
          <View>
            {done.late
              ? `逾期 ${done.workdaysLate ?? ''} 个工作日（截止 ${fmtInstant(done.deadline)}）`
              : `按时提交（截止 ${fmtInstant(done.deadline)}）`}
          </View>
        </View>
        <Button type='primary' onClick={() => void Taro.navigateBack().catch(() => go('event', eventId))}>
          返回活动
        </Button>
      </>
    );
  }

  const missingPlaces =
    error?.code === 'KEYWORD_MISSING' && Array.isArray(error.details?.places) ? (error.details?.places as KeywordPlace[]) : [];
  return (
    <>
      {d.report?.status === 'returned' ? (
        <View className='u-notice u-notice--error'>
          第 {d.report.version} 版被退回{d.report.comment ? `：${d.report.comment}` : ''}。修改后提交为新版本。
        </View>
      ) : null}
      {error ? (
        <View className='u-notice u-notice--error' data-testid='report-error'>
          {error.message}
          {missingPlaces.length ? <View>缺少关键字的位置：{missingPlaces.map((p) => KEYWORD_PLACE_LABELS[p] ?? p).join('、')}</View> : null}
        </View>
      ) : null}
      <MaterialsForm d={d} />
      <Card>
        <View className='u-muted'>
          {newsAsked
            ? `新闻稿（未单独填写时按报告检查）中“${d.rules.keyword}”须出现在：`
            : `本辖区不要求新闻稿关键字；“${d.rules.keyword}”出现在：`}
        </View>
        <View className='u-checks' data-testid='keyword-check'>
          {KEYWORD_PLACES.map((p) => {
            const required = d.rules.reportKeywordPlaces.includes(p);
            const ok = check.places[p];
            return (
              <View
                key={p}
                className={ok ? 'u-check u-check--ok' : required ? 'u-check u-check--no' : 'u-check'}
                data-testid={`kw-${p}`}
                data-ok={ok ? 'yes' : 'no'}
              >
                {ok ? '✓' : '✗'} {KEYWORD_PLACE_LABELS[p]}
                {required ? '' : '（不要求）'}
              </View>
            );
          })}
        </View>
      </Card>
      <Section title='情况报告'>
        <Field label='标题' required>
          <TextInput value={f.title} onChange={(v) => set({ title: v })} placeholder='报告标题' maxlength={100} />
        </Field>
        {REPORT_PARTS.map((p) => (
          <Field key={p} label={REPORT_PART_LABELS[p]} required={p === 'overview'}>
            <TextArea
              value={f.parts[p]}
              onChange={(v) => set({ parts: { ...f.parts, [p]: v } })}
              placeholder={REPORT_PART_LABELS[p]}
              maxlength={5000}
            />
          </Field>
        ))}
        <Field
          label='参与人数'
          hint={d.participants ? `报名确认 ${d.participants.confirmed} 人，扫码签到 ${d.participants.attended} 人；可修改` : undefined}
        >
          <TextInput type='number' value={f.participants} onChange={(v) => set({ participants: v })} placeholder='人数' />
        </Field>
        {f.paragraphs.map((p, i) => (
          <View key={i} className='u-para'>
            <TextArea value={p} onChange={(v) => setPara(i, v)} placeholder={`第${i + 1}段`} maxlength={5000} />
            {f.paragraphs.length > 1 ? (
              <Button
                size='small'
                inline
                type='danger'
                className='u-para__del'
                label={`删除第${i + 1}段`}
                onClick={() =>
                  void confirmFirst('删除这一段？', p.trim() ? `第${i + 1}段的文字将被删除。` : '这一段是空的。').then((yes) => {
                    if (yes) set({ paragraphs: f.paragraphs.filter((_, j) => j !== i) });
                  })
                }
              >
                删除
              </Button>
            ) : null}
          </View>
        ))}
        <Button size='small' inline onClick={() => set({ paragraphs: [...f.paragraphs, ''] })}>
          ＋ 添加其他段落
        </Button>
      </Section>
      <Section title={newsAsked ? '新闻稿（必填：标题、首段、正文、结尾均须有关键字）' : '新闻稿（选填）'}>
        <Field label='新闻稿标题'>
          <TextInput value={f.newsTitle} onChange={(v) => set({ newsTitle: v })} placeholder='新闻稿标题' maxlength={100} />
        </Field>
        {f.newsParagraphs.map((p, i) => (
          <Field key={i} label={i === 0 ? '首段' : i === f.newsParagraphs.length - 1 ? '结尾' : '正文'}>
            <TextArea
              value={p}
              onChange={(v) => setNews(i, v)}
              placeholder={i === 0 ? '首段' : i === f.newsParagraphs.length - 1 ? '结尾' : '正文'}
              maxlength={5000}
            />
          </Field>
        ))}
      </Section>
      <Section title={`照片：已选 ${chosen.length} 张，含标识 ${logoChosen} 张（至少 ${d.rules.minLogoPhotos} 张）`}>
        {d.photos.length ? (
          <View className='u-photos' data-testid='report-photos'>
            {d.photos.map((p) => {
              const on = f.photoIds.includes(p.photoId);
              return (
                <Choice
                  key={p.photoId}
                  kind='checkbox'
                  checked={on}
                  label={`${photoWords(p)}，${on ? '已选' : '未选'}`}
                  className={on ? 'u-photo u-photo--on' : 'u-photo'}
                  testId='report-photo'
                  onChange={() => set({ photoIds: on ? f.photoIds.filter((x) => x !== p.photoId) : [...f.photoIds, p.photoId] })}
                >
                  {p.thumbUrl ? <Img className='u-photo__img' src={p.thumbUrl} alt={photoWords(p)} /> : <View className='u-photo__img' />}
                  {on ? <View className='u-photo__check'>✓</View> : null}
                  <PhotoMark p={p} />
                </Choice>
              );
            })}
          </View>
        ) : (
          <View className='u-muted'>还没有现场照片。</View>
        )}
        {logoChosen < d.rules.minLogoPhotos ? (
          <View className='u-notice u-notice--warn'>
            还需选择 {d.rules.minLogoPhotos - logoChosen} 张含标识的照片。
            <Button size='small' inline onClick={() => go('photos', eventId)}>
              去拍照
            </Button>
          </View>
        ) : null}
      </Section>
      <Section title='短视频（选填）'>
        <Card>
          <View className='u-muted'>{VIDEO_LIMITS_TEXT}</View>
          <View className='u-row'>
            <View className='u-muted'>{video !== null ? `上传中 ${video}%` : `已上传 ${f.videoFileIDs.length} 段`}</View>
            <Button size='small' inline loading={video !== null} onClick={() => void addVideo()}>
              添加短视频
            </Button>
          </View>
        </Card>
      </Section>
      <Section title='参加情况'>
        <Card>
          {ATTENDANCE.map(([k, label]) => (
            <View key={k} className='u-row' style={{ marginBottom: '8px' }}>
              <View>{label}</View>
              <View style={{ width: '40%' }}>
                <TextInput
                  type='number'
                  value={f.attendance[k] ?? ''}
                  onChange={(v) => set({ attendance: { ...f.attendance, [k]: v } })}
                  placeholder='人数'
                />
              </View>
            </View>
          ))}
        </Card>
        <Field label='群众提出的意见建议'>
          <TextArea
            value={f.publicRaised}
            onChange={(v) => set({ publicRaised: v })}
            placeholder='现场群众提出的问题、意见及回应'
            maxlength={2000}
          />
        </Field>
      </Section>
      <View className='u-btns'>
        <Button type='primary' loading={sending} onClick={() => void submit()}>
          提交情况报告
        </Button>
        <Button loading={saving} onClick={() => void saveDraft()}>
          保存草稿{savedAt ? `（上次 ${fmtInstant(savedAt)}）` : ''}
        </Button>
      </View>
    </>
  );
}

export default function UnitReport() {
  const { params } = useRouter();
  const detail = useEventDetail(params.eventId ?? '');
  return (
    <Page>
      <Keep state={detail}>{(d) => <ReportForm d={d} />}</Keep>
    </Page>
  );
}
