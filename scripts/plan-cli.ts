/**
 * Plan table and deadline tools for offices and operators.
 *   npm run --silent plan -- parse FILE [--year 2023]   → events as JSON on stdout, warnings ("第N行：…", N = line of the file, sheet row or Word table row) on stderr
 *   npm run --silent plan -- deadlines 2023-05-04 [--end 2023-05-05] [--preset news-strict]
 *                                                        → plan/report/materials deadlines under a preset (standard by default)
 */
import { existsSync, readFileSync } from 'fs';
import { BusinessError } from '../src/domain/errors';
import { eventDeadlines } from '../src/domain/deadlines';
import { decodeTableText, parsePlanTable, warningText, type PlanParseResult } from '../src/domain/planTable';
import { parsePlanXlsx } from '../src/domain/planXlsx';
import { parsePlanDocx } from '../src/domain/planDocx';
import { PRESET_NAMES, presetRules, type PresetName } from '../src/domain/rules';
import { isValidDate } from '../src/domain/time';

const USAGE = `用法 / usage:
  plan parse FILE [--year 2023]   解析计划安排表（.txt/.tsv/.csv、.xlsx 或 .docx） / parse a plan table
  plan deadlines YYYY-MM-DD [--end YYYY-MM-DD] [--preset standard|news-strict]
                                  按预设规则计算期限（默认 standard） / deadlines under a preset`;

class CliError extends Error {}

function fail(zh: string, en: string): never {
  throw new CliError(`${zh}\n${en}`);
}

async function parseCommand(args: string[]): Promise<void> {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--year');
  const yearIdx = args.indexOf('--year');
  let year: number | undefined;
  if (yearIdx >= 0) {
    year = Number(args[yearIdx + 1]);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      fail(`年份“${args[yearIdx + 1] ?? ''}”无效，请写成 --year 2023`, 'Invalid --year, e.g. --year 2023');
  }
  if (!file) fail('请指定要解析的文件：plan parse 文件名', `Missing FILE.\n${USAGE}`);
  if (!existsSync(file)) fail(`找不到文件：${file}`, `File not found: ${file}`);
  let result: PlanParseResult;
  if (/\.xlsx$/i.test(file)) {
    result = await parsePlanXlsx(new Uint8Array(readFileSync(file)), { year });
  } else if (/\.docx$/i.test(file)) {
    result = parsePlanDocx(new Uint8Array(readFileSync(file)), { year });
  } else {
    result = parsePlanTable(decodeTableText(readFileSync(file)), { year });
  }
  for (const w of result.warnings) process.stderr.write(`警告 warning: ${warningText(w)}\n`);
  if (result.events.length === 0) fail(`文件里没有找到活动：${file}`, `No events found in ${file}`);
  const events = result.events.map(({ seq, theme, forms, units, months, date, endDate, row, sheet, table, raw }) => ({
    ...(sheet ? { sheet } : {}),
    ...(table ? { table } : {}),
    seq,
    theme,
    forms,
    units,
    months,
    date,
    endDate,
    row,
    raw,
  }));
  process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? '') : undefined;
}

function deadlinesCommand(args: string[]): void {
  const date = args.find((a, i) => !a.startsWith('--') && !['--preset', '--end'].includes(args[i - 1]));
  if (!date) fail('请指定活动日期：plan deadlines 2023-05-04', `Missing date.\n${USAGE}`);
  if (!isValidDate(date))
    fail(`“${date}”不是有效日期，请写成 2023-05-04 这样的格式`, `Invalid date: ${date} (expected a real YYYY-MM-DD date)`);
  const preset = option(args, '--preset') ?? 'standard';
  if (!PRESET_NAMES.includes(preset as PresetName))
    fail(`预设“${preset}”不存在，请写 --preset standard 或 --preset news-strict`, `Unknown --preset ${preset} (standard | news-strict)`);
  const end = option(args, '--end');
  if (end !== undefined && (!isValidDate(end) || end < date))
    fail(`结束日期“${end}”无效，须为不早于活动日期的有效日期`, `Invalid --end ${end}`);
  const d = eventDeadlines(date, presetRules(preset as PresetName), end);
  process.stdout.write(`${JSON.stringify({ planDeadline: d.plan, reportDeadline: d.report, materialsDeadline: d.materials })}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'parse') return parseCommand(rest);
  if (command === 'deadlines') return deadlinesCommand(rest);
  fail(`未知命令：${command ?? '（空）'}`, `Unknown command: ${command ?? '(none)'}\n${USAGE}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof CliError) process.stderr.write(`${e.message}\n`);
  else if (e instanceof BusinessError) process.stderr.write(`${e.message}\n${e.code}: ${JSON.stringify(e.details)}\n`);
  else process.stderr.write(`内部错误 internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = e instanceof CliError || e instanceof BusinessError ? 2 : 1;
});
