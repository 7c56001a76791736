// The weapp build carries the deployment it was built for: a build made as the
// README's deploy step 2 says (scripts/test.mjs does exactly that with
// tests/weapp/deployment.json) holds the cloud environment and the subscribe
// template ids, and none of the local placeholders.
import fs from 'node:fs';
import path from 'node:path';
import deployment from './deployment.json';
import { WEAPP_DIR } from './simulator';

function js(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? [js(path.join(dir, e.name))] : e.name.endsWith('.js') ? [fs.readFileSync(path.join(dir, e.name), 'utf8')] : [],
    )
    .join('\n');
}

test('template ids and cloud environment from the build environment reach the bundle', () => {
  const all = js(WEAPP_DIR);
  for (const v of [deployment.CLOUD_ENV, deployment.TEMPLATE_DEADLINE, deployment.TEMPLATE_EVENT]) expect(all).toContain(v);
  expect(all).not.toMatch(/local-tpl-(deadline|event)|"local-dev"/);
});
