export default definePageConfig({ navigationBarTitleText: '上下级关联' });
