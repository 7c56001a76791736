export default definePageConfig({ navigationBarTitleText: '政务公开主题日专栏' });
