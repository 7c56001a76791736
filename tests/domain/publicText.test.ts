import { maskForPublic, publicReportText } from '@/domain/publicText';

const people = { names: ['王芳', '欧阳明华'], phones: ['0731-84561234'] };

test.each([
  ['手机号', '咨询电话13812345678。', '咨询电话138****5678。', 1],
  ['两个手机号', '13812345678、15900001111', '138****5678、159****1111', 2],
  ['不是手机号的长数字不动', '编号 213812345678901', '编号 213812345678901', 0],
  ['身份证号', '身份证430111199001011234', '身份证430111********1234', 1],
  ['末位 X 的身份证号', '43011119900101123X', '430111********123X', 1],
  ['报名者姓名', '市民王芳提出建议', '市民王*提出建议', 1],
  ['复姓长名', '专家欧阳明华点评', '专家欧***点评', 1],
  ['报名者的座机', '联系0731-84561234', `联系${'*'.repeat(9)}1234`, 1],
  ['没有个人信息', '区教育局开展政务公开主题日活动', '区教育局开展政务公开主题日活动', 0],
] as [string, string, string, number][])('%s', (_n, input, output, masked) => {
  expect(maskForPublic(input, people)).toEqual({ text: output, masked });
});

test('一个字的名字不按值遮挡（会误伤正文）', () => {
  expect(maskForPublic('王局长讲话', { names: ['王'], phones: [] }).text).toBe('王局长讲话');
});

test('标题和每段都遮挡，并合计遮挡处数', () => {
  expect(publicReportText({ title: '王芳参加活动', paragraphs: ['电话13812345678', '无'] }, people)).toEqual({
    title: '王*参加活动',
    paragraphs: ['电话138****5678', '无'],
    masked: 2,
  });
});
