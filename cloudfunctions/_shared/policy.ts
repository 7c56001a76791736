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
  | 'signer' // the resident who owns the sign-up (others get NOT_FOUND: a sign-up id reveals nothing)
  | 'attendee' // a resident who attended the event
  | 'timer'; // the platform's timer; a client call is refused

/** The people the authorization matrix calls every action as. */
export type Persona = 'anonymous' | 'resident' | 'eventUnitStaff' | 'otherUnitStaff' | 'jurisdictionOffice' | 'otherOffice';
export const PERSONAS: readonly Persona[] = ['anonymous', 'resident', 'eventUnitStaff', 'otherUnitStaff', 'jurisdictionOffice', 'otherOffice'];

const SIGNED_IN: Persona[] = ['resident', 'eventUnitStaff', 'otherUnitStaff', 'jurisdictionOffice', 'otherOffice'];
export const ALLOWED: Record<Access, readonly Persona[]> = {
  public: PERSONAS,
  signedIn: SIGNED_IN,
  setupToken: SIGNED_IN,
  anyUnitStaff: ['eventUnitStaff', 'otherUnitStaff'],
  eventStaff: ['eventUnitStaff'],
  eventStaffOrOffice: ['eventUnitStaff', 'jurisdictionOffice'],
  office: ['jurisdictionOffice'],
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
    removeStaff: 'office',
    listEvents: 'office',
    eventDetail: 'office',
    inviteOffice: 'office',
    listStaff: 'office',
    setLogo: 'office',
    ratings: 'office',
    dashboard: 'office',
    exportDashboard: 'office',
    reviewReport: 'office',
    reportDetail: 'office',
    confirmPhotoLogo: 'office',
  },
  unit: {
    myEvents: 'anyUnitStaff',
    eventDetail: 'eventStaff',
    filePlan: 'eventStaff',
    checkIn: 'eventStaff',
    addPhoto: 'eventStaff',
    saveDraft: 'eventStaff',
    submitReport: 'eventStaff',
    attendees: 'eventStaffOrOffice',
    eventCode: 'eventStaff',
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
  },
  reminders: { run: 'timer' },
} as const satisfies Record<string, Record<string, Access>>;

export type FunctionName = keyof typeof POLICY;
