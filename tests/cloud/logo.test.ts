// The office's logo reaches the unit's photo stamp: office.setLogo → unit.eventDetail.logoUrl.
import { ok, startCloud, type TestCloud } from '../helpers/cloud';
import { defaultLogo, pngOf } from '../helpers/photos';
import { seedYuhua } from '../helpers/scenario';

/** The office's own logo: a real PNG (storage takes only images under logos/), unlike the default (its colours inverted). */
function officeLogoPng(): Buffer {
  const logo = defaultLogo();
  for (let i = 0; i < logo.data.length; i += 4) for (let k = 0; k < 3; k++) logo.data[i + k] = 255 - logo.data[i + k];
  return pngOf(logo);
}

let cloud: TestCloud;
beforeAll(async () => (cloud = await startCloud({ now: '2023-04-10T09:00:00+08:00' })));
afterAll(() => cloud.stop());

test('without an uploaded logo the stamp uses the default (logoUrl null); after setLogo it gets the office image', async () => {
  const y = await seedYuhua(cloud);
  const eventId = y.event(1).eventId;
  expect(ok(await cloud.call<{ logoUrl: string | null }>('unit', { action: 'eventDetail', eventId }, y.eduStaff)).logoUrl).toBeNull();
  const png = officeLogoPng();
  const fileID = await cloud.upload(`logos/${y.jurisdictionId}/logo.png`, png, y.office);
  ok(await cloud.call('office', { action: 'setLogo', jurisdictionId: y.jurisdictionId, fileID }, y.office));
  const { logoUrl } = ok(await cloud.call<{ logoUrl: string }>('unit', { action: 'eventDetail', eventId }, y.eduStaff));
  const served = Buffer.from(await (await fetch(logoUrl)).arrayBuffer());
  expect(served.equals(png)).toBe(true);
});
