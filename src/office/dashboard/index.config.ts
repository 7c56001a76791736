export default definePageConfig({ navigationBarTitleText: '考核看板' });
