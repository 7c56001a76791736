// Pieces the office's screens share: which jurisdiction this is, the working
// year (the server's, not the phone's), month labels and status tags.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ErrorBody, Months, OfficeNextStep } from '../api/types';
import type { EventStatus } from '../domain/lifecycle';
import { useCall } from '../hooks/useCall';
import { currentOpenid } from '../api/identity';
import { Button, STATUS_TONE, Tag } from '../components';
import { fmtDate } from '../domain/time';
import './office.css';

/** The jurisdiction from the page's query, else the caller's first office role. */
export function useJurisdiction(): {
  jurisdictionId: string | null;
  name?: string;
  loading: boolean;
  error: ErrorBody | null;
  reload: () => void;
} {
  const { params } = useRouter();
  const me = useCall('account', 'me');
  const wanted = params.jurisdictionId ? decodeURIComponent(params.jurisdictionId) : undefined;
  const role = me.data?.roles.find((r) => r.role === 'office' && (!wanted || r.jurisdictionId === wanted));
  return {
    jurisdictionId: role ? role.jurisdictionId : null,
    name: role?.jurisdictionName,
    loading: me.loading,
    error: me.error,
    reload: me.reload,
  };
}

/** Query string that carries the jurisdiction (and more) to the next screen. */
export function q(jurisdictionId: string, more: Record<string, string | number> = {}): string {
  return Object.entries({ jurisdictionId, ...more })
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** The plan year: ?year=, else the server clock's year (listEvents says what time it is). */
export function useWorkingYear(jurisdictionId: string | null): [number, (y: number) => void] {
  const { params } = useRouter();
  const [year, setYear] = useState(() => Number(params.year) || new Date().getFullYear());
  const probe = useCall('office', 'listEvents', jurisdictionId && !params.year ? { jurisdictionId, year } : null);
  const [settled, setSettled] = useState(Boolean(params.year));
  useEffect(() => {
    if (settled || !probe.data) return;
    setSettled(true);
    const serverYear = Number(probe.data.now.slice(0, 4));
    if (serverYear && serverYear !== year) setYear(serverYear);
  }, [probe.data, settled, year]);
  return [year, setYear];
}

export function YearSwitch({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  return (
    <View className='o-year'>
      <Button size='small' inline label={`上一年 ${year - 1}年`} onClick={() => onChange(year - 1)}>
        ‹ {year - 1}
      </Button>
      <View className='o-year__now' data-testid='year'>
        {year}年
      </View>
      <Button size='small' inline label={`下一年 ${year + 1}年`} onClick={() => onChange(year + 1)}>
        {year + 1} ›
      </Button>
    </View>
  );
}

export function monthsLabel(m: Months): string {
  if (!m) return '待定';
  return m.from === m.to ? `${m.from}月` : `${m.from}–${m.to}月`;
}

export function StatusTag({ status, label, removed }: { status: EventStatus; label: string; removed?: boolean }) {
  return <Tag tone={removed ? 'gray' : STATUS_TONE[status]}>{label}</Tag>;
}

/** "2023-04-24T23:59:59+08:00" → "4月24日" (same year) or "2024年1月3日". */
export function shortDate(iso: string, year?: number): string {
  return fmtDate(iso, { year: year ?? 0 });
}

export function NextLine({ next, year }: { next: OfficeNextStep; year?: number }) {
  // Unfiled: the due date is the last day to file for a date still inside the planned
  // months, the same deadline the unit, the dashboard and the reminders use.
  const when = !next.due
    ? ''
    : next.step === 'file_plan'
      ? next.overdue
        ? `（应于 ${shortDate(next.due, year)} 前报备，已逾期）`
        : `（最晚 ${shortDate(next.due, year)} 报备）`
      : `（${next.overdue ? '已逾期，' : ''}截止 ${shortDate(next.due, year)}）`;
  return (
    <View className={next.overdue ? 'o-next o-next--overdue' : 'o-next'}>
      {next.label}
      {when}
    </View>
  );
}

/**
 * An image in cloud storage. WeChat's Image takes the fileID; on h5 the local
 * cloud serves a file only through a temp link or to its uploader, and an img
 * tag cannot say who is asking, so the bytes are fetched with the identity.
 */
export function useFileSrc(fileID: string | null): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!fileID) return setSrc(null);
    if (process.env.TARO_ENV === 'weapp') return setSrc(fileID);
    let live = true;
    let objectUrl: string | null = null;
    void fetch(`/api/storage?fileID=${encodeURIComponent(fileID)}`, { headers: { 'X-Openid': currentOpenid() } })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob || !live) return;
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      })
      .catch(() => setSrc(null));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [fileID]);
  return src;
}

/** Opens a downloaded file: WeChat's document viewer, or the browser's download (h5). */
export async function openDownload(url: string, fileName: string, fileType?: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, ...(fileType ? { fileType } : {}), showMenu: true } as never);
    return;
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
