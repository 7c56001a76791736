// File uploads: photos go to storage and only the fileID goes through a
// function (callFunction payloads must stay under 100 KB). Never throws.
import Taro from '@tarojs/taro';
import { asEnvelope, NETWORK_ERROR } from './index';
import { currentOpenid } from './identity';
import type { Envelope } from './types';

export type UploadResult = { fileID: string };
/** Progress in percent, 0–100. */
export type OnProgress = (percent: number) => void;

/**
 * Uploads a local file (a temp path from chooseImage, or on h5 also a Blob)
 * to `cloudPath` and resolves to an envelope holding its fileID.
 */
export function uploadFile(file: string | Blob, cloudPath: string, onProgress?: OnProgress): Promise<Envelope<UploadResult>> {
  if (process.env.TARO_ENV === 'weapp') return uploadViaCloud(file, cloudPath, onProgress);
  return uploadViaHttp(file, cloudPath, onProgress);
}

function uploadViaCloud(file: string | Blob, cloudPath: string, onProgress?: OnProgress): Promise<Envelope<UploadResult>> {
  if (typeof file !== 'string') {
    return Promise.resolve({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请重新选择图片' } });
  }
  return new Promise((resolve) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath: file,
      success: (res) => resolve({ ok: true, data: { fileID: res.fileID } }),
      fail: () => resolve({ ok: false, error: { code: 'NETWORK', message: '上传失败，请检查网络后重试' } }),
    });
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress));
  });
}

async function uploadViaHttp(file: string | Blob, cloudPath: string, onProgress?: OnProgress): Promise<Envelope<UploadResult>> {
  let blob: Blob;
  try {
    // On h5, chooseImage gives blob: URLs; read them back into a Blob.
    blob = typeof file === 'string' ? await (await fetch(file)).blob() : file;
  } catch {
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '读取文件失败，请重新选择' } };
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/storage?cloudPath=${encodeURIComponent(cloudPath)}`);
    xhr.setRequestHeader('X-Openid', currentOpenid());
    xhr.setRequestHeader('Content-Type', blob.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      // The local cloud answers `{ fileID }` on success and an envelope on failure.
      if (body && typeof body === 'object' && typeof (body as { fileID?: unknown }).fileID === 'string') {
        onProgress?.(100);
        resolve({ ok: true, data: { fileID: (body as UploadResult).fileID } });
      } else {
        const env = asEnvelope(body);
        resolve(env.ok ? { ok: false, error: { code: 'INTERNAL', message: '上传失败，请稍后再试' } } : env);
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: NETWORK_ERROR });
    xhr.send(blob);
  });
}
