// `npm test`: builds what the tests run against (function bundles, the local
// cloud, the h5 and weapp apps), typechecks and lints, then runs every suite
// (domain, cloud, e2e, and weapp: dist/weapp run in a simulated WeChat app
// service). The domain suite runs under two time zones, since cloud functions run
// in UTC. Independent steps run side by side (the machine has 2 cores). Ends with
// one plain "N passed, N failed" line over both jest runs.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, env = {}) => {
  console.log(`\n$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, ...env } });
};
/** Runs commands at the same time; throws if any of them fails. */
const runTogether = async (steps) => {
  const codes = await Promise.all(
    steps.map(
      ([cmd, env = {}]) =>
        new Promise((resolve) => {
          console.log(`\n$ ${cmd}`);
          spawn(cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } }).on('exit', (code) => resolve(code ?? 1));
        }),
    ),
  );
  if (codes.some((c) => c !== 0))
    throw new Error(
      `failed: ${steps
        .filter((_, i) => codes[i] !== 0)
        .map(([cmd]) => cmd)
        .join('; ')}`,
    );
};
const jestArgs = process.argv.slice(2).join(' ');
fs.mkdirSync('.tmp', { recursive: true });
const results = ['.tmp/jest-domain-shanghai.json', '.tmp/jest-all-utc.json'];
for (const f of results) fs.rmSync(f, { force: true });

let failed = false;
try {
  run('node scripts/build-functions.mjs');
  if (!process.env.SKIP_APP_BUILD) {
    // Built as the README's deploy step 2 says, with the deployment the weapp suite plays.
    const deployment = JSON.parse(fs.readFileSync('tests/weapp/deployment.json', 'utf8'));
    const { CLOUD_ENV, TEMPLATE_DEADLINE, TEMPLATE_EVENT } = deployment;
    await runTogether([
      ['npx taro build --type h5', { NODE_ENV: 'production' }],
      ['npx taro build --type weapp', { NODE_ENV: 'production', CLOUD_ENV, TEMPLATE_DEADLINE, TEMPLATE_EVENT }],
    ]);
  }
  await runTogether([
    ['npx tsc --noEmit -p .'],
    ['npx eslint --max-warnings 0 --ext .ts,.tsx,.js,.mjs . && npx prettier --check --log-level warn .'],
  ]);
  run(`npx jest --selectProjects domain --json --outputFile=${results[0]} ${jestArgs}`, { TZ: 'Asia/Shanghai' });
  run(`npx jest --json --outputFile=${results[1]} ${jestArgs}`, { TZ: 'UTC' });
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  failed = true;
}
const counts = results
  .filter((f) => fs.existsSync(f))
  .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
  .reduce((acc, r) => ({ passed: acc.passed + r.numPassedTests, failed: acc.failed + r.numFailedTests }), { passed: 0, failed: 0 });
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(failed || counts.failed > 0 ? 1 : 0);
