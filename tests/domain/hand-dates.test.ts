// Dates for people come from src/domain/time.ts only (fmtDate, fmtDateTime, fmtTime,
// fmtMonth, shanghaiDateOf, monthOf…). A date cut out of an ISO string by hand
// shows the wrong day once the string is in UTC ("…Z"), and a month taken with
// getMonth() follows the phone's or the server's zone. This scans the app and the
// functions for the ways that was done before.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['src', 'cloudfunctions'];
const HELPERS = 'src/domain/time.ts';

const PATTERNS: Array<[string, RegExp]> = [
  ['.slice(0, 10) of a date string', /\.slice\(0, ?10\)/],
  ['.slice(5…) of a date string', /\.slice\(5\b/],
  ['.slice(11…) of a date-time string', /\.slice\(11\b/],
  ['getMonth() + 1 in the local zone', /\bgetMonth\(\) ?\+ ?1/],
  ['a month label built by hand', /月\$\{/],
  ['two-digit padding by hand', /padStart\(2\b/],
  ['toShanghaiISO(…) cut by hand', /toShanghaiISO\([^)]*\)\.slice/],
  ["'T' replaced by a space", /\.replace\(\s*['"]T['"],\s*['"] ['"]\)/],
];

/** Lines that match a pattern without being a date, each with the reason. */
const NOT_DATES: Array<{ file: string; line: string; why: string }> = [
  {
    file: 'cloudfunctions/office/evidencePack.ts',
    line: 'const path = `${dir}/photos/${String(i + 1).padStart(2, ',
    why: 'photo numbers in the evidence pack’s file names (01-…, 02-…)',
  },
];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* sourceFiles(rel);
    else if (/\.tsx?$/.test(entry.name) && rel !== HELPERS) yield rel;
  }
}

/** Every line of `text` that formats a date by hand: "file:line  pattern  code". */
function handDates(file: string, text: string): string[] {
  return text.split('\n').flatMap((code, i) => {
    if (NOT_DATES.some((n) => n.file === file && code.includes(n.line))) return [];
    return PATTERNS.filter(([, re]) => re.test(code)).map(([what]) => `${file}:${i + 1}  ${what}  ${code.trim()}`);
  });
}

test.each([
  ['an ISO string cut to its date', 'const d = iso.slice(0, 10);'],
  ['a month-day cut out of a date', 'label = `${e.date.slice(5)}`;'],
  ['a time cut out of an instant', 'const t = iso.slice(11, 16);'],
  ["the phone's month", 'const m = new Date().getMonth() + 1;'],
  ['a hand-built month label', 'return `${m}月${d}日`;'],
  ['hand padding', "String(m).padStart(2, '0')"],
  ['toShanghaiISO cut to minutes', 'toShanghaiISO(now).slice(0, 16)'],
  ["'T' turned into a space", "iso.replace('T', ' ')"],
])('找得到手写的日期：%s', (_what, code) => {
  expect(handDates('src/x.tsx', code)).toHaveLength(1);
});

test('允许的例外只限那一行：别处同样的写法照样找得到', () => {
  const line = NOT_DATES[0].line;
  expect(handDates(NOT_DATES[0].file, line)).toEqual([]);
  expect(handDates('src/other.ts', line)).toHaveLength(1);
});

test('每个允许的例外都还在代码里（否则应删去）', () => {
  for (const n of NOT_DATES) expect(fs.readFileSync(path.join(ROOT, n.file), 'utf8')).toContain(n.line);
});

test('src/ 和 cloudfunctions/ 里没有 time.ts 之外手写的日期格式', () => {
  const found = SCANNED.flatMap((dir) => [...sourceFiles(dir)].flatMap((f) => handDates(f, fs.readFileSync(path.join(ROOT, f), 'utf8'))));
  expect(found).toEqual([]);
});
