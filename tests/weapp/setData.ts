// Page data as WeChat keeps it: setData paths ("root.cn.[0].cn[2].v") applied to
// a plain object, copied as the view layer receives it.

/** WeChat refuses a single setData larger than 1 MB. */
export const SET_DATA_LIMIT = 1024 * 1024;

export function applySetData(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const segments: Array<string | number> = [];
    const re = /([^.[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(key))) segments.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    if (!segments.length) throw new Error(`setData: invalid path "${key}"`);
    let node: Record<string | number, unknown> = target;
    for (let i = 0; i < segments.length - 1; i++) {
      const seg = segments[i];
      let next = node[seg];
      if (next === null || typeof next !== 'object') {
        next = typeof segments[i + 1] === 'number' ? [] : {};
        node[seg] = next;
      }
      node = next as Record<string | number, unknown>;
    }
    // WeChat copies the data across to the view layer: no shared references.
    node[segments[segments.length - 1]] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
}
