// 证据包: the assessor's evidence pack of a year, for the whole jurisdiction or
// one unit. Built page by page (office.evidencePack with packId) so a district's
// year stays within the function's time limit; the bar shows the events done.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { call } from '../../api';
import type { ErrorBody, EvidencePack } from '../../api/types';
import { Button, Card, Choice, Empty, ErrorView, Loading, Page, Section } from '../../components';
import { useCall } from '../../hooks/useCall';
import { openDownload, useJurisdiction, useWorkingYear, YearSwitch } from '../shared';
import './index.css';

const PAGE_EVENTS = 5;

function Builder({ jurisdictionId, year }: { jurisdictionId: string; year: number }) {
  const units = useCall('office', 'listUnits', { jurisdictionId });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [pack, setPack] = useState<EvidencePack | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);

  const build = async () => {
    setBusy(true);
    setError(null);
    setPack(null);
    const base = { jurisdictionId, year, pageEvents: PAGE_EVENTS, ...(unitId ? { unitId } : {}) };
    let env = await call('office', 'evidencePack', base);
    while (env.ok && !env.data.fileID) {
      setPack(env.data);
      env = await call('office', 'evidencePack', { ...base, packId: env.data.packId });
    }
    if (env.ok) setPack(env.data);
    else setError(env.error);
    setBusy(false);
  };

  const percent = pack && pack.total ? Math.round((pack.done / pack.total) * 100) : 0;
  return (
    <>
      <Section title='范围'>
        {units.loading ? (
          <Loading />
        ) : units.error ? (
          <ErrorView error={units.error} onRetry={units.reload} />
        ) : (
          <View className='o-checks'>
            <Choice
              checked={unitId === null}
              className={unitId === null ? 'o-check o-check--on' : 'o-check'}
              onChange={() => setUnitId(null)}
            >
              全辖区
            </Choice>
            {(units.data ?? [])
              .filter((u) => u.eventCount > 0)
              .map((u) => (
                <Choice
                  key={u.unitId}
                  checked={unitId === u.unitId}
                  className={unitId === u.unitId ? 'o-check o-check--on' : 'o-check'}
                  onChange={() => setUnitId(u.unitId)}
                >
                  {u.name}
                </Choice>
              ))}
          </View>
        )}
      </Section>
      <Section>
        <Card>
          <View className='o-muted'>
            证据包含每项活动的方案及修改记录、现场签到、带标识照片、情况报告各版本、审核与公开记录、群众参与人数与评价（不含个人信息），以及
            manifest.json 中每个文件的 SHA-256 指纹。
          </View>
          {pack ? (
            <View className='p-progress' data-testid='pack-progress'>
              <View className='p-progress__bar'>
                <View className='p-progress__fill' style={{ width: `${percent}%` }} />
              </View>
              <View className='p-progress__text'>
                {pack.fileID ? `已完成：${pack.total} 项活动` : `正在生成：${pack.done}/${pack.total} 项活动`}
              </View>
            </View>
          ) : null}
          {error ? <ErrorView error={error} /> : null}
          <View className='o-gap' />
          <Button type='primary' loading={busy} onClick={() => void build()}>
            生成证据包
          </Button>
        </Card>
      </Section>
      {pack?.fileID && pack.url ? (
        <Section title='证据包已生成'>
          <Card>
            <View className='o-kv'>
              <View className='o-kv__k'>文件</View>
              <View className='o-kv__v' data-testid='pack-name'>
                {pack.fileName}
              </View>
            </View>
            <View className='o-kv'>
              <View className='o-kv__k'>大小</View>
              <View className='o-kv__v'>{((pack.bytes ?? 0) / 1048576).toFixed(2)} MB</View>
            </View>
            <View className='o-kv'>
              <View className='o-kv__k'>SHA-256</View>
              <View className='o-kv__v p-sha' data-testid='pack-sha'>
                {pack.sha256}
              </View>
            </View>
            <View className='o-gap' />
            <Button type='primary' onClick={() => void openDownload(pack.url!, pack.fileName ?? 'evidence.zip')}>
              下载证据包
            </Button>
          </Card>
        </Section>
      ) : null}
    </>
  );
}

export default function PackPage() {
  const j = useJurisdiction();
  const [year, setYear] = useWorkingYear(j.jurisdictionId);
  return (
    <Page title='证据包' subtitle={j.name}>
      {j.loading ? (
        <Loading />
      ) : j.error ? (
        <ErrorView error={j.error} onRetry={j.reload} />
      ) : !j.jurisdictionId ? (
        <Empty title='只有公开办工作人员可以生成证据包' />
      ) : (
        <>
          <YearSwitch year={year} onChange={setYear} />
          <Builder key={year} jurisdictionId={j.jurisdictionId} year={year} />
        </>
      )}
    </Page>
  );
}
