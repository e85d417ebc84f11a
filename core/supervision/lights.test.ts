import { describe, expect, it } from 'vitest';
import { computeLight, scheduleShare, type LightInput } from './lights';

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
