import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLeaderDirectory, parseNoticeText, resolveLeaders } from './index';
import type { DirectoryEntry, ParsedTask } from './index';

const text = readFileSync(new URL('../../data/demo/xinzhou-2024-notice.txt', import.meta.url), 'utf8');
const notice = parseNoticeText(text);
const DIRECTORY_NAMES = ['肖新锋', '陈曦', '李先勇', '张晓茵', '丁力', '祝莹', '邓辉', '谢光荣', '张波'];
const dir: DirectoryEntry[] = DIRECTORY_NAMES.map((name) => ({ name, aliases: [] }));

function task(annexNo: number, seq: string): ParsedTask {
  const t = notice.annexes[annexNo - 1]?.tasks.find((x) => x.seq === seq);
  if (!t) throw new Error(`no task ${annexNo} ${seq}`);
  return t;
}

describe('leader directory built from the document', () => {
  it('keeps the nine names that occur cleanly and often, and none of the garbles', () => {
    const built = notice.directories.leaders;
    expect(built.map((e) => e.name).sort()).toEqual([...DIRECTORY_NAMES].sort());
    // 张晓菡 occurs three times, but as one character off a far more frequent name.
    expect(built.some((e) => e.name === '张晓菡')).toBe(false);
  });

  it('keeps rare names nothing explains (small notices)', () => {
    expect(buildLeaderDirectory(['王建国', '王建国 刘晓梅', '陈志刚']).map((e) => e.name)).toEqual([
      '王建国',
      '刘晓梅',
      '陈志刚',
    ]);
  });
});

describe('resolveLeaders', () => {
  const cases: [string, string[], boolean][] = [
    ['李先勇 肖新锋', ['李先勇', '肖新锋'], false],
    ['丁张波', ['丁力', '张波'], true], // concatenation of a cut name and a whole one
    ['李先勇 邓辉莹 祝', ['李先勇', '邓辉', '祝莹'], false], // pieces swapped across the wrap
    ['李先勇 邓辉莹 祝力波 丁张', ['李先勇', '邓辉', '祝莹', '丁力', '张波'], false],
    ['张晓明', ['张晓茵'], false], // one wrong character
    ['张晓茜', ['张晓茵'], false],
    ['李先勇 祝光荣 谢光荣', ['李先勇', '祝莹', '谢光荣'], true], // 祝 + 光荣, not a second 谢光荣
    ['李先勇 邓辉力', ['李先勇', '邓辉', '丁力'], true],
    ['丁力曦', ['丁力', '陈曦'], true],
    ['李先勇 丁力曦 陈曦', ['李先勇', '丁力', '陈曦'], false],
    ['祝莹波 张曦', ['祝莹', '张波', '陈曦'], true],
  ];
  for (const [cell, leaders, uncertain] of cases) {
    it(`reads "${cell}" as ${leaders.join(' ')}${uncertain ? ' (flagged)' : ''}`, () => {
      const r = resolveLeaders(cell, dir);
      expect(r.leaders).toEqual(leaders);
      expect(r.uncertain).toBe(uncertain);
    });
  }

  it('records each repair with the raw token', () => {
    const r = resolveLeaders('李先勇 邓辉莹 祝', dir, 200);
    expect(r.repairs.map((x) => [x.raw, x.result, x.line])).toEqual([
      ['邓辉莹', ['邓辉', '祝莹'], 200],
      ['祝', ['祝莹'], 200],
    ]);
    expect(resolveLeaders('李先勇', dir).repairs).toEqual([]);
  });

  it('uses aliases from an edited directory, without flagging them', () => {
    const edited = dir.map((e) => (e.name === '张晓茵' ? { ...e, aliases: ['张晓菡'] } : e));
    const r = resolveLeaders('张晓菡 肖新锋', edited);
    expect(r.leaders).toEqual(['张晓茵', '肖新锋']);
    expect(r.uncertain).toBe(false);
    expect(r.repairs[0]?.rule).toMatch(/^leader-alias/);
  });

  it('keeps and flags a name it cannot explain', () => {
    const r = resolveLeaders('王五', dir);
    expect(r.leaders).toEqual(['王五']);
    expect(r.unknown).toEqual(['王五']);
    expect(r.uncertain).toBe(true);
  });
});

describe('leaders on the seed tasks', () => {
  const expected: [number, string, string[]][] = [
    [1, '(4)', ['李先勇', '肖新锋']],
    [1, '(32)', ['丁力', '肖新锋']],
    [1, '(35)', ['丁力', '张波']],
    [1, '(82)', ['李先勇', '张晓茵', '谢光荣']],
    [1, '(83)', ['李先勇', '祝莹', '谢光荣']],
    [1, '(88)', ['张晓茵']],
    [1, '(133)', ['李先勇', '邓辉', '祝莹']],
    [1, '(149)', ['张晓茵']],
    [1, '(196)', ['李先勇', '邓辉', '丁力']],
    [1, '(197)', ['李先勇', '祝莹', '张波']],
    [2, '5', ['李先勇', '丁力', '陈曦']],
    [2, '8', ['丁力', '陈曦']],
    [2, '18', ['张晓茵', '肖新锋']],
    [2, '20', ['张晓茵']],
    [3, '8', ['李先勇', '邓辉', '祝莹', '丁力', '张波']],
    [3, '9', ['李先勇', '张晓茵', '肖新锋', '陈曦']],
    [3, '10', ['祝莹', '张波', '陈曦']],
  ];
  for (const [a, seq, leaders] of expected) {
    it(`annex ${a} ${seq}: ${leaders.join(' ')}`, () => expect(task(a, seq).leaders).toEqual(leaders));
  }

  it('keeps the printed cell and only directory names in every task', () => {
    expect(task(3, '8').leadersPrinted).toBe('李先勇 邓辉莹 祝力波 丁张');
    for (const an of notice.annexes) {
      for (const t of an.tasks) {
        expect(t.leaders.length).toBeGreaterThan(0);
        for (const l of t.leaders) expect(DIRECTORY_NAMES).toContain(l);
      }
    }
  });

  it('flags the uncertain readings for a person to confirm', () => {
    const flagged = notice.annexes.flatMap((a) =>
      a.tasks.filter((t) => t.repairs.some((r) => r.field === 'leaders' && r.uncertain)).map((t) => `${a.no}:${t.seq}`),
    );
    expect(flagged).toEqual(['1:(32)', '1:(35)', '1:(83)', '1:(196)', '1:(197)', '2:8', '3:10']);
  });
});
