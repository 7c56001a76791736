// The jurisdiction's rules (domain.md's numbers), its working-day calendar
// adjustments, and the 政务公开主题日 logo used by the photo stamp.
// The server validates (setRules): its messages are shown next to the fields.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import { uploadFile } from '../../api/storage';
import type { ErrorBody, JurisdictionRules } from '../../api/types';
import { changedFromPreset, PRESET_LABELS, type KeywordPlace, type RuleField, type Rules, type RulesInput } from '../../domain/rules';
import { TEMPLATE_WORDS_HINT, templateForPeople, templateFromPeople } from '../../domain/reportRules';
import {
  Async,
  Button,
  Choice,
  Empty,
  ErrorView,
  Field,
  Img,
  Loading,
  Page,
  Section,
  TextArea,
  TextInput,
  confirmFirst,
} from '../../components';
import { useCall } from '../../hooks/useCall';
import { useJurisdiction } from '../shared';

const PLACES: Array<[KeywordPlace, string]> = [
  ['title', '标题'],
  ['first', '首段'],
  ['body', '正文'],
  ['last', '结尾'],
];

interface DayRow {
  date: string;
  kind: 'off' | 'work';
  name: string;
}

interface Form {
  planLeadWorkdays: string;
  reportWithinWorkdays: string;
  materialsWithinWorkdays: string;
  keyword: string;
  reportKeywordPlaces: KeywordPlace[];
  minLogoPhotos: string;
  bannerTemplates: string;
  publishedYears: string;
  days: DayRow[];
  listingNeedsReview: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

function toForm(r: JurisdictionRules['rules']): Form {
  return {
    planLeadWorkdays: String(r.planLeadWorkdays),
    reportWithinWorkdays: String(r.reportWithinWorkdays),
    materialsWithinWorkdays: r.materialsWithinWorkdays === null ? '' : String(r.materialsWithinWorkdays),
    keyword: r.keyword,
    reportKeywordPlaces: [...r.reportKeywordPlaces],
    minLogoPhotos: String(r.minLogoPhotos),
    bannerTemplates: r.bannerTemplates.map(templateForPeople).join('\n'),
    publishedYears: (r.calendar.publishedYears ?? []).join('、'),
    days: (r.calendar.days ?? []).map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? '' })),
    listingNeedsReview: Boolean(r.listingNeedsReview),
    contactName: r.contact?.name ?? '',
    contactPhone: r.contact?.phone ?? '',
    contactEmail: r.contact?.email ?? '',
  };
}

const FIELD_LABELS: Record<RuleField, string> = {
  keyword: '关键字',
  planLeadWorkdays: '方案提前报备天数',
  reportWithinWorkdays: '情况报告报送天数',
  materialsWithinWorkdays: '专栏材料报送天数',
  reportKeywordPlaces: '新闻稿关键字位置',
  minLogoPhotos: '带标识照片张数',
  bannerTemplates: '会标模板',
  calendar: '工作日历调整',
  personalDataRetentionDays: '群众个人信息保存天数',
  listingNeedsReview: '开放报名前公开审查',
};

/** Which preset the office started from, and what it changed since. */
function PresetCard({ rules, label }: { rules: Rules; label?: string }) {
  const changed = changedFromPreset(rules);
  return (
    <Section title='规则预设'>
      <View className='z-card' data-testid='rules-preset'>
        <View>起始预设：{label ?? PRESET_LABELS[rules.preset ?? 'standard']}</View>
        <View className='u-muted' data-testid='rules-changed'>
          {changed.length ? `公开办已修改：${changed.map((k) => FIELD_LABELS[k]).join('、')}` : '未修改预设规则'}
        </View>
      </View>
    </Section>
  );
}

/** A number when it reads as one; otherwise the text itself, so the server names the field. */
const num = (s: string): number => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : (s as unknown as number));

function toRules(f: Form): RulesInput {
  return {
    planLeadWorkdays: num(f.planLeadWorkdays),
    reportWithinWorkdays: num(f.reportWithinWorkdays),
    materialsWithinWorkdays: f.materialsWithinWorkdays.trim() === '' ? null : num(f.materialsWithinWorkdays),
    keyword: f.keyword,
    reportKeywordPlaces: f.reportKeywordPlaces,
    minLogoPhotos: num(f.minLogoPhotos),
    bannerTemplates: f.bannerTemplates
      .split('\n')
      .map((t) => templateFromPeople(t.trim()))
      .filter(Boolean),
    calendar: {
      publishedYears: f.publishedYears
        .split(/[、,，\s]+/)
        .filter(Boolean)
        .map(num),
      days: f.days.map((d) => ({ date: d.date.trim(), kind: d.kind, ...(d.name.trim() ? { name: d.name.trim() } : {}) })),
    },
    listingNeedsReview: f.listingNeedsReview,
    contact:
      f.contactName.trim() || f.contactPhone.trim() || f.contactEmail.trim()
        ? { name: f.contactName.trim(), phone: f.contactPhone.trim(), email: f.contactEmail.trim() }
        : null,
  };
}

function Logo({ jurisdictionId, initial }: { jurisdictionId: string; initial: string | null }) {
  const [url, setUrl] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const pick = async () => {
    let path: string;
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: ['album'] });
      path = res.tempFilePaths[0];
    } catch {
      return; // cancelled
    }
    setBusy(true);
    setError(null);
    const up = await uploadFile(path, `logos/${jurisdictionId}/logo-${Date.now()}.png`);
    const env = up.ok ? await call('office', 'setLogo', { jurisdictionId, fileID: up.data.fileID }) : up;
    setBusy(false);
    if (!env.ok) return setError(env.error);
    setUrl(env.data.logoUrl);
    void Taro.showToast({ title: '标识已更新', icon: 'success' });
  };
  return (
    <Section title='“政务公开主题日”标识'>
      <View className='z-card'>
        {url ? (
          <Img className='o-logo' src={url} mode='aspectFit' testId='logo-preview' alt='本辖区的政务公开主题日标识' />
        ) : (
          <View className='o-muted'>尚未上传标识。单位拍摄现场照片时，会把标识印在照片角上。</View>
        )}
        {error ? <View className='z-field__error'>{error.message}</View> : null}
        <View className='o-gap' />
        <Button loading={busy} onClick={() => void pick()}>
          {url ? '更换标识' : '上传标识'}
        </Button>
      </View>
    </Section>
  );
}

function Editor({ jurisdictionId, data }: { jurisdictionId: string; data: JurisdictionRules }) {
  const [f, setF] = useState<Form>(() => toForm(data.rules));
  const [saved, setSaved] = useState<Rules>(data.rules);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; byField: Array<[string, string]> } | null>(null);
  useEffect(() => setF(toForm(data.rules)), [data]);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((old) => ({ ...old, [k]: v }));
  /** The server's messages for a field (and its sub-fields), next to that field. */
  const err = (field: string) =>
    error?.byField
      .filter(([k]) => k === field || k.startsWith(`${field}.`))
      .map(([, m]) => m)
      .join('；') || undefined;

  const save = async () => {
    setBusy(true);
    const env = await call('office', 'setRules', { jurisdictionId, rules: toRules(f) });
    setBusy(false);
    if (!env.ok) {
      const fields = (env.error.details?.fields as string[] | undefined) ?? [];
      const messages = (env.error.details?.messages as string[] | undefined) ?? [];
      // setRules says "rules" and then each field's path inside it.
      return setError({
        message: env.error.message,
        byField: fields.map((k, i) => [k.replace(/^rules\./, ''), (messages[i] ?? env.error.message).replace(/^[\w.]+：/, '')]),
      });
    }
    setError(null);
    setF(toForm(env.data.rules));
    setSaved(env.data.rules);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  };

  const togglePlace = (p: KeywordPlace) =>
    set(
      'reportKeywordPlaces',
      f.reportKeywordPlaces.includes(p)
        ? f.reportKeywordPlaces.filter((x) => x !== p)
        : PLACES.map(([k]) => k).filter((k) => k === p || f.reportKeywordPlaces.includes(k)),
    );
  const setDay = (i: number, patch: Partial<DayRow>) =>
    set(
      'days',
      f.days.map((d, j) => (j === i ? { ...d, ...patch } : d)),
    );

  return (
    <>
      <PresetCard rules={saved} label={data.presetLabel} />
      <Section title='联系人（显示在各单位首页和提醒中）'>
        <View className='z-card'>
          <Field label='联系人' error={err('contact.name')}>
            <TextInput value={f.contactName} onChange={(v) => set('contactName', v)} placeholder='联系人姓名' />
          </Field>
          <Field label='电话' error={err('contact.phone')}>
            <TextInput value={f.contactPhone} onChange={(v) => set('contactPhone', v)} placeholder='如 0731-85888888' />
          </Field>
          <Field label='邮箱' error={err('contact.email')}>
            <TextInput value={f.contactEmail} onChange={(v) => set('contactEmail', v)} placeholder='如 gkb@example.gov.cn' />
          </Field>
        </View>
      </Section>
      <Section title='期限（工作日）'>
        <View className='z-card'>
          <Field label='活动方案提前报备' required error={err('planLeadWorkdays')} hint='活动日前第几个工作日结束前报备'>
            <TextInput
              type='number'
              value={f.planLeadWorkdays}
              onChange={(v) => set('planLeadWorkdays', v)}
              placeholder='如 5'
              invalid={Boolean(err('planLeadWorkdays'))}
            />
          </Field>
          <Field label='情况报告报送' required error={err('reportWithinWorkdays')} hint='活动后几个工作日内报送'>
            <TextInput
              type='number'
              value={f.reportWithinWorkdays}
              onChange={(v) => set('reportWithinWorkdays', v)}
              placeholder='如 5'
              invalid={Boolean(err('reportWithinWorkdays'))}
            />
          </Field>
          <Field label='专栏图文材料报送' error={err('materialsWithinWorkdays')} hint='活动后几个工作日内；留空表示不要求'>
            <TextInput
              type='number'
              value={f.materialsWithinWorkdays}
              onChange={(v) => set('materialsWithinWorkdays', v)}
              placeholder='留空：不要求'
              invalid={Boolean(err('materialsWithinWorkdays'))}
            />
          </Field>
        </View>
      </Section>
      <Section title='情况报告与照片'>
        <View className='z-card'>
          <Field label='关键字' required error={err('keyword')}>
            <TextInput
              value={f.keyword}
              onChange={(v) => set('keyword', v)}
              placeholder='政务公开主题日'
              invalid={Boolean(err('keyword'))}
            />
          </Field>
          <Field label='关键字须出现在' error={err('reportKeywordPlaces')}>
            <View className='o-checks'>
              {PLACES.map(([k, label]) => (
                <Choice
                  key={k}
                  kind='checkbox'
                  checked={f.reportKeywordPlaces.includes(k)}
                  className={f.reportKeywordPlaces.includes(k) ? 'o-check o-check--on' : 'o-check'}
                  onChange={() => togglePlace(k)}
                >
                  {f.reportKeywordPlaces.includes(k) ? '✓ ' : ''}
                  {label}
                </Choice>
              ))}
            </View>
          </Field>
          <Field label='至少几张带标识的现场照片' required error={err('minLogoPhotos')}>
            <TextInput
              type='number'
              value={f.minLogoPhotos}
              onChange={(v) => set('minLogoPhotos', v)}
              placeholder='如 1'
              invalid={Boolean(err('minLogoPhotos'))}
            />
          </Field>
          <Field
            label='会标模板（每行一个）'
            error={err('bannerTemplates')}
            hint={`可写入${TEMPLATE_WORDS_HINT}，报备时换成该单位、该年份和活动主题`}
          >
            <TextArea value={f.bannerTemplates} maxlength={700} onChange={(v) => set('bannerTemplates', v)} />
          </Field>
        </View>
      </Section>
      <Section title='市民报名'>
        <View className='z-card'>
          <Choice
            kind='checkbox'
            checked={f.listingNeedsReview}
            className={f.listingNeedsReview ? 'o-check o-check--on' : 'o-check'}
            testId='rule-listing-review'
            onChange={(on) => set('listingNeedsReview', on)}
          >
            {f.listingNeedsReview ? '✓ ' : ''}开放报名前由公开办审查
          </Choice>
          <View className='o-muted' data-testid='rule-listing-review-hint'>
            {f.listingNeedsReview
              ? '单位报备的活动开放市民报名前，须经公开办审查保密和个人信息，审查通过后市民才能看到并报名。'
              : '单位报备方案后，开放名额的活动立即对市民开放报名。'}
          </View>
        </View>
      </Section>
      <Section title='工作日历调整'>
        <View className='z-card'>
          <View className='o-muted' style={{ marginBottom: '16px' }}>
            系统内置国务院公布的放假与调休安排。新一年的安排公布前，可在这里自行录入；录入后把该年份加入“已公布年份”。
          </View>
          <Field label='已公布年份' error={err('calendar.publishedYears')} hint='多个年份用顿号分隔，如 2027'>
            <TextInput
              value={f.publishedYears}
              onChange={(v) => set('publishedYears', v)}
              placeholder='如 2027'
              invalid={Boolean(err('calendar.publishedYears'))}
            />
          </Field>
          <Field label='放假与调休日' error={err('calendar.days')}>
            {f.days.map((d, i) => (
              <View key={i} className='o-dayrow'>
                <View style={{ flex: 3 }}>
                  <TextInput
                    value={d.date}
                    onChange={(v) => setDay(i, { date: v })}
                    placeholder='2027-01-01'
                    invalid={Boolean(err(`calendar.days.${i}`))}
                  />
                </View>
                <Button
                  size='small'
                  inline
                  label={`第${i + 1}天：${d.kind === 'off' ? '放假' : '调休上班'}，点按切换`}
                  onClick={() => setDay(i, { kind: d.kind === 'off' ? 'work' : 'off' })}
                >
                  {d.kind === 'off' ? '放假' : '调休上班'}
                </Button>
                <View style={{ flex: 2 }}>
                  <TextInput value={d.name} onChange={(v) => setDay(i, { name: v })} placeholder='名称' />
                </View>
                <Button
                  size='small'
                  inline
                  type='danger'
                  label={`删除第${i + 1}天`}
                  onClick={() =>
                    void confirmFirst('删除这一天？', d.date ? `${d.date} 的调整将被删除。` : '这一行将被删除。').then((yes) => {
                      if (yes)
                        set(
                          'days',
                          f.days.filter((_, j) => j !== i),
                        );
                    })
                  }
                >
                  删除
                </Button>
              </View>
            ))}
            <Button size='small' onClick={() => set('days', [...f.days, { date: '', kind: 'off', name: '' }])}>
              添加一天
            </Button>
          </Field>
        </View>
      </Section>
      {error ? (
        <View className='o-warn'>{error.byField.length ? '有几项填写有误，请按红字提示修改后重新保存。' : error.message}</View>
      ) : null}
      <Button type='primary' loading={busy} onClick={() => void save()}>
        保存规则
      </Button>
      <View className='o-gap' />
      <Logo jurisdictionId={jurisdictionId} initial={data.logoUrl} />
    </>
  );
}

function Rules({ jurisdictionId }: { jurisdictionId: string }) {
  const rules = useCall('office', 'getRules', { jurisdictionId });
  return <Async state={rules}>{(data) => <Editor jurisdictionId={jurisdictionId} data={data} />}</Async>;
}

export default function OfficeRules() {
  const j = useJurisdiction();
  return (
    <Page>
      {j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : j.loading ? (
        <Loading />
      ) : j.jurisdictionId ? (
        <Rules jurisdictionId={j.jurisdictionId} />
      ) : (
        <Empty title='您还不是公开办工作人员' />
      )}
    </Page>
  );
}
