// Demo data for `npm start`: two jurisdictions with their real 2023 plan tables
// (copied into fixtures/), office staff, unit staff bound by invitation, and a
// filed plan open to residents. Loaded through the public functions, once.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const table = (name) => fs.readFileSync(path.join(root, 'fixtures/plans', name), 'utf8');

export async function seedDemo(url, setupToken) {
  const call = async (fn, payload, openid) => {
    const res = await fetch(`${url}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Openid': openid },
      body: JSON.stringify(payload),
    });
    const env = await res.json();
    if (!env.ok) throw new Error(`${fn}.${payload.action}: ${env.error.code} ${env.error.message}`);
    return env.data;
  };
  const me = await call('account', { action: 'me' }, 'office-yuhua');
  if (me.roles.length > 0) return false; // already seeded

  const jurisdictions = {};
  // 雨花区's notice (附件2) asks for the news-strict rules; 邵阳市's for the standard ones.
  for (const [openid, name, level, file, preset, contact] of [
    [
      'office-yuhua',
      '雨花区',
      'district',
      'yuhua-2023.txt',
      'news-strict',
      { name: '雨花区政务公开办', phone: '0731-85888888', email: 'gkb@yuhua.example.gov.cn' },
    ],
    ['office-shaoyang', '邵阳市', 'city', 'shaoyang-2023.txt', 'standard', null],
  ]) {
    const { jurisdictionId } = await call('office', { action: 'bootstrap', token: setupToken, name, level, preset }, openid);
    if (contact) await call('office', { action: 'setRules', jurisdictionId, rules: { contact } }, openid);
    const { events } = await call('office', { action: 'importPlan', jurisdictionId, year: 2023, text: table(file) }, openid);
    jurisdictions[name] = { jurisdictionId, office: openid, events };
  }

  const units = await call('office', { action: 'listUnits', jurisdictionId: jurisdictions['雨花区'].jurisdictionId }, 'office-yuhua');
  for (const [unitName, openid] of [
    ['区教育局', 'staff-edu'],
    ['区司法局', 'staff-law'],
    ['同升街道', 'staff-tongsheng'],
  ]) {
    const unit = units.find((u) => u.name === unitName);
    const { code } = await call('office', { action: 'invite', unitId: unit.unitId }, 'office-yuhua');
    await call('account', { action: 'redeemInvite', code }, openid);
  }

  // One event open to residents, so the resident side has something to show.
  const edu = jurisdictions['雨花区'].events.find((e) => e.seq === 1);
  await call(
    'unit',
    {
      action: 'filePlan',
      eventId: edu.eventId,
      date: '2023-04-27',
      startTime: '09:30',
      venue: { name: '雨花区教育局三楼会议室', address: '长沙市雨花区韶山中路', latitude: 28.1135, longitude: 113.0124 },
      invitees: ['人大代表', '新闻媒体', '普通市民'],
      publicSeats: 50,
    },
    'staff-edu',
  );
  await call(
    'resident',
    { action: 'signUp', eventId: edu.eventId, name: '李明', phone: '13800001111', identity: '普通市民', consent: true },
    'resident-2',
  );
  return true;
}
