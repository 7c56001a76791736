// 活动签到: opened by scanning the event's mini-program code. The code's scene is
// `a=<token>` (WeChat passes it URL-encoded in params.scene); a link may pass token.
import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import type { ErrorBody, AttendResult } from '../../api/types';
import { Button, Loading, Page } from '../../components';
import { backToMine, fmtDate } from '../shared';
import { fmtTime } from '../../domain/time';

function tokenFrom(params: Record<string, string | undefined>): string {
  if (params.token) return params.token;
  const scene = decodeURIComponent(params.scene ?? '');
  const m = /(?:^|&)a=([^&]+)/.exec(scene);
  return m ? m[1] : '';
}

export default function ResidentAttend() {
  const { params } = useRouter();
  const token = tokenFrom(params);
  const [result, setResult] = useState<AttendResult | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!token) {
      setError({ code: 'INVALID_ARGUMENT', message: '没有读到签到码，请用微信扫一扫重新扫描现场的签到码' });
      return;
    }
    setError(null);
    void call('resident', 'attend', { token }).then((r) => (r.ok ? setResult(r.data) : setError(r.error)));
  }, [token, tick]);

  if (error) {
    const walkIn = error.details?.walkIn === true;
    return (
      <Page>
        <View className='r-big'>
          <View className='r-big__icon r-big__icon--error'>!</View>
          <View className='r-big__title'>{walkIn ? '未找到您的报名' : '签到未成功'}</View>
          <View className='r-big__desc'>{error.message}</View>
        </View>
        <View className='r-actions'>
          <Button type='primary' onClick={() => setTick((t) => t + 1)}>
            重试
          </Button>
          <Button onClick={backToMine}>查看我的报名</Button>
          {walkIn && typeof error.details?.eventId === 'string' ? (
            <Button
              onClick={() => void Taro.navigateTo({ url: `/resident/questionnaire/index?eventId=${String(error.details?.eventId)}` })}
            >
              填写活动问卷（如有）
            </Button>
          ) : null}
        </View>
      </Page>
    );
  }
  if (!result) return <Loading text='正在签到…' />;
  return (
    <Page>
      <View className='r-big'>
        <View className='r-big__icon'>✓</View>
        <View className='r-big__title'>{result.already ? '您已签到' : '签到成功'}</View>
        <View className='r-big__desc'>
          {result.theme}
          <View>{fmtDate(result.date)}</View>
          <View>
            {result.canEvaluate
              ? '欢迎参加！欢迎为本次活动打分。'
              : `欢迎参加！活动 ${fmtTime(result.evaluateFrom)} 开始后，可在“我的报名”里评价。`}
          </View>
        </View>
      </View>
      <View className='r-actions'>
        {result.canEvaluate ? (
          <Button type='primary' onClick={() => void Taro.navigateTo({ url: `/resident/evaluate/index?eventId=${result.eventId}` })}>
            评价本次活动
          </Button>
        ) : null}
        <Button type={result.canEvaluate ? 'default' : 'primary'} onClick={backToMine}>
          查看我的报名
        </Button>
        <Button onClick={() => void Taro.navigateTo({ url: `/resident/questionnaire/index?eventId=${result.eventId}` })}>
          填写活动问卷（如有）
        </Button>
      </View>
    </Page>
  );
}
