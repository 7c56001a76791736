// Office workbench (placeholder): the plan import, units and dashboard screens
// will hang off this page.
import { useRouter } from '@tarojs/taro';
import { Empty, Page, Section } from '../../components';

export default function OfficeHome() {
  const { params } = useRouter();
  return (
    <Page title='公开办工作台' subtitle={params.jurisdictionId ? `辖区：${decodeURIComponent(params.jurisdictionId)}` : undefined}>
      <Section title='本年度活动'>
        <Empty title='还没有导入本年度活动计划' desc='导入年度计划后，这里会显示各单位的报备和报告进度' />
      </Section>
    </Page>
  );
}
