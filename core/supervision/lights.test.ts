import { describe, expect, it } from 'vitest';
import type { ProgressStatus } from '../reporting/states';
import { computeLight, scheduleShare, type LightInput, type MilestoneInput } from './lights';

const base: LightInput = {
  today: '2024-06-30',
  yearStart: '2024-01-01',
  dueDate: '2024-12-31',
  latest: null,
  indicators: [],
  overdue: [],
};

describe('time-proportional schedule (序时进度)', () => {
  it('is the share of the task year elapsed, counting today, bounded 0..1', () => {
    expect(scheduleShare('2024-06-30', '2024-01-01', '2024-12-31')).toBeCloseTo(182 / 366, 5);
    expect(scheduleShare('2023-12-01', '2024-01-01', '2024-12-31')).toBe(0);
    expect(scheduleShare('2025-03-01', '2024-01-01', '2024-12-31')).toBe(1);
    expect(scheduleShare('2024-12-31', '2024-01-01', '2024-12-31')).toBe(1);
  });
});

describe('status lights', () => {
  it('is grey with nothing reported and nothing overdue', () => {
    expect(computeLight(base)).toMatchObject({ light: 'grey', reasons: ['尚无报送记录'] });
  });

  it('is red when a report is overdue, and says by how long', () => {
    const r = computeLight({ ...base, overdue: [{ periodLabel: '2024年第二季度', days: 5 }] });
    expect(r.light).toBe('red');
    expect(r.reasons).toContain('2024年第二季度报告已逾期5天未报送');
  });

  it('is yellow at 1,200 of 4,000 charging piles at half the year (gap just over the yellow threshold)', () => {
    const r = computeLight({
      ...base,
      today: '2024-07-01',
      latest: { periodLabel: '2024年第二季度', status: 'on_track', accepted: false },
      indicators: [{ name: '新建充电桩', target: 4000, unit: '个', actual: 1200 }],
    });
    // 30% done against a schedule of ~50%: 20 points behind, between 10 (yellow) and 25 (red).
    expect(r.light).toBe('yellow');
    expect(r.reasons[0]).toMatch(/^新建充电桩完成1,200个，目标4,000个（30%），序时进度50%，落后20%$/);
  });

  it('turns red beyond the red gap, green within the yellow gap; the thresholds are settings', () => {
    const input = (actual: number): LightInput => ({
      ...base,
      latest: { periodLabel: 'Q2', status: 'on_track', accepted: false },
      indicators: [{ name: '新增学位', target: 2400, unit: '个', actual }],
    });
    expect(computeLight(input(500)).light).toBe('red'); // ~21% vs ~50%
    expect(computeLight(input(1100)).light).toBe('green'); // ~46% vs ~50%
    expect(computeLight(input(1100), { yellowGap: 0.02, redGap: 0.3 }).light).toBe('yellow');
  });

  it('takes the weakest indicator, and stops counting an indicator at its target', () => {
    const r = computeLight({
      ...base,
      latest: { periodLabel: 'Q2', status: 'on_track', accepted: false },
      indicators: [
        { name: 'A', target: 10, unit: '个', actual: 20 },
        { name: 'B', target: 10, unit: '个', actual: 1 },
      ],
    });
    expect(r.progress).toBe(0.1);
    expect(r.light).toBe('red');
  });

  it('follows the unit’s own words: delayed is red, at risk at least yellow', () => {
    expect(computeLight({ ...base, latest: { periodLabel: 'Q2', status: 'delayed', accepted: false } }).light).toBe('red');
    const risk = computeLight({ ...base, latest: { periodLabel: 'Q2', status: 'at_risk', accepted: false } });
    expect(risk.light).toBe('yellow');
    expect(risk.reasons).toContain('Q2报告：单位报告存在风险');
  });

  it('is red for a task not started at mid-year, green when reported on track', () => {
    expect(computeLight({ ...base, latest: { periodLabel: 'Q2', status: 'not_started', accepted: false } }).light).toBe('red');
    expect(computeLight({ ...base, latest: { periodLabel: 'Q2', status: 'on_track', accepted: false } })).toMatchObject({
      light: 'green',
      reasons: ['Q2报告：按序时推进'],
    });
  });

  it('is blue only when completed and accepted by the office', () => {
    expect(computeLight({ ...base, latest: { periodLabel: '全年', status: 'completed', accepted: true } }).light).toBe('blue');
    expect(computeLight({ ...base, latest: { periodLabel: '全年', status: 'completed', accepted: false } }).light).toBe('green');
  });

  it('holds a rate to its full target at any time of year: GDP growth 3% of 6% is red, 5.9% green', () => {
    const rate = (actual: number): LightInput => ({
      ...base,
      today: '2024-04-10',
      latest: { periodLabel: 'Q1', status: 'on_track', accepted: false },
      indicators: [{ name: '地区生产总值增长', target: 6, unit: '%', actual }],
    });
    expect(computeLight(rate(5.9)).light).toBe('green');
    const red = computeLight(rate(3));
    expect(red.light).toBe('red');
    expect(red.reasons[0]).toBe('地区生产总值增长3%，目标6%，落后50%');
  });

  it('takes the schedule at the end of the period the report speaks for, not today', () => {
    const q1 = (today: string): LightInput => ({
      ...base,
      today,
      latest: { periodLabel: 'Q1', periodEnd: '2024-04-01', status: 'on_track', accepted: true },
      indicators: [{ name: '新建充电桩', target: 4000, unit: '个', actual: 1000 }],
    });
    // 25% done at the end of Q1 keeps pace, even when looked at in late June.
    expect(computeLight(q1('2024-06-25'))).toMatchObject({ light: 'green' });
    expect(computeLight(q1('2024-06-25')).schedule).toBeCloseTo(92 / 366, 2);
  });

  it('lets an overdue report outweigh a good indicator', () => {
    const r = computeLight({
      ...base,
      latest: { periodLabel: 'Q1', status: 'on_track', accepted: true },
      indicators: [{ name: 'A', target: 10, unit: '个', actual: 9 }],
      overdue: [{ periodLabel: 'Q2', days: 1 }],
    });
    expect(r.light).toBe('red');
    expect(r.reasons).toHaveLength(2);
  });
});

describe('status lights against milestones (时间节点) instead of the straight-line schedule', () => {
  // The Q2 report speaks for 1 July; the schedule (序时进度) there is about 50%.
  const q2 = (status: ProgressStatus, accepted = false): LightInput['latest'] => ({
    periodLabel: '2024年第二季度',
    periodEnd: '2024-07-01',
    status,
    accepted,
  });
  const tender = (state: 'started' | 'completed', dueOn = '2024-06-30'): MilestoneInput => ({ id: 7, dueOn, description: '完成招标', expect: { kind: 'state', state } });
  const piles = (value: number, actual: number | null, dueOn = '2024-06-30'): MilestoneInput => ({
    dueOn,
    description: '建成一批充电桩',
    expect: { kind: 'indicator', name: '新建充电桩', unit: '个', target: 1000, value, actual },
  });
  const at = (input: Partial<LightInput>): LightInput => ({ ...base, today: '2024-07-05', ...input });

  it('is red when a state milestone is missed, where the straight-line schedule says green', () => {
    const onTrack = at({ latest: q2('on_track') });
    expect(computeLight(onTrack).light).toBe('green');
    const r = computeLight({ ...onTrack, milestones: [tender('completed')] });
    expect(r.light).toBe('red');
    expect(r.reasons).toEqual(['时间节点6月30日（完成招标）：应已完成，单位报告按序时推进']);
    expect(r.milestones).toEqual([{ id: 7, dueOn: '2024-06-30', verdict: 'missed', reason: r.reasons[0] }]);
  });

  it('says a work not started after its start milestone in words', () => {
    const r = computeLight(at({ latest: q2('not_started'), milestones: [tender('started')] }));
    expect(r.light).toBe('red');
    expect(r.reasons).toContain('时间节点6月30日（完成招标）：应已启动，单位报告未启动');
  });

  it('is green when the milestones due are met, even where the straight-line schedule says red', () => {
    // Back-loaded work: 150 of 1,000 piles by mid-year is far behind 序时进度 but ahead of the plan.
    const input = at({ latest: q2('on_track'), indicators: [{ name: '新建充电桩', target: 1000, unit: '个', actual: 150 }] });
    expect(computeLight(input).light).toBe('red');
    const r = computeLight({ ...input, milestones: [tender('started', '2024-03-31'), piles(100, 150)] });
    expect(r.light).toBe('green');
    expect(r.reasons).toEqual(['时间节点6月30日（建成一批充电桩）：新建充电桩应达到100个，单位报告150个，符合节点要求']);
    expect(r.milestones?.map((m) => m.verdict)).toEqual(['met', 'met']);
  });

  it('turns an indicator milestone yellow or red by how far it trails, as a share of the target (the same thresholds)', () => {
    const light = (actual: number, thresholds?: { yellowGap: number; redGap: number }) =>
      computeLight(at({ latest: q2('on_track'), milestones: [piles(500, actual)] }), thresholds);
    expect(light(450).light).toBe('green'); // 5% of the target behind
    const yellow = light(300); // 20% behind
    expect(yellow.light).toBe('yellow');
    expect(yellow.reasons).toEqual(['时间节点6月30日（建成一批充电桩）：新建充电桩应达到500个，单位报告300个，落后目标的20%']);
    expect(yellow.milestones?.[0]?.verdict).toBe('behind');
    expect(light(200).light).toBe('red'); // 30% behind
    expect(light(450, { yellowGap: 0.02, redGap: 0.3 }).light).toBe('yellow');
  });

  it('reads a lower-is-better indicator the other way round', () => {
    const m: MilestoneInput = {
      dueOn: '2024-06-30',
      description: '降低能耗',
      expect: { kind: 'indicator', name: '单位GDP能耗', unit: '吨', target: 100, value: 80, actual: 95, lowerIsBetter: true },
    };
    expect(computeLight(at({ latest: q2('on_track'), milestones: [m] })).light).toBe('yellow');
  });

  it('does not count milestones not yet due, and names the next one', () => {
    const r = computeLight(at({ latest: q2('on_track'), milestones: [tender('completed', '2024-09-30')] }));
    expect(r.light).toBe('green');
    expect(r.reasons).toEqual(['尚无到期的时间节点（下一个：9月30日（完成招标））']);
    expect(r.milestones?.[0]?.verdict).toBe('pending');
  });

  it('waits for the next report for a milestone due after the date the latest report speaks for', () => {
    // Due 15 July, looked at on 20 July: the Q2 report speaks for 1 July and cannot tell.
    const r = computeLight(at({ today: '2024-07-20', latest: q2('on_track'), milestones: [tender('completed', '2024-07-15')] }));
    expect(r.light).toBe('green');
    expect(r.milestones?.[0]?.verdict).toBe('awaiting');
    expect(r.reasons).toEqual(['时间节点7月15日（完成招标）已到期，待下次报送核对']);
  });

  it('asks for the number when an indicator milestone is due and the unit did not report it', () => {
    const r = computeLight(at({ latest: q2('on_track'), milestones: [piles(500, null)] }));
    expect(r.light).toBe('yellow');
    expect(r.reasons).toEqual(['时间节点6月30日（建成一批充电桩）：新建充电桩应达到500个，单位尚未报告该指标']);
  });

  it('keeps the other rules: overdue and the unit’s words still count, accepted completion is blue, nothing reported is grey', () => {
    const milestones = [tender('started', '2024-03-31')];
    expect(computeLight(at({ latest: q2('on_track'), milestones, overdue: [{ periodLabel: 'Q2', days: 3 }] })).light).toBe('red');
    const risk = computeLight(at({ latest: q2('at_risk'), milestones }));
    expect(risk.light).toBe('yellow');
    expect(risk.reasons[0]).toBe('2024年第二季度报告：单位报告存在风险');
    expect(computeLight(at({ latest: q2('completed', true), milestones: [tender('completed')] })).light).toBe('blue');
    const none = computeLight(at({ latest: null, milestones }));
    expect(none.light).toBe('grey');
    expect(none.reasons).toEqual(['尚无报送记录']);
    expect(none.milestones).toEqual([{ id: 7, dueOn: '2024-03-31', verdict: 'unknown', reason: '时间节点3月31日（完成招标）：尚无报送记录，无法核对' }]);
  });

  it('writes the year of a milestone in another year than the task’s', () => {
    const r = computeLight(at({ today: '2025-01-10', latest: { periodLabel: '2024年全年', periodEnd: '2025-01-01', status: 'on_track', accepted: false }, milestones: [tender('completed', '2025-01-01')] }));
    expect(r.reasons).toEqual(['时间节点2025年1月1日（完成招标）：应已完成，单位报告按序时推进']);
  });
});
