// Home: one screen for everyone. account.me says which roles the caller has;
// each role gets its entry, and everyone is also a resident.
import { Async, LinkCard, Page, Section } from '../../components';
import { useCall } from '../../hooks/useCall';
import type { Role } from '../../api/types';

function roleCard(r: Role) {
  if (r.role === 'office') {
    return (
      <LinkCard
        key={`office-${r.jurisdictionId}`}
        icon='办'
        title='公开办工作台'
        desc={r.jurisdictionName ?? '计划、单位、报告审核'}
        url={`/office/home/index?jurisdictionId=${encodeURIComponent(r.jurisdictionId)}`}
      />
    );
  }
  return (
    <LinkCard
      key={`unit-${r.unitId}`}
      icon='单'
      title='我的单位'
      desc={r.unitName ? [r.jurisdictionName, r.unitName].filter(Boolean).join(' · ') : '方案报备、现场签到、情况报告'}
      url={`/unit/home/index?unitId=${encodeURIComponent(r.unitId)}&jurisdictionId=${encodeURIComponent(r.jurisdictionId)}`}
    />
  );
}

export default function Index() {
  const me = useCall('account', 'me');
  return (
    <Page title='政务公开主题日' subtitle='走进政府，看得见的公开'>
      <Async state={me}>
        {(data) => (
          <Section title='我的工作'>
            {data.roles.map(roleCard)}
            {/* Staff without a role yet join with the office's code; those with one may join another unit. */}
            <LinkCard
              icon='邀'
              title={data.roles.length ? '加入其他单位' : '加入单位 · 我有邀请码'}
              desc='单位工作人员、公开办同事：填写公开办发给您的邀请码'
              url='/pages/join/index'
              testId='join-entry'
            />
          </Section>
        )}
      </Async>
      <Section title='参加活动'>
        <LinkCard icon='找' title='找活动' desc='看看近期可以报名参加的活动' url='/resident/home/index' />
        <LinkCard icon='报' title='我的报名' desc='报名状态、活动时间和地点' url='/resident/home/index?tab=signups' />
      </Section>
      <Section title='消息'>
        <LinkCard icon='信' title='消息中心' desc='报备、报告期限提醒和活动提醒' url='/pages/messages/index' />
      </Section>
    </Page>
  );
}
