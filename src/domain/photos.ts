// Event photos: where the app stores them, what a list thumbnail may weigh, and
// how an album photo is named to people. Shared by the app and the functions.

/** camera: taken in the app and stamped; album: picked from the phone, never stamped. */
export type PhotoSource = 'camera' | 'album';

/** The mark every list shows on an album photo. */
export const ALBUM_MARK = '相册照片（未加盖现场标识）';

/** The thumbnail lists load instead of the original. */
export const THUMB_MAX_BYTES = 40 * 1024;
export const THUMB_LONG_SIDE = 320;

export const photoPathOf = (eventId: string, sha256: string) => `events/${eventId}/photos/${sha256}.jpg`;
export const thumbPathOf = (eventId: string, sha256: string) => `events/${eventId}/photos/${sha256}.thumb.jpg`;

/** Records from before `source` existed: the app sent album photos as not stamped. */
export const photoSourceOf = (p: { source?: PhotoSource; stamped?: boolean }): PhotoSource => p.source ?? (p.stamped ? 'camera' : 'album');

/** Whether a stored file starts as a JPEG does (SOI marker and the next marker's FF). */
export const isJpegBytes = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
