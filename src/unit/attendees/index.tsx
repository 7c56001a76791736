// 报名名单与签到码: the event's mini-program code that residents scan at the venue
// to be marked present, and who signed up and who came. Full names and phones are
// shown here only: the server gives them to the event's own unit and its office.
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Async, Card, Empty, Img, Page, Section, Tag } from '../../components';
import { useCall } from '../../hooks/useCall';
import { useReloadOnShow } from '../shared';

const STATUS: Record<string, string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };

export default function UnitAttendees() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const code = useCall('unit', 'eventCode', eventId ? { eventId } : null);
  const people = useCall('unit', 'attendees', eventId ? { eventId } : null);
  useReloadOnShow(people.reload);
  return (
    <Page title='报名名单与签到码'>
      <Section title='现场签到码'>
        <Async state={code}>
          {(c) => (
            <Card>
              <View className='u-muted'>请市民用微信扫码签到；也可打印放在会标旁。</View>
              <Img className='u-code' src={c.url} mode='aspectFit' testId='event-code' alt='活动签到码，请市民用微信扫一扫' />
            </Card>
          )}
        </Async>
      </Section>
      <Section title='报名名单'>
        <Async state={people} empty={<Empty title='还没有人报名' desc='开放报名后，报名的市民会显示在这里。' />}>
          {(list) => (
            <>
              <View className='u-muted' data-testid='attendee-summary'>
                已确认 {list.filter((a) => a.status === 'confirmed').length} 人，候补 {list.filter((a) => a.status === 'waitlisted').length}{' '}
                人，已到场 {list.filter((a) => a.attended).length} 人
              </View>
              {list.map((a) => (
                <Card key={a.signupId}>
                  <View className='z-card__title'>
                    {a.name || '（已注销）'}{' '}
                    <Tag tone={a.attended ? 'green' : a.status === 'confirmed' ? 'blue' : 'gray'}>
                      {a.attended ? '已到场' : (STATUS[a.status] ?? a.status)}
                    </Tag>
                  </View>
                  <View className='u-muted'>
                    {a.identity} · {a.phone || '—'}
                  </View>
                </Card>
              ))}
            </>
          )}
        </Async>
      </Section>
    </Page>
  );
}
