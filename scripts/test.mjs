// `npm test`: builds what the tests run against (function bundles, the local
// cloud, the h5 and weapp apps), typechecks, then runs every suite. The domain
// suite runs under two time zones, since cloud functions run in UTC.
import { execSync } from 'node:child_process';

const run = (cmd, env = {}) => {
  console.log(`\n$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });
};
const jestArgs = process.argv.slice(2).join(' ');

run('node scripts/build-functions.mjs');
if (!process.env.SKIP_APP_BUILD) {
  run('npx taro build --type h5', { NODE_ENV: 'production' });
  run('npx taro build --type weapp', { NODE_ENV: 'production' });
}
run('npx tsc --noEmit -p .');
run(`npx jest --selectProjects domain ${jestArgs}`, { TZ: 'Asia/Shanghai' });
run(`npx jest ${jestArgs}`, { TZ: 'UTC' });
