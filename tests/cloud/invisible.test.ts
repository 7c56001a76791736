// Invisible characters (zero-width, BOM, soft hyphen, bidi controls) are removed
// from names, keywords and titles; what is left must still be long enough.
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
const ZW = '\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\u2066';

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
}, 120_000);
afterAll(() => cloud.stop());

test('a keyword of only invisible characters is refused; invisible ones around a real keyword are dropped', async () => {
  const e = refused(
    await cloud.call('office', { action: 'setRules', jurisdictionId: y.jurisdictionId, rules: { keyword: ZW } }, y.office),
    'INVALID_ARGUMENT',
  );
  expect(e.message).toMatch(/看不见/);
  const { rules } = ok(
    await cloud.call<{ rules: { keyword: string } }>(
      'office',
      { action: 'setRules', jurisdictionId: y.jurisdictionId, rules: { keyword: `政务${ZW}公开主题日` } },
      y.office,
    ),
  );
  expect(rules.keyword).toBe('政务公开主题日');
});

test('a resident’s name of invisible characters is refused; a name with them is stored without', async () => {
  const eventId = y.event(1).eventId;
  ok(
    await cloud.call(
      'unit',
      { action: 'filePlan', eventId, date: '2023-04-27', startTime: '09:30', venue: { name: `区教育局${ZW}` }, publicSeats: 5 },
      y.eduStaff,
    ),
  );
  refused(
    await cloud.call(
      'resident',
      { action: 'signUp', eventId, name: `${ZW}${ZW}`, phone: '13800001111', identity: '普通市民', consent: true },
      'r-zw',
    ),
    'INVALID_ARGUMENT',
  );
  refused(
    await cloud.call(
      'resident',
      { action: 'signUp', eventId, name: `王${ZW}`, phone: '13800001111', identity: '普通市民', consent: true },
      'r-zw',
    ),
    'INVALID_ARGUMENT',
  );
  ok(
    await cloud.call(
      'resident',
      { action: 'signUp', eventId, name: `王\u200b芳`, phone: '138\u200b00001111', identity: '普通市民', consent: true },
      'r-zw',
    ),
  );
  const people = ok(await cloud.call<Array<{ name: string; phone: string }>>('unit', { action: 'attendees', eventId }, y.eduStaff));
  expect(people).toEqual([expect.objectContaining({ name: '王芳', phone: '13800001111' })]);
  const detail = ok(await cloud.call<{ plan: { venue: { name: string } } }>('resident', { action: 'eventDetail', eventId }));
  expect(JSON.stringify(detail)).not.toMatch(/[\u200b-\u200f\u2060\ufeff]/);
});

test('a report title of invisible characters is too short', async () => {
  const e = refused(
    await cloud.call(
      'unit',
      { action: 'submitReport', eventId: y.event(1).eventId, title: `${ZW}${ZW}${ZW}`, paragraphs: ['政务公开主题日'], photoIds: [] },
      y.eduStaff,
    ),
    'INVALID_ARGUMENT',
  );
  expect(e.details).toMatchObject({ fields: ['title'] });
});
