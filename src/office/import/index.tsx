// Importing the year's plan table: paste it, or pick an .xlsx, .docx or .csv (uploaded to
// storage first). The preview is importPlan with dryRun: the counts, every parsed
// row with its warnings beside it, and — collapsed, as a separate choice — the
// year's events this table does not have. Nothing is saved until 确认导入.
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../api';
import { uploadFile } from '../../api/storage';
import type { ErrorBody, ImportPlanInput, ImportPlanResult, ImportWarning } from '../../api/types';
import { warningText } from '../../domain/planTable/types';
import { Button, Choice, Empty, ErrorView, Loading, Page, Section, Tap, TextArea } from '../../components';
import { fmtDate } from '../../domain/time';
import { monthsLabel, q, useJurisdiction, useWorkingYear, YearSwitch } from '../shared';

type Source = { kind: 'text' } | { kind: 'file'; fileID: string; name: string };

/** Warnings by the line they point at; those that point at no parsed row are shown apart. */

/** The files the server reads, by extension. */
const FILE_KINDS = ['xlsx', 'docx', 'csv'] as const;

function fileKind(name: string): (typeof FILE_KINDS)[number] | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return FILE_KINDS.find((k) => k === ext) ?? null;
}

/** Why a file cannot be read, and what to do: the old binary formats need saving again. */
function unsupportedFile(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xls' || ext === 'et') return `“${name}”是旧版 Excel 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再选择。`;
  if (ext === 'doc' || ext === 'wps') return `“${name}”是旧版 Word 文件，请在 Word 或 WPS 中“另存为” .docx 后再选择。`;
  if (ext === 'pdf') return `PDF 文件无法直接读取：请打开 PDF，选中整张表复制，粘贴到上面的文本框。`;
  return `“${name}”不是 Excel（.xlsx）、Word（.docx）或 CSV 文件，请换一个文件，或把表格复制粘贴到上面的文本框。`;
}

/** A row of the table: its line, and its worksheet or Word table when the plan is on several. */
const rowKey = (x: { row?: number; sheet?: string; table?: number }) => `${x.sheet ?? ''}|${x.table ?? 0}|${x.row ?? 0}`;

function byRow(r: ImportPlanResult): { atRow: Map<string, ImportWarning[]>; elsewhere: ImportWarning[] } {
  const rows = new Set(r.events.map(rowKey));
  const atRow = new Map<string, ImportWarning[]>();
  const elsewhere: ImportWarning[] = [];
  for (const w of r.warnings) {
    const key = rowKey(w);
    if (w.row > 0 && rows.has(key)) atRow.set(key, [...(atRow.get(key) ?? []), w]);
    else elsewhere.push(w);
  }
  return { atRow, elsewhere };
}

function Counts({ r, removing, preview }: { r: ImportPlanResult; removing: number; preview: boolean }) {
  const gone = preview ? '将移出' : '移出';
  const items: Array<[string, number]> = [
    ['新增', r.created],
    ['更新', r.updated],
    ['不变', r.unchanged],
    [gone, removing],
  ];
  return (
    <View className='o-counts' data-testid='import-counts'>
      {items.map(([label, n]) => (
        <View key={label} className={label === gone && n ? 'o-count o-count--hot' : 'o-count'}>
          <View className='o-count__n'>{n}</View>
          <View className='o-count__l'>{label}</View>
        </View>
      ))}
    </View>
  );
}

/** Events of the year that this table does not have: kept unless the office ticks the choice. */
function NotInTable({ r, removeMissing, onToggle }: { r: ImportPlanResult; removeMissing: boolean; onToggle: () => void }) {
  const [open, setOpen] = useState(false);
  const list = r.notInTable ?? [];
  if (list.length === 0) return null;
  return (
    <Section title={removeMissing ? `将移出计划 ${list.length} 项` : `本年已有、这次的表里没有的 ${list.length} 项（保留）`}>
      <Tap
        role='button'
        className='o-muted'
        label={open ? '收起表里没有的活动' : '查看表里没有的是哪几项'}
        testId='not-in-table-toggle'
        onClick={() => setOpen(!open)}
      >
        {open ? '收起 ▲' : '查看是哪几项 ▼'}
      </Tap>
      {open ? list.map((e) => <View key={e.eventId} className='o-muted'>{`序号${e.seq} ${e.theme}`}</View>) : null}
      <Choice kind='checkbox' checked={removeMissing} className='u-switch' onChange={onToggle} testId='remove-missing'>
        {removeMissing ? '☑' : '☐'} 把这 {list.length} 项移出本年计划（标记为“已移出计划”，不删除；不勾选则保留）
      </Choice>
    </Section>
  );
}

function Preview({
  r,
  year,
  removeMissing,
  onToggle,
}: {
  r: ImportPlanResult;
  year: number;
  removeMissing: boolean;
  onToggle: () => void;
}) {
  const { atRow, elsewhere } = byRow(r);
  return (
    <>
      <Counts r={r} removing={removeMissing ? (r.notInTable ?? []).length : 0} preview />
      <Section title={`识别出 ${r.events.length} 项活动${r.warnings.length ? `，${r.warnings.length} 处请核对` : ''}`}>
        <View className='o-table'>
          <View className='o-tr o-tr--head'>
            <View className='o-td o-td--seq'>序号</View>
            <View className='o-td o-td--theme'>主题</View>
            <View className='o-td o-td--forms'>形式</View>
            <View className='o-td o-td--units'>单位</View>
            <View className='o-td o-td--months'>时间</View>
          </View>
          {r.events.map((e, i) => {
            const ws = e.row ? (atRow.get(rowKey(e)) ?? []) : [];
            return (
              <View key={`${e.seq}-${i}`} data-testid='import-row' data-row={e.row}>
                <View className={ws.length ? 'o-tr o-tr--warn' : 'o-tr'}>
                  <View className='o-td o-td--seq'>{e.seq}</View>
                  <View className='o-td o-td--theme'>{e.theme}</View>
                  <View className='o-td o-td--forms'>{e.forms.join('、') || '—'}</View>
                  <View className='o-td o-td--units'>{e.units.join('、')}</View>
                  <View className='o-td o-td--months'>
                    {e.date ? `${fmtDate(e.date, { year })}${e.endDate ? `至${fmtDate(e.endDate, { year })}` : ''}` : monthsLabel(e.months)}
                  </View>
                </View>
                {ws.map((w) => (
                  <View key={w.message} className='o-warn' data-testid='row-warning' data-field={w.field ?? ''}>
                    {warningText(w)}
                  </View>
                ))}
              </View>
            );
          })}
        </View>
      </Section>
      {elsewhere.length ? (
        <Section title={`表格其他地方请核对（${elsewhere.length}）`}>
          {elsewhere.map((w) => (
            <View key={`${w.row}-${w.message}`} className='o-warn' data-testid='import-warning'>
              {warningText(w)}
            </View>
          ))}
        </Section>
      ) : null}
      <NotInTable r={r} removeMissing={removeMissing} onToggle={onToggle} />
      {r.newUnits.length ? (
        <View className='o-muted' style={{ margin: '0 8px 16px' }}>
          将新建 {r.newUnits.length} 个责任单位：{r.newUnits.join('、')}
        </View>
      ) : null}
    </>
  );
}

function Importer({ jurisdictionId }: { jurisdictionId: string }) {
  const [year, setYear] = useWorkingYear(jurisdictionId);
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source>({ kind: 'text' });
  const [busy, setBusy] = useState<'' | 'upload' | 'preview' | 'import'>('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [preview, setPreview] = useState<ImportPlanResult | null>(null);
  const [done, setDone] = useState<ImportPlanResult | null>(null);
  // A separate, explicit choice: never on by default, cleared with every new preview.
  const [removeMissing, setRemoveMissing] = useState(false);

  const input = (dryRun: boolean): ImportPlanInput =>
    source.kind === 'file'
      ? { jurisdictionId, year, fileID: source.fileID, dryRun, removeMissing }
      : { jurisdictionId, year, text, dryRun, removeMissing };

  const reset = () => {
    setRemoveMissing(false);
    setPreview(null);
    setDone(null);
    setError(null);
  };

  const upload = async (file: string | Blob, name: string) => {
    reset();
    const ext = fileKind(name);
    if (!ext) return setError({ code: 'INVALID_ARGUMENT', message: unsupportedFile(name) });
    setBusy('upload');
    const env = await uploadFile(file, `plans/${jurisdictionId}/${year}-${Date.now()}.${ext}`);
    setBusy('');
    if (!env.ok) return setError(env.error);
    setSource({ kind: 'file', fileID: env.data.fileID, name });
  };

  const pickWeapp = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...FILE_KINDS] });
      const f = res.tempFiles[0];
      if (f) await upload(f.path, f.name);
    } catch {
      // Cancelled: nothing to do.
    }
  };
  const pickH5 = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) void upload(f, f.name);
  };

  const run = async (dryRun: boolean) => {
    setBusy(dryRun ? 'preview' : 'import');
    setError(null);
    const env = await call('office', 'importPlan', input(dryRun));
    setBusy('');
    if (!env.ok) return setError(env.error);
    if (dryRun) setPreview(env.data);
    else {
      setDone(env.data);
      setPreview(null);
    }
  };

  if (done) {
    return (
      <Section title='导入完成'>
        <Counts r={done} removing={done.removed} preview={false} />
        {done.warnings.map((w) => (
          <View key={`${w.row}-${w.message}`} className='o-warn'>
            {warningText(w)}
          </View>
        ))}
        <Button type='primary' onClick={() => void Taro.redirectTo({ url: `/office/events/index?${q(jurisdictionId, { year })}` })}>
          查看全年活动
        </Button>
        <View className='o-gap' />
        <Button onClick={() => void Taro.redirectTo({ url: `/office/units/index?${q(jurisdictionId)}` })}>邀请单位工作人员</Button>
      </Section>
    );
  }

  return (
    <>
      <YearSwitch
        year={year}
        onChange={(y) => {
          reset();
          setYear(y);
        }}
      />
      {preview ? (
        <>
          <Preview r={preview} year={year} removeMissing={removeMissing} onToggle={() => setRemoveMissing(!removeMissing)} />
          {error ? <ErrorView error={error} /> : null}
          <View className='o-actions'>
            <Button onClick={reset}>返回修改</Button>
            <Button type='primary' loading={busy === 'import'} onClick={() => void run(false)}>
              确认导入
            </Button>
          </View>
        </>
      ) : (
        <>
          <Section title='方式一：粘贴计划安排表'>
            <TextArea
              className='o-paste'
              label='计划安排表'
              value={text}
              maxlength={90000}
              placeholder='从 Word、Excel 或 PDF 复制整张表（含表头）粘贴到这里'
              onChange={(v) => {
                setText(v);
                if (source.kind === 'file') setSource({ kind: 'text' });
              }}
            />
          </Section>
          <Section title='方式二：选择文件（Excel .xlsx、Word .docx 或 .csv）'>
            {process.env.TARO_ENV === 'h5' ? (
              <>
                {/* The browser's own file control reads "Choose File" in English: hidden behind a Chinese button. */}
                <input
                  id='o-xlsx-input'
                  className='u-file'
                  type='file'
                  accept='.xlsx,.docx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/csv'
                  onChange={pickH5}
                  data-testid='xlsx-input'
                  tabIndex={-1}
                  aria-hidden='true'
                />
                <Button onClick={() => document.getElementById('o-xlsx-input')?.click()}>选择 Excel 或 Word 文件</Button>
              </>
            ) : (
              <Button onClick={() => void pickWeapp()}>从聊天记录选择文件</Button>
            )}
            {busy === 'upload' ? <Loading text='正在上传…' /> : null}
            {source.kind === 'file' ? <View className='o-muted'>已上传：{source.name}（将按此文件预览）</View> : null}
          </Section>
          {error ? <ErrorView error={error} /> : null}
          <Button
            type='primary'
            loading={busy === 'preview'}
            disabled={busy === 'upload' || (source.kind === 'text' && !text.trim())}
            onClick={() => void run(true)}
          >
            预览
          </Button>
          <View className='o-muted' style={{ marginTop: '12px', textAlign: 'center' }}>
            预览不会保存任何内容；确认后才导入。再次导入同一张表不会重复建活动。
          </View>
        </>
      )}
    </>
  );
}

export default function OfficeImport() {
  const j = useJurisdiction();
  return (
    <Page>
      {j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : j.loading ? (
        <Loading />
      ) : j.jurisdictionId ? (
        <Importer jurisdictionId={j.jurisdictionId} />
      ) : (
        <Empty title='您还不是公开办工作人员' desc='请从公开办工作台开通辖区或使用邀请码加入' />
      )}
    </Page>
  );
}
