import { describe, expect, it } from 'vitest';
import { blocksToText, classifyLine, parseBodyText } from './body-text';
import type { OfficialBlock } from './official-document';

describe('parseBodyText', () => {
  it('turns numbered lines into heading levels and the rest into paragraphs', () => {
    const text = [
      '　　为贯彻落实区委、区政府决策部署，现将有关情况通报如下。',
      '',
      '一、总体情况',
      '（一）经济运行稳中向好。上半年全区地区生产总值同比增长6.2%。',
      '(二)重点项目加快推进',
      '1.部分项目前期工作滞后。',
      '2．部分单位报送质量不高。',
      '3、协调解决问题不够及时。',
      '十九、其他',
      '二十三、附则',
    ].join('\n');
    expect(parseBodyText(text)).toEqual<OfficialBlock[]>([
      { kind: 'paragraph', text: '为贯彻落实区委、区政府决策部署，现将有关情况通报如下。' },
      { kind: 'heading1', text: '一、总体情况' },
      { kind: 'heading2', text: '（一）经济运行稳中向好。上半年全区地区生产总值同比增长6.2%。' },
      { kind: 'heading2', text: '(二)重点项目加快推进' },
      { kind: 'heading3', text: '1.部分项目前期工作滞后。' },
      { kind: 'heading3', text: '2．部分单位报送质量不高。' },
      { kind: 'heading3', text: '3、协调解决问题不够及时。' },
      { kind: 'heading1', text: '十九、其他' },
      { kind: 'heading1', text: '二十三、附则' },
    ]);
  });

  it('does not take a sentence that starts with a number or a character for a heading', () => {
    expect(classifyLine('1.5亿元的投资已到位。')).toBe('paragraph');
    expect(classifyLine('2024年上半年，全区经济运行平稳。')).toBe('paragraph');
    expect(classifyLine('一是强化统筹调度。')).toBe('paragraph');
    expect(classifyLine('十分重视这项工作。')).toBe('paragraph');
    expect(classifyLine('（1）细项')).toBe('paragraph');
  });

  it('trims lines, drops blank ones, and accepts any line ending', () => {
    expect(parseBodyText('\r\n  第一段。  \r\n\r\n\n\t第二段。\r三、结尾\n   \n')).toEqual([
      { kind: 'paragraph', text: '第一段。' },
      { kind: 'paragraph', text: '第二段。' },
      { kind: 'heading1', text: '三、结尾' },
    ]);
    expect(parseBodyText('')).toEqual([]);
    expect(parseBodyText(' \n　\n')).toEqual([]);
  });
});

describe('blocksToText', () => {
  it('gives back the same blocks when parsed (round trip), leaving tables out', () => {
    const text =
      '开头段落。\n一、总体情况\n（一）经济运行稳中向好。上半年增长6.2%。\n1.项目前期工作滞后。\n正文段落，含1.5亿元。\n二、下一步';
    const blocks = parseBodyText(text);
    expect(parseBodyText(blocksToText(blocks))).toEqual(blocks);

    const withTable: OfficialBlock[] = [
      ...blocks.slice(0, 2),
      { kind: 'table', columns: [{ header: '序号', width: 1 }], rows: [['1']] },
      ...blocks.slice(2),
    ];
    expect(parseBodyText(blocksToText(withTable))).toEqual(blocks);
  });

  it('writes one block per line with a blank line between, for a text area', () => {
    expect(
      blocksToText([
        { kind: 'heading1', text: '一、总体情况' },
        { kind: 'paragraph', text: '正文。' },
      ]),
    ).toBe('一、总体情况\n\n正文。');
  });
});
