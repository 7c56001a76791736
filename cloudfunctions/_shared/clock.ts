// Server time. The local cloud installs a hook so tests and demos can move the
// clock; in WeChat's cloud the hook is absent and this is the machine clock.
export function serverNow(): Date {
  const hook = (globalThis as { __localCloudNow?: () => number }).__localCloudNow;
  return new Date(hook ? hook() : Date.now());
}
