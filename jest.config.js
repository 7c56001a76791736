// Four suites: pure domain rules, cloud functions through the local cloud,
// browser journeys in Chromium against the h5 build, and the weapp build run in a
// simulated WeChat app service (scripts/test.mjs builds both apps first).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020' }, module: { type: 'commonjs' } }];
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testEnvironment: 'node',
  // @noble/hashes ships ES modules only.
  transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/tests/domain/**/*.test.ts'] },
    { ...base, displayName: 'cloud', testMatch: ['<rootDir>/tests/cloud/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    // dist/weapp executed as WeChat's app service runs it (tests/weapp/simulator.ts).
    { ...base, displayName: 'weapp', testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'] },
  ],
};
