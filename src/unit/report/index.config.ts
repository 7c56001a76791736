export default definePageConfig({ navigationBarTitleText: '情况报告' });
