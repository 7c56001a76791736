export default definePageConfig({ navigationBarTitleText: '全年活动' });
