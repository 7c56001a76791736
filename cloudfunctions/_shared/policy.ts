// Who may call what: one table for every function action. The router refuses
// anonymous callers of non-public actions from this table; handlers check the
// finer part (whose event, whose jurisdiction) and tests/cloud/authorization.test.ts
// calls every cell through the local cloud and compares with ALLOWED below.

/** How an action is guarded. */
export type Access =
  | 'public' // anyone, even without a WeChat identity (the public column)
  | 'signedIn' // any WeChat user
  | 'setupToken' // any WeChat user holding the deployment's SETUP_TOKEN
  | 'anyUnitStaff' // staff of any unit (sees only their own units' data)
  | 'eventStaff' // staff of the event's unit
  | 'eventStaffOrOffice' // staff of the event's unit, or the office of its jurisdiction
  | 'office' // office staff of the jurisdiction concerned
  | 'officeOrParent' // office staff of the jurisdiction, or (read-only) of the city it is linked under
  | 'anyOffice' // office staff of any jurisdiction (acts on their own office)
  | 'signer' // the resident who owns the sign-up (others get NOT_FOUND: a sign-up id reveals nothing)
  | 'attendee' // a resident who attended the event
  | 'timer'; // the platform's timer; a client call is refused

/** The people the authorization matrix calls every action as. */
/** parentOffice: the office of the city the event's jurisdiction is linked under. */
export type Persona =
  'anonymous' | 'resident' | 'eventUnitStaff' | 'otherUnitStaff' | 'jurisdictionOffice' | 'otherOffice' | 'parentOffice';
export const PERSONAS: readonly Persona[] = [
  'anonymous',
  'resident',
  'eventUnitStaff',
  'otherUnitStaff',
  'jurisdictionOffice',
  'otherOffice',
  'parentOffice',
];

const SIGNED_IN: Persona[] = ['resident', 'eventUnitStaff', 'otherUnitStaff', 'jurisdictionOffice', 'otherOffice', 'parentOffice'];
export const ALLOWED: Record<Access, readonly Persona[]> = {
  public: PERSONAS,
  signedIn: SIGNED_IN,
  setupToken: SIGNED_IN,
  anyUnitStaff: ['eventUnitStaff', 'otherUnitStaff'],
  eventStaff: ['eventUnitStaff'],
  eventStaffOrOffice: ['eventUnitStaff', 'jurisdictionOffice'],
  office: ['jurisdictionOffice'],
  officeOrParent: ['jurisdictionOffice', 'parentOffice'],
  anyOffice: ['jurisdictionOffice', 'otherOffice', 'parentOffice'],
  signer: ['resident'],
  attendee: ['resident'],
  timer: ['anonymous'],
};

/** How a signed-in person who is not allowed is refused: FORBIDDEN unless hiding existence. */
export const REFUSAL: Partial<Record<Access, 'NOT_FOUND'>> = { signer: 'NOT_FOUND' };

export const POLICY = {
  account: { me: 'signedIn', redeemInvite: 'signedIn', subscribe: 'signedIn', subscribeTemplates: 'public', messages: 'signedIn' },
  office: {
    bootstrap: 'setupToken',
    setRules: 'office',
    getRules: 'office',
    importPlan: 'office',
    listUnits: 'office',
    invite: 'office',
    inviteMany: 'office',
    removeStaff: 'office',
    listEvents: 'office',
    eventDetail: 'office',
    inviteOffice: 'office',
    listStaff: 'office',
    setLogo: 'office',
    ratings: 'office',
    dashboard: 'officeOrParent',
    exportDashboard: 'office',
    reviewReport: 'office',
    reportDetail: 'office',
    confirmPhotoLogo: 'office',
    publishPreview: 'office',
    publishReport: 'office',
    unpublishReport: 'office',
    publishListing: 'office',
    unpublishListing: 'office',
    exportColumn: 'office',
    inviteChild: 'office',
    acceptParent: 'anyOffice',
    unlinkChild: 'office',
    unlinkParent: 'office',
    family: 'office',
    evidencePack: 'office',
    remindLate: 'office',
  },
  unit: {
    myEvents: 'anyUnitStaff',
    eventDetail: 'eventStaff',
    filePlan: 'eventStaff',
    checkIn: 'eventStaff',
    addPhoto: 'eventStaff',
    removePhoto: 'eventStaff',
    saveDraft: 'eventStaff',
    submitReport: 'eventStaff',
    attendees: 'eventStaffOrOffice',
    eventCode: 'eventStaff',
    setQuestionnaire: 'eventStaff',
    questionnaireResults: 'eventStaffOrOffice',
    exportQuestionnaire: 'eventStaffOrOffice',
    attachQuestionnaire: 'eventStaff',
    submitMaterials: 'eventStaff',
    contacts: 'anyUnitStaff',
  },
  resident: {
    openEvents: 'public',
    eventDetail: 'public',
    showcase: 'public',
    signUp: 'signedIn',
    cancelSignup: 'signer',
    mySignups: 'signedIn',
    attend: 'signedIn',
    evaluate: 'attendee',
    erase: 'signedIn',
    questionnaire: 'signedIn',
    answerQuestionnaire: 'signedIn',
  },
  reminders: { run: 'timer' },
} as const satisfies Record<string, Record<string, Access>>;

export type FunctionName = keyof typeof POLICY;
