// The privacy notice residents read before signing up (the sign-up form and the
// 个人信息保护说明 page show this same text).
export const PRIVACY_TITLE = '个人信息保护说明';

export const PRIVACY_SECTIONS: ReadonlyArray<{ title: string; body: string }> = [
  {
    title: '收集哪些信息',
    body: '报名时填写的姓名、手机号和身份类别（人大代表、政协委员、专家学者、新闻媒体、普通市民），以及您的签到时间和活动评价。',
  },
  {
    title: '谁能看到',
    body: '只有举办该活动的责任单位和本辖区政务公开办公室的工作人员能看到完整的姓名和手机号，用于核对参会人员和活动通知。其他任何地方只显示打码后的信息（如“张**”“138****1234”），评价内容不显示您的身份。',
  },
  {
    title: '保存多久',
    body: '从活动日期算起保存 365 天（本辖区公开办可以设得更短，不能更长）。期满后，系统每天上午的定时任务会清除该活动报名中的姓名、手机号和您写下的评价内容，只保留不含个人身份的人数统计和评分。',
  },
  {
    title: '如何删除',
    body: '随时可以在“我的报名”页底部点“删除我的报名信息”：未开始活动的报名会一并取消（名额让给候补的人），您所有报名中的姓名、手机号和您写下的全部评价内容立即清除，只保留不含个人身份的人数和评分。',
  },
];

export const CONSENT_TEXT = '我已阅读并同意《个人信息保护说明》，同意举办单位和公开办使用我的姓名、手机号组织本次活动';
