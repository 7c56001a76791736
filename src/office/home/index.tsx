// Office workbench (placeholder): the plan import, units and dashboard screens
// will hang off this page. account.me tells which jurisdiction this is.
import { useRouter } from '@tarojs/taro';
import { Async, Empty, Page, Section } from '../../components';
import { useCall } from '../../hooks/useCall';

export default function OfficeHome() {
  const { params } = useRouter();
  const me = useCall('account', 'me');
  const office = me.data?.roles.find((r) => r.role === 'office' && (!params.jurisdictionId || r.jurisdictionId === params.jurisdictionId));
  const name = office?.role === 'office' ? office.jurisdictionName : undefined;
  return (
    <Page title='公开办工作台' subtitle={name ?? '计划、单位、报告审核'}>
      <Async state={me}>
        {() =>
          office ? (
            <Section title='本年度活动'>
              <Empty title='还没有导入本年度活动计划' desc='导入年度计划后，这里会显示各单位的报备和报告进度' />
            </Section>
          ) : (
            <Empty title='您还不是公开办工作人员' desc='如需开通，请联系本级政务公开办公室' />
          )
        }
      </Async>
    </Page>
  );
}
