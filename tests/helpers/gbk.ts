/** Text in GB18030 as Excel on Chinese Windows saves a .csv, for the characters a test uses (Node can decode GB18030 but not encode it). */
export function gbk(text: string): Buffer {
  const table: Record<string, number[]> = {};
  const decoder = new TextDecoder('gb18030');
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && wanted.size > 0; hi += 1)
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      const c = decoder.decode(Buffer.from([hi, lo]));
      if (wanted.has(c)) {
        table[c] = [hi, lo];
        wanted.delete(c);
      }
    }
  if (wanted.size > 0) throw new Error(`not in GB18030 two-byte range: ${[...wanted].join('')}`);
  return Buffer.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
}
