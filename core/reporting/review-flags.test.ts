import { describe, expect, it } from 'vitest';
import { reportCompleteness, describeMissing } from './completeness';
import { entryChanges, entryOutliers, type ReviewEntry } from './review-flags';

const ind = (id: number, actual: number | null, target = 100, unit = '个') => ({ id, name: `指标${id}`, target, unit, actual });

describe('what changed since last period, and what to check', () => {
  it('sees Q1 滞后 → Q2 按序时推进 and a 400% actual (the issue’s example)', () => {
    const e: ReviewEntry = {
      status: 'on_track',
      narrative: '二季度加快推进',
      indicators: [ind(1, 400)],
      previous: { status: 'delayed', narrative: '一季度滞后', actuals: [{ indicatorId: 1, value: 20 }] },
    };
    expect(entryChanges(e)).toMatchObject({ status: { from: 'delayed', to: 'on_track' }, sameText: false, worsened: false, changed: true, moved: [{ id: 1, from: 20, to: 400 }] });
    expect(entryOutliers(e).map((o) => o.text)).toEqual(['指标1实际完成400个，为目标的400%，请核实']);
  });

  it('flags a cumulative figure lower than last period, but not a rate', () => {
    const e: ReviewEntry = {
      status: 'on_track',
      narrative: 'x',
      indicators: [ind(1, 30), ind(2, 90, 95, '%')],
      previous: { status: 'on_track', narrative: 'x', actuals: [{ indicatorId: 1, value: 40 }, { indicatorId: 2, value: 93 }] },
    };
    expect(entryOutliers(e).map((o) => o.indicatorId)).toEqual([1]);
  });

  it('calls an entry unchanged only when status, words and figures are last period’s', () => {
    const same: ReviewEntry = { status: 'on_track', narrative: '按计划推进', indicators: [ind(1, 5)], previous: { status: 'on_track', narrative: '按计划推进 ', actuals: [{ indicatorId: 1, value: 5 }] } };
    expect(entryChanges(same)).toMatchObject({ changed: false, sameText: true, status: null, moved: [] });
    expect(entryChanges({ ...same, status: 'at_risk' })).toMatchObject({ changed: true, worsened: true });
    expect(entryChanges({ ...same, status: 'delayed', previous: null })).toMatchObject({ changed: true, status: null, worsened: false });
  });
});

describe('completeness', () => {
  const e = (seq: string, narrative: string, unitRole: 'lead' | 'co' = 'lead', closed = false) => ({ taskId: Number(seq), annexNo: 1, seq, unitRole, status: 'on_track' as const, narrative, closed });

  it('counts filled entries, skips closed ones, and lets co-operating units leave theirs when the office says so', () => {
    const entries = [e('1', '已开工'), e('2', ' '), e('3', '', 'co'), e('4', '', 'lead', true)];
    expect(reportCompleteness(entries, { coUnitsMayLeaveBlank: false })).toEqual({
      asked: 3,
      filled: 1,
      missing: [
        { taskId: 2, label: '附件1第2项', lacks: ['进展情况'] },
        { taskId: 3, label: '附件1第3项', lacks: ['进展情况'] },
      ],
    });
    expect(reportCompleteness(entries, { coUnitsMayLeaveBlank: true })).toMatchObject({ asked: 2, filled: 1 });
  });

  it('names at most eight items in the refusal', () => {
    const missing = Array.from({ length: 10 }, (_, i) => ({ taskId: i, label: `附件1第${i}项`, lacks: ['进展情况'] }));
    expect(describeMissing(missing)).toMatch(/^尚有 10 个事项未填写完整：附件1第0项（未填进展情况）；.*附件1第7项（未填进展情况）等 10 项。请填写后再提交。$/);
  });
});
