/**
 * How a multi-day or online event is described to people: its days, its place,
 * and what the office reads in a check-in's flags. Shared by the unit's and the
 * office's screens so both say the same thing.
 */
import { fmtDate } from './time';

export interface EventSpan {
  date: string;
  endDate?: string;
}

export interface EventPlace {
  name: string;
  address?: string;
  online?: boolean;
  platform?: string;
  link?: string;
}

/** True for an event that runs over more than one day. */
export function isMultiDay(span: EventSpan): boolean {
  return Boolean(span.endDate && span.endDate !== span.date);
}

/** 4月27日 or 4月27日至4月28日（共2天）. */
export function eventDaysLabel(span: EventSpan, opts: { year?: number } = {}): string {
  const first = fmtDate(span.date, opts);
  if (!isMultiDay(span)) return first;
  const days = Math.round((Date.parse(`${span.endDate}T00:00:00Z`) - Date.parse(`${span.date}T00:00:00Z`)) / 86_400_000) + 1;
  return `${first}至${fmtDate(span.endDate, opts)}（共${days}天）`;
}

/** The place as a person reads it: an online event names its platform, not an address. */
export function placeLabel(venue: EventPlace): string {
  if (!venue.online) return venue.address ? `${venue.name}（${venue.address}）` : venue.name;
  const where = venue.platform ?? venue.link;
  return where ? `线上活动：${where}` : '线上活动';
}

/** Check-in flags as the office reads them. */
export const CHECKIN_FLAG_LABELS: Record<string, string> = {
  far_from_venue: '签到位置距活动地点超过 500 米',
  poor_accuracy: '签到定位精度较差',
  no_venue_location: '方案未标注地点位置，未核对距离',
  no_checkin: '未在活动期间签到',
  online: '线上活动，以截图或链接签到',
};
