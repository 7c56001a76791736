// Journeys by taps in the simulated WeChat, against the local cloud running the
// deployed function bundles with the deployment's template ids: a unit files a
// plan (and accepts reminders), checks in, takes a stamped photo and reports; a
// resident signs up, scans in and evaluates; an office imports an .xlsx.
import jpeg from 'jpeg-js';
import { startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';
import deployment from './deployment.json';
import { WeappSimulator } from './simulator';

const TEMPLATE_IDS = [deployment.TEMPLATE_DEADLINE, deployment.TEMPLATE_EVENT];

let cloud: TestCloud;
let y: Yuhua;
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true, env: { TEMPLATE_DEADLINE: deployment.TEMPLATE_DEADLINE, TEMPLATE_EVENT: deployment.TEMPLATE_EVENT } });
  y = await seedYuhua(cloud);
}, 60_000);
jest.setTimeout(30_000);
afterEach(() => WeappSimulator.disposeAll());
afterAll(() => cloud?.stop());

function sim(openid: string): WeappSimulator {
  return new WeappSimulator({ cloudUrl: cloud.url, openid, templateIds: TEMPLATE_IDS });
}

/** A camera-like JPEG: noise over a gradient (1200×900 keeps the pure-JS encoder quick). */
function cameraJpeg(width = 1200, height = 900): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0, n = 0; i < data.length; i += 4, n++) {
    const noise = (n * 2654435761) >>> 26;
    data[i] = ((n % width) * 255) / width + noise;
    data[i + 1] = (((n / width) | 0) * 255) / height + noise;
    data[i + 2] = 90 + noise;
    data[i + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 92).data);
}

test('accepting reminders: requestSubscribeMessage with the deployment’s ids reaches account.subscribe', async () => {
  const s = sim(y.eduStaff);
  s.launch('/pages/messages/index');
  await s.waitForText('接收微信提醒');
  await s.tap('接收微信提醒');
  await s.settle();
  expect(s.errors).toEqual([]);
  expect(s.host.log.subscribed).toEqual([TEMPLATE_IDS]);
  const subscribe = s.host.log.calls.find((c) => c.name === 'account' && c.data.action === 'subscribe');
  expect(subscribe?.data).toEqual({ action: 'subscribe', templateIds: TEMPLATE_IDS, accepted: TEMPLATE_IDS });
  expect(s.errors).toEqual([]);
});

describe('a unit’s event, by taps', () => {
  let eventId: string;
  beforeAll(() => {
    eventId = y.event(7).eventId;
  });

  test('plan filing (and the deadline reminder consent it asks for)', async () => {
    const s = sim(y.eduStaff);
    s.launch(`/unit/plan/index?eventId=${eventId}`);
    await s.waitForText('活动日期');
    await s.pick('选择活动日期', '2023-05-10');
    await s.input('地点名称', '区教育局报告厅');
    await s.tap('提交报备');
    await s.waitForText(/方案已报备（第 1 版）/);
    expect(s.host.log.subscribed).toEqual([[deployment.TEMPLATE_DEADLINE]]);
    expect(s.errors).toEqual([]);
  });

  test('check-in on the day via getLocation', async () => {
    await cloud.setClock('2023-05-10T09:40:00+08:00', true);
    const s = sim(y.eduStaff);
    s.launch(`/unit/checkin/index?eventId=${eventId}`);
    await s.waitForText('定位并签到');
    s.host.answers.location = { latitude: 28.11, longitude: 113.01, accuracy: 15 };
    await s.tap('定位并签到');
    await s.waitForText('已签到');
    expect(s.errors).toEqual([]);
  });

  test('photo: chooseMedia → stamp → uploadFile → addPhoto', async () => {
    const s = sim(y.eduStaff);
    s.launch(`/unit/photos/index?eventId=${eventId}`);
    await s.waitForText('拍照（自动加盖政务公开主题日标识）');
    s.host.answers.media.push({ bytes: cameraJpeg(), name: 'camera.jpg' });
    await s.tap('拍照（自动加盖政务公开主题日标识）');
    await s.waitForText('照片已加盖标识并上传', 20_000);
    const add = s.host.log.calls.find((c) => c.name === 'unit' && c.data.action === 'addPhoto');
    expect(add?.data).toMatchObject({ eventId, stamped: true, width: 1200, height: 900 });
    expect(Number(add?.data.bytes)).toBeLessThan(400 * 1024);
    // Exported through the documented path: the page's canvas node and canvasToTempFilePath.
    expect(s.host.log.trace).toContain('canvasToTempFilePath');
    expect(s.host.log.trace).not.toContain('createOffscreenCanvas');
    expect(s.errors).toEqual([]);
  });
});
