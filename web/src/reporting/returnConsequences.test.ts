import { describe, expect, it } from 'vitest';
import { returnConsequences } from './returnConsequences';

const q1 = { printed: '2024-04-01', extended: null, effective: '2024-04-01' };
const q2 = { printed: '2024-07-01', extended: null, effective: '2024-07-01' };

describe('what the office’s return will and will not change', () => {
  it('keeps an on-time first arrival: not missing, not late, the content out of the lights until it is back', () => {
    const c = returnConsequences(
      { reachedOn: '2024-04-01', timelinessLabel: '按时报送', deadline: q1 },
      '2024-06-25',
      false,
    );
    expect(c.title).toBe('退回后：本报告仍按首次报送日期（4月1日）计为按时报送，不计“未报送”，不影响报送考核。');
    expect(c.lines.join('')).toContain('暂不计入红黄绿灯、通报和汇总表');
  });

  it('keeps a late first arrival late by the same days', () => {
    const c = returnConsequences(
      { reachedOn: '2024-04-03', timelinessLabel: '逾期2个工作日报送', deadline: q1 },
      '2024-06-25',
      false,
    );
    expect(c.title).toContain('首次报送日期（4月3日）计为逾期2个工作日报送');
  });

  it('ruled invalid after the deadline: missing from now on, lateness from the deadline, red lights', () => {
    const c = returnConsequences(
      { reachedOn: '2024-04-01', timelinessLabel: '按时报送', deadline: q1 },
      '2024-06-25',
      true,
    );
    expect(c.title).toBe('认定为无效报送后：本报告不再计为已报送，原报送日期（4月1日）作废。');
    expect(c.lines[0]).toContain('截止日期（4月1日）已过，本单位即显示为“逾期未报”，逾期天数从截止日期起算');
  });

  it('ruled invalid before the deadline: a resubmission in time is still on time', () => {
    const c = returnConsequences(
      { reachedOn: '2024-06-25', timelinessLabel: '按时报送', deadline: q2 },
      '2024-06-25',
      true,
    );
    expect(c.lines[0]).toBe(
      '单位在截止日期（7月1日）前重新报送的，仍计为按时报送；截止后才重新报送的，按送达督查室的日期计为逾期报送。',
    );
  });
});
