export default definePageConfig({ navigationBarTitleText: '找活动', enablePullDownRefresh: true });
