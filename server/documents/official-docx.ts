import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  type ISectionOptions,
  type FileChild,
} from 'docx';
import JSZip from 'jszip';
import type { OfficialBlock, OfficialDocument } from '../../core/documents/official-document';
import { declareFontFallbacks, FONT } from './official-docx-fonts';
import { unsnapOffGridParagraphs } from './official-docx-grid';
import { chineseDate, splitRunInHeading, textWidthChars, titleLines } from './official-text';
import { officialTable } from './official-docx-table';
import {
  BODY_SIZE,
  BODY_TIGHTEN,
  CHAR_SPACE,
  CHAR_TWIPS,
  LANDSCAPE_MARGIN,
  LINE_PITCH,
  PAGE,
  TYPE_WIDTH,
  mmToTwips,
} from './official-layout';

export { chineseDate } from './official-text';

/**
 * An official document (公文) as a Word file laid out per GB/T 9704-2012 (党政机关公文格式):
 * 版头 (red issuer mark, document number, red rule), title, addressee, body with its numbered
 * levels, tables, signature and date, 版记, and `— n —` page numbers at the outer bottom corner.
 * Sizes are in half-points (Word's unit for w:sz), distances in twips.
 */

const latin = (eastAsia: string) => ({ eastAsia, ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin });
const BODY_FONT = latin(FONT.fangsong);
const HEI_FONT = latin(FONT.heiti);
const KAI_FONT = latin(FONT.kaiti);
// The title and the mark are set wholly in 小标宋, digits included, as printed documents are.
const XBS_FONT = { eastAsia: FONT.xbs, ascii: FONT.xbs, hAnsi: FONT.xbs, cs: FONT.xbs };
const PAGE_NO_FONT = { eastAsia: FONT.songti, ascii: FONT.songLatin, hAnsi: FONT.songLatin, cs: FONT.songLatin };

const RED = 'FF0000';
const SIZE_4HAO = 28; // 4号 14 pt: page numbers, 版记
const TITLE_SIZE = 44; // 2号 22 pt

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const twoChars = { firstLine: Math.round(2 * CHAR_TWIPS), firstLineChars: 200 };

const blankLine = () => new Paragraph({ spacing: exact(LINE_PITCH), children: [] });

/** A run of 3号 text off the character grid, condensed to 28 characters a line (see official-docx-grid.ts). */
const bodyRun = (text: string, font = BODY_FONT, bold = false) =>
  new TextRun({ text, font, bold, size: BODY_SIZE, characterSpacing: BODY_TIGHTEN, snapToGrid: false });

type Heading = { font: typeof BODY_FONT; bold?: boolean };

/**
 * A body paragraph, or a heading: a heading that runs into its paragraph (（一）标题。正文…) has
 * only its first sentence in the heading's font; a heading on its own line keeps with the next
 * line so it never ends a page. `keepNext` keeps the body's last line with the signature.
 */
function bodyParagraph(text: string, heading?: Heading, keepNext = false): Paragraph {
  const { lead, rest } = heading ? splitRunInHeading(text) : { lead: text, rest: '' };
  const children = [bodyRun(lead, heading?.font ?? BODY_FONT, heading?.bold ?? false)];
  if (rest) children.push(bodyRun(rest));
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: twoChars,
    spacing: exact(LINE_PITCH),
    keepNext: keepNext || (heading !== undefined && !rest),
    // Every page carries its full 22 lines (as 公文 templates set it): a paragraph may leave a
    // single line at the foot or head of a page rather than a short page.
    widowControl: false,
    children,
  });
}

const HEADINGS: Record<Exclude<OfficialBlock['kind'], 'table'>, Heading | undefined> = {
  heading1: { font: HEI_FONT },
  heading2: { font: KAI_FONT },
  // GB/T 9704-2012 7.3.3: the third and fourth levels (1. / （1）) are set in 仿宋 like the body —
  // a bulletin's numbered lists (1. 区发改局：…) read as text, not as bold headings.
  heading3: { font: BODY_FONT },
  paragraph: undefined,
};

/** 发文机关标志 size: as large as 42 pt, smaller so that a long name still fits on one line. */
function issuerMarkSize(mark: string): number {
  const widthPt = TYPE_WIDTH / 20;
  const fit = Math.floor((widthPt * 0.92) / Math.max(1, textWidthChars(mark)));
  return 2 * Math.max(22, Math.min(42, fit));
}

/** 版头: red issuer mark, the document number, and the red rule across the type area (GB/T 9704 7.2). */
function letterhead(doc: OfficialDocument): Paragraph[] {
  if (!doc.issuerMark) return [];
  // The red rule (红色分隔线) is the bottom border of the number line, 4 mm under it (7.2.6); with
  // no number it goes under an empty line so the rule still sits below the mark. The border's
  // spacing and width add to the page, so the two blank lines before the title (7.3.1) give them
  // back and the text below keeps the 22-line rhythm.
  const rule = { style: BorderStyle.SINGLE, color: RED, size: 18, space: 11 };
  const ruleTwips = (rule.space + rule.size / 8) * 20;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // Two lines hold a mark of up to 42 pt.
      spacing: exact(2 * LINE_PITCH),
      children: [
        new TextRun({
          text: doc.issuerMark,
          font: XBS_FONT,
          size: issuerMarkSize(doc.issuerMark),
          color: RED,
          snapToGrid: false,
        }),
      ],
    }),
    // 发文字号 sits two lines under the mark (7.2.4).
    blankLine(),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE_PITCH),
      border: { bottom: rule },
      children: doc.docNumber ? [bodyRun(doc.docNumber)] : [],
    }),
    new Paragraph({ spacing: exact(2 * LINE_PITCH - ruleTwips), children: [] }),
  ];
}

function titleParagraphs(doc: OfficialDocument): Paragraph[] {
  const lines = titleLines(doc.title, Math.floor(TYPE_WIDTH / TITLE_SIZE / 10));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // 22 pt characters need more than one 28.95 pt grid line to breathe: 1.5 lines each.
      spacing: exact(Math.round(1.5 * LINE_PITCH)),
      children: lines.map(
        (text, i) =>
          new TextRun({ text, font: XBS_FONT, size: TITLE_SIZE, break: i > 0 ? 1 : undefined, snapToGrid: false }),
      ),
    }),
    blankLine(),
  ];
}

/**
 * 发文机关署名 and 成文日期 (7.3.5.1): the date right-aligned 右空四字, the signature centred over the
 * date. Word has no "centre over the line below", so the signature's right indent is computed from
 * both widths (digits count half a character); when the signature is longer than the date allows,
 * it keeps two characters to the right and the date moves left to stay centred under it.
 */
function signatureParagraphs(doc: OfficialDocument): Paragraph[] {
  const date = chineseDate(doc.date);
  const sigW = textWidthChars(doc.signature);
  const dateW = textWidthChars(date);
  const centreFromRight = Math.max(4 + dateW / 2, 2 + sigW / 2);
  const line = (text: string, rightChars: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR_TWIPS) },
      spacing: exact(LINE_PITCH),
      keepNext: true,
      children: [bodyRun(text)],
    });
  // The blank line keeps with the signature too: the signature and date never stand on a page
  // without body text (GB/T 9704 7.3.5 rules out a 此页无正文 page).
  const gap = new Paragraph({ spacing: exact(LINE_PITCH), keepNext: true, children: [] });
  return [gap, line(doc.signature, centreFromRight - sigW / 2), line(date, centreFromRight - dateW / 2)];
}

/**
 * 版记 (7.4): 抄送 and 印发机关 + 印发日期 in 4号 仿宋 between rules: thick (0.35 mm) first and last,
 * thin (0.25 mm) between. Placed after the body rather than pinned to the last line of the last
 * page, which would take a floating table that Word and LibreOffice position differently.
 */
function imprint(doc: OfficialDocument): Paragraph[] {
  if (!doc.copyTo && !doc.printedBy) return [];
  const oneChar = 20 * 14; // one 4号 character
  const thick = { style: BorderStyle.SINGLE, color: '000000', size: 8, space: 4 };
  const thin = { style: BorderStyle.SINGLE, color: '000000', size: 6, space: 4 };
  const run = (text: string) => new TextRun({ text, font: BODY_FONT, size: SIZE_4HAO, snapToGrid: false });
  const out: Paragraph[] = [blankLine()];
  if (doc.copyTo) {
    // 回行时与冒号后的首字对齐: hang the lines after the first by the width of 抄送：.
    out.push(
      new Paragraph({
        indent: { left: 4 * oneChar, hanging: 3 * oneChar, right: oneChar },
        spacing: exact(LINE_PITCH),
        keepNext: true,
        border: { top: thick, bottom: doc.printedBy ? thin : thick },
        children: [run(`抄送：${doc.copyTo}`)],
      }),
    );
  }
  if (doc.printedBy) {
    out.push(
      new Paragraph({
        indent: { left: oneChar, right: oneChar },
        spacing: exact(LINE_PITCH),
        // Tab positions count from the type area's left edge in Word (and in LibreOffice for .docx).
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - oneChar }],
        border: doc.copyTo ? { bottom: thick } : { top: thick, bottom: thick },
        children: [
          run(doc.printedBy),
          new TextRun({ text: '\t', size: SIZE_4HAO, snapToGrid: false }),
          run(`${chineseDate(doc.date)}印发`),
        ],
      }),
    );
  }
  return out;
}

/**
 * Page numbers (7.5): `— n —` in 4号 半角宋体, odd pages at the right with one character to the
 * edge, even pages at the left with one character, so the number is always on the outer edge of
 * a double-sided print. The dash line's top is 7 mm under the type area: the footer's bottom is
 * then the bottom margin − 7 mm − the footer line's height from the page edge (≈ 22 mm in portrait).
 */
const FOOTER_LINE = 320; // exact 16 pt for a 14 pt line
const footerDistance = (bottomMargin: number) => bottomMargin - mmToTwips(7) - FOOTER_LINE;

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = 20 * 14;
  const run = (text: string) => new TextRun({ text, font: PAGE_NO_FONT, size: SIZE_4HAO });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: exact(FOOTER_LINE),
        children: [
          run('— '),
          new TextRun({ children: [PageNumber.CURRENT], font: PAGE_NO_FONT, size: SIZE_4HAO }),
          run(' —'),
        ],
      }),
    ],
  });
}

function section(children: FileChild[], orientation: 'portrait' | 'landscape'): ISectionOptions {
  const landscape = orientation === 'landscape';
  const margin = landscape ? LANDSCAPE_MARGIN : PAGE;
  return {
    properties: {
      page: {
        // The docx package swaps width and height itself for a landscape page.
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: margin.top,
          left: margin.left,
          right: margin.right,
          bottom: margin.bottom,
          header: mmToTwips(15),
          footer: footerDistance(margin.bottom),
        },
      },
      // 22 lines × 28 characters (GB/T 9704 5.2.2). Landscape table pages keep the line grid only.
      grid: landscape
        ? { type: 'lines', linePitch: LINE_PITCH }
        : { type: 'linesAndChars', linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
    },
    // Each section names its footers so landscape pages number like the rest (numbers continue).
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

function buildSections(doc: OfficialDocument): ISectionOptions[] {
  const sections: ISectionOptions[] = [];
  let current: FileChild[] = [...letterhead(doc), ...titleParagraphs(doc)];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  // GB/T 9704 allows a table on landscape pages (横排表格): a run of tables gets one landscape
  // section (no empty portrait page between two tables), and text after it goes back to portrait.
  const turn = (to: 'portrait' | 'landscape') => {
    if (to === orientation) return;
    if (current.length > 0) sections.push(section(current, orientation));
    current = [];
    orientation = to;
  };
  if (doc.addressee) current.push(new Paragraph({ spacing: exact(LINE_PITCH), children: [bodyRun(doc.addressee)] }));
  doc.blocks.forEach((block, i) => {
    if (block.kind !== 'table') {
      turn('portrait');
      current.push(bodyParagraph(block.text, HEADINGS[block.kind], i === doc.blocks.length - 1));
      return;
    }
    if (doc.landscapeTables) turn('landscape');
    current.push(...officialTable(block, orientation));
  });
  // The signature and date follow the last table on its page rather than alone on a portrait page.
  current.push(...signatureParagraphs(doc), ...imprint(doc));
  sections.push(section(current, orientation));
  return sections;
}

export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title.replace(/\s+/g, ''),
    creator: 'Duban 督办',
    // Different footers on odd and even pages (the page number on the outer edge).
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact(LINE_PITCH) },
        },
      },
      // The grid's charSpace is relative to the Normal style's size, and LibreOffice reads that size
      // from the Normal style itself (not the document defaults): without it, it assumes 12 pt and
      // gives every 16 pt character two cells.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: BODY_FONT, size: BODY_SIZE },
          paragraph: { spacing: exact(LINE_PITCH) },
        },
      ],
    },
    sections: buildSections(doc),
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  await declareFontFallbacks(zip);
  await unsnapOffGridParagraphs(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
