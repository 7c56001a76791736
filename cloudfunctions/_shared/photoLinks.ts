// What every photo list sends the app: the thumbnail to show, the original to
// open on tap, and whether it is an album photo (shown with its mark).
import { photoSourceOf, type PhotoSource } from '../../src/domain/photos';

export interface PhotoFiles {
  fileID: string;
  thumbFileID?: string;
  source?: PhotoSource;
  stamped?: boolean;
}

/** The files to ask temp URLs for: each original and its thumbnail. */
export const photoFiles = (photos: readonly PhotoFiles[]): string[] =>
  photos.flatMap((p) => (p.thumbFileID ? [p.fileID, p.thumbFileID] : [p.fileID]));

/** Photos from before thumbnails show their original in lists too. */
export function photoLinks(p: PhotoFiles, urls: Map<string, string>): { url: string | null; thumbUrl: string | null; source: PhotoSource } {
  const url = urls.get(p.fileID) ?? null;
  return { url, thumbUrl: (p.thumbFileID && urls.get(p.thumbFileID)) || url, source: photoSourceOf(p) };
}
