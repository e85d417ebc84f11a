import type { OfficialBlock } from './official-document';

/**
 * The editable body text of an official document ↔ its blocks.
 *
 * A clerk edits the body in a plain text area, one paragraph per line, numbered the way Chinese
 * official documents number their levels (GB/T 9704-2012 7.3.3): 一、 → heading1, （一） → heading2,
 * 1. → heading3. A heading is its whole line: documents often run a （一） heading straight into its
 * paragraph (（一）强化统筹调度。区政府…), and keeping the line whole keeps the clerk's words intact.
 *
 * Each non-blank line is one block (a clerk presses Enter to start a paragraph, as in Word); blank
 * lines only separate and are dropped. blocksToText writes one block per line with a blank line
 * between blocks, so parseBodyText(blocksToText(blocks)) gives the blocks back for any blocks that
 * parseBodyText produced. Tables are not text and are left out.
 */

// 一 … 九十九 followed by 、 (一、 十、 十九、 二十三、).
const CN_NUMBER = '(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const HEADING1 = new RegExp(`^${CN_NUMBER}、`);
// （一） with full- or half-width brackets, in either combination, as clerks type them.
const HEADING2 = new RegExp(`^[（(]${CN_NUMBER}[）)]`);
// 1. 1． 1、 — but not a number such as 1.5亿元 that merely starts a sentence.
const HEADING3 = /^\d{1,2}[.．、](?!\d)/;

type TextBlock = Exclude<OfficialBlock, { kind: 'table' }>;

export function classifyLine(line: string): TextBlock['kind'] {
  if (HEADING1.test(line)) return 'heading1';
  if (HEADING2.test(line)) return 'heading2';
  if (HEADING3.test(line)) return 'heading3';
  return 'paragraph';
}

export function parseBodyText(text: string): OfficialBlock[] {
  const blocks: TextBlock[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    // trim() also removes the full-width spaces (U+3000) clerks type to indent a paragraph by hand;
    // the indent is the layout's business.
    const line = raw.trim();
    if (!line) continue;
    blocks.push({ kind: classifyLine(line), text: line });
  }
  return blocks;
}

export function blocksToText(blocks: readonly OfficialBlock[]): string {
  return blocks
    .filter((b): b is TextBlock => b.kind !== 'table')
    .map((b) => b.text.replace(/\s*[\r\n]+\s*/g, ''))
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}
