import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildUnitDirectory, parseNoticeText, resolveUnits, splitUnitCell } from './index';
import type { ParsedTask } from './index';

const text = readFileSync(new URL('../../data/demo/xinzhou-2024-notice.txt', import.meta.url), 'utf8');
const notice = parseNoticeText(text);

function task(annexNo: number, seq: string): ParsedTask {
  const t = notice.annexes[annexNo - 1]?.tasks.find((x) => x.seq === seq);
  if (!t) throw new Error(`no task ${annexNo} ${seq}`);
  return t;
}

describe('splitUnitCell', () => {
  it('re-joins a name wrapped across lines', () => {
    expect(splitUnitCell('区科经局 区住房和 城乡建设局 区园林和林业局')).toEqual([
      { name: '区科经局', printed: '区科经局', note: null, wrapped: false },
      { name: '区住房和城乡建设局', printed: '区住房和 城乡建设局', note: null, wrapped: true },
      { name: '区园林和林业局', printed: '区园林和林业局', note: null, wrapped: false },
    ]);
  });

  it('attaches a parenthesised note to the unit before it', () => {
    expect(splitUnitCell('区发改局 区农业农村局 (乡村振兴局)')[1]).toEqual({
      name: '区农业农村局',
      printed: '区农业农村局 (乡村振兴局)',
      note: '乡村振兴局',
      wrapped: false,
    });
    expect(splitUnitCell('区政府办（区政府督查室）、区财政局').map((u) => [u.name, u.note])).toEqual([
      ['区政府办', '区政府督查室'],
      ['区财政局', null],
    ]);
  });

  it('splits on spaces, 、 and ASCII/full-width commas and semicolons', () => {
    expect(splitUnitCell('区财政局、区统计局,区教育局；团区委').map((u) => u.name)).toEqual([
      '区财政局',
      '区统计局',
      '区教育局',
      '团区委',
    ]);
  });
});

describe('unit directory built from the document', () => {
  const byName = new Map(notice.directories.units.map((e) => [e.name, e]));

  it('groups the spellings of one unit under one canonical name', () => {
    expect(byName.get('区文化和旅游局')?.aliases).toEqual(['区文化和旅游发展局']);
    expect(byName.get('区供销社')?.aliases).toEqual(['区供销联社']);
    expect(byName.get('区市场监管局')?.aliases).toEqual(['市场监管局']);
    expect(byName.get('区行政审批局')?.aliases).toEqual(['行政审批局']);
    expect(byName.get('区医疗保障局')?.aliases).toEqual(['区医保局']);
    expect(byName.get('区住房和城乡建设局')?.aliases).toEqual(['区住房保障和城乡建设局']);
  });

  it('marks alias proposals other than a missing 区 prefix for confirmation', () => {
    expect(byName.get('区市场监管局')?.confirmed).toBe(true);
    expect(byName.get('区文化和旅游局')?.confirmed).toBe(false);
    expect(byName.get('区发改局')?.confirmed).toBe(true);
  });

  it('does not merge different units that merely look alike', () => {
    expect(byName.has('区城乡规划局')).toBe(true);
    expect(byName.has('区自然资源和规划局')).toBe(true);
    expect(byName.has('区民政局')).toBe(true);
    expect(byName.has('区民族宗教事务局')).toBe(true);
    expect(notice.directories.units).toHaveLength(50);
  });

  it('builds a directory from arbitrary cells', () => {
    const d = buildUnitDirectory(['区供销社 区商务局', '区供销联社', '区供销社']);
    expect(d.map((e) => [e.name, e.aliases, e.count])).toEqual([
      ['区供销社', ['区供销联社'], 3],
      ['区商务局', [], 1],
    ]);
  });
});

describe('resolveUnits', () => {
  it('maps printed spellings to canonical names, keeps the printed form and roles', () => {
    const dir = [
      { name: '区文化和旅游局', aliases: ['区文化和旅游发展局'] },
      { name: '区教育局', aliases: [] },
    ];
    const r = resolveUnits('区文化和旅游发展局 区教育局', '', dir, 46);
    expect(r.units).toEqual(['区文化和旅游局', '区教育局']);
    expect(r.printed).toEqual(['区文化和旅游发展局', '区教育局']);
    expect(r.refs.map((u) => u.role)).toEqual(['lead', 'co']);
    expect(r.repairs).toMatchObject([
      { field: 'units', raw: '区文化和旅游发展局', result: '区文化和旅游局', line: 46, uncertain: false },
    ]);
  });

  it('treats every unit of a separate 牵头单位 column as lead', () => {
    const r = resolveUnits('区发改局 区财政局', '区统计局', []);
    expect(r.refs.map((u) => [u.name, u.role])).toEqual([
      ['区发改局', 'lead'],
      ['区财政局', 'lead'],
      ['区统计局', 'co'],
    ]);
  });

  it('flags units missing from an edited directory', () => {
    const r = resolveUnits('区新设局', '', [{ name: '区发改局', aliases: [] }]);
    expect(r.units).toEqual(['区新设局']);
    expect(r.uncertain).toBe(true);
  });
});

describe('units on the seed tasks', () => {
  it('keeps printed order (first is lead) and canonical names', () => {
    expect(task(1, '(4)').units).toEqual(['区发改局', '区水务和湖泊局', '区生态环境分局']);
    expect(task(1, '(4)').unitRefs.map((u) => u.role)).toEqual(['lead', 'co', 'co']);
    expect(task(1, '(7)').units).toEqual([
      '区住房和城乡建设局',
      '区教育局',
      '区民政局',
      '区农业农村局',
      '区文化和旅游局',
    ]);
    expect(task(1, '(7)').unitsPrinted[4]).toBe('区文化和旅游发展局');
    expect(task(1, '(72)').units).toEqual(['区商务局', '区农业农村局', '区供销社']);
    expect(task(1, '(72)').unitsPrinted[2]).toBe('区供销联社');
    expect(task(1, '(54)').units).toEqual([
      '区市场监管局',
      '区行政审批局',
      '区金融办',
      '区司法局',
      '区企业和人才服务中心',
    ]);
    expect(task(1, '(23)').units).toEqual(['区文化和旅游局', '方杨专班', '海棠专班']);
    expect(task(3, '2').units).toEqual(['区商务局', '团区委']);
  });

  it('keeps the note with its unit', () => {
    expect(task(1, '(26)').units).toEqual(['区发改局', '区农业农村局']);
    expect(task(1, '(26)').unitsPrinted).toEqual(['区发改局', '区农业农村局 (乡村振兴局)']);
    expect(task(1, '(181)').unitRefs[1]).toMatchObject({ name: '区农业农村局', note: '乡村振兴局' });
    expect(task(1, '(172)').unitRefs).toEqual([
      { name: '区政府办', printed: '区政府办 (区政府督查室)', note: '区政府督查室', role: 'lead' },
    ]);
  });

  it('re-joins the wrapped 区住房和 城乡建设局 and records it', () => {
    const t = task(3, '6');
    expect(t.units).toEqual(['区科经局', '区住房和城乡建设局', '区园林和林业局']);
    expect(t.unitsPrinted[1]).toBe('区住房和 城乡建设局');
    expect(t.repairs.some((r) => r.rule.startsWith('unit-wrapped'))).toBe(true);
  });

  it('gives every task at least one unit', () => {
    for (const a of notice.annexes) for (const t of a.tasks) expect(t.units.length).toBeGreaterThan(0);
  });
});

describe('names run together (a scan’s lost space, a typist’s)', () => {
  const cells = ['区科经局 区商务局', '区科经局', '区商务局 区发改局', '区科经局区商务局', '区农业农村局'];

  it('keeps no run-together spelling in the directory built from the document', () => {
    const names = buildUnitDirectory(cells).map((e) => e.name);
    expect(names).toContain('区科经局');
    expect(names).toContain('区商务局');
    expect(names).not.toContain('区科经局区商务局');
  });

  it('takes them apart against the directory, the first still leading, and asks for confirmation', () => {
    const directory = buildUnitDirectory(cells);
    const r = resolveUnits('区科经局区商务局', '', directory, 7);
    expect(r.units).toEqual(['区科经局', '区商务局']);
    expect(r.refs.map((u) => u.role)).toEqual(['lead', 'co']);
    expect(r.uncertain).toBe(true);
    expect(r.repairs).toContainEqual(expect.objectContaining({ field: 'units', raw: '区科经局区商务局', result: ['区科经局', '区商务局'], uncertain: true, line: 7 }));
  });

  it('leaves a real name alone: only whole known names of three characters or more are parts', () => {
    const directory = buildUnitDirectory(['区农业农村局', '区农业', '农村局']);
    expect(resolveUnits('区农业农村局', '', directory).units).toEqual(['区农业农村局']);
    expect(resolveUnits('区发改局', '', buildUnitDirectory(['区发改局'])).repairs).toEqual([]);
  });
});

describe('names run together in a directory that already holds them', () => {
  it('are still taken apart when the directory also holds each part (the notice put the joined spelling there)', () => {
    const directory = [
      { name: '区科经局', aliases: [] },
      { name: '区商务局', aliases: [] },
      { name: '区科经局区商务局', aliases: [], count: 1 },
    ];
    expect(resolveUnits('区科经局区商务局', '', directory).units).toEqual(['区科经局', '区商务局']);
  });
});
