// 消息中心: every reminder the system produced for me, newest first — also the
// ones WeChat did not push (no subscription), so nothing is missed. Tap one to
// open the page that deals with it.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Async, Button, Empty, Page, Tag, Tap } from '../../components';
import { useCall } from '../../hooks/useCall';
import type { MessageItem } from '../../api/types';
import { askSubscribe } from '../../lib/subscribe';
import { fmtDate } from '../../domain/time';
import './index.css';

const KIND: Record<MessageItem['kind'], string> = {
  unit: '单位待办',
  office: '逾期督办',
  event: '活动提醒',
  waitlist: '报名名额',
  urge: '公开办催办',
};

function open(m: MessageItem) {
  void Taro.navigateTo({ url: `/${m.page}` });
}

export default function Messages() {
  const list = useCall('account', 'messages');
  return (
    <Page title='消息' subtitle='期限提醒与活动提醒'>
      <View className='m-sub'>
        <Button size='small' inline onClick={() => void askSubscribe(['deadline', 'event'])}>
          接收微信提醒
        </Button>
      </View>
      <Async state={list} empty={<Empty title='还没有消息' desc='报备、报告临近截止或活动前一天，会在这里提醒您' />}>
        {(items) => (
          <View>
            {items.map((m) => (
              <Tap key={m.messageId} className='m-item' testId='message' onClick={() => open(m)}>
                <View className='m-item__top'>
                  <Tag
                    tone={
                      m.kind === 'event' || m.kind === 'waitlist' ? 'blue' : m.kind === 'office' || m.kind === 'urge' ? 'red' : 'orange'
                    }
                  >
                    {KIND[m.kind]}
                  </Tag>
                  <View className='m-item__day'>{fmtDate(m.day)}</View>
                </View>
                <View className='m-item__title'>{m.title}</View>
                <View className='m-item__body'>{m.body}</View>
                {m.pushed ? null : <View className='m-item__note'>未推送到微信（未订阅提醒）</View>}
              </Tap>
            ))}
          </View>
        )}
      </Async>
    </Page>
  );
}
