import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../../core/notice/parse';
import {
  nameMaps,
  newNamesInUse,
  settledBy,
  uncertainCells,
  undecided,
  NO_CHOICES,
  type NameChoices,
} from './name-choices';
import type { NoticePreview } from './types';

// A parse where 区数据局 is not in the directory (an unknown unit, flagged) and 丁张 runs two leaders together.
const parsed = parseNoticeText(
  [
    '序号\t工作任务\t责任领导\t牵头单位\t完成时限',
    '1\t建设数据平台。\t丁力\t区数据局\t6月底前',
    '2\t建设养老站。\t丁张\t区民政局\t9月底前',
  ].join('\n'),
  {
    unitDirectory: [{ name: '区民政局', aliases: [] }],
    leaderDirectory: ['丁力', '张晓茵'].map((name) => ({ name, aliases: [] })),
  },
);
const preview: NoticePreview = {
  file: { name: 'n.txt', format: 'text', size: 1 },
  parsed,
  existing: null,
  directory: { units: [{ name: '区数据局', printed: [], tasks: ['1/1'], suggestion: null }], leaders: [] },
  documentDefaults: {
    title: '2025年重点工作任务',
    issuer: '新洲区人民政府办公室',
    issuedDate: '2025-03-20',
    year: 2025,
  },
};
const [task1, task2] = parsed.annexes[0]!.tasks;

describe('name choices in the preview', () => {
  it('marks the doubtful cells, and a decided new unit no longer marks its cell or holds the row', () => {
    expect([...uncertainCells(task1!, NO_CHOICES)]).toEqual(['units']);
    expect([...uncertainCells(task2!, NO_CHOICES)]).toEqual(['leaders']);
    const added: NameChoices = { units: { 区数据局: { kind: 'new' } }, leaders: {} };
    expect(uncertainCells(task1!, added).size).toBe(0);
    expect(settledBy(added)(task1!)).toBe(true);
    // The garbled leader is not a new name: only a correction settles it.
    expect(settledBy(added)(task2!)).toBe(false);
    expect(undecided(newNamesInUse(preview, {}), added)).toEqual({ units: 0, leaders: 0 });
  });

  it('sends the mappings of names the tasks still carry, and nothing for new ones', () => {
    const mapped: NameChoices = { units: { 区数据局: { kind: 'map', to: '区民政局' } }, leaders: {} };
    expect(nameMaps(mapped, newNamesInUse(preview, {}))).toEqual({ unitMap: [{ from: '区数据局', to: '区民政局' }] });
    expect(nameMaps({ units: { 区数据局: { kind: 'new' } }, leaders: {} })).toEqual({});
    // Corrected away in the one task that had it: no decision needed, no mapping sent.
    const corrected = { '1/1': { key: '1/1', units: ['区民政局'] } };
    expect(newNamesInUse(preview, corrected).units).toEqual([]);
    expect(nameMaps(mapped, newNamesInUse(preview, corrected))).toEqual({});
  });
});
