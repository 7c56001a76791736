// A deadline is the whole of its last second: at 23:59:59.500 on the deadline
// day a plan is accepted on time and a report is not late.
import { ok, refused, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import { stampedPhoto } from '../helpers/photos';

jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
const VENUE = { name: '雨花区司法局一楼大厅', latitude: 28.1357, longitude: 113.0353 };
const KW = '政务公开主题日';

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
}, 120_000);
afterAll(() => cloud.stop());

test('at 23:59:59.500 on the plan deadline day the plan is accepted; at midnight it is DEADLINE_PASSED', async () => {
  // An event on Thu 2023-05-04: 5 working days ahead is the end of Mon 2023-04-24.
  await cloud.setClock('2023-04-24T23:59:59.500+08:00', true);
  const filed = ok(
    await cloud.call<{ planDeadline: string }>(
      'unit',
      { action: 'filePlan', eventId: y.event(21).eventId, date: '2023-05-04', venue: VENUE },
      y.lawStaff,
    ),
  );
  expect(filed.planDeadline).toBe('2023-04-24T23:59:59+08:00');
  await cloud.setClock('2023-04-25T00:00:00.000+08:00', true);
  refused(
    await cloud.call('unit', { action: 'filePlan', eventId: y.event(6).eventId, date: '2023-05-04', venue: VENUE }, y.lawStaff),
    'DEADLINE_PASSED',
  );
});

test('a report at 23:59:59.500 on its deadline day is on time, not a working day late', async () => {
  const eventId = y.event(21).eventId;
  const photo = stampedPhoto('edge');
  await cloud.setClock('2023-05-04T09:00:00+08:00', true);
  ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: VENUE.latitude, longitude: VENUE.longitude }, y.lawStaff));
  const fileID = await cloud.upload(`events/${eventId}/photos/${photo.sha256}.jpg`, photo.bytes, y.lawStaff);
  const { photoId } = ok(
    await cloud.call<{ photoId: string }>('unit', { action: 'addPhoto', eventId, fileID, sha256: photo.sha256, stamped: true }, y.lawStaff),
  );
  // Report due by the end of Wed 2023-05-10 (5 working days after 5/4; Sat 5/6 was a make-up working day).
  await cloud.setClock('2023-05-10T23:59:59.500+08:00', true);
  const report = ok(
    await cloud.call<{ late: boolean; workdaysLate: number; deadline: string }>(
      'unit',
      {
        action: 'submitReport',
        eventId,
        title: `区司法局“${KW}”活动`,
        paragraphs: [`5月4日，区司法局举办“${KW}”活动。`, `${KW}观摩。`, `持续办好“${KW}”。`],
        photoIds: [photoId],
      },
      y.lawStaff,
    ),
  );
  expect(report).toMatchObject({ deadline: '2023-05-10T23:59:59+08:00', late: false, workdaysLate: 0 });
});
