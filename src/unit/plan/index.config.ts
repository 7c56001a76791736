export default definePageConfig({ navigationBarTitleText: '方案报备' });
