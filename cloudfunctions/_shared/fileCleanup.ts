// Deleting stored files that no record refers to any more (a removed photo, the old
// pages of a rebuilt column, the parts of a finished pack). The step that made them
// unreferenced has already happened, so a storage failure must not turn it into an
// error: what storage does not delete now is noted in `fileCleanup` and the daily
// run deletes it later.
import { cloud, db, _ } from './cloud';
import { serverNow } from './clock';
import { findAll } from './findAll';
import { stableId } from './ids';

export const FILE_CLEANUP = 'fileCleanup';
/** deleteFile takes at most 50 files per call. */
const BATCH = 50;

interface CleanupDoc {
  _id: string;
  fileID: string;
  since: Date;
}

type DeleteResult = { fileList?: Array<{ fileID: string; status: number; errMsg?: string }> };

/** A file storage no longer has is as good as deleted. */
const gone = (errMsg = '') => /NONEXIST|not ?exist/i.test(errMsg);

/** Deletes the files; returns those storage did not delete. */
async function tryDelete(fileIDs: string[]): Promise<string[]> {
  const unique = [...new Set(fileIDs)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += BATCH) batches.push(unique.slice(i, i + BATCH));
  const left = await Promise.all(
    batches.map(async (fileList) => {
      try {
        const res = (await cloud.deleteFile({ fileList })) as DeleteResult;
        const failed = new Set((res.fileList ?? []).filter((f) => f.status !== 0 && !gone(f.errMsg)).map((f) => f.fileID));
        return fileList.filter((id) => failed.has(id));
      } catch (e) {
        console.error('file delete failed', fileList.length, e);
        return fileList;
      }
    }),
  );
  return left.flat();
}

/** Deletes files no record refers to; never throws: what is left is deleted by the daily run. */
export async function deleteUnreferencedFiles(fileIDs: string[]): Promise<void> {
  if (!fileIDs.length) return;
  const left = await tryDelete(fileIDs);
  if (!left.length) return;
  const since = serverNow();
  try {
    await Promise.all(left.map((fileID) => db.collection(FILE_CLEANUP).doc(stableId('file', fileID)).set({ data: { fileID, since } })));
  } catch (e) {
    console.error('files left in storage, not noted for cleanup', left, e);
  }
}

/**
 * A file stored again at a path noted for deletion (the same photo added back, a column page
 * that returns) is referenced again: the note goes, so the daily run does not delete it.
 */
export async function keepFiles(fileIDs: string[]): Promise<void> {
  const ids = [...new Set(fileIDs)].map((fileID) => stableId('file', fileID));
  if (ids.length)
    await db
      .collection(FILE_CLEANUP)
      .where({ _id: _.in(ids) })
      .remove();
}

/** The daily run's part: deletes the files noted earlier; what storage still refuses stays noted. */
export async function retryFileCleanup(): Promise<{ deleted: number; left: number }> {
  const noted = await findAll<CleanupDoc>(FILE_CLEANUP, {});
  if (!noted.length) return { deleted: 0, left: 0 };
  const left = new Set(await tryDelete(noted.map((n) => n.fileID)));
  const done = noted.filter((n) => !left.has(n.fileID)).map((n) => n._id);
  for (let i = 0; i < done.length; i += 1000) {
    await db
      .collection(FILE_CLEANUP)
      .where({ _id: _.in(done.slice(i, i + 1000)) })
      .remove();
  }
  return { deleted: done.length, left: left.size };
}
