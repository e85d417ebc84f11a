import { describe, expect, it } from 'vitest';
import { taskKeys } from '../../../core/notice/task-key';
import type { ParsedAnnex, ParsedTask } from '../../../core/notice/types';
import { annexRows, confirmAsIs, countPreview, diffCorrection, isChanged, isPending } from './corrections';

function task(seq: string, extra: Partial<ParsedTask> = {}): ParsedTask {
  return {
    seq,
    seqNo: null,
    category: null,
    section: null,
    upstreamNo: null,
    upstreamItem: null,
    standard: `标准${seq}`,
    deadline: null,
    dueDate: null,
    leaders: ['丁力'],
    leadersPrinted: '丁力',
    units: ['区发改局'],
    unitsPrinted: ['区发改局'],
    unitRefs: [],
    indicators: [],
    links: [],
    anomalies: [],
    repairs: [],
    uncertain: false,
    line: 1,
    ...extra,
  };
}

const annex: ParsedAnnex = {
  no: 2,
  title: '附件2',
  kind: 'province-gwr',
  layout: 'table',
  categories: [],
  anomalies: [],
  line: 1,
  tasks: [task('1'), task('2', { uncertain: true }), task('2'), task('3', { units: [], uncertain: true })],
};

describe('preview corrections', () => {
  it('keys rows with the shared key (core/notice/task-key.ts), repeated numbers included', () => {
    expect(annexRows(annex, {}).map((r) => r.key)).toEqual(taskKeys(2, annex.tasks).map(([k]) => k));
    expect(annexRows(annex, {}).map((r) => r.key)).toEqual(['2/1', '2/2', '2/2#2', '2/3']);
  });

  it('counts a corrected or confirmed uncertain row as done', () => {
    const parsed = { annexes: [annex], stats: { tasks: 4, repairs: 0, uncertainTasks: 2 } } as never;
    const rows = annexRows(annex, {});
    expect(rows.filter(isPending).map((r) => r.key)).toEqual(['2/2', '2/3']);
    const confirm = confirmAsIs(rows[3]!);
    // No units printed: the confirmation must not send an empty list (the server requires one).
    expect(confirm).toEqual({ key: '2/3', leaders: ['丁力'] });
    const counts = countPreview(parsed, { '2/3': confirm });
    expect(counts).toMatchObject({ tasks: 4, uncertain: 2, pending: 1, corrected: 1 });
    expect(isChanged(annexRows(annex, { '2/3': confirm })[3]!)).toBe(false);
  });

  it('sends only the fields the office changed', () => {
    const row = annexRows(annex, {})[1]!;
    const c = diffCorrection(row, {
      leaders: ['丁力', '陈曦'],
      units: ['区发改局'],
      standard: '标准2',
      deadline: null,
    });
    expect(c).toEqual({ key: '2/2', leaders: ['丁力', '陈曦'] });
    expect(isChanged({ ...row, correction: c })).toBe(true);
    const unchanged = diffCorrection(row, {
      leaders: ['丁力'],
      units: ['区发改局'],
      standard: '标准2',
      deadline: null,
    });
    expect(unchanged).toEqual({ key: '2/2', leaders: ['丁力'] });
  });
});
