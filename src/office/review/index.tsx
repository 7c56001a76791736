// 审核情况报告: the latest report with its photos and the check-in record;
// 通过, or 退回 with a comment; 确认含标识 on photos that were not stamped in the app.
import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody, OfficeReportDetail } from '../../api/types';
import { Async, Button, Card, Field, Img, Page, PhotoTile, Section, STATUS_TONE, Tag, Tap, TextArea } from '../../components';
import { STATUS_LABELS } from '../../domain/lifecycle';
import { KEYWORD_PLACE_LABELS } from '../../domain/reportRules';
import { KEYWORD_PLACES } from '../../domain/rules';
import { REPORT_PART_LABELS, REPORT_PARTS } from '../../domain/reportParts';
import { useCall } from '../../hooks/useCall';
import { fmtDateTime } from '../../domain/time';
import { CHECKIN_FLAG_LABELS, eventDaysLabel, placeLabel } from '../../domain/eventKinds';
import type { CallState } from '../../hooks/useCall';
import { PublishStep } from './Publish';
import '../office.css';

const FLAG_TEXT = CHECKIN_FLAG_LABELS;

const fmt = (iso?: string | null) => fmtDateTime(iso);

function Review({ d, reload }: { d: OfficeReportDetail; reload: () => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'return' | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const r = d.report;

  const decide = async (decision: 'approve' | 'return') => {
    if (!r) return;
    if (decision === 'return' && !comment.trim()) {
      setError({ code: 'INVALID_ARGUMENT', message: '退回时请写明修改意见' });
      return;
    }
    setBusy(decision);
    setError(null);
    const res = await call('office', 'reviewReport', {
      reportId: r.reportId,
      decision,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
    setBusy(null);
    if (res.ok) {
      setResult(decision === 'approve' ? '已通过：请在下方“公开审查”中审查后公开到专栏' : '已退回，单位修改后会重新提交');
      setComment('');
      reload();
    } else setError(res.error);
  };

  const confirmLogo = async (photoId: string) => {
    const res = await call('office', 'confirmPhotoLogo', { photoId });
    if (res.ok) reload();
    else void Taro.showToast({ title: res.error.message, icon: 'none' });
  };

  return (
    <>
      <Card>
        <View className='z-card__title'>{d.event.theme}</View>
        <View className='u-muted'>
          {(d.event.units ?? []).join('、')} ·{' '}
          <Tag tone={STATUS_TONE[d.event.status]}>{d.event.statusLabel ?? STATUS_LABELS[d.event.status]}</Tag>
        </View>
      </Card>
      {result ? (
        <View className='u-notice u-notice--ok' data-testid='review-result'>
          {result}
        </View>
      ) : null}
      <Section title={d.materials ? `专栏材料 第 ${d.materials.version} 版 · ${fmt(d.materials.submittedAt)} 报送` : '专栏材料'}>
        <Card>
          {d.materials ? (
            <View data-testid='review-materials'>
              {d.materials.deadline ? (
                d.materials.late ? (
                  <Tag tone='red'>逾期 {d.materials.workdaysLate} 个工作日</Tag>
                ) : (
                  <Tag tone='green'>按时</Tag>
                )
              ) : null}
              <View style={{ marginTop: '8px' }}>{d.materials.text}</View>
              <View className='u-photos'>
                {d.materials.photos.map((p, _i, all) => (
                  <PhotoTile key={p.photoId} p={p} all={all} />
                ))}
              </View>
            </View>
          ) : (
            <View className='u-muted' data-testid='review-materials'>
              {d.deadlines?.materials ? `尚未报送（截止 ${fmt(d.deadlines.materials)}）` : '本辖区不要求单独报送专栏材料'}
            </View>
          )}
        </Card>
      </Section>
      <Section title='活动方案与签到'>
        <Card>
          <View className='u-kv'>
            <View className='u-kv__k'>活动</View>
            <View className='u-kv__v' data-testid='review-plan'>
              {d.plan ? `${eventDaysLabel(d.plan)} ${d.plan.startTime ?? ''} · ${placeLabel(d.plan.venue)}` : '未报备'}
            </View>
          </View>
          <View className='u-kv'>
            <View className='u-kv__k'>签到</View>
            <View className='u-kv__v' data-testid='review-checkin'>
              {d.checkin
                ? `${fmt(d.checkin.at)}${d.checkin.distanceMeters != null ? `，距活动地点 ${Math.round(d.checkin.distanceMeters)} 米` : ''}${d.checkin.accuracy != null ? `，定位精度 ${Math.round(d.checkin.accuracy)} 米` : ''}`
                : '未签到'}
            </View>
          </View>
          {(d.checkin?.flags ?? []).map((f) => (
            <View key={f} className={f === 'online' ? 'u-muted' : 'u-red'}>
              {FLAG_TEXT[f] ?? '签到有待核对的情况'}
            </View>
          ))}
          {d.checkin?.evidenceLink ? (
            <View className='u-kv'>
              <View className='u-kv__k'>活动链接</View>
              <View className='u-kv__v' data-testid='review-evidence-link'>
                {d.checkin.evidenceLink}
              </View>
            </View>
          ) : null}
          {d.checkin?.evidenceUrl ? (
            <Tap label='查看签到截图' onClick={() => void Taro.previewImage({ urls: [d.checkin!.evidenceUrl!] })}>
              <Img className='u-photo__img' src={d.checkin.evidenceUrl} mode='aspectFit' alt='线上活动签到截图' />
            </Tap>
          ) : null}
        </Card>
      </Section>
      {r ? (
        <>
          <Section title={`情况报告 第 ${r.version} 版 · ${fmt(r.submittedAt)} 提交`}>
            <Card>
              <View className='z-card__title' data-testid='review-title'>
                {r.title}
              </View>
              {r.late ? <Tag tone='red'>逾期 {r.workdaysLate} 个工作日</Tag> : <Tag tone='green'>按时</Tag>}
              {(r.flags ?? []).map((f) => (
                <Tag key={f} tone='red'>
                  {FLAG_TEXT[f] ?? '有待核对的情况'}
                </Tag>
              ))}
              {r.parts && Object.keys(r.parts).length
                ? REPORT_PARTS.filter((p) => r.parts?.[p]).map((p) => (
                    <View key={p} style={{ marginTop: '12px' }} data-testid={`review-part-${p}`}>
                      <View className='u-muted'>{REPORT_PART_LABELS[p]}</View>
                      <View style={{ textIndent: '2em' }}>{r.parts?.[p]}</View>
                    </View>
                  ))
                : r.paragraphs.map((p, i) => (
                    <View key={i} style={{ marginTop: '12px', textIndent: '2em' }}>
                      {p}
                    </View>
                  ))}
              {r.participants != null ? (
                <View className='u-muted' style={{ marginTop: '12px' }}>
                  参与人数：{r.participants} 人
                </View>
              ) : null}
              {r.attendance && Object.keys(r.attendance).length ? (
                <View className='u-muted' style={{ marginTop: '12px' }}>
                  参加 {r.attendance.total ?? '—'} 人（人大代表政协委员 {r.attendance.deputies ?? '—'}、专家 {r.attendance.experts ?? '—'}
                  、媒体 {r.attendance.media ?? '—'}、市民 {r.attendance.residents ?? '—'}）
                </View>
              ) : null}
              {r.publicRaised ? <View className='u-muted'>群众意见：{r.publicRaised}</View> : null}
              {r.videoFileIDs?.length ? <View className='u-muted'>视频 {r.videoFileIDs.length} 段</View> : null}
            </Card>
          </Section>
          {d.newsRelease ? (
            <Section title={d.newsRelease.separate ? '新闻稿' : '新闻稿（未单独提交，以情况报告检查）'}>
              <Card>
                <View data-testid='review-news'>
                  <View className='z-card__title'>{d.newsRelease.title}</View>
                  <View className='u-checks'>
                    {KEYWORD_PLACES.map((p) => (
                      <View key={p} className={d.newsRelease!.keyword[p] ? 'u-check u-check--ok' : 'u-check u-check--no'}>
                        {d.newsRelease!.keyword[p] ? '✓' : '✗'} {KEYWORD_PLACE_LABELS[p]}
                      </View>
                    ))}
                  </View>
                  {d.newsRelease.separate
                    ? d.newsRelease.paragraphs.map((p, i) => (
                        <View key={i} style={{ marginTop: '12px', textIndent: '2em' }}>
                          {p}
                        </View>
                      ))
                    : null}
                </View>
              </Card>
            </Section>
          ) : null}
          <Section title={`照片 ${r.photos.length} 张，含标识 ${r.photos.filter((p) => p.hasLogo).length} 张`}>
            <View className='u-photos'>
              {r.photos.map((p) => (
                <PhotoTile key={p.photoId} p={{ ...p, hasLogo: undefined }} all={r.photos} testId='review-photo'>
                  {p.source === 'album' ? null : (
                    <View className='u-photo__tag'>
                      {p.hasLogo ? (
                        <Tag tone='green'>{p.stamped ? '含标识' : '已确认标识'}</Tag>
                      ) : (
                        <Button size='small' inline onClick={() => void confirmLogo(p.photoId)}>
                          确认含标识
                        </Button>
                      )}
                    </View>
                  )}
                </PhotoTile>
              ))}
            </View>
          </Section>
          {r.status === 'returned' && r.comment ? <View className='u-notice u-notice--warn'>已退回：{r.comment}</View> : null}
          {r.reviewable ? (
            <Section title='审核'>
              <Field label='意见' hint='退回时必填，单位会看到这段话'>
                <TextArea value={comment} onChange={setComment} placeholder='修改意见' maxlength={1000} />
              </Field>
              {error ? <View className='u-notice u-notice--error'>{error.message}</View> : null}
              <View className='u-btns'>
                <Button type='primary' loading={busy === 'approve'} disabled={busy !== null} onClick={() => void decide('approve')}>
                  通过
                </Button>
                <Button type='danger' loading={busy === 'return'} disabled={busy !== null} onClick={() => void decide('return')}>
                  退回修改
                </Button>
              </View>
            </Section>
          ) : null}
          {d.questionnaire ? (
            <Section title={`问卷调查 · ${d.questionnaire.respondents} 份答卷（单位附报）`}>
              <Card>
                {d.questionnaire.lines.map((l, i) => (
                  <View key={i} className='o-note' data-testid='review-questionnaire'>
                    {l}
                  </View>
                ))}
              </Card>
            </Section>
          ) : null}
          {d.event.status === 'approved' || d.event.status === 'published' ? (
            <PublishStep eventId={d.event.eventId} onChanged={reload} />
          ) : null}
          {(d.versions ?? []).length > 1 ? (
            <Section title='历次提交'>
              {d.versions!.map((v) => (
                <View key={v.reportId} className='u-muted'>
                  第 {v.version} 版 · {fmt(v.submittedAt)} ·{' '}
                  {v.status === 'returned'
                    ? `退回：${v.comment ?? ''}`
                    : v.status === 'approved'
                      ? '通过'
                      : v.status === 'submitted'
                        ? '待审核'
                        : v.status}
                </View>
              ))}
            </Section>
          ) : null}
        </>
      ) : (
        <View className='u-muted'>单位尚未提交情况报告。</View>
      )}
    </>
  );
}

/** Keeps the data on screen while a reload runs, so the decision notice stays. */
function Keep<T>({ state, children }: { state: CallState<T>; children: (data: T) => ReactNode }) {
  if (state.data !== undefined && !state.error) return <>{children(state.data)}</>;
  return <Async state={state}>{children}</Async>;
}

export default function OfficeReview() {
  const { params } = useRouter();
  const detail = useCall('office', 'reportDetail', params.eventId ? { eventId: params.eventId } : null);
  return (
    <Page>
      <Keep state={detail}>{(d) => <Review d={d} reload={detail.reload} />}</Keep>
    </Page>
  );
}
