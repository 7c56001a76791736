// `npm run deploy:functions [-- --dry-run] [-- --only office]`: deploys every cloud
// function described in cloudbaserc.json (runtime, handler, timeout, memory,
// environment variables, triggers, openapi permissions) from the bundles in
// dist/cloudfunctions, through the CloudBase CLI (`tcb`, package @cloudbase/cli).
// --dry-run prints the plan and the commands without running anything.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'));
const functions = rc.functions.filter((f) => !only || f.name === only);
if (only && !functions.length) throw new Error(`cloudbaserc.json has no function "${only}"`);

/** {{env.X}} placeholders, as the CloudBase CLI fills them from the environment (or .env files). */
const fill = (v) => String(v).replace(/\{\{env\.(\w+)\}\}/g, (_, k) => process.env[k] ?? '');
const envId = fill(rc.envId);
// Empty is a valid value for these (no long-term templates on a non-government account).
const OPTIONAL = new Set(['LONG_TERM_TEMPLATES']);
const missing = new Set();
for (const f of functions)
  for (const [k, v] of Object.entries(f.envVariables ?? {})) if (/\{\{env\./.test(v) && !fill(v) && !OPTIONAL.has(k)) missing.add(k);
if (!envId) missing.add('CLOUD_ENV');

console.log(
  `${dryRun ? 'Would deploy' : 'Deploying'} ${functions.length} function(s) to environment ${envId || '(CLOUD_ENV not set)'} from ${rc.functionRoot}/:`,
);
for (const f of functions) {
  const bundle = path.join(root, rc.functionRoot, f.name, 'index.js');
  const size = fs.existsSync(bundle) ? `${Math.round(fs.statSync(bundle).size / 1024)} KB` : 'not built: run npm run build:functions';
  const triggers = (f.triggers ?? []).map((t) => `${t.type} ${t.name} "${t.config}"`).join(', ') || 'none';
  const openapi = f.permissions?.openapi?.join(', ') || 'none';
  const env = Object.keys(f.envVariables ?? {}).join(', ') || 'none';
  console.log(
    `- ${f.name}: ${f.runtime}, handler ${f.handler}, timeout ${f.timeout} s, memory ${f.memorySize} MB, triggers: ${triggers}, openapi: ${openapi}, env: ${env}, bundle ${size}`,
  );
}
const commands = functions.map((f) => ['tcb', 'fn', 'deploy', f.name, '-e', envId || '<CLOUD_ENV>', '--force']);
if (functions.some((f) => f.triggers?.length))
  for (const f of functions.filter((x) => x.triggers?.length))
    commands.push(['tcb', 'fn', 'trigger', 'create', f.name, '-e', envId || '<CLOUD_ENV>']);
console.log('\nCommands (run from the repository root; tcb reads cloudbaserc.json):');
for (const c of commands) console.log(`  npx ${c.join(' ')}`);
if (missing.size) console.log(`\nNot set in the environment: ${[...missing].join(', ')} (their values would be empty).`);

if (dryRun) process.exit(0);
if (missing.size) {
  console.error('\nRefusing to deploy with empty settings: set them first (README, deploy).');
  process.exit(1);
}
for (const f of functions) {
  if (!fs.existsSync(path.join(root, rc.functionRoot, f.name, 'index.js'))) {
    console.error(`\n${f.name} is not built: run npm run build:functions first.`);
    process.exit(1);
  }
}
if (spawnSync('npx', ['--no-install', 'tcb', '--version'], { stdio: 'ignore' }).status !== 0) {
  console.error(
    '\nThe CloudBase CLI is not installed. Install it with `npm i -g @cloudbase/cli`, log in with `tcb login`, then run this again.',
  );
  process.exit(1);
}
for (const c of commands) execFileSync('npx', ['--no-install', ...c], { stdio: 'inherit', cwd: root });
