// Temporary download URLs for stored files. getTempFileURL takes at most 50
// files per call, so longer lists go in parallel batches of 50.
import { cloud } from './cloud';

const BATCH = 50;

export async function tempUrls(fileIDs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIDs)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += BATCH) batches.push(unique.slice(i, i + BATCH));
  const results = await Promise.all(
    batches.map(async (fileList) => {
      const res = (await cloud.getTempFileURL({ fileList })) as { fileList: Array<{ fileID: string; tempFileURL: string; status: number }> };
      return res.fileList;
    }),
  );
  const map = new Map<string, string>();
  for (const f of results.flat()) if (f.status === 0 && f.tempFileURL) map.set(f.fileID, f.tempFileURL);
  return map;
}
