// Bounded concurrency for many independent platform calls (messages, file
// downloads and uploads), so one call does not open hundreds at once.

/** Runs `fn` over `items` with at most `n` in flight; results keep the items' order. */
export async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}
