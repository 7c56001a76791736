/**
 * What the 情况报告 and the 新闻稿 are made of, as 雨花区's notice names them:
 * the report has 活动概况、经验做法、工作实效、参与人数, photos and optional 短视频;
 * the news release is a separate text, checked by the keyword rule when the
 * jurisdiction asks for one (rules.reportKeywordPlaces not empty).
 */
import type { KeywordPlace } from './rules';
import { checkReportKeyword, type KeywordCheck, type ReportText } from './reportRules';

export type ReportPart = 'overview' | 'practices' | 'results';
export const REPORT_PARTS: readonly ReportPart[] = ['overview', 'practices', 'results'];
export const REPORT_PART_LABELS: Record<ReportPart, string> = { overview: '活动概况', practices: '经验做法', results: '工作实效' };

export type ReportParts = Partial<Record<ReportPart, string>>;

/** Short videos: what the form states and the server enforces. */
export const VIDEO_LIMITS = { maxCount: 3, maxBytes: 50 * 1024 * 1024, maxSeconds: 180 } as const;
export const VIDEO_LIMITS_TEXT = `短视频可选，最多${VIDEO_LIMITS.maxCount}段，每段不超过${VIDEO_LIMITS.maxSeconds / 60}分钟、${VIDEO_LIMITS.maxBytes / 1024 / 1024}MB`;

/** Why a video is refused (Chinese, says what to do), or null when it is within the limits. */
export function videoProblem(video: { bytes: number; seconds: number }): string | null {
  if (video.seconds > VIDEO_LIMITS.maxSeconds)
    return `短视频时长${Math.round(video.seconds)}秒，超过${VIDEO_LIMITS.maxSeconds}秒，请剪短后再上传`;
  if (video.bytes > VIDEO_LIMITS.maxBytes)
    return `短视频大小${Math.ceil(video.bytes / 1024 / 1024)}MB，超过${VIDEO_LIMITS.maxBytes / 1024 / 1024}MB，请压缩后再上传`;
  return null;
}

/** The report's paragraphs from its named parts, in the notice's order, empty parts left out. */
export function partsToParagraphs(parts: ReportParts): string[] {
  return REPORT_PARTS.map((p) => (parts[p] ?? '').trim()).filter(Boolean);
}

/** 参与人数 as the product knows it: everyone who scanned in, else everyone confirmed. */
export function suggestedParticipants(counts: { confirmed: number; attended: number }): number {
  return counts.attended > 0 ? counts.attended : counts.confirmed;
}

export interface NewsCheck extends KeywordCheck {
  /** Which text was checked: the separate news release, or the report standing in for it. */
  source: 'newsRelease' | 'report';
}

/**
 * The keyword rule applies to the news release. A unit that sends no separate
 * news release has its report read as one (as before the two were separate), so
 * a jurisdiction that asks for the keyword still gets it somewhere it can publish.
 */
export function checkNewsKeyword(
  report: ReportText,
  newsRelease: ReportText | null,
  keyword: string,
  places: readonly KeywordPlace[],
): NewsCheck {
  const text = newsRelease ?? report;
  return { ...checkReportKeyword(text, keyword, places), source: newsRelease ? 'newsRelease' : 'report' };
}
