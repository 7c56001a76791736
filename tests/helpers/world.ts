// One event taken through its whole life, with every kind of person around it:
// the fixture behind the authorization matrix and the hostile-input tests.
import { ok, SETUP_TOKEN, type TestCloud } from './cloud';
import { seedYuhua, YUHUA_TABLE, type Yuhua } from './scenario';
import { defaultLogo, pngOf, stampedPhoto } from './photos';
import type { Persona } from '../../cloudfunctions/_shared/policy';

export interface World {
  y: Yuhua;
  persona: Record<Persona, string | undefined>;
  eventId: string;
  signupId: string;
  photoId: string;
  photoFileID: string;
  photoSha: string;
  reportId: string;
  token: string;
  logoFileID: string;
  /** 长沙市, which 雨花区 is linked under. */
  cityId: string;
}

export const REPORT = {
  title: '区教育局开展“政务公开主题日”活动',
  paragraphs: [
    '4月27日，区教育局举办“政务公开主题日”小升初政策解读。',
    '活动邀请人大代表和家长代表现场观摩，围绕政务公开主题日主题交流。',
    '下一步，区教育局将持续办好政务公开主题日活动。',
  ],
};

export async function buildWorld(cloud: TestCloud): Promise<World> {
  await cloud.setClock('2023-04-20T10:00:00+08:00', true);
  const y = await seedYuhua(cloud);
  ok(await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' }, 'office-other'));
  // 雨花区 linked under 长沙市: the city's office reads its figures, never residents' personal data.
  const { jurisdictionId: cityId } = ok(
    await cloud.call<{ jurisdictionId: string }>(
      'office',
      { action: 'bootstrap', token: SETUP_TOKEN, name: '长沙市', level: 'city' },
      'office-city',
    ),
  );
  const { code: linkCode } = ok(
    await cloud.call<{ code: string }>('office', { action: 'inviteChild', jurisdictionId: cityId }, 'office-city'),
  );
  ok(await cloud.call('office', { action: 'acceptParent', code: linkCode }, y.office));
  const eventId = y.event(1).eventId;
  ok(
    await cloud.call(
      'unit',
      {
        action: 'filePlan',
        eventId,
        date: '2023-04-27',
        startTime: '09:30',
        venue: { name: '区教育局会议室', latitude: 28.11, longitude: 113.01 },
        publicSeats: 10,
      },
      y.eduStaff,
    ),
  );
  const { signupId } = ok(
    await cloud.call<{ signupId: string }>(
      'resident',
      { action: 'signUp', eventId, name: '王芳', phone: '13912345678', identity: '普通市民', consent: true },
      'resident-m',
    ),
  );
  await cloud.setClock('2023-04-27T10:00:00+08:00', true);
  ok(await cloud.call('unit', { action: 'checkIn', eventId, latitude: 28.11, longitude: 113.01, accuracy: 20 }, y.eduStaff));
  const { bytes, sha256: photoSha } = stampedPhoto('world');
  const photoFileID = await cloud.upload(`events/${eventId}/photos/${photoSha}.jpg`, bytes, y.eduStaff);
  const { photoId } = ok(
    await cloud.call<{ photoId: string }>(
      'unit',
      { action: 'addPhoto', eventId, fileID: photoFileID, sha256: photoSha, stamped: true },
      y.eduStaff,
    ),
  );
  const { reportId } = ok(
    await cloud.call<{ reportId: string }>('unit', { action: 'submitReport', eventId, ...REPORT, photoIds: [photoId] }, y.eduStaff),
  );
  const { token } = ok(await cloud.call<{ token: string }>('unit', { action: 'eventCode', eventId }, y.eduStaff));
  const logoFileID = await cloud.upload(`logos/${y.jurisdictionId}/logo.png`, pngOf(defaultLogo()), y.office);
  return {
    y,
    persona: {
      anonymous: undefined,
      resident: 'resident-m',
      eventUnitStaff: y.eduStaff,
      otherUnitStaff: y.lawStaff,
      jurisdictionOffice: y.office,
      otherOffice: 'office-other',
      parentOffice: 'office-city',
    },
    cityId,
    eventId,
    signupId,
    photoId,
    photoFileID,
    photoSha,
    reportId,
    token,
    logoFileID,
  };
}

export const QUESTIONNAIRE = {
  title: '政策解读满意度',
  questions: [
    { kind: 'single', title: '您是否了解小升初政策', options: ['了解', '部分了解', '不了解'], required: true },
    { kind: 'rating', title: '总体满意度', required: true },
  ],
};

type Payload = Record<string, unknown>;
/** A valid payload for every action of every function, in the world above. */
export const VALID_PAYLOADS: Record<string, Record<string, (w: World) => Payload>> = {
  account: {
    me: () => ({}),
    redeemInvite: () => ({ code: 'ZZZZZZZZ' }),
    subscribe: () => ({ templateIds: ['tpl-deadline'], accepted: ['tpl-deadline'] }),
    subscribeTemplates: () => ({}),
    messages: () => ({}),
  },
  office: {
    setRules: (w) => ({ jurisdictionId: w.y.jurisdictionId, rules: {} }),
    getRules: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    importPlan: (w) => ({ jurisdictionId: w.y.jurisdictionId, year: 2023, text: YUHUA_TABLE, dryRun: true }),
    listUnits: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    invite: (w) => ({ unitId: w.y.eduUnitId }),
    inviteMany: (w) => ({ jurisdictionId: w.y.jurisdictionId, units: [w.y.eduUnitId] }),
    removeStaff: (w) => ({ unitId: w.y.eduUnitId, openid: 'nobody-here' }),
    listEvents: (w) => ({ jurisdictionId: w.y.jurisdictionId, year: 2023 }),
    eventDetail: (w) => ({ eventId: w.eventId }),
    inviteOffice: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    listStaff: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    setLogo: (w) => ({ jurisdictionId: w.y.jurisdictionId, fileID: w.logoFileID }),
    ratings: (w) => ({ jurisdictionId: w.y.jurisdictionId, year: 2023 }),
    dashboard: (w) => ({ jurisdictionId: w.y.jurisdictionId, year: 2023 }),
    exportDashboard: (w) => ({ jurisdictionId: w.y.jurisdictionId, year: 2023 }),
    reviewReport: (w) => ({ reportId: w.reportId, decision: 'return', comment: '请补充现场照片说明' }),
    reportDetail: (w) => ({ eventId: w.eventId }),
    confirmPhotoLogo: (w) => ({ photoId: w.photoId }),
    publishPreview: (w) => ({ eventId: w.eventId }),
    publishReport: (w) => ({ eventId: w.eventId, checks: { secrecy: true, personalData: true } }),
    unpublishReport: (w) => ({ eventId: w.eventId, reason: '照片含未遮挡的群众面部' }),
    publishListing: (w) => ({ eventId: w.eventId, checks: { secrecy: true, personalData: true } }),
    unpublishListing: (w) => ({ eventId: w.eventId, reason: '场馆地址有误，待单位更正' }),
    exportColumn: (w) => ({ jurisdictionId: w.y.jurisdictionId, year: 2023 }),
    inviteChild: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    acceptParent: () => ({ code: 'ZZZZZZZZ' }),
    unlinkChild: (w) => ({ jurisdictionId: w.y.jurisdictionId, childId: w.cityId }),
    unlinkParent: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    family: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    evidencePack: (w) => ({ jurisdictionId: w.y.jurisdictionId, year: 2023, unitId: w.y.eduUnitId }),
    remindLate: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    bootstrap: () => ({ token: SETUP_TOKEN, name: '矩阵县', level: 'county' }),
  },
  unit: {
    myEvents: () => ({}),
    eventDetail: (w) => ({ eventId: w.eventId }),
    filePlan: (w) => ({ eventId: w.eventId, date: '2023-05-10', venue: { name: '区政务服务中心' } }),
    checkIn: (w) => ({ eventId: w.eventId, latitude: 28.11, longitude: 113.01, accuracy: 15 }),
    addPhoto: (w) => ({ eventId: w.eventId, fileID: w.photoFileID, sha256: w.photoSha, stamped: true }),
    removePhoto: (w) => ({ eventId: w.eventId, fileID: w.photoFileID }),
    saveDraft: (w) => ({ eventId: w.eventId, ...REPORT, photoIds: [w.photoId] }),
    submitReport: (w) => ({ eventId: w.eventId, ...REPORT, photoIds: [w.photoId] }),
    attendees: (w) => ({ eventId: w.eventId }),
    eventCode: (w) => ({ eventId: w.eventId }),
    setQuestionnaire: (w) => ({ eventId: w.eventId, ...QUESTIONNAIRE }),
    questionnaireResults: (w) => ({ eventId: w.eventId }),
    exportQuestionnaire: (w) => ({ eventId: w.eventId }),
    attachQuestionnaire: (w) => ({ eventId: w.eventId }),
    submitMaterials: (w) => ({ eventId: w.eventId, photoIds: [w.photoId], text: '区教育局政务公开主题日活动现场照片及简要说明。' }),
    contacts: () => ({}),
  },
  resident: {
    openEvents: () => ({}),
    eventDetail: (w) => ({ eventId: w.eventId }),
    showcase: (w) => ({ jurisdictionId: w.y.jurisdictionId }),
    signUp: (w) => ({ eventId: w.eventId, name: '赵磊', phone: '13700001111', identity: '新闻媒体', consent: true }),
    cancelSignup: (w) => ({ signupId: w.signupId }),
    mySignups: () => ({}),
    attend: (w) => ({ token: w.token }),
    evaluate: (w) => ({ eventId: w.eventId, rating: 5, comment: '很有收获' }),
    questionnaire: (w) => ({ eventId: w.eventId }),
    answerQuestionnaire: (w) => ({ eventId: w.eventId, answers: [1, 4] }),
    erase: () => ({}),
  },
};
