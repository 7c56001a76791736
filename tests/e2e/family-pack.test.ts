// 上下级关联 and 证据包 in Chromium against the h5 build: the 邵阳市 office makes a
// link code, the 洞口县 office enters it, the city's 考核看板 shows 洞口县's row
// and its units read-only, and the county builds its year's evidence pack with
// a progress bar and downloads a zip that verifies.
// Build: NODE_ENV=production TARO_OUTPUT=dist/h5-pack npx taro build --type h5; run with H5_DIR=dist/h5-pack.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ok, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { SHAOYANG_TABLE, type ImportedEvent } from '../helpers/scenario';
import { stampedPhoto } from '../helpers/photos';
import { verifyPack } from '../../scripts/verify-pack';
import { field, goto, launch, newPage, screenshot } from './browser';

jest.setTimeout(180_000);

const DONGKOU = fs.readFileSync(path.join(__dirname, '../../fixtures/plans/dongkou-2023.txt'), 'utf8');
const CITY = 'office-shaoyang-e2e';
const COUNTY = 'office-dongkou-e2e';
const STAFF = 'staff-dongkou-e2e';

let cloud: TestCloud;
let browser: Browser;
let cityId: string;
let countyId: string;

beforeAll(async () => {
  [cloud, browser] = await Promise.all([startCloud({ now: '2023-04-10T09:00:00+08:00', frozen: true }), launch()]);
  ({ jurisdictionId: cityId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' },
      CITY,
    ),
  ));
  ({ jurisdictionId: countyId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '洞口县', level: 'county' },
      COUNTY,
    ),
  ));
  ok(await cloud.call('office', { action: 'importPlan', jurisdictionId: cityId, year: 2023, text: SHAOYANG_TABLE }, CITY));
  const { events } = ok(
    await cloud.call<{ events: ImportedEvent[] }>(
      'office',
      { action: 'importPlan', jurisdictionId: countyId, year: 2023, text: DONGKOU },
      COUNTY,
    ),
  );
  const units = ok(
    await cloud.call<Array<{ unitId: string; name: string }>>('office', { action: 'listUnits', jurisdictionId: countyId }, COUNTY),
  );
  const { code } = ok(
    await cloud.call<{ code: string }>(
      'office',
      { action: 'invite', unitId: units.find((u) => u.name === '县住建局（自来水公司）')!.unitId },
      COUNTY,
    ),
  );
  ok(await cloud.call('account', { action: 'redeemInvite', code }, STAFF));
  // One event with a filed plan and a stamped photo, so the pack holds a file.
  const eventId = events[0].eventId;
  ok(await cloud.call('unit', { action: 'filePlan', eventId, date: '2023-04-20', venue: { name: '洞口县自来水公司会议室' } }, STAFF));
  // Photos must be real JPEGs under events/<id>/photos/ (the storage checks the bytes and the event).
  const { bytes, sha256: sha } = stampedPhoto('dongkou-pack');
  const fileID = await cloud.upload(`events/${eventId}/photos/${sha}.jpg`, bytes, STAFF);
  ok(await cloud.call('unit', { action: 'addPhoto', eventId, fileID, sha256: sha, stamped: true }, STAFF));
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

describe('市级关联县级，看下级完成情况', () => {
  let city: Page;
  let county: Page;
  let cityErrors: string[];
  let countyErrors: string[];
  let code: string;

  beforeAll(async () => {
    ({ page: city, errors: cityErrors } = await newPage(browser, cloud.url, CITY));
    ({ page: county, errors: countyErrors } = await newPage(browser, cloud.url, COUNTY));
  });

  test('邵阳市：工作台 → 上下级关联 → 生成关联码', async () => {
    await goto(city, '/office/home/index');
    await city.locator('text=上下级关联 >> visible=true').first().click();
    await city.locator('text=还没有关联县市区 >> visible=true').waitFor();
    await city.getByText('生成关联码', { exact: true }).click();
    const shown = city.getByTestId('link-code');
    await shown.waitFor();
    code = (await shown.textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await screenshot(city, 'family-city-code');
  });

  test('洞口县：输入关联码 → 已关联邵阳市', async () => {
    await goto(county, '/office/family/index');
    await field(county, '输入关联码').fill(code);
    await county.locator('text=关联上级 >> visible=true').click();
    await county.getByTestId('parent-link').waitFor();
    await expect(county.getByTestId('parent-link').textContent()).resolves.toContain('邵阳市');
    await screenshot(county, 'family-county-linked');
  });

  test('邵阳市考核看板：洞口县一行，点开是各单位（只读）', async () => {
    await goto(city, `/office/dashboard/index?jurisdictionId=${cityId}&year=2023`);
    const row = city.getByTestId('child-row');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('洞口县');
    await expect(row.textContent()).resolves.toContain('活动10');
    await city.getByTestId('review-figures').waitFor();
    await screenshot(city, 'family-city-dashboard');
    await row.click();
    await city.getByTestId('child-units').waitFor();
    await expect(city.getByTestId('child-unit-row').filter({ hasText: '县住建局（自来水公司）' }).count()).resolves.toBe(1);
    await screenshot(city, 'family-city-child-units');
    expect(cityErrors).toEqual([]);
  });

  test('洞口县：证据包 → 生成（进度条）→ 下载，压缩包核验完整', async () => {
    await goto(county, `/office/home/index?jurisdictionId=${countyId}`);
    await county.locator('text=证据包 >> visible=true').first().click();
    await county.locator('text=全辖区 >> visible=true').waitFor();
    await county.locator('text=生成证据包 >> visible=true').click();
    await county.getByTestId('pack-progress').waitFor();
    await county.locator('text=证据包已生成 >> visible=true').waitFor({ timeout: 60_000 });
    await expect(county.getByTestId('pack-progress').textContent()).resolves.toContain('已完成：10 项活动');
    await screenshot(county, 'pack-built');
    const [download] = await Promise.all([county.waitForEvent('download'), county.locator('text=下载证据包 >> visible=true').click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zip = fs.readFileSync((await download.path())!);
    const sha = crypto.createHash('sha256').update(zip).digest('hex');
    await expect(county.getByTestId('pack-sha').textContent()).resolves.toBe(sha);
    expect(verifyPack(new Uint8Array(zip))).toMatchObject({ intact: true, problems: [] });
    expect(countyErrors).toEqual([]);
  });
});
