import { describe, expect, it } from 'vitest';
import { taskKeys } from '../../../core/notice/task-key';
import type { ParsedAnnex, ParsedTask } from '../../../core/notice/types';
import { extractIndicators } from '../../../core/notice/indicators';
import { annexRows, confirmAsIs, countPreview, diffCorrection, effective, isChanged, isPending } from './corrections';

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

  // 附件3 item 8 of the demo notice, as parsed: the office renames and retargets before importing.
  const parking =
    '新洲区停车位必达目标为2500个，考核目标为3000个，公共停车位占比不低于必达目标的30%，即新增公共停车位750个；';
  const parkingRow = () =>
    annexRows({ ...annex, tasks: [task('8', { standard: parking, indicators: extractIndicators(parking) })] }, {})[0]!;
  const plain = (row: ReturnType<typeof parkingRow>) =>
    effective(row).indicators.map(({ name, value, unit, qualifier }) => ({ name, value, unit, qualifier }));

  it('sends indicators only when the office renamed or retargeted one, and shows them with their printed spans', () => {
    const row = parkingRow();
    const same = diffCorrection(row, {
      leaders: ['丁力'],
      units: ['区发改局'],
      standard: parking,
      deadline: null,
      indicators: plain(row),
    });
    expect(same.indicators).toBeUndefined();
    const renamed = plain(row).map((i, n) =>
      n === 1 ? { ...i, name: '停车位考核目标', value: 3200, qualifier: '以上' } : i,
    );
    const c = diffCorrection(row, {
      leaders: ['丁力'],
      units: ['区发改局'],
      standard: parking,
      deadline: null,
      indicators: renamed,
    });
    expect(c.indicators).toEqual(renamed);
    const corrected = { ...row, correction: c };
    expect(isChanged(corrected)).toBe(true);
    expect(effective(corrected).indicators[1]).toEqual({
      name: '停车位考核目标',
      value: 3200,
      unit: '个',
      qualifier: '以上',
      text: '考核目标为3000个',
    });
  });

  it('reads the indicators of a corrected standard as the import will, and names those', () => {
    const row = parkingRow();
    const standard = '新增公共停车位800个。';
    const c = diffCorrection(row, {
      leaders: ['丁力'],
      units: ['区发改局'],
      standard,
      deadline: null,
      indicators: [{ name: '新增公共停车位', value: 800, unit: '个', qualifier: null }],
    });
    // The office kept what the new text gives: only the standard goes, the server reads the rest.
    expect(c).toEqual({ key: '2/8', standard });
    expect(effective({ ...row, correction: c }).indicators.map((i) => [i.name, i.value])).toEqual([
      ['新增公共停车位', 800],
    ]);
    const named = diffCorrection(row, {
      leaders: ['丁力'],
      units: ['区发改局'],
      standard,
      deadline: null,
      indicators: [{ name: '公共停车位', value: 800, unit: '个', qualifier: '以上' }],
    });
    expect(effective({ ...row, correction: named }).indicators).toEqual([
      { name: '公共停车位', value: 800, unit: '个', qualifier: '以上', text: '新增公共停车位800个' },
    ]);
  });
});
