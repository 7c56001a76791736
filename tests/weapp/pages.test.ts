// Every page of app.json, opened in the simulated WeChat with real data from the
// local cloud (the deployed function bundles): it loads, renders its Chinese
// text, and leaves no error or broken platform rule behind.
import { startCloud, type TestCloud } from '../helpers/cloud';
import { buildWorld, type World } from '../helpers/world';
import { WeappSimulator } from './simulator';

let cloud: TestCloud;
let w: World;
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  w = await buildWorld(cloud);
}, 60_000);
jest.setTimeout(30_000);
afterEach(() => WeappSimulator.disposeAll());
afterAll(() => cloud?.stop());

type Case = [route: string, who: (w: World) => string, query: (w: World) => string, expected: string | RegExp];
const CASES: Case[] = [
  ['pages/index/index', (w) => w.y.office, () => '', '公开办工作台'],
  ['pages/column/index', () => 'resident-x', (w) => `j=${w.y.jurisdictionId}`, '各单位活动情况'],
  ['pages/join/index', () => 'newcomer', () => 'code=NOPE', '使用公开办发给您的邀请码'],
  ['pages/messages/index', (w) => w.y.eduStaff, () => '', '接收微信提醒'],
  ['office/home/index', (w) => w.y.office, () => '', '2023年活动'],
  ['office/review/index', (w) => w.y.office, (w) => `eventId=${w.eventId}`, '活动方案与签到'],
  [
    'office/import/index',
    (w) => w.y.office,
    (w) => `jurisdictionId=${w.y.jurisdictionId}&year=2023`,
    '方式二：选择文件（Excel .xlsx、Word .docx 或 .csv）',
  ],
  ['office/events/index', (w) => w.y.office, (w) => `jurisdictionId=${w.y.jurisdictionId}&year=2023`, '小升初招生政策解读'],
  ['office/event/index', (w) => w.y.office, (w) => `eventId=${w.eventId}`, '待公开办审核'],
  ['office/units/index', (w) => w.y.office, (w) => `jurisdictionId=${w.y.jurisdictionId}`, '生成邀请'],
  ['office/rules/index', (w) => w.y.office, (w) => `jurisdictionId=${w.y.jurisdictionId}`, '活动方案提前报备'],
  ['office/dashboard/index', (w) => w.y.office, (w) => `jurisdictionId=${w.y.jurisdictionId}&year=2023`, '考核看板'],
  ['office/family/index', (w) => w.y.office, (w) => `jurisdictionId=${w.y.jurisdictionId}`, '上下级关联'],
  ['office/pack/index', (w) => w.y.office, (w) => `jurisdictionId=${w.y.jurisdictionId}&year=2023`, '证据包'],
  ['unit/home/index', (w) => w.y.eduStaff, (w) => `unitId=${w.y.eduUnitId}`, '共 2 项，1 项已逾期'],
  ['unit/event/index', (w) => w.y.eduStaff, (w) => `eventId=${w.eventId}`, '计划第 1 项'],
  ['unit/plan/index', (w) => w.y.eduStaff, (w) => `eventId=${w.eventId}`, '活动日期'],
  ['unit/checkin/index', (w) => w.y.eduStaff, (w) => `eventId=${w.eventId}`, '距活动地点 0 米'],
  ['unit/photos/index', (w) => w.y.eduStaff, (w) => `eventId=${w.eventId}`, '拍照（自动加盖政务公开主题日标识）'],
  ['unit/report/index', (w) => w.y.eduStaff, (w) => `eventId=${w.eventId}`, '须出现在'],
  ['unit/attendees/index', (w) => w.y.eduStaff, (w) => `eventId=${w.eventId}`, '现场签到码'],
  ['unit/questionnaire/index', (w) => w.y.eduStaff, (w) => `eventId=${w.eventId}`, '单选、多选、1–5 分评分、简答，最多 20 题'],
  ['resident/home/index', () => 'resident-m', () => '', '近期开放报名的政务公开主题日活动'],
  ['resident/list/index', () => 'resident-m', () => '', '小升初招生政策解读'],
  ['resident/detail/index', () => 'resident-m', (w) => `eventId=${w.eventId}`, '报名截止'],
  ['resident/signup/index', () => 'resident-m', (w) => `eventId=${w.eventId}`, '报名信息'],
  // The world's resident scanned in at the event, which has started: it is listed as attended.
  ['resident/mine/index', () => 'resident-m', () => '', '已参加 · 已结束（1）'],
  ['resident/attend/index', () => 'resident-m', (w) => `token=${w.token}`, '签到成功'],
  ['resident/evaluate/index', () => 'resident-m', (w) => `eventId=${w.eventId}`, '总体评分'],
  ['resident/privacy/index', () => 'resident-m', () => '', '个人信息保护说明'],
  // The world's event has no questionnaire: the page says so in Chinese.
  ['resident/questionnaire/index', () => 'resident-m', (w) => `eventId=${w.eventId}`, '该活动没有问卷'],
];

test.each(CASES)('%s', async (route, who, query, expected) => {
  const sim = new WeappSimulator({ cloudUrl: cloud.url, openid: who(w) });
  const q = query(w);
  sim.launch(`/${route}${q ? `?${q}` : ''}`);
  await sim.settle();
  await sim.waitForText(expected);
  await sim.settle();
  expect(sim.text()).not.toMatch(/加载失败|网络不通|服务暂时不可用/);
  expect(sim.errors).toEqual([]);
});

test('the table above covers every page of app.json', () => {
  const sim = new WeappSimulator({ cloudUrl: cloud.url, openid: 'nobody' });
  const all = [...sim.appJson.pages, ...(sim.appJson.subPackages ?? []).flatMap((p) => p.pages.map((pg) => `${p.root}/${pg}`))];
  expect(CASES.map((c) => c[0]).sort()).toEqual(all.sort());
});

// WeChat's order: onLoad/onShow/onReady on open; onHide/onShow around the
// background; pull-down refresh and the share menu on an open page.
test('lifecycle: background, foreground, pull-down, share', async () => {
  const sim = new WeappSimulator({ cloudUrl: cloud.url, openid: w.y.office });
  sim.launch('/pages/index/index');
  await sim.waitForText('公开办工作台');
  const seen: string[] = [];
  const page = sim.page;
  for (const hook of ['onHide', 'onShow', 'onPullDownRefresh']) {
    const original = page[hook] as ((...a: unknown[]) => unknown) | undefined;
    page[hook] = function (this: unknown, ...a: unknown[]) {
      seen.push(hook);
      return original?.apply(this, a);
    };
  }
  await sim.background();
  await sim.foreground();
  await sim.pullDown();
  sim.share();
  await sim.settle();
  expect(seen).toEqual(['onHide', 'onShow', 'onPullDownRefresh']);
  expect(sim.text()).toContain('公开办工作台');
  expect(sim.errors).toEqual([]);
});
