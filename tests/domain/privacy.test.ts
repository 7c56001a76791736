import { maskName, maskPhone, MOBILE_RE } from '../../src/domain/privacy';
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
