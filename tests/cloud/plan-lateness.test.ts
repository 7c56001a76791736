// A plan filed after its planned months can no longer be met is accepted for a
// later date but stays late on the dashboard, by the working days since the last
// on-time day; a re-filing does not change that standing.
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

type Counts = { unitId: string; name: string; planFiled: number; planOnTime: number };
type Dash = {
  units: Counts[];
  lateItems: Array<{ eventId: string; kind: string; deadline: string; doneAt: string | null; workdaysLate: number }>;
};

let cloud: TestCloud;
let y: Yuhua;
beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
}, 30_000);
afterAll(() => cloud.stop());

const dashboard = async () =>
  ok(await cloud.call<Dash>('office', { action: 'dashboard', jurisdictionId: y.jurisdictionId, year: 2023 }, y.office));

test('an April event filed on Wed 4/26 for 5/10 is late by 2 working days (4/25, 4/26) and stays late after re-filing', async () => {
  // 区司法局 #6 is planned for 4月: its plan was due by the end of Mon 4/24.
  const eventId = y.event(6).eventId;
  await cloud.setClock('2023-04-26T15:00:00+08:00', true);
  const filed = ok(
    await cloud.call<{ warnings: string[] }>(
      'unit',
      { action: 'filePlan', eventId, date: '2023-05-10', venue: { name: '区司法局' } },
      y.lawStaff,
    ),
  );
  expect(filed.warnings.join()).toMatch(/不在计划安排表的时间/);
  const late = (await dashboard()).lateItems.filter((i) => i.eventId === eventId);
  expect(late).toEqual([
    expect.objectContaining({ kind: 'plan', deadline: '2023-04-24T23:59:59+08:00', doneAt: '2023-04-26T15:00:00+08:00', workdaysLate: 2 }),
  ]);
  expect((await dashboard()).units.find((u) => u.name === '区司法局')).toMatchObject({ planFiled: 1, planOnTime: 0 });

  await cloud.setClock('2023-04-27T09:00:00+08:00', true);
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-05-11', venue: { name: '区司法局二楼' } }, y.lawStaff));
  expect((await dashboard()).units.find((u) => u.name === '区司法局')).toMatchObject({ planFiled: 1, planOnTime: 0 });
});

test('an April event filed on Mon 4/24 (the last on-time day) for 5/4 counts as on time', async () => {
  const eventId = y.event(1).eventId; // 区教育局, 4月
  await cloud.setClock('2023-04-24T20:00:00+08:00', true);
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-05-04', venue: { name: '区教育局' } }, y.eduStaff));
  const d = await dashboard();
  expect(d.lateItems.filter((i) => i.eventId === eventId && i.kind === 'plan')).toEqual([]);
  expect(d.units.find((u) => u.name === '区教育局')).toMatchObject({ planFiled: 1, planOnTime: 1 });
});
