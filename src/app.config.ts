// Only the shared home lives in the main package; each role's screens are a
// subpackage so the main package stays small (WeChat caps it at 2 MB).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/column/index', 'pages/join/index', 'pages/messages/index'],
  subPackages: [
    {
      root: 'office',
      name: 'office',
      pages: [
        'home/index',
        'review/index',
        'import/index',
        'events/index',
        'event/index',
        'units/index',
        'rules/index',
        'dashboard/index',
        'family/index',
        'pack/index',
      ],
    },
    {
      root: 'unit',
      name: 'unit',
      pages: [
        'home/index',
        'event/index',
        'plan/index',
        'checkin/index',
        'photos/index',
        'report/index',
        'attendees/index',
        'questionnaire/index',
      ],
    },
    {
      root: 'resident',
      name: 'resident',
      pages: [
        'home/index',
        'list/index',
        'detail/index',
        'signup/index',
        'mine/index',
        'attend/index',
        'evaluate/index',
        'privacy/index',
        'questionnaire/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '政务公开主题日',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f7',
    backgroundTextStyle: 'light',
  },
  // Check-in at the venue reads the location; WeChat rejects the call unless declared.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于活动现场签到，确认您在活动地点附近' },
  },
  lazyCodeLoading: 'requiredComponents',
});
