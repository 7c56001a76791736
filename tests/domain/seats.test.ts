import { freeSeats, isUncapped, reconcileSeats, releaseSeat, seatsOf, takeSeat, UNCAPPED_SEATS } from '../../src/domain/seats';
import type { SeatCounters } from '../../src/domain/seats';
import { changesForResidents, signupOpen } from '../../src/domain/signups';

const at = (seats: number, confirmed: number, waitlist: string[] = []): SeatCounters => ({ seats, confirmed, waitlist });

describe('taking a seat', () => {
  test.each([
    ['空位充足：直接确认', at(3, 0), 'confirmed', at(3, 1), undefined],
    ['最后一个名额：确认后满员', at(3, 2), 'confirmed', at(3, 3), undefined],
    ['满员：排到候补末尾', at(3, 3, ['a', 'b']), 'waitlisted', at(3, 3, ['a', 'b', 'new']), 3],
    ['满员且无人候补：候补第1位', at(1, 1), 'waitlisted', at(1, 1, ['new']), 1],
    ['超额的旧数据也不再确认', at(1, 3), 'waitlisted', at(1, 3, ['new']), 1],
    ['线上活动不限名额：总是确认', at(UNCAPPED_SEATS, 5000), 'confirmed', at(UNCAPPED_SEATS, 5001), undefined],
  ])('%s', (_name, before, status, after, position) => {
    const r = takeSeat(before, 'new');
    expect(r.status).toBe(status);
    expect(r.counters).toEqual(after);
    expect(r.status === 'waitlisted' ? r.position : undefined).toBe(position);
  });
});

describe('releasing a seat', () => {
  test.each([
    ['确认者取消：候补第一位转正', at(2, 2, ['w1', 'w2']), 'confirmed', at(2, 2, ['w2']), 'w1'],
    ['确认者取消，无人候补：空出一位', at(2, 2), 'confirmed', at(2, 1), null],
    ['候补者取消：后面的人前移', at(2, 2, ['w1', 'w2', 'w3']), 'waitlisted', at(2, 2, ['w1', 'w3']), null],
    ['超额时取消一位：仍不超过名额才转正', at(1, 3, ['w1']), 'confirmed', at(1, 2, ['w1']), null],
  ] as const)('%s', (_name, before, status, after, promoted) => {
    const id = status === 'waitlisted' ? 'w2' : 'c1';
    const r = releaseSeat(before, id, status);
    expect(r.counters).toEqual(after);
    expect(r.promoted).toBe(promoted);
  });
});

describe('a re-filed plan with a new seat number', () => {
  const confirmedInOrder = ['c1', 'c2', 'c3'];
  test.each([
    ['名额不变：什么都不动', at(3, 3, ['w1']), 3, at(3, 3, ['w1']), [], []],
    ['增加2个名额：候补前两位按顺序转正', at(3, 3, ['w1', 'w2', 'w3']), 5, at(5, 5, ['w3']), ['w1', 'w2'], []],
    ['增加的名额多于候补：全部转正，余下空位', at(3, 3, ['w1']), 10, at(10, 4), ['w1'], []],
    ['减少名额但不少于已确认：只改上限', at(10, 3), 5, at(5, 3), [], []],
    ['改为线上不限名额：候补全部转正', at(3, 3, ['w1', 'w2']), UNCAPPED_SEATS, at(UNCAPPED_SEATS, 5), ['w1', 'w2'], []],
  ])('%s', (_name, before, seats, after, promoted, demoted) => {
    const r = reconcileSeats(before, seats, { confirmedInOrder, shrink: false });
    expect(r).toEqual({ ok: true, counters: after, promoted, demoted });
  });

  test.each([
    ['3人已确认，改为1个名额', 1, 2],
    ['3人已确认，关闭报名（0个名额）', 0, 3],
    ['3人已确认，改为2个名额', 2, 1],
  ])('%s：未经确认则拒绝，并说明人数', (_name, seats, excess) => {
    const r = reconcileSeats(at(3, 3, ['w1']), seats, { confirmedInOrder, shrink: false });
    expect(r).toEqual({
      ok: false,
      confirmed: 3,
      seats,
      excess,
      message: `已确认 3 人，名额不能少于 3；如确需缩减，请确认后将最晚确认的 ${excess} 人转入候补`,
    });
  });

  test.each([
    ['改为1个名额：最晚确认的2人排到候补最前，保持先后', 1, at(1, 1, ['c2', 'c3', 'w1']), ['c2', 'c3']],
    ['改为2个名额：最晚确认的1人转入候补第1位', 2, at(2, 2, ['c3', 'w1']), ['c3']],
    ['关闭报名：3人都转入候补', 0, at(0, 0, ['c1', 'c2', 'c3', 'w1']), ['c1', 'c2', 'c3']],
  ])('%s', (_name, seats, after, demoted) => {
    const r = reconcileSeats(at(3, 3, ['w1']), seats, { confirmedInOrder, shrink: true });
    expect(r).toEqual({ ok: true, counters: after, promoted: [], demoted });
    if (r.ok) expect(r.counters.confirmed).toBeLessThanOrEqual(r.counters.seats);
  });

  test('a shrink without the list of who was confirmed is a programming error, not a guess', () => {
    expect(() => reconcileSeats(at(3, 3), 1, { confirmedInOrder: ['c1'], shrink: true })).toThrow();
  });

  test('after any sequence of sign-ups, cancellations and new caps, confirmed never exceeds seats', () => {
    let c = at(2, 0);
    const confirmed: string[] = [];
    const steps: Array<['take', string] | ['cancel', number] | ['cap', number]> = [
      ['take', 'a'],
      ['take', 'b'],
      ['take', 'c'],
      ['cap', 4],
      ['take', 'd'],
      ['take', 'e'],
      ['cap', 1],
      ['cancel', 0],
      ['cap', 3],
      ['take', 'f'],
    ];
    for (const step of steps) {
      if (step[0] === 'take') {
        const r = takeSeat(c, step[1]);
        c = r.counters;
        if (r.status === 'confirmed') confirmed.push(step[1]);
      } else if (step[0] === 'cancel') {
        const r = releaseSeat(c, confirmed.splice(step[1], 1)[0], 'confirmed');
        c = r.counters;
        if (r.promoted) confirmed.push(r.promoted);
      } else {
        const r = reconcileSeats(c, step[1], { confirmedInOrder: confirmed, shrink: true });
        if (!r.ok) throw new Error(r.message);
        c = r.counters;
        confirmed.splice(confirmed.length - r.demoted.length, r.demoted.length);
        confirmed.push(...r.promoted);
      }
      expect(c.confirmed).toBe(confirmed.length);
      expect(c.confirmed).toBeLessThanOrEqual(c.seats);
    }
    // a, b (cap 2; c waits) → cap 4: c confirmed → d confirmed, e waits → cap 1: b, c, d back
    // → a cancels: b moves up → cap 3: c, d move up → f waits behind e.
    expect(confirmed).toEqual(['b', 'c', 'd']);
    expect(c.waitlist).toEqual(['e', 'f']);
  });
});

describe('seat numbers as filed and shown', () => {
  test.each([
    ['现场活动填了名额', undefined, 30, { publicSeats: 30 }],
    ['现场活动不开放报名', undefined, undefined, { publicSeats: 0 }],
    ['线上活动不填名额：不限', true, undefined, { publicSeats: UNCAPPED_SEATS, uncapped: true }],
    ['线上活动也可以限名额', true, 200, { publicSeats: 200 }],
  ])('%s', (_name, online, publicSeats, expected) => {
    expect(seatsOf(online, publicSeats)).toEqual(expected);
  });

  test.each([
    [50, 32, 18, false],
    [50, 50, 0, false],
    [1, 3, 0, false],
    [UNCAPPED_SEATS, 12, UNCAPPED_SEATS - 12, true],
  ])('%i 个名额、已确认 %i 人：余 %i', (seats, confirmed, free, uncapped) => {
    expect(freeSeats({ seats, confirmed })).toBe(free);
    expect(isUncapped(seats)).toBe(uncapped);
  });
});

describe('sign-up open, by the server clock in Shanghai', () => {
  const plan = { date: '2023-05-10', startTime: '09:30', publicSeats: 50 };
  test.each([
    ['活动前一周', plan, '2023-05-03T10:00:00+08:00', true],
    ['开始前一分钟', plan, '2023-05-10T09:29:00+08:00', true],
    ['开始时即截止', plan, '2023-05-10T09:30:00+08:00', false],
    ['单位设的截止时间前', { ...plan, signupDeadline: '2023-05-08T18:00:00+08:00' }, '2023-05-08T17:59:59+08:00', true],
    ['单位设的截止时间到', { ...plan, signupDeadline: '2023-05-08T18:00:00+08:00' }, '2023-05-08T18:00:00+08:00', false],
    ['不开放报名', { ...plan, publicSeats: 0 }, '2023-05-03T10:00:00+08:00', false],
    ['无开始时间：活动当天零点截止', { date: '2023-05-10', publicSeats: 5 }, '2023-05-09T23:59:00+08:00', true],
    ['无开始时间：当天已截止', { date: '2023-05-10', publicSeats: 5 }, '2023-05-10T00:00:00+08:00', false],
  ])('%s', (_name, p, now, open) => {
    expect(signupOpen(p, new Date(now))).toBe(open);
  });
});

describe('what residents who signed up are told of a re-filed plan', () => {
  const before = { date: '2023-04-27', startTime: '09:30', venue: { name: '区教育局会议室', address: '韶山中路1号' } };
  test.each([
    ['原样重报', before, []],
    ['改期', { ...before, date: '2023-04-28' }, ['日期']],
    ['延长为两天', { ...before, endDate: '2023-04-28' }, ['日期']],
    ['写明同一天为结束日期不算改期', { ...before, endDate: '2023-04-27' }, []],
    ['改开始时间', { ...before, startTime: '14:30' }, ['开始时间']],
    ['去掉开始时间', { date: before.date, venue: before.venue }, ['开始时间']],
    ['换会场', { ...before, venue: { name: '区政务服务中心' } }, ['地点']],
    ['改为线上', { ...before, venue: { ...before.venue, online: true, platform: '腾讯会议' } }, ['地点']],
    ['时间地点都改', { date: '2023-05-04', startTime: '14:30', venue: { name: '区政务服务中心' } }, ['日期', '开始时间', '地点']],
  ])('%s', (_name, after, changes) => {
    expect(changesForResidents(before, after)).toEqual(changes);
  });
});
