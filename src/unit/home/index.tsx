// Unit home (placeholder): the unit's events, plan filing, check-in and reports
// will hang off this page. account.me tells which unit this is.
import { useRouter } from '@tarojs/taro';
import { Async, Empty, Page, Section } from '../../components';
import { useCall } from '../../hooks/useCall';

export default function UnitHome() {
  const { params } = useRouter();
  const me = useCall('account', 'me');
  const unit = me.data?.roles.find((r) => r.role === 'unit' && (!params.unitId || r.unitId === params.unitId));
  const name = unit?.role === 'unit' ? [unit.jurisdictionName, unit.unitName].filter(Boolean).join(' · ') : '';
  return (
    <Page title='我的单位' subtitle={name || '方案报备、现场签到、情况报告'}>
      <Async state={me}>
        {() =>
          unit ? (
            <Section title='本单位的活动'>
              <Empty title='还没有分配给本单位的活动' desc='公开办导入年度计划后，分配给本单位的活动会显示在这里' />
            </Section>
          ) : (
            <Empty title='您还没有加入任何单位' desc='请向本级公开办索取单位邀请码' />
          )
        }
      </Async>
    </Page>
  );
}
