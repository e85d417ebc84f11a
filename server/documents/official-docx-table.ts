import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';
import type { OfficialBlock } from '../../core/documents/official-document';
import { FONT } from './official-docx-fonts';
import { LANDSCAPE_TYPE_WIDTH, LINE_PITCH, TYPE_WIDTH } from './official-layout';
import { textWidthChars } from './official-text';

type TableBlock = Extract<OfficialBlock, { kind: 'table' }>;

const latin = (eastAsia: string) => ({ eastAsia, ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin });
const CELL_FONT = latin(FONT.fangsong);
const CAPTION_FONT = latin(FONT.heiti);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const CELL_PADDING = 80; // twips, left and right

/**
 * Column widths in twips from the spec's relative widths (a missing or non-positive one counts as
 * 1), widened where needed so that each header fits on one line (a 序号 column of weight 1 in a
 * wide table would otherwise break 序/号); the other columns give up the difference in proportion.
 */
export function columnWidths(block: TableBlock, width: number, sizePt: number): number[] {
  const weights = block.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const mins = block.columns.map((c) => Math.ceil(textWidthChars(c.header) * sizePt * 20) + 2 * CELL_PADDING + 20);
  const fixed = new Set<number>();
  let widths: number[] = [];
  // A column pinned to its minimum takes width from the others, which may push another below its
  // own minimum: repeat until stable (at most once per column).
  for (let round = 0; round <= weights.length; round++) {
    const free = width - [...fixed].reduce((n, i) => n + mins[i]!, 0);
    const freeWeight = weights.reduce((n, w, i) => (fixed.has(i) ? n : n + w), 0);
    widths = weights.map((w, i) => (fixed.has(i) ? mins[i]! : Math.floor((free * w) / (freeWeight || 1))));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < mins[i]!);
    if (short < 0 || free <= 0) break;
    fixed.add(short);
  }
  return widths;
}

/**
 * A table of an official document: caption (黑体, centred) above, a bold header row repeated on
 * every page, 仿宋 in 4号 (14 pt) or 小四 (12 pt) when the columns are many for the width, single
 * black borders, column widths in proportion to the spec's. Returns the caption, the table and a
 * paragraph after it (Word needs one before a section break, and the text that follows needs air).
 */
export function officialTable(block: TableBlock, orientation: 'portrait' | 'landscape'): FileChild[] {
  const width = orientation === 'landscape' ? LANDSCAPE_TYPE_WIDTH : TYPE_WIDTH;
  const manyColumns = block.columns.length > (orientation === 'landscape' ? 8 : 5);
  const sizePt = manyColumns ? 12 : 14;
  // Cells leave the body's line grid: their own exact leading, and no character grid (which would
  // spread 12–14 pt characters over 16 pt cells).
  const leading = Math.round(sizePt * 20 * 1.3);
  const widths = columnWidths(block, width, sizePt);

  // A column of short values (序号, 状态, figures) reads best centred; one of sentences justified.
  const centred = block.columns.map((_, i) =>
    block.rows.every((r) => (r[i] ?? '').split(/\r?\n/).every((l) => [...l].length <= 6)),
  );

  const cell = (text: string, i: number, header: boolean) => {
    const lines = text.split(/\r?\n/);
    return new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: CELL_PADDING, right: CELL_PADDING, top: 40, bottom: 40 },
      children: lines.map(
        (line) =>
          new Paragraph({
            alignment: header || centred[i] ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            spacing: { line: leading, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            children: [new TextRun({ text: line, font: CELL_FONT, size: sizePt * 2, bold: header, snapToGrid: false })],
          }),
      ),
    });
  };

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.header, i, true)),
  });
  const rows = block.rows.map(
    (r) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(r[i] ?? '', i, false)) }),
  );

  const out: FileChild[] = [];
  if (block.caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ text: block.caption, font: CAPTION_FONT, size: 32, snapToGrid: false })],
      }),
    );
  }
  out.push(
    new Table({
      rows: [header, ...rows],
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: {
        top: BORDER,
        bottom: BORDER,
        left: BORDER,
        right: BORDER,
        insideHorizontal: BORDER,
        insideVertical: BORDER,
      },
    }),
    // On a landscape page this paragraph is a hairline so that a full table does not spill an
    // empty page; in portrait it is the blank line between the table and the text after it.
    new Paragraph({
      spacing: {
        line: orientation === 'landscape' ? 20 : LINE_PITCH,
        lineRule: LineRuleType.EXACT,
        before: 0,
        after: 0,
      },
      children: [],
    }),
  );
  return out;
}
