import { describe, expect, it } from 'vitest';
import { columnWidths } from './official-docx-table';
import { chineseDate, splitRunInHeading, textWidthChars, titleLines } from './official-text';

describe('official-document text helpers', () => {
  it('writes dates with Arabic numerals and no leading zeros', () => {
    expect(chineseDate('2024-07-05')).toBe('2024年7月5日');
    expect(chineseDate('2024-12-31')).toBe('2024年12月31日');
    expect(() => chineseDate('5 July 2024')).toThrow(/YYYY-MM-DD/);
  });

  it('measures Chinese as one cell, Latin as half, plus the space where they meet', () => {
    expect(textWidthChars('新洲区人民政府督查室')).toBe(10);
    expect(textWidthChars('2024年7月5日')).toBe(7.25);
  });

  it('splits a run-in heading after its first sentence', () => {
    expect(splitRunInHeading('（一）经济运行稳中向好。上半年增长6.2%。')).toEqual({
      lead: '（一）经济运行稳中向好。',
      rest: '上半年增长6.2%。',
    });
    expect(splitRunInHeading('一、总体情况')).toEqual({ lead: '一、总体情况', rest: '' });
    expect(splitRunInHeading('1.部分项目前期工作滞后。')).toEqual({ lead: '1.部分项目前期工作滞后。', rest: '' });
  });

  it('breaks a long title where the sense allows, balanced, and keeps hand breaks', () => {
    expect(titleLines('关于2024年第二季度区政府工作报告目标任务推进情况的通报', 20)).toEqual([
      '关于2024年第二季度区政府工作报告',
      '目标任务推进情况的通报',
    ]);
    expect(titleLines('关于开展专项督查的通知', 20)).toEqual(['关于开展专项督查的通知']);
    expect(titleLines('第一行\n第二行', 20)).toEqual(['第一行', '第二行']);
  });

  it('widens a table column so that its header fits on one line', () => {
    const block = {
      kind: 'table' as const,
      columns: [
        { header: '序号', width: 1 },
        { header: '事项', width: 10 },
        { header: '牵头单位', width: 4 },
      ],
      rows: [],
    };
    const widths = columnWidths(block, 8845, 14);
    expect(widths[0]).toBeGreaterThanOrEqual(2 * 14 * 20 + 160);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8845);
    expect(widths[1]! / widths[2]!).toBeCloseTo(10 / 4, 1);
  });
});
