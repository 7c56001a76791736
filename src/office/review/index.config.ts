export default definePageConfig({ navigationBarTitleText: '审核情况报告' });
