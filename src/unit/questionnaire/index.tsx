// 活动问卷 for the unit: write the questions (up to 20; editable until the first
// answer), then see the results, export them to Excel and attach the summary to
// the 情况报告 with one tap. Residents answer from the event page or the event's code.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody, QuestionnaireResults } from '../../api/types';
import { MAX_QUESTIONS, QUESTION_KIND_LABELS, type Question, type QuestionKind, type QuestionResult } from '../../domain/questionnaire';
import { Button, Card, ErrorView, Field, Loading, Page, Section, Tag, TextArea, TextInput } from '../../components';
import { useCall } from '../../hooks/useCall';
import { openExport } from '../../lib/openExport';
import './index.css';

/** A question as edited: options as lines of text. */
interface Draft {
  kind: QuestionKind;
  title: string;
  options: string;
  required: boolean;
}
const KINDS: QuestionKind[] = ['single', 'multiple', 'rating', 'text'];
const toDraft = (q: Question): Draft => ({
  kind: q.kind,
  title: q.title,
  options: 'options' in q ? q.options.join('\n') : '',
  required: Boolean(q.required),
});
function toQuestion(d: Draft): Question {
  const options = d.options
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
  const base = { title: d.title.trim(), ...(d.required ? { required: true } : {}) };
  return d.kind === 'single' || d.kind === 'multiple' ? { kind: d.kind, ...base, options } : { kind: d.kind, ...base };
}

/** `saved` lives in the screen: saving reloads the results, which remounts the editor. */
function Editor({
  eventId,
  initial,
  saved,
  onSaving,
  onSaved,
}: {
  eventId: string;
  initial: QuestionnaireResults | null;
  saved: boolean;
  onSaving: () => void;
  onSaved: () => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [drafts, setDrafts] = useState<Draft[]>(
    initial ? initial.definition.map(toDraft) : [{ kind: 'rating', title: '您对本次活动的总体满意度', options: '', required: true }],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const change = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));

  const save = async () => {
    setBusy(true);
    setError(null);
    onSaving();
    const r = await call('unit', 'setQuestionnaire', { eventId, title: title.trim(), questions: drafts.map(toQuestion) });
    setBusy(false);
    if (r.ok) onSaved();
    else setError(r.error);
  };

  return (
    <Section title='问卷题目（收到第一份答卷后不能再修改）'>
      <Card>
        <Field label='问卷标题' required>
          <TextInput value={title} onChange={setTitle} placeholder='例如：水价调整听证会意见调查' maxlength={60} />
        </Field>
      </Card>
      {drafts.map((d, i) => (
        <Card key={i}>
          <Field label={`第 ${i + 1} 题 · 题型`}>
            <View className='u-btns'>
              {KINDS.map((k) => (
                <Button key={k} size='small' inline type={d.kind === k ? 'primary' : 'default'} onClick={() => change(i, { kind: k })}>
                  {QUESTION_KIND_LABELS[k]}
                </Button>
              ))}
            </View>
          </Field>
          <Field label={`第 ${i + 1} 题 · 题目`} required>
            <TextInput value={d.title} onChange={(v) => change(i, { title: v })} placeholder='题目' maxlength={100} />
          </Field>
          {d.kind === 'single' || d.kind === 'multiple' ? (
            <Field label={`第 ${i + 1} 题 · 选项`} hint='每行一个选项，2–10 个'>
              <TextArea value={d.options} onChange={(v) => change(i, { options: v })} placeholder={'选项一\n选项二'} maxlength={600} />
            </Field>
          ) : null}
          <View className='u-btns'>
            <Button size='small' inline type={d.required ? 'primary' : 'default'} onClick={() => change(i, { required: !d.required })}>
              {d.required ? '✓ 必答' : '选答（点此设为必答）'}
            </Button>
            {drafts.length > 1 ? (
              <Button size='small' inline type='danger' onClick={() => setDrafts((ds) => ds.filter((_d, k) => k !== i))}>
                删除此题
              </Button>
            ) : null}
          </View>
        </Card>
      ))}
      {drafts.length < MAX_QUESTIONS ? (
        <Button onClick={() => setDrafts((ds) => [...ds, { kind: 'single', title: '', options: '', required: false }])}>
          ＋ 添加题目（最多 {MAX_QUESTIONS} 题）
        </Button>
      ) : null}
      {error ? <ErrorView error={error} /> : null}
      {saved ? <View className='u-notice u-notice--ok'>问卷已保存。居民可在活动详情页或扫描活动签到码后填写。</View> : null}
      <Button type='primary' loading={busy} onClick={() => void save()}>
        保存问卷
      </Button>
    </Section>
  );
}

function ResultBody({ r }: { r: QuestionResult }) {
  if (r.kind === 'rating') {
    return (
      <View className='u-kv'>
        <View className='u-kv__k'>平均分</View>
        <View className='u-kv__v'>
          {r.mean ?? '—'}（1–5 分：{r.counts.join(' / ')} 人）
        </View>
      </View>
    );
  }
  if (r.kind === 'text') {
    return (
      <>
        {r.texts.map((t, k) => (
          <View key={k} className='q-note'>
            · {t}
          </View>
        ))}
      </>
    );
  }
  return (
    <>
      {r.options.map((o) => (
        <View key={o.label} className='u-kv' data-testid='q-option'>
          <View className='u-kv__k'>{o.label}</View>
          <View className='u-kv__v'>
            {o.count} 人（{o.percent}%）
          </View>
        </View>
      ))}
    </>
  );
}

function ResultCard({ r, index }: { r: QuestionResult; index: number }) {
  return (
    <Card>
      <View className='z-card__title'>
        {index + 1}. {r.title} <Tag tone='gray'>{QUESTION_KIND_LABELS[r.kind]}</Tag>
      </View>
      <View className='q-note'>{r.answered} 人作答</View>
      <ResultBody r={r} />
    </Card>
  );
}

function Results({ eventId, d, reload }: { eventId: string; d: QuestionnaireResults; reload: () => void }) {
  const [busy, setBusy] = useState<'export' | 'attach' | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const doExport = async () => {
    setBusy('export');
    setError(null);
    const r = await call('unit', 'exportQuestionnaire', { eventId });
    if (r.ok)
      await openExport(r.data.url, r.data.fileName).catch(() => setError({ code: 'NETWORK', message: '文件下载失败，请检查网络后重试' }));
    else setError(r.error);
    setBusy(null);
  };
  const attach = async () => {
    setBusy('attach');
    setError(null);
    const r = await call('unit', 'attachQuestionnaire', { eventId });
    setBusy(null);
    if (r.ok) {
      setNotice(`已把 ${r.data.respondents} 份答卷的统计附到情况报告，公开办审核时可见`);
      reload();
    } else setError(r.error);
  };

  return (
    <Section title={`问卷结果 · 共 ${d.respondents} 份答卷`}>
      <View className='q-note' data-testid='q-respondents'>
        “{d.title}” 共收到 {d.respondents} 份答卷（匿名）。
      </View>
      {d.questions.map((r, i) => (
        <ResultCard key={i} r={r} index={i} />
      ))}
      {notice ? (
        <View className='u-notice u-notice--ok' data-testid='q-attached'>
          {notice}
        </View>
      ) : d.attached ? (
        <View className='u-notice u-notice--ok' data-testid='q-attached'>
          已附到情况报告（{d.attached.respondents} 份答卷的统计）
        </View>
      ) : null}
      {error ? <ErrorView error={error} /> : null}
      <View className='u-btns'>
        <Button type='primary' loading={busy === 'attach'} disabled={busy !== null || d.respondents === 0} onClick={() => void attach()}>
          {d.attached ? '更新情况报告中的问卷统计' : '附到情况报告'}
        </Button>
        <Button loading={busy === 'export'} disabled={busy !== null || d.respondents === 0} onClick={() => void doExport()}>
          导出 Excel
        </Button>
      </View>
    </Section>
  );
}

export default function UnitQuestionnaire() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const res = useCall('unit', 'questionnaireResults', eventId ? { eventId } : null);
  const none = res.error?.code === 'NOT_FOUND';
  const [saved, setSaved] = useState(false);
  return (
    <Page title='活动问卷' subtitle='单选、多选、1–5 分评分、简答，最多 20 题'>
      {res.loading && !res.data ? (
        <Loading />
      ) : res.error && !none ? (
        <ErrorView error={res.error} onRetry={res.reload} />
      ) : (
        <>
          {none || res.data?.editable ? (
            <Editor
              eventId={eventId}
              initial={res.data ?? null}
              saved={saved}
              onSaving={() => setSaved(false)}
              onSaved={() => {
                setSaved(true);
                res.reload();
              }}
            />
          ) : null}
          {res.data ? <Results eventId={eventId} d={res.data} reload={res.reload} /> : null}
        </>
      )}
    </Page>
  );
}
