/**
 * GB/T 9704-2012 page geometry in twips (1/20 pt), shared by the Word writer and its tests.
 *
 * A4 portrait; 天头 (top) 37 mm, 订口 (left) 28 mm; type area (版心) 156 mm × 225 mm, which leaves
 * 26 mm on the right and 35 mm at the bottom; 22 lines of 28 characters of 3号 (16 pt) text.
 */
export const mmToTwips = (mm: number) => Math.round(mm * 56.693);

export const PAGE = {
  width: 11906,
  height: 16838,
  top: mmToTwips(37),
  left: mmToTwips(28),
  right: mmToTwips(26),
  bottom: mmToTwips(35),
} as const;

/** 版心 width and height (≈ 156 mm × 225 mm). */
export const TYPE_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TYPE_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Exact line height of the body: 22 lines fill the type area (floor, so the 22nd line still fits). */
export const LINE_PITCH = Math.floor(TYPE_HEIGHT / LINES_PER_PAGE);

/** One body character cell: 28 of them fill the type area's width (≈ 15.8 pt, a little under 16 pt). */
export const CHAR_TWIPS = TYPE_WIDTH / CHARS_PER_LINE;

/** Body size, 3号, in half-points as Word stores sizes. */
export const BODY_SIZE = 32;

/**
 * w:docGrid charSpace: (character pitch − Normal font size) in points × 4096 (ECMA-376 17.6.5).
 * Negative because 28 characters of 16 pt (158 mm) are slightly wider than the 156 mm type area;
 * the grid squeezes each cell to fit, which is how 28 characters per line are met.
 */
export const CHAR_SPACE = Math.round((CHAR_TWIPS / 20 - BODY_SIZE / 2) * 4096);

/**
 * Character spacing (twips, negative = condensed) that puts 28 body characters on a line without the
 * character grid: a 16 pt character is 320 twips, a 28th of the type area is ≈ 315.9. LibreOffice
 * gives a character wider than a grid cell two cells (14 characters a line), so the body runs opt
 * out of the character grid and are condensed instead, which Word and LibreOffice lay out alike.
 * The exact figure (−4) is not enough in LibreOffice, which rounds each glyph's advance up and then
 * fits only 27: 3 twips more (−8, 0.4 pt) fit 28 there, and 29 still do not fit anywhere.
 */
export const BODY_TIGHTEN = Math.floor(CHAR_TWIPS) - BODY_SIZE * 10 - 3;

/** A4 landscape pages for wide tables keep the same margins turned a quarter: type area 225 × 156 mm. */
export const LANDSCAPE_MARGIN = { top: PAGE.left, bottom: PAGE.right, left: PAGE.top, right: PAGE.bottom } as const;
export const LANDSCAPE_TYPE_WIDTH = PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
