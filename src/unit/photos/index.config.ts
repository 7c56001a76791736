export default definePageConfig({ navigationBarTitleText: '现场照片' });
