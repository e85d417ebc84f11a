import { describe, expect, it } from 'vitest';
import { describeDue, dueDate, readDeadline, taskDue } from './due-date';

describe('a printed deadline read as a due date', () => {
  const cases: [string, string | null][] = [
    ['12月', '2024-12-31'],
    ['12 月', '2024-12-31'],
    ['１２月', '2024-12-31'],
    ['2024年12月', '2024-12-31'],
    ['12月底', '2024-12-31'],
    ['12月底前', '2024-12-31'],
    ['12月末', '2024-12-31'],
    ['6月底前', '2024-06-30'],
    ['6月底前完成', '2024-06-30'],
    ['2月', '2024-02-29'],
    ['年内', '2024-12-31'],
    ['年内完成', '2024-12-31'],
    ['年底前', '2024-12-31'],
    ['年底', '2024-12-31'],
    ['全年', '2024-12-31'],
    ['上半年', '2024-06-30'],
    ['下半年', '2024-12-31'],
    ['三季度末', '2024-09-30'],
    ['第三季度', '2024-09-30'],
    ['一季度', '2024-03-31'],
    ['第4季度', '2024-12-31'],
    ['9月30日前', '2024-09-30'],
    ['9月30日', '2024-09-30'],
    ['十一月', '2024-11-30'],
    ['3-6月', '2024-06-30'],
    ['3月至6月', '2024-06-30'],
    ['2025年6月', '2025-06-30'],
    ['2025年6月底前', '2025-06-30'],
    ['2025年底', '2025-12-31'],
    ['次年3月', '2025-03-31'],
    ['2024-09-30', '2024-09-30'],
    ['2024.9', '2024-09-30'],
    // Not dates, or not understood: no due date.
    ['长期', null],
    ['持续推进', null],
    ['常态化推进', null],
    ['13月', null],
    ['2月30日', null],
    ['6月中旬', null],
    ['按上级要求', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (printed, expected) => {
    expect(dueDate(printed, 2024)).toBe(expected);
  });

  it('says which deadlines name no date at all (ongoing work) and which it did not understand', () => {
    expect(readDeadline('长期', 2024)).toEqual({ kind: 'open-ended' });
    expect(readDeadline('持续推进', 2024)).toEqual({ kind: 'open-ended' });
    expect(readDeadline('按上级要求', 2024)).toEqual({ kind: 'unknown' });
    expect(readDeadline('6月底前', 2024)).toEqual({ kind: 'date', date: '2024-06-30' });
  });

  it('needs the notice year unless the deadline prints one', () => {
    expect(dueDate('12月', null)).toBeNull();
    expect(dueDate('2025年6月', null)).toBe('2025-06-30');
    expect(dueDate(null, 2024)).toBeNull();
  });
});

describe("a task's due date and where it came from", () => {
  it('reads the printed deadline first', () => {
    expect(taskDue('6月底前', 2024, 'province-gwr')).toEqual({ dueDate: '2024-06-30', dueDateSource: 'printed' });
    expect(taskDue('长期', 2024, 'district-gwr')).toEqual({ dueDate: null, dueDateSource: 'open-ended' });
    expect(taskDue('按上级要求', 2024, 'district-gwr')).toEqual({ dueDate: null, dueDateSource: null });
  });

  it("gives the year's own tasks (附件1, no deadline column) the notice year's last day, and no other annex", () => {
    expect(taskDue(null, 2024, 'district-gwr')).toEqual({ dueDate: '2024-12-31', dueDateSource: 'annual' });
    expect(taskDue(null, 2024, 'province-gwr')).toEqual({ dueDate: null, dueDateSource: null });
    expect(taskDue(null, 2024, 'other')).toEqual({ dueDate: null, dueDateSource: null });
    expect(taskDue(null, null, 'district-gwr')).toEqual({ dueDate: null, dueDateSource: null });
  });
});

describe('how a due date reads on a page', () => {
  it('shows the date with the printed words, or says it was derived, set by the office, or not set', () => {
    expect(describeDue({ deadline: '6月底前', dueDate: '2024-06-30', dueDateSource: 'printed' })).toEqual({ date: '2024-06-30', note: '通知原文：6月底前' });
    expect(describeDue({ deadline: null, dueDate: '2024-12-31', dueDateSource: 'annual' })).toEqual({
      date: '2024-12-31',
      note: '按当年任务，年底前完成（通知未列完成时限）',
    });
    expect(describeDue({ deadline: '12月', dueDate: '2024-11-15', dueDateSource: 'office' })).toEqual({ date: '2024-11-15', note: '督查室确定（通知原文：12月）' });
    expect(describeDue({ deadline: '长期', dueDate: null, dueDateSource: 'open-ended' })).toEqual({ date: '不设截止日期', note: '通知原文：长期' });
    expect(describeDue({ deadline: '按上级要求', dueDate: null, dueDateSource: null }).note).toContain('未能识别为日期');
    expect(describeDue({ deadline: null, dueDate: null })).toEqual({ date: '—', note: null });
  });
});
