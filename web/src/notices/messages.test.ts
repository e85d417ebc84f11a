import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../../core/notice';
import { isKnownAnomaly, translateAnomaly, translateRule } from './messages';

// Every sentence the parser prints for the seed notice must read as Chinese in the browser.
describe('parser messages in Chinese', () => {
  it('translates the seed anomalies', () => {
    expect(
      translateAnomaly('category 14 printed as "突破双柳新城建设" / "突破性建设双柳新城"; using "突破性建设双柳新城"'),
    ).toBe('目标14的名称印法不一：“突破双柳新城建设” / “突破性建设双柳新城”，统一采用“突破性建设双柳新城”');
    expect(translateAnomaly('annex 2: printed numbering jumps from 21 to 24 (2 number(s) missing)')).toBe(
      '附件2：序号从 21 跳到 24，中间缺 2 个编号',
    );
    expect(translateAnomaly('line 69: row shifted left by the extractor; realigned')).toBe(
      '第69行：该行整体左移，已按表头重新对齐',
    );
    expect(
      translateAnomaly(
        'category 21 is printed again at line 206 on the same page; (133) may belong to category 20 — please confirm',
      ),
    ).toBe('目标21在同一页第206行再次出现，(133) 可能属于目标20，请确认');
    expect(
      translateAnomaly('category 21 printed twice on one page (lines 200, 206); (133)–(138) may belong to category 20'),
    ).toBe('目标21在同一页印了两次（第200行、第206行），(133)–(138) 可能属于目标20');
    expect(translateAnomaly('the upstream column is headed "市级下达的责任事项" but the annex title says 省')).toBe(
      '上级事项列的表头为“市级下达的责任事项”，但附件标题为省级',
    );
    expect(translateAnomaly('possible duplicated word "企业企业" (kept as printed)')).toBe(
      '疑似重复用词“企业企业”（按原文保留）',
    );
    expect(isKnownAnomaly('something new')).toBe(false);
    expect(translateAnomaly('something new')).not.toMatch(/[a-z]/);
  });

  it('translates the seed repair rules', () => {
    expect(translateRule('leader-garbled: 丁=prefix of 丁力 + 张波')).toBe(
      '领导姓名错乱，按领导名录拆分：“丁”为“丁力”的前半，“张波”',
    );
    expect(translateRule('leader-garbled: 张晓明≈张晓茵 (one character differs)')).toBe(
      '领导姓名错乱，按领导名录拆分：“张晓明”与“张晓茵”仅差一字',
    );
    expect(translateRule('unit-alias: "区供销社" is a spelling of "区供销联社" (proposed, please confirm)')).toBe(
      '“区供销社”是“区供销联社”的另一种写法（系统推测，请确认）',
    );
    expect(translateRule('unit-wrapped: name re-joined across a line break')).toBe('单位名称跨行断开，已重新拼接');
    expect(translateRule('unit-joined: 2 names of the directory printed without a separator')).toBe('2 个单位名称连在一起（缺少分隔），已按单位名录拆开，请确认');
    expect(
      translateRule('category-canonical-name: one name per category number (most frequent, then longest)'),
    ).not.toMatch(/[a-z]/);
    expect(
      translateRule('row-shifted-left: task text found in the first cell; cells realigned to the header'),
    ).not.toMatch(/[a-z]/);
    expect(translateRule('unknown-leader: not in the directory')).toBe('不在领导名录中，请核实');
  });

  it('knows every sentence the parser prints for the demo notice', () => {
    const text = readFileSync(new URL('../../../data/demo/xinzhou-2024-notice.txt', import.meta.url), 'utf8');
    const parsed = parseNoticeText(text);
    const anomalies = [
      ...parsed.anomalies,
      ...parsed.annexes.flatMap((a) => [...a.anomalies, ...a.tasks.flatMap((t) => t.anomalies)]),
    ];
    expect(anomalies.filter((a) => !isKnownAnomaly(a))).toEqual([]);
    const rules = parsed.annexes.flatMap((a) => a.tasks.flatMap((t) => t.repairs.map((r) => r.rule)));
    expect(rules.filter((r) => translateRule(r) === '系统自动修复')).toEqual([]);
    expect(rules.map(translateRule).filter((r) => /[A-Za-z]{3,}/.test(r))).toEqual([]);
  });
});
