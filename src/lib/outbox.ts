// Check-ins and photos wait on the phone until they reach the server: the
// venue often has no signal. Every item is stored before it is sent, survives
// closing the app, and is removed only after an ok envelope or a final refusal
// (a refusal stays listed with its message). The server dedups photos by sha256
// and check-ins by event, so a resend after a lost answer does no harm.
import Taro from '@tarojs/taro';
import { call } from '../api';
import { uploadFile } from '../api/storage';
import type { AddPhotoInput, CheckInInput, CheckInResult, Envelope, ErrorBody } from '../api/types';
import { photoPathOf, thumbPathOf } from '../domain/photos';

const QUEUE_KEY = 'zwgk.outbox';
const IDB_NAME = 'zwgk-outbox';
const IDB_STORE = 'blobs';

interface Base {
  id: string;
  eventId: string;
  createdAt: string;
  /** pending: will be sent; failed: the server refused it for good (see message). */
  status: 'pending' | 'failed';
  message?: string;
}
export type CheckinItem = Base & { kind: 'checkin'; payload: CheckInInput };
export type PhotoItem = Base & {
  kind: 'photo';
  payload: Omit<AddPhotoInput, 'fileID' | 'thumbFileID'>;
  /** weapp: a saved file path; h5: the IndexedDB key of the blob. */
  file: string;
  /** Set once uploaded, so a retry does not upload again. */
  fileID?: string;
  /** The list thumbnail, shown while it waits and uploaded beside the photo (h5: data URL; weapp: saved file). */
  thumb?: string;
  thumbFileID?: string;
};
export type OutboxItem = CheckinItem | PhotoItem;

export type Sent =
  { item: CheckinItem; envelope: Envelope<CheckInResult> } | { item: PhotoItem; envelope: Envelope<{ photoId: string; hasLogo: boolean }> };

type Listener = () => void;
type SentListener = (s: Sent) => void;
type ProgressListener = (itemId: string, percent: number) => void;
const listeners = new Set<Listener>();
const sentListeners = new Set<SentListener>();
const progressListeners = new Set<ProgressListener>();

// ---- the queue itself (Taro storage: localStorage on h5, wx storage on weapp) ----

export function listOutbox(eventId?: string): OutboxItem[] {
  let items: OutboxItem[] = [];
  try {
    const raw: unknown = Taro.getStorageSync(QUEUE_KEY);
    if (Array.isArray(raw)) items = raw as OutboxItem[];
  } catch {
    items = [];
  }
  return eventId ? items.filter((i) => i.eventId === eventId) : items;
}

function save(items: OutboxItem[]): void {
  Taro.setStorageSync(QUEUE_KEY, items);
  listeners.forEach((l) => l());
}

function update(id: string, patch: Partial<PhotoItem> & Partial<CheckinItem>): void {
  save(listOutbox().map((i) => (i.id === id ? ({ ...i, ...patch } as OutboxItem) : i)));
}

function remove(id: string): void {
  save(listOutbox().filter((i) => i.id !== id));
}

export function onOutboxChange(l: Listener): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}
export function onSent(l: SentListener): () => void {
  sentListeners.add(l);
  return () => void sentListeners.delete(l);
}
export function onProgress(l: ProgressListener): () => void {
  progressListeners.add(l);
  return () => void progressListeners.delete(l);
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// ---- photo bytes ----

function idb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(IDB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(IDB_STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
async function idbDo<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await idb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(IDB_STORE, mode);
      const req = fn(tx.objectStore(IDB_STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

async function keepFile(file: Blob | string, key: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const blob = typeof file === 'string' ? await (await fetch(file)).blob() : file;
    await idbDo('readwrite', (s) => s.put(blob, key));
    return key;
  }
  // A temp file may be cleaned up when the app closes; a saved one stays.
  const saved = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().saveFile({
      tempFilePath: String(file),
      success: (r) => resolve(r.savedFilePath),
      fail: (e) => reject(new Error(e.errMsg)),
    }),
  );
  return saved;
}

async function loadFile(ref: string): Promise<Blob | string | undefined> {
  if (process.env.TARO_ENV === 'h5')
    return (await idbDo<Blob | undefined>('readonly', (s) => s.get(ref) as IDBRequest<Blob | undefined>)) ?? undefined;
  return ref;
}

async function dropFile(ref: string): Promise<void> {
  try {
    if (process.env.TARO_ENV === 'h5') await idbDo('readwrite', (s) => s.delete(ref));
    else Taro.getFileSystemManager().unlinkSync(ref);
  } catch {
    // A leftover file only costs space.
  }
}

// ---- adding ----

export function queueCheckin(payload: CheckInInput): CheckinItem {
  // One check-in per event is all the server keeps; do not stack retries.
  const existing = listOutbox(payload.eventId).find((i): i is CheckinItem => i.kind === 'checkin' && i.status === 'pending');
  if (existing) return existing;
  const item: CheckinItem = {
    id: newId(),
    kind: 'checkin',
    eventId: payload.eventId,
    createdAt: new Date().toISOString(),
    status: 'pending',
    payload,
  };
  save([...listOutbox(), item]);
  return item;
}

export async function queuePhoto(payload: PhotoItem['payload'], file: Blob | string, thumb?: string): Promise<PhotoItem> {
  const same = listOutbox(payload.eventId).find((i): i is PhotoItem => i.kind === 'photo' && i.payload.sha256 === payload.sha256);
  if (same) return same;
  const id = newId();
  const ref = await keepFile(file, id);
  const item: PhotoItem = {
    id,
    kind: 'photo',
    eventId: payload.eventId,
    createdAt: new Date().toISOString(),
    status: 'pending',
    payload,
    file: ref,
    // A data URL is kept as it is; a temp file is saved, like the photo.
    thumb: thumb && process.env.TARO_ENV !== 'h5' ? await keepFile(thumb, `${id}.thumb`) : thumb,
  };
  save([...listOutbox(), item]);
  return item;
}

/** A refused item the user has read and dismissed. */
export async function dismiss(id: string): Promise<void> {
  const item = listOutbox().find((i) => i.id === id);
  if (!item) return;
  remove(id);
  if (item.kind === 'photo') await dropPhotoFiles(item);
}

async function dropPhotoFiles(item: PhotoItem): Promise<void> {
  await dropFile(item.file);
  if (item.thumb && process.env.TARO_ENV !== 'h5') await dropFile(item.thumb);
}

// ---- sending ----

/** Network trouble or a server hiccup: try again later. Anything else is final. */
const retryable = (e: ErrorBody) => e.code === 'NETWORK' || e.code === 'INTERNAL';

let running: Promise<void> | null = null;
let again = false;

/** Sends every pending item once, in order; concurrent calls share one run. */
export function flushOutbox(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await flushOnce();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function flushOnce(): Promise<void> {
  for (const item of listOutbox()) {
    if (item.status !== 'pending') continue;
    // Read again: another run may have removed it meanwhile.
    if (!listOutbox().some((i) => i.id === item.id)) continue;
    const goOn = item.kind === 'checkin' ? await sendCheckin(item) : await sendPhoto(item);
    if (!goOn) return; // offline: the rest will fail the same way
  }
}

async function sendCheckin(item: CheckinItem): Promise<boolean> {
  const envelope = await call('unit', 'checkIn', item.payload);
  if (!envelope.ok && retryable(envelope.error)) return false;
  if (envelope.ok) remove(item.id);
  else update(item.id, { status: 'failed', message: envelope.error.message });
  sentListeners.forEach((l) => l({ item, envelope }));
  return true;
}

/** Uploads once: the file id is kept on the item, so a retry skips what already arrived. `goOn`: it did not arrive (false: offline). */
async function uploadOnce(
  item: PhotoItem,
  field: 'fileID' | 'thumbFileID',
  file: Blob | string,
  cloudPath: string,
): Promise<{ fileID: string } | { goOn: boolean }> {
  const done = item[field];
  if (done) return { fileID: done };
  const up = await uploadFile(file, cloudPath, (p) => (field === 'fileID' ? progressListeners.forEach((l) => l(item.id, p)) : undefined));
  if (!up.ok) {
    if (retryable(up.error)) return { goOn: false };
    update(item.id, { status: 'failed', message: up.error.message });
    return { goOn: true };
  }
  update(item.id, { [field]: up.data.fileID });
  return { fileID: up.data.fileID };
}

async function sendPhoto(item: PhotoItem): Promise<boolean> {
  const { eventId, payload } = item;
  let thumbFileID: string | undefined;
  if (item.thumb) {
    const thumb = await uploadOnce(item, 'thumbFileID', item.thumb, thumbPathOf(eventId, payload.sha256));
    if ('goOn' in thumb) return thumb.goOn;
    thumbFileID = thumb.fileID;
  }
  const file = item.fileID ? item.file : await loadFile(item.file);
  if (!file) {
    update(item.id, { status: 'failed', message: '照片文件已丢失，请重新拍摄' });
    return true;
  }
  const up = await uploadOnce(item, 'fileID', file, photoPathOf(eventId, payload.sha256));
  if ('goOn' in up) return up.goOn;
  const fileID = up.fileID;
  const envelope = await call('unit', 'addPhoto', { ...payload, fileID, thumbFileID });
  if (!envelope.ok && retryable(envelope.error)) return false;
  if (envelope.ok) {
    remove(item.id);
    await dropPhotoFiles(item);
  } else {
    update(item.id, { status: 'failed', message: envelope.error.message });
  }
  sentListeners.forEach((l) => l({ item: { ...item, fileID }, envelope }));
  return true;
}

let started = false;
/** Called once at app start: send what waits now and whenever the network returns. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window !== 'undefined') window.addEventListener('online', () => void flushOutbox());
  } else {
    Taro.onNetworkStatusChange((r) => {
      if (r.isConnected) void flushOutbox();
    });
  }
  if (listOutbox().some((i) => i.status === 'pending')) void flushOutbox();
}
