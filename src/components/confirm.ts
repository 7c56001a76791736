import Taro from '@tarojs/taro';

/** Destructive actions ask first: resolves true only when the person confirms. */
export async function confirmFirst(title: string, content: string, confirmText = '删除'): Promise<boolean> {
  try {
    const r = await Taro.showModal({ title, content, confirmText, confirmColor: '#c8161d', cancelText: '取消' });
    return r.confirm;
  } catch {
    return false;
  }
}
