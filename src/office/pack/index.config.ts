export default definePageConfig({ navigationBarTitleText: '证据包' });
