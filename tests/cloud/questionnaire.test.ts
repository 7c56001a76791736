// Questionnaires at an event: the unit sets one (editable until the first answer),
// residents answer once each, anonymously, concurrently without lost answers; the
// unit sees exact results, exports them, attaches the summary to its report, and
// the office sees it in review.
import ExcelJS from 'exceljs';
import { ok, refused, SETUP_TOKEN, startCloud, type TestCloud } from '../helpers/cloud';
import { seedYuhua, type Yuhua } from '../helpers/scenario';

jest.setTimeout(30_000);

let cloud: TestCloud;
let y: Yuhua;
let eventId: string;
const Q3 = {
  title: '小升初政策解读满意度',
  questions: [
    { kind: 'single', title: '您的身份', options: ['家长', '教师', '其他'], required: true },
    { kind: 'multiple', title: '您最关注的事项', options: ['划片范围', '报名时间', '民办摇号'] },
    { kind: 'rating', title: '对本次解读的满意度', required: true },
  ],
};
type Results = {
  respondents: number;
  editable: boolean;
  questions: Array<{
    kind: string;
    answered: number;
    options?: Array<{ label: string; count: number; percent: number }>;
    mean?: number | null;
    counts?: number[];
    texts?: string[];
  }>;
  summary: string[];
  attached: { lines: string[]; respondents: number } | null;
};
const answersOf = (i: number) => [i % 3, i % 4 === 0 ? [] : [i % 2, 2], (i % 5) + 1];
const results = (who = y.eduStaff, id = eventId) => cloud.call<Results>('unit', { action: 'questionnaireResults', eventId: id }, who);

beforeAll(async () => {
  cloud = await startCloud({ now: '2023-04-20T10:00:00+08:00', frozen: true });
  y = await seedYuhua(cloud);
  ok(await cloud.call('office', { action: 'bootstrap', token: SETUP_TOKEN, name: '邵阳市', level: 'city' }, 'office-shaoyang'));
  eventId = y.event(1).eventId;
}, 60_000);
afterAll(() => cloud.stop());

describe('setQuestionnaire', () => {
  test('the unit sets 3 questions; residents see them, not yet answered', async () => {
    expect(ok(await cloud.call('unit', { action: 'setQuestionnaire', eventId, ...Q3 }, y.eduStaff))).toMatchObject({
      eventId,
      version: 1,
      questions: 3,
    });
    const q = ok(
      await cloud.call<{ title: string; questions: unknown[]; answered: boolean }>(
        'resident',
        { action: 'questionnaire', eventId },
        'resident-0',
      ),
    );
    expect(q).toMatchObject({ title: Q3.title, answered: false });
    expect(q.questions).toHaveLength(3);
  });

  test.each([
    ['21 questions', { ...Q3, questions: Array.from({ length: 21 }, () => ({ kind: 'rating', title: '满意度' })) }, 'questions'],
    ['a single choice with one option', { ...Q3, questions: [{ kind: 'single', title: '题', options: ['是'] }] }, 'questions.0.options'],
    ['no title', { ...Q3, title: ' ' }, 'title'],
  ])('%s: INVALID_ARGUMENT', async (_n, q, field) => {
    const err = refused(await cloud.call('unit', { action: 'setQuestionnaire', eventId, ...q }, y.eduStaff), 'INVALID_ARGUMENT');
    expect(err.details.fields).toContain(field);
  });

  test.each([
    ['staff of another unit', 'staff-law'],
    ['the office', 'office-yuhua'],
    ['a resident', 'resident-0'],
  ])('%s cannot set it: FORBIDDEN', async (_n, who) => {
    refused(await cloud.call('unit', { action: 'setQuestionnaire', eventId, ...Q3 }, who), 'FORBIDDEN');
  });

  test('a resident of an event without a questionnaire: NOT_FOUND', async () => {
    refused(await cloud.call('resident', { action: 'questionnaire', eventId: y.event(7).eventId }, 'resident-0'), 'NOT_FOUND');
    refused(
      await cloud.call('resident', { action: 'answerQuestionnaire', eventId: y.event(7).eventId, answers: [0] }, 'resident-0'),
      'NOT_FOUND',
    );
  });
});

describe('answering', () => {
  test('30 residents at once: exact counts, percentages and mean', async () => {
    const envs = await Promise.all(
      Array.from({ length: 30 }, (_v, i) =>
        cloud.call('resident', { action: 'answerQuestionnaire', eventId, answers: answersOf(i) }, `resident-${i}`),
      ),
    );
    envs.forEach((e) => ok(e));
    const r = ok(await results());
    expect(r.respondents).toBe(30);
    expect(r.editable).toBe(false);
    const all = Array.from({ length: 30 }, (_v, i) => answersOf(i));
    const count = (q: number, k: number) => all.filter((a) => (Array.isArray(a[q]) ? (a[q] as number[]).includes(k) : a[q] === k)).length;
    expect(r.questions[0].options!.map((o) => o.count)).toEqual([count(0, 0), count(0, 1), count(0, 2)]);
    expect(r.questions[0].options!.map((o) => o.count)).toEqual([10, 10, 10]);
    expect(r.questions[0].options![0].percent).toBe(33.3);
    const multi = all.filter((a) => (a[1] as number[]).length > 0).length;
    expect(r.questions[1].answered).toBe(multi);
    expect(r.questions[1].options!.map((o) => o.count)).toEqual([count(1, 0), count(1, 1), count(1, 2)]);
    expect(r.questions[2].counts).toEqual([6, 6, 6, 6, 6]);
    expect(r.questions[2].mean).toBe(3);
    expect(JSON.stringify(r)).not.toMatch(/resident-\d/);
  });

  test('a second answer from the same person is CONFLICT; the count stays', async () => {
    const err = refused(
      await cloud.call('resident', { action: 'answerQuestionnaire', eventId, answers: answersOf(1) }, 'resident-1'),
      'CONFLICT',
    );
    expect(err.message).toContain('只能作答一次');
    expect(ok(await results()).respondents).toBe(30);
    expect(ok(await cloud.call<{ answered: boolean }>('resident', { action: 'questionnaire', eventId }, 'resident-1')).answered).toBe(true);
  });

  test.each([
    ['a required question left out', [null, [], 3], 'answers.0'],
    ['an option that does not exist', [5, [], 3], 'answers.0'],
    ['a rating of 6', [0, [], 6], 'answers.2'],
    ['too few answers', [0], 'answers'],
  ])('%s: INVALID_ARGUMENT', async (_n, answers, field) => {
    const err = refused(
      await cloud.call('resident', { action: 'answerQuestionnaire', eventId, answers }, 'resident-new'),
      'INVALID_ARGUMENT',
    );
    expect(err.details.fields).toContain(field);
  });

  test('anonymous callers are UNAUTHENTICATED', async () => {
    refused(await cloud.call('resident', { action: 'answerQuestionnaire', eventId, answers: answersOf(0) }), 'UNAUTHENTICATED');
  });

  test('after the first answer the questions can no longer be edited', async () => {
    refused(await cloud.call('unit', { action: 'setQuestionnaire', eventId, ...Q3, title: '改个标题' }, y.eduStaff), 'CONFLICT');
  });

  test('short answers: content check as for comments, personal data masked in the results', async () => {
    const other = y.event(7).eventId;
    ok(
      await cloud.call(
        'unit',
        { action: 'setQuestionnaire', eventId: other, title: '意见征集', questions: [{ kind: 'text', title: '您的建议' }] },
        y.eduStaff,
      ),
    );
    const err = refused(
      await cloud.call('resident', { action: 'answerQuestionnaire', eventId: other, answers: ['这是诈骗'] }, 'resident-1'),
      'CONTENT_REJECTED',
    );
    expect(err.details.fields).toEqual(['answers.0']);
    ok(await cloud.call('resident', { action: 'answerQuestionnaire', eventId: other, answers: ['请联系我 13812345678'] }, 'resident-1'));
    const r = ok(await results(y.eduStaff, other));
    expect(r.questions[0].texts).toEqual(['请联系我 138****5678']);
  });
});

describe('results, export, attached to the report', () => {
  test.each([
    ['staff of another unit', 'staff-law'],
    ["another jurisdiction's office", 'office-shaoyang'],
    ['a resident', 'resident-0'],
  ])('%s cannot see the results: FORBIDDEN', async (_n, who) => {
    refused(await results(who), 'FORBIDDEN');
    refused(await cloud.call('unit', { action: 'exportQuestionnaire', eventId }, who), 'FORBIDDEN');
  });

  test('the office sees the results too', async () => {
    expect(ok(await results(y.office)).respondents).toBe(30);
  });

  test('Excel export: one row per option with counts and percentages', async () => {
    const { url } = ok(await cloud.call<{ url: string }>('unit', { action: 'exportQuestionnaire', eventId }, y.eduStaff));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await fetch(url)).arrayBuffer()) as never);
    const rows = wb
      .getWorksheet('问卷结果')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['题目', '题型', '选项 / 内容', '人数', '百分比 / 平均分']);
    expect(rows).toContainEqual(['1. 您的身份', '单选', '家长', 10, '33.3%']);
    expect(rows).toContainEqual(['3. 对本次解读的满意度', '1–5 分评分', '平均分', 30, 3]);
  });

  test('one tap attaches the summary; the office sees it in review', async () => {
    refused(await cloud.call('unit', { action: 'attachQuestionnaire', eventId }, y.office), 'FORBIDDEN');
    const a = ok(
      await cloud.call<{ lines: string[]; respondents: number }>('unit', { action: 'attachQuestionnaire', eventId }, y.eduStaff),
    );
    expect(a.respondents).toBe(30);
    expect(a.lines[0]).toBe('活动现场开展“小升初政策解读满意度”问卷调查，共回收问卷 30 份。');
    expect(a.lines[1]).toBe('1. 您的身份：家长 10 人（33.3%），教师 10 人（33.3%），其他 10 人（33.3%）。');
    expect(a.lines[3]).toBe('3. 对本次解读的满意度：平均 3 分（30 人评分）。');
    expect(ok(await results()).attached).toMatchObject({ respondents: 30, lines: a.lines });
    const d = ok(
      await cloud.call<{ questionnaire: { respondents: number; lines: string[] } | null }>(
        'office',
        { action: 'reportDetail', eventId },
        y.office,
      ),
    );
    expect(d.questionnaire).toMatchObject({ respondents: 30, lines: a.lines });
  });
});
