// The evidence pack's index.html, from plain data: escaping, one section per
// event, what each part says, and a print rule that starts each event on a page.
import { esc, flagLabel, renderEvidenceIndex, when, type PackEvent } from '../../src/domain/evidenceIndex';

const base: PackEvent = {
  eventId: 'e1',
  seq: 1,
  theme: '乡镇自来水水价调整听证',
  forms: ['实地调研', '座谈交流'],
  units: ['县住建局（自来水公司）'],
  months: '4月',
  status: '审核通过',
  removedFromPlan: false,
  planDeadline: '2023-04-24T23:59:59+08:00',
  plans: [],
  checkin: null,
  photos: [],
  reports: [],
  trail: [],
  residents: {
    publicSeats: 0,
    confirmed: 0,
    waitlisted: 0,
    cancelled: 0,
    attended: 0,
    reportedAttendance: null,
    ratings: 0,
    avgRating: null,
  },
};
const header = {
  jurisdictionName: '洞口县',
  year: 2023,
  scope: '全辖区',
  builtAt: '2023-05-16T09:00:00+08:00',
  files: 3,
  bytes: 2_097_152,
};
const html = (e: Partial<PackEvent>) => renderEvidenceIndex(header, [{ ...base, ...e }]);

test.each([
  ['<script>', '&lt;script&gt;'],
  ['A & B', 'A &amp; B'],
  ['"引号"', '&quot;引号&quot;'],
  [null, ''],
  [42, '42'],
])('esc(%p) = %p', (input, out) => expect(esc(input)).toBe(out));

test.each([
  ['2023-04-24T23:59:59+08:00', '2023年4月24日 23:59'],
  [null, '—'],
])('when(%p) = %p', (input, out) => expect(when(input)).toBe(out));

test.each([
  ['far_from_venue', '距活动地点超过500米'],
  ['something_new', 'something_new'],
])('flagLabel(%p) = %p', (f, out) => expect(flagLabel(f)).toBe(out));

test.each<[string, Partial<PackEvent>, string[]]>([
  ['no plan: late by the planned months', {}, ['未报备活动方案', '2023年4月24日 23:59', '无现场签到记录', '未提交情况报告']],
  [
    'a late plan with its deadline',
    {
      plans: [
        {
          version: 2,
          date: '2023-04-20',
          startTime: '09:30',
          venue: '会议室',
          forms: [],
          invitees: ['人大代表'],
          banner: '会标',
          publicSeats: 5,
          filedAt: '2023-04-14T10:00:00+08:00',
          filedBy: '县住建局工作人员',
          deadline: '2023-04-13T23:59:59+08:00',
          onTime: false,
          outsidePlannedMonths: false,
          attachment: null,
        },
      ],
    },
    ['活动方案 第2版（最新）', '逾期报备', '2023年4月13日 23:59', '县住建局工作人员'],
  ],
  [
    'a check-in far away',
    { checkin: { at: '2023-04-20T09:40:00+08:00', distanceMeters: 812, accuracy: 20, flags: ['far_from_venue'], by: '县住建局工作人员' } },
    ['812 米', '距活动地点超过500米', '2023年4月20日 09:40'],
  ],
  [
    'a photo whose bytes changed since upload',
    {
      photos: [
        {
          path: 'events/001/photos/01-abcd1234.jpg',
          sha256: 'ab'.repeat(32),
          matchesUpload: false,
          stamped: true,
          hasLogo: true,
          logoConfirmed: null,
          takenAt: null,
          uploadedAt: null,
          uploadedBy: 'x',
        },
      ],
    },
    ['src="events/001/photos/01-abcd1234.jpg"', '与上传时指纹不一致', '带“政务公开主题日”标识 1 张'],
  ],
  [
    'residents as numbers only',
    {
      residents: {
        publicSeats: 20,
        confirmed: 12,
        waitlisted: 2,
        cancelled: 1,
        attended: 10,
        reportedAttendance: 35,
        ratings: 4,
        avgRating: 4.5,
      },
    },
    ['确认 12 人', '10 人', '35 人', '平均 4.5 分'],
  ],
])('%s', (_name, e, expected) => {
  const out = html(e);
  for (const s of expected) expect(out).toContain(s);
});

test('one section per event, each starting a printed page, with a table of contents', () => {
  const out = renderEvidenceIndex(header, [base, { ...base, eventId: 'e2', seq: 2, theme: '“八五”普法进乡村' }]);
  expect(out.match(/<section class="event"/g)).toHaveLength(2);
  expect(out).toContain('href="#e2"');
  expect(out.slice(out.indexOf('@media print'))).toContain('section.event{break-before:page}');
  expect(out).toContain('<html lang="zh-CN">');
  expect(out).toContain('2.0 MB');
});
