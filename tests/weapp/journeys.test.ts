// Journeys by taps in the simulated WeChat, against the local cloud running the
// deployed function bundles with the deployment's template ids: a unit files a
// plan (and accepts reminders), checks in, takes a stamped photo and reports; a
// resident signs up, scans in and evaluates; an office imports an .xlsx.
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, YUHUA_TABLE, type Yuhua } from '../helpers/scenario';
import { docx, para, table } from '../helpers/docx';
import deployment from './deployment.json';
import { WeappSimulator } from './simulator';

const TEMPLATE_IDS = [deployment.TEMPLATE_DEADLINE, deployment.TEMPLATE_EVENT];

let cloud: TestCloud;
let y: Yuhua;
beforeAll(async () => {
  cloud = await startCloud({
    now: '2023-04-20T10:00:00+08:00',
    frozen: true,
    env: { TEMPLATE_DEADLINE: deployment.TEMPLATE_DEADLINE, TEMPLATE_EVENT: deployment.TEMPLATE_EVENT },
  });
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
    // Stamped and previewed first; sent with 提交. Pure-JS JPEG encodes of a noisy 1200×900 photo
    // (photo and thumbnail) take seconds each on a loaded machine.
    await s.waitForText('提交 1 张照片', 80_000);
    await s.tap('提交 1 张照片');
    await s.waitForText('照片已加盖标识并上传', 80_000);
    const add = s.host.log.calls.find((c) => c.name === 'unit' && c.data.action === 'addPhoto');
    expect(add?.data).toMatchObject({ eventId, stamped: true, source: 'camera', width: 1200, height: 900 });
    // The list thumbnail went up beside the photo.
    expect(String(add?.data.thumbFileID)).toMatch(/\/photos\/[0-9a-f]{64}\.thumb\.jpg$/);
    expect(Number(add?.data.bytes)).toBeLessThan(400 * 1024);
    // Exported through the documented path: the page's canvas node and canvasToTempFilePath.
    expect(s.host.log.trace).toContain('canvasToTempFilePath');
    expect(s.host.log.trace).not.toContain('createOffscreenCanvas');
    // The uploaded photo carries the stamp's text band: the photo darkened at its foot, white text on it.
    const uploaded = [...s.files.values()].find((b) => createHash('sha256').update(b).digest('hex') === add?.data.sha256)!;
    const { width, height, data } = jpeg.decode(uploaded, { useTArray: true });
    const row = (y: number) => Array.from({ length: width }, (_, x) => [0, 1, 2].map((c) => data[(y * width + x) * 4 + c]));
    const mean = (y: number) => row(y).reduce((sum, [r, g, b]) => sum + r + g + b, 0) / width / 3;
    const white = (y: number) => row(y).filter((px) => px.every((v) => v > 200)).length;
    const band = 137; // pad 23 × 3 + banner 38 px + line 30 px, for the 900 px short side (src/lib/stamp.ts)
    expect(mean(height - band + 5) / mean(height - band - 5)).toBeLessThan(0.6);
    const textRow = white(height - band + 23 + 19);
    expect(textRow).toBeGreaterThan(100);
    expect(textRow).toBeGreaterThan(5 * white(height - band - 5));
    expect(s.errors).toEqual([]);
  }, 180_000);
  test('report submission with the stamped photo', async () => {
    const s = sim(y.eduStaff);
    s.launch(`/unit/report/index?eventId=${eventId}`);
    await s.waitForText('提交情况报告');
    await s.input('报告标题', '区教育局开展“政务公开主题日”活动');
    await s.input(
      '活动概况',
      '5月10日，区教育局举办“政务公开主题日”校外培训审批工作推进会，邀请家长代表现场观摩，今后将持续办好政务公开主题日活动。',
    );
    // The stamped photo is offered for the report; make sure it is chosen.
    if (!s.text().includes('✓')) await s.tap(s.find('含标识'));
    await s.tap('提交情况报告');
    await s.waitForText(/情况报告已提交（第 1 版）/);
    expect(s.errors).toEqual([]);
  });
});

describe('a resident, by taps', () => {
  let eventId: string;
  beforeAll(async () => {
    // The unit opens event 6 to the public (its own journey is above).
    await cloud.setClock('2023-04-20T10:00:00+08:00', true);
    eventId = y.event(6).eventId;
    ok(
      await cloud.call(
        'unit',
        {
          action: 'filePlan',
          eventId,
          date: '2023-05-12',
          startTime: '09:30',
          venue: { name: '区司法局二楼会议室', latitude: 28.12, longitude: 113.02 },
          publicSeats: 5,
        },
        y.lawStaff,
      ),
    );
  });

  test('sign-up (and the event reminder consent it asks for)', async () => {
    const s = sim('resident-journey');
    s.launch(`/resident/signup/index?eventId=${eventId}`);
    await s.waitForText('报名信息');
    await s.input('请输入真实姓名', '李明');
    await s.input('请输入11位手机号', '13800138000');
    await s.tap(s.find(/我已阅读/));
    await s.tap('提交报名');
    await s.waitForText('报名成功');
    expect(s.host.log.subscribed).toEqual([[deployment.TEMPLATE_EVENT]]);
    expect(s.errors).toEqual([]);
  });

  test('scan-in at the venue, then evaluation', async () => {
    const { token } = ok(await cloud.call<{ token: string }>('unit', { action: 'eventCode', eventId }, y.lawStaff));
    await cloud.setClock('2023-05-12T09:35:00+08:00', true);
    const s = sim('resident-journey');
    s.launch(`/resident/attend/index?token=${encodeURIComponent(token)}`);
    await s.waitForText('签到成功');
    await s.tap('评价本次活动');
    expect(s.page.route).toBe('resident/evaluate/index');
    await s.waitForText('总体评分');
    await s.tap('★', 4);
    await s.input('说说您的收获', '讲解清楚，收获很大');
    await s.tap('提交评价');
    await s.waitForText('感谢您的评价');
    expect(s.errors).toEqual([]);
  });
});

test('office import of an .xlsx chosen from a chat (chooseMessageFile)', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('计划');
  for (const line of YUHUA_TABLE.trim().split('\n')) ws.addRow(line.split('\t'));
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  await cloud.setClock('2023-04-20T10:00:00+08:00', true);
  const office = 'office-xlsx-journey';
  const { jurisdictionId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: 'test-setup-token', name: '天心区', level: 'district' },
      office,
    ),
  );
  const s = sim(office);
  s.launch(`/office/import/index?jurisdictionId=${jurisdictionId}&year=2023`);
  await s.waitForText('方式二：选择文件（Excel .xlsx、Word .docx 或 .csv）');
  s.host.answers.messageFiles.push({ bytes: xlsx, name: '2023年政务公开主题日计划.xlsx' });
  await s.tap('从聊天记录选择文件');
  await s.waitForText('已上传：2023年政务公开主题日计划.xlsx');
  await s.tap(/^预览$/);
  await s.waitForText('确认导入', 20_000);
  await s.tap('确认导入');
  await s.waitForText('导入完成', 20_000);
  const imported = s.host.log.calls.filter((c) => c.name === 'office' && c.data.action === 'importPlan');
  expect(imported.map((c) => [c.data.dryRun, typeof c.data.fileID])).toEqual([
    [true, 'string'],
    [false, 'string'],
  ]);
  expect(s.errors).toEqual([]);
});

/** A new office's import screen, with a file waiting in the chat to be picked, picked and previewed. */
async function previewPickedFile(office: string, district: string, file: { bytes: Buffer; name: string }) {
  const { jurisdictionId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: 'test-setup-token', name: district, level: 'district' },
      office,
    ),
  );
  const s = sim(office);
  s.launch(`/office/import/index?jurisdictionId=${jurisdictionId}&year=2023`);
  await s.waitForText('方式二：选择文件（Excel .xlsx、Word .docx 或 .csv）');
  s.host.answers.messageFiles.push(file);
  await s.tap('从聊天记录选择文件');
  await s.waitForText(`已上传：${file.name}`);
  await s.tap(/^预览$/);
  return s;
}

test('office import of a .csv chosen from a chat: WeChat lists it, the preview reads it', async () => {
  const csv = '序号,活动主题,活动形式,责任单位,时间\r\n1,"税务开放日,走进办税厅",现场观摩,区税务局,5月\r\n';
  const s = await previewPickedFile('office-csv-journey', '开福区', { bytes: Buffer.from(csv, 'utf8'), name: '计划表.csv' });
  await s.waitForText('税务开放日,走进办税厅', 20_000);
  expect(s.errors).toEqual([]);
});

test('office import of a Word .docx chosen from a chat: the preview reads its table', async () => {
  const file = docx(
    para('2023年“政务公开主题日”活动计划安排表'),
    table([
      ['序号', '活动主题', '活动形式', '责任单位', '时间'],
      ['1', '医保服务进社区', '政策宣讲', '区医保局', '6月'],
    ]),
  );
  const s = await previewPickedFile('office-docx-journey', '岳麓区', { bytes: Buffer.from(file), name: '计划安排表.docx' });
  await s.waitForText('医保服务进社区', 20_000);
  expect(s.errors).toEqual([]);
});
