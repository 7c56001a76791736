// Unit home (placeholder): the unit's events, plan filing, check-in and reports
// will hang off this page.
import { Empty, Page, Section } from '../../components';

export default function UnitHome() {
  return (
    <Page title='我的单位' subtitle='方案报备、现场签到、情况报告'>
      <Section title='本单位的活动'>
        <Empty title='还没有分配给本单位的活动' desc='公开办导入年度计划后，分配给本单位的活动会显示在这里' />
      </Section>
    </Page>
  );
}
