/**
 * The picture a scanned PDF page is: a scanner or a phone app writes each page as one image over
 * the whole page. pdf.js has decoded it (JPEG, JBIG2, CCITT fax, Flate…) by the time the page's
 * operator list is built; this takes the largest image the page paints as greyscale pixels.
 */
import sharp from 'sharp';

// pdf.js's operators that paint an image (plain, inline, and their mask/repeat forms) and its pixel kinds.
const PAINT_XOBJECT = 85;
const PAINT_INLINE = 86;
const KIND = { gray1bpp: 1, rgb: 2, rgba: 3 } as const;

type PdfImage = { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray };
type PageObjects = { objs: { get(id: string): unknown }; commonObjs: { get(id: string): unknown } };

function imageOf(page: PageObjects, fn: number, arg: unknown): PdfImage | null {
  try {
    if (fn === PAINT_INLINE) return arg as PdfImage;
    const id = String(arg);
    return (id.startsWith('g_') ? page.commonObjs.get(id) : page.objs.get(id)) as PdfImage;
  } catch {
    return null; // an image pdf.js could not decode: the page is then refused as unreadable
  }
}

/** Greyscale bytes of a decoded pdf.js image, or null for a kind it does not hand out as pixels. */
function grayOf(img: PdfImage): Uint8Array | null {
  const { width, height, kind, data } = img;
  if (!data || !(width > 0) || !(height > 0)) return null;
  const out = new Uint8Array(width * height);
  if (kind === KIND.gray1bpp) {
    // One bit per pixel, rows padded to whole bytes; a set bit is white (pdf.js has applied /Decode).
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return out;
  }
  const channels = kind === KIND.rgb ? 3 : kind === KIND.rgba ? 4 : 0;
  if (!channels || data.length < width * height * channels) return null;
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    out[i] = (data[p]! * 299 + data[p + 1]! * 587 + data[p + 2]! * 114) / 1000;
  }
  return out;
}

/** The page's largest painted image (its scan), ready for the recogniser, or null when it has none to read. */
export function scanImageOf(page: PageObjects, fnArray: number[], argsArray: unknown[]): sharp.Sharp | null {
  let best: PdfImage | null = null;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    if (fn !== PAINT_XOBJECT && fn !== PAINT_INLINE) continue;
    const img = imageOf(page, fn, (argsArray[i] as unknown[])[0]);
    if (img && (!best || img.width * img.height > best.width * best.height)) best = img;
  }
  // A stamp or a logo is not a page of text: a scan is at least ~100 dpi across an A4 page.
  if (!best || best.width < 800) return null;
  const gray = grayOf(best);
  if (!gray) return null;
  return sharp(gray, { raw: { width: best.width, height: best.height, channels: 1 } });
}
