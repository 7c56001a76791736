// Temporary download URLs for stored files. getTempFileURL takes at most 50
// files per call, so longer lists go in parallel batches of 50.
import { BusinessError } from '../../src/domain/errors';
import { cloud } from './cloud';

const BATCH = 50;

export async function tempUrls(fileIDs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIDs)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += BATCH) batches.push(unique.slice(i, i + BATCH));
  const results = await Promise.all(
    batches.map(async (fileList) => {
      const res = (await cloud.getTempFileURL({ fileList })) as {
        fileList: Array<{ fileID: string; tempFileURL: string; status: number }>;
      };
      return res.fileList;
    }),
  );
  const map = new Map<string, string>();
  for (const f of results.flat()) if (f.status === 0 && f.tempFileURL) map.set(f.fileID, f.tempFileURL);
  return map;
}

// ---- Which stored files a caller may hand in ----
// A file id is `cloud://<env>.<bucket>/<path>` (locally `cloud://local/<path>`).
// Every action that takes one checks its path against the caller's scope: the
// photos, videos and attachments of an event it may act on, the logos or the
// plan tables of its jurisdiction. The path must already be in normal form:
// no `..` or `.` segments, no empty segments, no backslashes, no %-escapes or
// control characters, so what is checked is what storage opens.

export type FileScope = { events: string } | { logos: string } | { plans: string };

const FILE_ID = /^cloud:\/\/([A-Za-z0-9._-]+)\/(.{1,500})$/;

/** The storage path of a file id split into its segments, or a reason why it is not a clean one. */
export function fileSegments(fileID: string): { segments: string[] } | { reason: string } {
  const m = FILE_ID.exec(fileID);
  if (!m) return { reason: '文件 ID 格式不对，请重新上传文件' };
  const path = m[2];
  // eslint-disable-next-line no-control-regex
  if (/[\\%\u0000-\u001f\u007f]/.test(path)) return { reason: '文件路径含有不允许的字符，请重新上传文件' };
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return { reason: '文件路径不能含有“..”，请重新上传文件' };
  if (segments.some((s) => s === '' || s === '.' || s.trim() !== s)) return { reason: '文件路径不规范，请重新上传文件' };
  return { segments };
}

function scopeOf(scope: FileScope): { prefix: string; id: string; what: string } {
  if ('events' in scope) return { prefix: 'events', id: scope.events, what: '本活动' };
  if ('logos' in scope) return { prefix: 'logos', id: scope.logos, what: '本辖区的标识' };
  return { prefix: 'plans', id: scope.plans, what: '本辖区的计划表' };
}

/**
 * Refuses a file id outside `scope`: INVALID_ARGUMENT when the path is not a
 * clean storage path (`../` and the like), FORBIDDEN when it is someone else's.
 */
export function requireFileInScope(fileID: string, scope: FileScope, field = 'fileID'): void {
  const parsed = fileSegments(fileID);
  if ('reason' in parsed) throw new BusinessError('INVALID_ARGUMENT', parsed.reason, { fields: [field] });
  const { prefix, id, what } = scopeOf(scope);
  const [top, owner, ...rest] = parsed.segments;
  if (top !== prefix || owner !== id || rest.length === 0) {
    throw new BusinessError('FORBIDDEN', `该文件不属于${what}，请在本页重新上传后再提交`, { fields: [field] });
  }
}

/**
 * The sha256 a photo's file id is named by (`events/<eventId>/photos/<sha256>.jpg`, the
 * name the app uploads under), or null. The name is checked against the bytes when the
 * photo is added, so whoever later reads the file can tell whether it was changed since.
 */
export function photoShaOf(fileID: string): string | null {
  const parsed = fileSegments(fileID);
  if ('reason' in parsed || parsed.segments.length !== 4 || parsed.segments[2] !== 'photos') return null;
  return /^([0-9a-f]{64})\.jpg$/.exec(parsed.segments[3])?.[1] ?? null;
}

/** The same check for a list of file ids (report videos). */
export function requireFilesInScope(fileIDs: readonly string[], scope: FileScope, field: string): void {
  for (const f of fileIDs) requireFileInScope(f, scope, field);
}
