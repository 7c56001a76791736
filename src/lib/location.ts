// Where the phone is, always in GCJ-02, the system WeChat's maps, chooseLocation
// and getLocation({type:'gcj02'}) use, so a venue picked on one phone and a
// check-in on another are measured in the same coordinates. The browser's
// geolocation is WGS-84 and is converted (they differ by a few hundred metres
// in mainland China). Never throws.
import Taro from '@tarojs/taro';
import gcoord from 'gcoord';

export type Position = { latitude: number; longitude: number; accuracy?: number };
export type PositionResult = { ok: true; position: Position } | { ok: false; message: string };

const DENIED = '无法获取位置：请在设置中允许本程序使用位置信息后重试';

export function currentPosition(): Promise<PositionResult> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      if (typeof navigator === 'undefined' || !navigator.geolocation) return resolve({ ok: false, message: '此浏览器不支持定位' });
      navigator.geolocation.getCurrentPosition(
        (p) => {
          const [longitude, latitude] = gcoord.transform([p.coords.longitude, p.coords.latitude], gcoord.WGS84, gcoord.GCJ02);
          resolve({ ok: true, position: { latitude, longitude, accuracy: p.coords.accuracy } });
        },
        (e) => resolve({ ok: false, message: e.code === 1 ? DENIED : '定位失败，请到空旷处稍后重试' }),
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
      );
    });
  }
  return Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 5000 })
    .then((r): PositionResult => ({ ok: true, position: { latitude: r.latitude, longitude: r.longitude, accuracy: r.accuracy } }))
    .catch((e: unknown): PositionResult => ({
      ok: false,
      message: /auth|deny/i.test(String((e as { errMsg?: string })?.errMsg ?? e)) ? DENIED : '定位失败，请稍后重试',
    }));
}

export type PickedPlace = { name: string; address?: string; latitude: number; longitude: number };

/** weapp: the map picker. h5 has none: the caller offers "使用当前位置" instead. */
export async function choosePlace(): Promise<PickedPlace | null> {
  try {
    const r = await Taro.chooseLocation({});
    return { name: r.name || r.address, address: r.address, latitude: r.latitude, longitude: r.longitude };
  } catch {
    return null; // cancelled or not allowed
  }
}
