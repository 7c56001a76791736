export default definePageConfig({ navigationBarTitleText: '公开办工作台' });
