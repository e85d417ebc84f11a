import { describe, expect, it } from 'vitest';
import { NoticeParseError, parseNoticeText, proposeLinks, textToRows, type ParsedAnnex } from '.';
import { extractIndicators } from './indicators';
import { MAX_NOTICE_CHARS, MAX_NOTICE_TASKS } from './limits';
import { duplicatedWords, foldWidth } from './text';

/**
 * Issue 16 / issue 17 point 1: the parser is linear in its input, and refuses what is far past a
 * notice. Each case doubles its input and checks the time does not grow like the square (a quadratic
 * spot made a 296 KB notice take 21 s and a 15 MB one over 12 minutes), plus a loose absolute bound.
 */
function ms(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/**
 * Time for n and for 4n: a linear function takes about 4 times as long, a quadratic one 16 times.
 * Each is the best of three runs, so that a pause of the machine (a test file in another worker, a
 * garbage collection) during one run does not read as growth.
 */
function growth(f: (n: number) => unknown, n: number): { small: number; large: number } {
  f(n / 4); // warm up
  const best = (size: number) => Math.min(...[0, 1, 2].map(() => ms(() => f(size))));
  const small = Math.max(1, best(n));
  const large = best(4 * n);
  return { small, large };
}

describe('the notice parser in linear time', () => {
  it('duplicatedWords: a long run of one character is read in one pass and reported at most 20 times', () => {
    const { small, large } = growth((n) => duplicatedWords('的'.repeat(n)), 100_000);
    expect(large).toBeLessThan(small * 10);
    expect(large).toBeLessThan(2_000);
    expect(duplicatedWords('的'.repeat(400_000))).toHaveLength(20);
    // Real slips read as before.
    expect(duplicatedWords('全域旅游旅游形象')).toEqual(['旅游旅游']);
    expect(duplicatedWords('算力运力运力')).toEqual(['运力运力']);
    expect(duplicatedWords('郝城、郝城')).toEqual(['郝城、郝城']);
  });

  it('extractIndicators: a long text full of numbers without punctuation', () => {
    const { small, large } = growth((n) => extractIndicators('增长6%'.repeat(n / 4)), 40_000);
    expect(large).toBeLessThan(small * 10);
    expect(large).toBeLessThan(3_000);
    // Names still run back to the clause start, over a parenthesis without digits.
    expect(extractIndicators('建成综合服务中心（服务点）2个').map((i) => [i.name, i.value, i.unit])).toEqual([['建成综合服务中心（服务点）', 2, '个']]);
  });

  it('foldWidth: a run of full-width brackets', () => {
    const { small, large } = growth((n) => foldWidth('（'.repeat(n)), 500_000);
    expect(large).toBeLessThan(small * 10);
    expect(foldWidth('（１２）ａ，')).toBe('(12)a,');
  });

  it('proposeLinks: thousands of tasks sharing common bigrams across annexes', () => {
    const annexes = (n: number): ParsedAnnex[] =>
      [1, 2].map((no) => ({
        no,
        title: '',
        kind: 'other',
        layout: 'table',
        categories: [],
        anomalies: [],
        line: 1,
        tasks: Array.from({ length: n }, (_, i) => ({ seq: String(i + 1), standard: `推进重点工作第${i}项，完成年度目标任务`, upstreamItem: null, links: [] })),
      })) as unknown as ParsedAnnex[];
    const { small, large } = growth((n) => proposeLinks(annexes(n)), 2_000);
    expect(large).toBeLessThan(small * 10);
    expect(large).toBeLessThan(5_000);
  });

  it('refuses a text past the bound before splitting it, naming the line where the bound is crossed', () => {
    const text = `${'的'.repeat(MAX_NOTICE_CHARS - 10)}\n${'的'.repeat(100)}`;
    let error: unknown;
    const took = ms(() => {
      try {
        textToRows(text);
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(NoticeParseError);
    const e = error as NoticeParseError;
    expect(e.code).toBe('TOO_MUCH_TEXT');
    expect(e.location.line).toBe(2);
    expect(e.messageZh).toContain(`（共 ${text.length} 字，最多 ${MAX_NOTICE_CHARS} 字）（第2行）`);
    expect(took).toBeLessThan(500);
  });

  it('refuses a notice of more tasks than the bound, at the first task past it', () => {
    const rows = ['新政办〔2024〕9号', '2024年1月5日', '序号\t工作标准\t责任单位\t完成时限'];
    for (let i = 1; i <= MAX_NOTICE_TASKS + 1; i++) rows.push(`${i}\t推进第${i}项工作\t区发改局\t6月底前`);
    let error: unknown;
    try {
      parseNoticeText(rows.join('\n'));
    } catch (e) {
      error = e;
    }
    const e = error as NoticeParseError;
    expect(e.code).toBe('TOO_MANY_TASKS');
    expect(e.location.line).toBe(MAX_NOTICE_TASKS + 4);
    expect(e.messageZh).toContain(`读出 ${MAX_NOTICE_TASKS + 1} 项，最多 ${MAX_NOTICE_TASKS} 项`);
  }, 30_000);
});
