export default definePageConfig({ navigationBarTitleText: '单位与人员', enableShareAppMessage: true });
