import { listedForResidents, listingState, type ListingEvent } from '@/domain/listing';
import { deskNextStep, unitNextStep, type StepEvent } from '@/domain/nextStep';
import { DEFAULT_RULES } from '@/domain/rules';

const at = (iso: string) => new Date(iso);
const plan = (date: string, publicSeats = 0, version = 1) => ({ version, date, publicSeats });
const april: Omit<StepEvent, 'status'> = { year: 2023, months: { from: 4, to: 4 } };
const REPORT_DUE = '2023-05-10T23:59:59+08:00';
const review = { ...DEFAULT_RULES, listingNeedsReview: true };

describe('单位的下一步（读状态表）', () => {
  test.each<[string, StepEvent, string, { step: string; label: string; due?: string; overdue: boolean }]>([
    [
      '4月的活动未报备：最晚4月24日报备（4月30日的方案期限）',
      { ...april, status: 'planned' },
      '2023-04-20T09:00:00+08:00',
      { step: 'file_plan', label: '报备活动方案', due: '2023-04-24T23:59:59+08:00', overdue: false },
    ],
    [
      '4月25日仍未报备：逾期',
      { ...april, status: 'planned' },
      '2023-04-25T09:00:00+08:00',
      { step: 'file_plan', label: '报备活动方案', due: '2023-04-24T23:59:59+08:00', overdue: true },
    ],
    [
      '5月4日的活动已报备，5月4日当天：签到，当天结束前',
      { ...april, status: 'plan_filed', plan: plan('2023-05-04') },
      '2023-05-04T09:00:00+08:00',
      { step: 'check_in', label: '活动当天到现场签到', due: '2023-05-04T23:59:59+08:00', overdue: false },
    ],
    [
      '5月4日的活动5月5日仍未签到：该交报告了',
      { ...april, status: 'plan_filed', plan: plan('2023-05-04') },
      '2023-05-05T09:00:00+08:00',
      { step: 'submit_report', label: '提交情况报告', due: REPORT_DUE, overdue: false },
    ],
    [
      '已举办，5月11日还没交报告：逾期',
      { ...april, status: 'held', plan: plan('2023-05-04') },
      '2023-05-11T09:00:00+08:00',
      { step: 'submit_report', label: '提交情况报告', due: REPORT_DUE, overdue: true },
    ],
    [
      '被退回：按意见修改',
      { ...april, status: 'returned', plan: plan('2023-05-04') },
      '2023-05-08T09:00:00+08:00',
      { step: 'fix_report', label: '按公开办意见修改后重新提交报告', due: REPORT_DUE, overdue: false },
    ],
    [
      '已报告：等待审核，没有期限',
      { ...april, status: 'reported', plan: plan('2023-05-04') },
      '2023-05-08T09:00:00+08:00',
      { step: 'wait_review', label: '等待公开办审核', overdue: false },
    ],
    [
      '已通过：单位已完成',
      { ...april, status: 'approved', plan: plan('2023-05-04') },
      '2023-05-20T09:00:00+08:00',
      { step: 'done', label: '已完成', overdue: false },
    ],
  ])('%s', (_name, e, now, expected) => {
    expect(unitNextStep(e, at(now), DEFAULT_RULES, REPORT_DUE)).toEqual(expected);
  });
});

describe('公开办看到的下一步', () => {
  test.each<[string, StepEvent, typeof review | typeof DEFAULT_RULES, { who: string | null; step: string; label: string; due?: string }]>([
    [
      '未报备：等单位报备',
      { ...april, status: 'planned' },
      DEFAULT_RULES,
      { who: 'unit', step: 'file_plan', label: '待报备', due: '2023-04-24T23:59:59+08:00' },
    ],
    [
      '已报告：公开办审核',
      { ...april, status: 'reported', plan: plan('2023-05-04') },
      DEFAULT_RULES,
      { who: 'office', step: 'review_report', label: '待公开办审核' },
    ],
    [
      '已通过：公开办公开审查',
      { ...april, status: 'approved', plan: plan('2023-05-04') },
      DEFAULT_RULES,
      { who: 'office', step: 'publish_report', label: '待公开审查' },
    ],
    [
      '已公开：已完成',
      { ...april, status: 'published', plan: plan('2023-05-04') },
      DEFAULT_RULES,
      { who: null, step: 'done', label: '已完成' },
    ],
    [
      '移出计划的活动',
      { ...april, status: 'planned', removedFromPlan: true },
      DEFAULT_RULES,
      { who: null, step: 'done', label: '已移出计划' },
    ],
    [
      '开放报名、规则要求审查、尚未审查：进公开办待办',
      { ...april, status: 'plan_filed', plan: plan('2023-05-04', 30) },
      review,
      { who: 'office', step: 'release_listing', label: '待公开办审查后开放报名' },
    ],
    [
      '已审查放出：回到等单位签到',
      { ...april, status: 'plan_filed', plan: plan('2023-05-04', 30), listing: { planVersion: 1 } },
      review,
      { who: 'unit', step: 'check_in', label: '待举办签到', due: '2023-05-04T23:59:59+08:00' },
    ],
    [
      '规则关闭：开放报名不用审查',
      { ...april, status: 'plan_filed', plan: plan('2023-05-04', 30) },
      DEFAULT_RULES,
      { who: 'unit', step: 'check_in', label: '待举办签到', due: '2023-05-04T23:59:59+08:00' },
    ],
  ])('%s', (_name, e, rules, expected) => {
    expect(deskNextStep(e, at('2023-04-20T09:00:00+08:00'), rules, REPORT_DUE)).toEqual({ overdue: false, ...expected });
  });
});

describe('开放报名前的公开审查', () => {
  test.each<[string, boolean, ListingEvent, string, boolean]>([
    ['未报备：没有报名', true, {}, 'none', false],
    ['不开放报名：没有报名', true, { plan: plan('2023-05-04', 0) }, 'none', false],
    ['规则关闭：报备即开放', false, { plan: plan('2023-05-04', 30) }, 'open', true],
    ['规则开启、未审查：不开放', true, { plan: plan('2023-05-04', 30) }, 'pending', false],
    ['规则开启、已审查本版方案：开放', true, { plan: plan('2023-05-04', 30, 2), listing: { planVersion: 2 } }, 'released', true],
    ['审查后单位重新报备（第3版）：重新审查', true, { plan: plan('2023-05-04', 30, 3), listing: { planVersion: 2 } }, 'pending', false],
    ['撤回开放（listing 为空）：不开放', true, { plan: plan('2023-05-04', 30), listing: null }, 'pending', false],
  ])('%s', (_name, needsReview, e, state, listed) => {
    expect(listingState({ listingNeedsReview: needsReview }, e)).toBe(state);
    expect(listedForResidents({ listingNeedsReview: needsReview }, e)).toBe(listed);
  });
});
