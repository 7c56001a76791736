export default definePageConfig({ navigationBarTitleText: '导入计划' });
