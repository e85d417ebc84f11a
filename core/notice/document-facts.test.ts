import { describe, expect, it } from 'vitest';
import { applyDocumentFacts } from './document-facts';
import { applyNameMaps } from './name-map';
import { parseNoticeText } from './parse';

// A notice copied from a web page: no 文号, no title line, no date, no year — only the tasks.
const NO_LETTERHEAD = [
  '序号\t工作任务\t责任领导\t牵头单位\t完成时限',
  '1\t完成老旧小区改造8个。\t王明\t区住建局\t6月底前',
  '2\t新建社区食堂3个。\t王明\t区民政局\t三季度末',
  '3\t开展全民健身活动20场。\t李华\t区文体局\t长期',
].join('\n');

const unitDirectory = ['区住建局', '区民政局', '区文体局'].map((name) => ({ name, aliases: [] }));
const leaderDirectory = ['王明', '李华'].map((name) => ({ name, aliases: [] }));

describe('applyDocumentFacts', () => {
  const parsed = parseNoticeText(NO_LETTERHEAD, { unitDirectory, leaderDirectory });

  it('is read for its tasks, with the facts it lacks listed and no due dates until a year is given', () => {
    expect(parsed.stats.tasks).toBe(3);
    expect(parsed.missingFacts).toEqual(['docNumber', 'title', 'issuer', 'issuedDate', 'year']);
    expect(parsed.annexes[0]!.tasks.map((t) => t.dueDate)).toEqual([null, null, null]);
  });

  it('sets the facts the office gives and reads every deadline again in the new year', () => {
    const out = applyDocumentFacts(parsed, {
      title: '2025年民生重点工作',
      issuer: '清河区人民政府办公室',
      issuedDate: '2025-02-20',
      year: 2025,
      docNumber: null,
    });
    expect(out.document).toMatchObject({
      docNumber: null,
      title: '2025年民生重点工作',
      issuer: '清河区人民政府办公室',
      issuedDate: '2025-02-20',
      year: 2025,
    });
    expect(out.annexes[0]!.tasks.map((t) => [t.dueDate, t.dueDateSource])).toEqual([
      ['2025-06-30', 'printed'],
      ['2025-09-30', 'printed'],
      [null, 'open-ended'],
    ]);
    expect(out.anomalies).not.toContain('no issue date found');
    // 文号 left empty on purpose: the parser's remark stays.
    expect(out.anomalies).toContain('no document number (文号) found');
    // The parse itself is untouched (the preview may be applied to again).
    expect(parsed.document.year).toBeNull();
    expect(parsed.annexes[0]!.tasks[0]!.dueDate).toBeNull();
  });

  it('takes the year from the date when only the date is given, and changes nothing without facts', () => {
    expect(applyDocumentFacts(parsed, { issuedDate: '2026-01-05' }).document.year).toBe(2026);
    expect(applyDocumentFacts(parsed, {})).toBe(parsed);
    expect(applyDocumentFacts(parsed, undefined)).toBe(parsed);
  });

  it('moves due dates and milestones when a printed year is replaced', () => {
    const withYear = applyDocumentFacts(parsed, { year: 2025 });
    const moved = applyDocumentFacts(withYear, { year: 2027 });
    expect(moved.annexes[0]!.tasks[0]!.dueDate).toBe('2027-06-30');
  });
});

describe('applyNameMaps', () => {
  // 区数据局 is not in the directory: the parser flags the task; the office maps it to 区政务服务局.
  const text = `${NO_LETTERHEAD}\n4\t建设数据共享平台。\t李华\t区数据局、区民政局\t12月底前`;
  const parsed = parseNoticeText(text, { unitDirectory, leaderDirectory });

  it('gives every task naming the mapped unit the existing one, records it and settles the doubt', () => {
    const task = parsed.annexes[0]!.tasks[3]!;
    expect(task.units).toEqual(['区数据局', '区民政局']);
    expect(task.uncertain).toBe(true);
    const out = applyNameMaps(parsed, { units: [{ from: '区数据局', to: '区住建局' }] });
    const mapped = out.annexes[0]!.tasks[3]!;
    expect(mapped.units).toEqual(['区住建局', '区民政局']);
    expect(mapped.unitRefs.map((r) => [r.name, r.role])).toEqual([
      ['区住建局', 'lead'],
      ['区民政局', 'co'],
    ]);
    expect(mapped.repairs.at(-1)).toMatchObject({
      field: 'units',
      rule: 'mapped by the office in the import preview',
      uncertain: false,
    });
    expect(mapped.uncertain).toBe(false);
    expect(out.directories.units.some((e) => e.name === '区数据局')).toBe(false);
    expect(out.stats.uncertainTasks).toBe(parsed.stats.uncertainTasks - 1);
    // Other tasks are the same objects.
    expect(out.annexes[0]!.tasks[0]).toBe(parsed.annexes[0]!.tasks[0]);
  });

  it('keeps one entry when the mapped unit is already on the task, and maps leaders too', () => {
    const out = applyNameMaps(parsed, {
      units: [{ from: '区数据局', to: '区民政局' }],
      leaders: [{ from: '李华', to: '王明' }],
    });
    const t = out.annexes[0]!.tasks[3]!;
    expect(t.units).toEqual(['区民政局']);
    expect(t.unitRefs).toHaveLength(1);
    expect(t.leaders).toEqual(['王明']);
  });
});
