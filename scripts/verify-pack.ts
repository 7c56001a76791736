// npm run verify-pack -- FILE.zip
// Recomputes the sha256 of every file in an evidence pack and compares it with
// manifest.json; says in Chinese whether the pack is intact. Exit 0: intact;
// 1: a file changed, missing or unlisted, or the zip cannot be read.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

interface Entry {
  path: string;
  sha256: string;
  bytes: number;
  eventId: string | null;
}

export interface Verdict {
  intact: boolean;
  checked: number;
  problems: string[];
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** Every file against the manifest: changed, missing, or in the zip but not listed. */
export function verifyPack(zip: Uint8Array): Verdict {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (e) {
    return { intact: false, checked: 0, problems: [`无法读取压缩包：${(e as Error).message}`] };
  }
  const raw = files['manifest.json'];
  if (!raw) return { intact: false, checked: 0, problems: ['压缩包中没有 manifest.json'] };
  let entries: Entry[];
  try {
    entries = (JSON.parse(strFromU8(raw)) as { files: Entry[] }).files;
    if (!Array.isArray(entries)) throw new Error('files 不是列表');
  } catch (e) {
    return { intact: false, checked: 0, problems: [`manifest.json 无法解析：${(e as Error).message}`] };
  }
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const m of entries) {
    listed.add(m.path);
    const bytes = files[m.path];
    if (!bytes) problems.push(`缺少文件：${m.path}`);
    else if (sha256(bytes) !== m.sha256) problems.push(`文件已被改动（指纹不一致）：${m.path}`);
    else if (bytes.length !== m.bytes) problems.push(`文件大小不一致：${m.path}`);
  }
  for (const p of Object.keys(files))
    if (p !== 'manifest.json' && !p.endsWith('/') && !listed.has(p)) problems.push(`清单之外的文件：${p}`);
  return { intact: problems.length === 0, checked: entries.length, problems };
}

function main(): number {
  const file = process.argv[2];
  if (!file) {
    console.error('用法：npm run verify-pack -- 证据包.zip');
    return 1;
  }
  let zip: Buffer;
  try {
    zip = fs.readFileSync(file);
  } catch {
    console.error(`读不到文件：${file}`);
    return 1;
  }
  const v = verifyPack(new Uint8Array(zip));
  console.log(`证据包 SHA-256：${sha256(zip)}`);
  if (v.intact) {
    console.log(`证据包完整：${v.checked} 个文件的指纹与 manifest.json 全部一致。`);
    return 0;
  }
  console.log(`证据包不完整：发现 ${v.problems.length} 处问题。`);
  for (const p of v.problems) console.log(`  - ${p}`);
  return 1;
}

if (require.main === module) process.exitCode = main();
