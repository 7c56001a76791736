// Resident home (placeholder): open events and the caller's sign-ups.
import { useRouter } from '@tarojs/taro';
import { Empty, Page, Section } from '../../components';

export default function ResidentHome() {
  const { params } = useRouter();
  const signups = params.tab === 'signups';
  return (
    <Page title={signups ? '我的报名' : '找活动'} subtitle='走进政府，面对面了解政务'>
      <Section title={signups ? '我报名的活动' : '近期活动'}>
        {signups ? (
          <Empty title='您还没有报名任何活动' desc='在“找活动”里选择感兴趣的活动报名' />
        ) : (
          <Empty title='近期还没有开放报名的活动' desc='活动开放报名后会显示在这里，请过几天再来看看' />
        )}
      </Section>
    </Page>
  );
}
