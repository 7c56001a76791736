import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { docx, table } from '../helpers/docx';
import { gbk } from '../helpers/gbk';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(...args: string[]) {
  const r = spawnSync(tsx, [join(root, 'scripts', 'plan-cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

jest.setTimeout(60_000);

describe('plan deadlines', () => {
  test('劳动节后的活动：默认规则下的期限', () => {
    const r = run('deadlines', '2023-05-04');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      planDeadline: '2023-04-24T23:59:59+08:00',
      reportDeadline: '2023-05-10T23:59:59+08:00',
      materialsDeadline: null,
    });
  });

  test.each([
    [
      '新闻从严预设：专栏材料截止5月6日（调休周六）',
      ['2023-05-04', '--preset', 'news-strict'],
      {
        planDeadline: '2023-04-24T23:59:59+08:00',
        reportDeadline: '2023-05-10T23:59:59+08:00',
        materialsDeadline: '2023-05-06T23:59:59+08:00',
      },
    ],
    [
      '两天的活动 4/27–4/28：材料截止5月5日（周五）',
      ['2023-04-27', '--end', '2023-04-28', '--preset', 'news-strict'],
      {
        planDeadline: '2023-04-21T23:59:59+08:00',
        reportDeadline: '2023-05-09T23:59:59+08:00',
        materialsDeadline: '2023-05-05T23:59:59+08:00',
      },
    ],
  ])('%s', (_n, args, expected) => {
    const r = run('deadlines', ...args);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  test('issue 的原样命令：npm run --silent plan -- deadlines 2023-05-04 --preset news-strict 打印专栏材料期限', () => {
    const r = spawnSync('npm', ['run', '--silent', 'plan', '--', 'deadlines', '2023-05-04', '--preset', 'news-strict'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    // One JSON line and nothing else: npm's own banner is silenced.
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ materialsDeadline: '2023-05-06T23:59:59+08:00' });
  });

  test.each([
    ['未知预设', ['deadlines', '2023-05-04', '--preset', 'lenient'], '预设“lenient”不存在', 'Unknown --preset'],
    ['结束日期早于活动日期', ['deadlines', '2023-05-04', '--end', '2023-05-03'], '结束日期', 'Invalid --end'],
    ['不存在的日期 2023-02-30', ['deadlines', '2023-02-30'], '不是有效日期', 'Invalid date'],
    ['缺日期', ['deadlines'], '请指定活动日期', 'Missing date'],
    ['2027年日历未公布', ['deadlines', '2026-12-28'], '2027年', 'CALENDAR_UNAVAILABLE'],
    ['未知命令', ['frobnicate'], '未知命令', 'Unknown command'],
  ])('失败：%s', (_n, args, zh, en) => {
    const r = run(...args);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(zh);
    expect(r.stderr).toContain(en);
  });
});

describe('plan parse', () => {
  test('邵阳市：36项活动 JSON，警告写到 stderr', () => {
    const r = run('parse', 'fixtures/plans/shaoyang-2023.txt', '--year', '2023');
    expect(r.code).toBe(0);
    const events = JSON.parse(r.stdout) as { seq: number; theme: string; forms: string[]; units: string[]; months: unknown; raw: string }[];
    expect(events).toHaveLength(36);
    expect(events[3]).toEqual({
      seq: 5,
      theme: '“千所联千企”专项活动',
      forms: ['律师事务所进中小微企业开展法律服务座谈交流'],
      units: ['市司法局'],
      months: { from: 4, to: 4 },
      date: null,
      endDate: null,
      row: 37,
      raw: '5\t“千所联千企”专项活动\t律师事务所进中小微企业开展法律服务座谈交流\t市司法局\t4月',
    });
    expect(r.stderr).toContain('序号从3跳到5');
  });

  test('雨花区：73项活动', () => {
    const r = run('parse', 'fixtures/plans/yuhua-2023.txt');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(73);
  });

  test('.xlsx 文件用 Excel 解析', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['序号', '活动主题', '活动形式', '责任单位', '时间']);
    ws.addRow([1, '市区供水', '现场观摩', '市城管局', '5月']);
    const file = join(mkdtempSync(join(tmpdir(), 'plan-cli-')), 'plan.xlsx');
    await wb.xlsx.writeFile(file);
    const r = run('parse', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        seq: 1,
        theme: '市区供水',
        forms: ['现场观摩'],
        units: ['市城管局'],
        months: { from: 5, to: 5 },
        date: null,
        endDate: null,
        row: 2,
        raw: '1\t市区供水\t现场观摩\t市城管局\t5月',
      },
    ]);
  });

  test('.docx 文件读其中的表格', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-cli-')), 'plan.docx');
    writeFileSync(
      file,
      docx(
        table([
          ['序号', '活动主题', '活动形式', '责任单位', '时间'],
          ['1', '市区供水', '现场观摩', '市城管局', '5月'],
        ]),
      ),
    );
    const r = run('parse', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((e: { theme: string; units: string[] }) => [e.theme, e.units])).toEqual([['市区供水', ['市城管局']]]);
  });

  test('.csv 按 Excel 在中文 Windows 上保存的 GB18030 编码读出', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-cli-')), 'plan.csv');
    writeFileSync(file, gbk('序号,活动主题,活动形式,责任单位,时间\r\n1,市区供水,现场观摩,市城管局,5月\r\n'));
    const r = run('parse', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((e: { theme: string; units: string[] }) => [e.theme, e.units])).toEqual([['市区供水', ['市城管局']]]);
  });

  test.each([
    ['文件不存在', () => ['parse', 'no-such-plan.txt'], '找不到文件', 'File not found'],
    [
      '没有活动的文件',
      () => {
        const file = join(mkdtempSync(join(tmpdir(), 'plan-cli-')), 'empty.txt');
        writeFileSync(file, '关于开展政务公开主题日活动的通知\n请各单位认真组织。\n');
        return ['parse', file];
      },
      '没有找到活动',
      'No events',
    ],
    ['缺文件名', () => ['parse'], '请指定要解析的文件', 'Missing FILE'],
    ['年份无效', () => ['parse', 'fixtures/plans/yuhua-2023.txt', '--year', 'abc'], '年份', 'Invalid --year'],
  ])('失败：%s', (_n, args, zh, en) => {
    const r = run(...args());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(zh);
    expect(r.stderr).toContain(en);
  });
});
