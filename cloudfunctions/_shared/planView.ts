import { toShanghaiISO } from '../../src/domain/time';

/** A filed plan as the app shows it: its time in Shanghai, without the openid of the colleague who filed it. */
export function planForApp<P extends { filedAt: Date | string; filedBy: string }>({ filedBy: _staff, ...plan }: P) {
  return { ...plan, filedAt: toShanghaiISO(new Date(plan.filedAt)) };
}
