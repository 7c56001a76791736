import { maskName, maskPersonalData, maskPhone, MOBILE_ANYWHERE_RE, MOBILE_RE, normalizeForMasking } from '../../src/domain/privacy';
import { cancelClosesAt, eventStart, signupClosesAt, signupOpen } from '../../src/domain/signups';

test('maskPhone keeps the first 3 and last 4 digits of a mobile', () => {
  expect(maskPhone('13812341234')).toBe('138****1234');
  expect(maskPhone('0731-8888')).toBe('*****8888');
  expect(maskPhone('123')).toBe('***');
});

test('maskName keeps the family name', () => {
  expect(maskName('张三丰')).toBe('张**');
  expect(maskName('李四')).toBe('李*');
  expect(maskName('')).toBe('');
});

test('MOBILE_RE accepts mainland mobiles only', () => {
  expect(MOBILE_RE.test('13812341234')).toBe(true);
  expect(MOBILE_RE.test('12812341234')).toBe(false);
  expect(MOBILE_RE.test('1381234123')).toBe(false);
});

test('sign-up and cancel cut-offs', () => {
  const plan = { date: '2023-05-10', startTime: '09:30', publicSeats: 50 };
  expect(eventStart(plan).toISOString()).toBe('2023-05-10T01:30:00.000Z');
  expect(signupClosesAt(plan).toISOString()).toBe('2023-05-10T01:30:00.000Z');
  expect(cancelClosesAt(plan).toISOString()).toBe('2023-05-09T23:30:00.000Z');
  const withDeadline = { ...plan, signupDeadline: '2023-05-08T18:00:00+08:00' };
  expect(cancelClosesAt(withDeadline).toISOString()).toBe('2023-05-08T10:00:00.000Z');
  expect(signupOpen(withDeadline, new Date('2023-05-08T17:59:00+08:00'))).toBe(true);
  expect(signupOpen(withDeadline, new Date('2023-05-08T18:00:00+08:00'))).toBe(false);
  expect(signupOpen({ ...plan, publicSeats: 0 }, new Date('2023-05-01T00:00:00+08:00'))).toBe(false);
});

// maskPersonalData: every way a number is really written in a report or comment.
const MASKED: Array<[string, string, string]> = [
  ['plain mobile', '联系电话13800002222。', '联系电话138****2222。'],
  ['spaces 3-4-4', '电话 138 0000 2222', '电话 138****2222'],
  ['dashes', '138-0000-3333', '138****3333'],
  ['dots', '138.0000.4444', '138****4444'],
  ['en dash and em dash', '138–0000—5555', '138****5555'],
  ['full-width hyphen', '138－0000－6666', '138****6666'],
  ['+86', '+8613800007777', '138****7777'],
  ['+86 with space', '+86 138 0000 8888', '138****8888'],
  ['+86-', '+86-13800009999', '138****9999'],
  ['0086', '008613800001111', '138****1111'],
  ['86 without plus', '86 13800001212', '138****1212'],
  ['full-width digits', '１３８００００２２２２', '138****2222'],
  ['full-width plus', '＋８６１３８００００３３３３', '138****3333'],
  ['zero-width space inside', '138\u200b0000\u200b2222', '138****2222'],
  ['zero-width joiner and BOM', '1\u200d38\ufeff00002222', '138****2222'],
  ['soft hyphen', '138\u00ad0000\u00ad2222', '138****2222'],
  ['ideographic space', '138\u30000000\u30002222', '138****2222'],
  ['after a year', '2023年13800002222', '2023年138****2222'],
  ['next to a date with a space', '2023 138 0000 2222', '2023 138****2222'],
  ['199 prefix', '19912345678', '199****5678'],
  ['two mobiles', '13800002222或13900003333', '138****2222或139****3333'],
  ['ID card', '身份证430102199001011234', '身份证430***********1234'],
  ['ID card with X', '43010219900101123X', '430***********123X'],
  ['ID card with lower-case x', '43010219900101123x', '430***********123X'],
  ['ID card in groups', '430102 19900101 1234', '430***********1234'],
  ['ID card full-width', '４３０１０２１９９００１０１１２３Ｘ', '430***********123X'],
  ['landline 4+8', '0731-12345678', '0731-****5678'],
  ['landline 4+7', '0739-1234567', '0739-****4567'],
  ['landline 3+8', '010-12345678', '010-****5678'],
  ['landline 021 with spaces', '021 1234 5678', '021-****5678'],
  ['landline in brackets', '（0731）88886666', '（0731-****6666'],
  ['landline without separator', '073188886666', '0731-****6666'],
];
const KEPT: Array<[string, string]> = [
  ['a date', '2023-05-04'],
  ['a date with dots', '2023.05.04'],
  ['a time', '09:30'],
  ['a count', '参加人数120人'],
  ['a short number', '电话12345'],
  ['a service line', '12345 政务服务热线'],
  ['a 10-digit serial', '编号1234567890'],
  ['a 12-digit serial not a landline', '123456789012'],
  ['an invalid ID date', '430102199013401234'],
];

describe('maskPersonalData masks mobiles, ID cards and landlines however written', () => {
  test.each(MASKED)('%s', (_, input, expected) => {
    const out = maskPersonalData(input);
    expect(out).toBe(expected);
    expect(MOBILE_ANYWHERE_RE.test(normalizeForMasking(out).replace(/[\s\-.–—－]/g, ''))).toBe(false);
  });
  test.each(KEPT)('leaves %s alone', (_, input) => {
    expect(maskPersonalData(input)).toBe(input);
  });
});
