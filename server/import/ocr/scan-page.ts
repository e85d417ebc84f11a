/**
 * A scanned page as the table reader's input (layout-lines.ts): the recognised text boxes as
 * positioned glyphs and the borders found in the pixels as rules, in points with the origin at the
 * top left — the same shape a PDF with a text layer gives, so a scan's rows are rebuilt by the same
 * code as the .pdf's and the .docx's.
 */
import sharp from 'sharp';
import { explode, type Glyph, type LayoutPage } from '../readers/layout-lines';
import type { Recogniser } from './recogniser';
import { rulesOf, skewOf, type Gray } from './rules';

/** A4's width in points: an image file (a photo, a TIFF from a scanner) is taken as an A4 page. */
const A4_WIDTH = 595.3;
/**
 * The width pages are read at, in pixels (about 200 dpi on A4). Less loses small print; more
 * costs memory (the detector's maps grow with the area: ~1.1 GB at this size) and time.
 */
const READ_WIDTH = 1650;
/** A tilt below this (0.1°) is left alone: rotating resamples the whole page. */
const MIN_SKEW = 0.0017;
const TRAILING_MARK = /[。，、；：！？）》」』】〕”’]$/u;

/** The page as greyscale pixels at the reading width, straightened. */
async function straightened(image: sharp.Sharp): Promise<Gray> {
  const gray = async (img: sharp.Sharp): Promise<Gray> => {
    const { data, info } = await img.greyscale().raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  };
  const page = await gray(image.clone().resize({ width: READ_WIDTH }).flatten({ background: '#ffffff' }));
  const skew = skewOf(page);
  if (Math.abs(skew) < MIN_SKEW) return page;
  const upright = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } }).rotate((-skew * 180) / Math.PI, { background: '#ffffff' });
  return gray(upright);
}

export type ScannedPage = LayoutPage & { characters: number; lowConfidence: number };

/**
 * Reads one scanned page with the document's recogniser. `pageWidth` is the page's width in points
 * (a PDF page's), or A4's for an image file; the page's height follows from the image's proportions.
 */
export async function readScannedPage(image: sharp.Sharp, recogniser: Recogniser, pageWidth = A4_WIDTH): Promise<ScannedPage> {
  const page = await straightened(image);
  const scale = pageWidth / page.width;
  const boxes = await recogniser.recognise(page);
  // The box's height is about the font size, but it varies with what the line holds (「一」 is
  // flat, 「（」 tall): heights near the page's usual one are the body size, so the lines of a
  // paragraph keep one size and are joined again; a title's bigger size stays its own.
  const heights = boxes.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)] ?? 0;
  const glyphs: Glyph[] = [];
  let lowConfidence = 0;
  for (const box of boxes) {
    const h = box.y1 - box.y0;
    const size = (Math.abs(h / usual - 1) < 0.3 ? usual : h) * scale;
    // The box hugs the ink; a full-width mark at the end (「。」「，」) inks only its left half, and
    // the line-wrap test measures advances, so the mark's right half is given back.
    const tail = TRAILING_MARK.test(box.text) ? 0.5 * size : 0;
    glyphs.push(...explode(box.text, box.x0 * scale, (box.y1 - 0.15 * h) * scale, (box.x1 - box.x0) * scale + tail, size));
    if (box.confidence < 0.9) lowConfidence += [...box.text].length;
  }
  const rules = rulesOf(page).map((r) => ({ x1: r.x1 * scale, y1: r.y1 * scale, x2: r.x2 * scale, y2: r.y2 * scale }));
  return { width: pageWidth, height: page.height * scale, glyphs, rules, characters: glyphs.length, lowConfidence };
}
