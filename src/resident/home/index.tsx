// Resident home: the way into finding events, the caller's sign-ups and the privacy notice.
import { useRouter } from '@tarojs/taro';
import { LinkCard, Page, Section } from '../../components';

export default function ResidentHome() {
  const { params } = useRouter();
  const signups = params.tab === 'signups';
  return (
    <Page title={signups ? '我的报名' : '找活动'} subtitle='走进政府，面对面了解政务'>
      <Section>
        <LinkCard icon='找' title='找活动' desc='近期开放报名的政务公开主题日活动' url='/resident/list/index' />
        <LinkCard icon='报' title='我的报名' desc='即将参加、候补中、已结束的活动' url='/resident/mine/index' />
        <LinkCard icon='护' title='个人信息保护说明' desc='我们保存什么、谁能看到、如何删除' url='/resident/privacy/index' />
      </Section>
    </Page>
  );
}
