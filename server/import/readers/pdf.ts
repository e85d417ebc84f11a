import { createRequire } from 'node:module';
import path from 'node:path';
import type { NoticeRow } from '../../../core/notice';
import { ImportFileError } from './import-error';
import { explode, layoutRows, type Glyph, type LayoutPage, type Rule } from './layout-lines';
import { IMPORT_LIMITS } from './limits';
import { Recogniser } from '../ocr/recogniser';
import { scanImageOf } from '../ocr/pdf-image';
import { readScannedPage } from '../ocr/scan-page';

/**
 * Reads a PDF notice with pdf.js: every text item with its position, and the table rules drawn on
 * each page, rebuilt into rows by layout-lines.ts. A page without text that is a picture (a scan)
 * is read by OCR (../ocr/): its text boxes and the borders seen in its pixels take the place of
 * text items and drawn rules, and its rows are marked as recognised for a person to confirm.
 */

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
// Loaded on first use: pdf.js is large and most imports are Word or Excel files.
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

// pdf.js's operator numbers (OPS) and path drawing codes (DrawOPS), stable across 5.x.
const OP = { save: 10, restore: 11, transform: 12, constructPath: 91 } as const;
const STROKES = new Set([20, 21, 24, 25, 26, 27]);
const FILLS = new Set([22, 23, 24, 25, 26, 27]);
/** paintImageXObject, paintInlineImageXObject and their group/repeat forms: a page that is a picture. */
const IMAGES = new Set([85, 86, 87, 88]);
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The straight lines a page draws (table borders), in PDF user space: strokes, and thin filled rectangles. */
function rulesOf(fnArray: number[], argsArray: unknown[]): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OP.save) stack.push(ctm);
    else if (fn === OP.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OP.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OP.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || !(STROKES.has(paint) || FILLS.has(paint))) continue;
      const points: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < data.length; ) {
        const code = data[k++];
        if (code === DRAW.moveTo) {
          if (current.length) points.push(current);
          current = [apply(ctm, data[k]!, data[k + 1]!)];
          k += 2;
        } else if (code === DRAW.lineTo) {
          current.push(apply(ctm, data[k]!, data[k + 1]!));
          k += 2;
        } else if (code === DRAW.curveTo) {
          current.push([NaN, NaN]);
          k += 6;
        } else if (code === DRAW.quadraticCurveTo) {
          current.push([NaN, NaN]);
          k += 4;
        } else if (code === DRAW.closePath) {
          if (current.length) current.push(current[0]!);
        } else break;
      }
      if (current.length) points.push(current);
      for (const poly of points) {
        if (poly.some(([x]) => Number.isNaN(x))) continue;
        if (STROKES.has(paint)) {
          for (let k = 1; k < poly.length; k++) rules.push({ x1: poly[k - 1]![0], y1: poly[k - 1]![1], x2: poly[k]![0], y2: poly[k]![1] });
        }
        if (FILLS.has(paint) && poly.length >= 4) {
          // A thin filled rectangle is a rule drawn as a box (Word's way of drawing borders).
          const xs = poly.map(([x]) => x);
          const ys = poly.map(([, y]) => y);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= 2 && x1 - x0 > 3) rules.push({ x1: x0, y1: (y0 + y1) / 2, x2: x1, y2: (y0 + y1) / 2 });
          else if (x1 - x0 <= 2 && y1 - y0 > 3) rules.push({ x1: (x0 + x1) / 2, y1: y0, x2: (x0 + x1) / 2, y2: y1 });
        }
      }
    }
  }
  return rules;
}

type TextItemLike = { str?: string; transform?: number[]; width?: number; dir?: string };

function corrupt(fileName: string, where?: string) {
  return new ImportFileError(
    'IMPORT_FILE_CORRUPT',
    fileName,
    '文件已损坏或不是有效的 PDF，请用 PDF 阅读器打开确认，或向发文单位索取 Word（.docx）、OFD 或重新导出的 PDF 版本',
    'The file is damaged or not a valid PDF',
    where,
  );
}

export function tooComplex(fileName: string, what: string, en: string) {
  return new ImportFileError(
    'IMPORT_FILE_TOO_COMPLEX',
    fileName,
    `文件${what}，超出导入允许的范围，已拒绝导入；请只保留通知正文和附件表格后再导入`,
    `The file is beyond the import limits: ${en}`,
  );
}

/** A scan whose pictures gave no text (blank, too small or too faint, or not a document). */
export function scanned(fileName: string, where: string) {
  return new ImportFileError(
    'IMPORT_SCANNED_PDF',
    fileName,
    '这是扫描件（图片），未能从中识别出文字（图片空白、过小或过淡）；请重新扫描（200 dpi 以上、字迹清晰、页面端正）后再导入，或向发文单位索取可复制文字的 PDF、OFD 或 Word 版本',
    'The document is a scan (images only) and no text could be recognised in it; rescan it at 200 dpi or more, or ask for a PDF/OFD/Word with text',
    where,
  );
}

/** The recogniser failed on a page (its process ended: out of memory, a native crash). */
export function recognitionFailed(fileName: string, where: string, cause: unknown) {
  return new ImportFileError(
    'IMPORT_SCANNED_PDF',
    fileName,
    '扫描件识别文字时出错（识别程序意外停止），请稍后重试；如仍出错，请重新扫描（200 dpi、黑白）后再导入，或向发文单位索取可复制文字的版本',
    `Recognising the scan failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    where,
  );
}

/** An OFD page that is a picture: OFD scans are not recognised (only PDF and image files are). */
export function scannedOfd(fileName: string, where: string) {
  return new ImportFileError(
    'IMPORT_SCANNED_PDF',
    fileName,
    '这是扫描件（图片），OFD 格式的扫描件暂不能自动识别；请另存为 PDF 或图片（JPG、PNG）后导入，或向发文单位索取可复制文字的 OFD、PDF 或 Word 版本',
    'The OFD is a scan (images only); scanned OFD is not recognised: save it as PDF or images, or ask for a version with text',
    where,
  );
}

/** Rejects after `ms` — pdf.js works asynchronously, so a hostile page cannot hold the import forever. */
function withDeadline<T>(work: Promise<T>, deadline: number, onTimeout: () => Error): Promise<T> {
  const ms = deadline - Date.now();
  if (ms <= 0) return Promise.reject(onTimeout());
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * A page as positioned glyphs and rules (top-left origin, points), how many pictures it paints, and
 * whether its text was recognised from its scan.
 */
export type PdfPage = LayoutPage & { images: number; recognised?: boolean };

/** What a reader tells its caller while it works: a scanned page is about to be recognised (slow). */
export type ReadProgress = { recognising?: (page: number) => void };

/**
 * The pages of a PDF. With `scans`, a page that is only a picture is recognised (OCR); without,
 * it is returned empty and the caller decides.
 */
export async function pdfPages(buf: Buffer, fileName: string, scans?: ReadProgress): Promise<PdfPage[]> {
  if (!buf.subarray(0, 1024).includes('%PDF-')) throw corrupt(fileName);
  const { getDocument } = await loadPdfJs();
  let deadline = Date.now() + IMPORT_LIMITS.maxReadMs;
  // Started at the first scanned page, ended with the reading (ocr/recogniser.ts).
  let recogniser: Recogniser | null = null;
  const timeout = () => tooComplex(fileName, `读取超过 ${IMPORT_LIMITS.maxReadMs / 1000} 秒`, `reading took over ${IMPORT_LIMITS.maxReadMs / 1000} s`);
  const task = getDocument({
    data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).slice(),
    cMapUrl: `${pdfjsDir}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
  });
  try {
    let doc;
    try {
      doc = await withDeadline(task.promise, deadline, timeout);
    } catch (e) {
      if (e instanceof ImportFileError) throw e;
      if ((e as { name?: string }).name === 'PasswordException') {
        throw new ImportFileError(
          'IMPORT_FILE_ENCRYPTED',
          fileName,
          '该 PDF 设置了打开密码，请取消密码后再导入，或向发文单位索取未加密的版本',
          'The PDF is password-protected',
        );
      }
      throw corrupt(fileName);
    }
    if (doc.numPages > IMPORT_LIMITS.maxPages) {
      throw tooComplex(fileName, `共 ${doc.numPages} 页（上限 ${IMPORT_LIMITS.maxPages} 页）`, `${doc.numPages} pages`);
    }
    const pages: PdfPage[] = [];
    let glyphCount = 0;
    let recognised = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const where = `第${p}页`;
      const page = await withDeadline(doc.getPage(p), deadline, timeout).catch((e: unknown) => {
        throw e instanceof ImportFileError ? e : corrupt(fileName, where);
      });
      const viewport = page.getViewport({ scale: 1 });
      const [content, ops] = await withDeadline(Promise.all([page.getTextContent(), page.getOperatorList()]), deadline, timeout).catch((e: unknown) => {
        throw e instanceof ImportFileError ? e : corrupt(fileName, where);
      });
      const glyphs: Glyph[] = [];
      for (const item of content.items as TextItemLike[]) {
        const t = item.transform;
        if (!item.str || !t || item.str.trim() === '') continue;
        const size = Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!);
        // Only horizontal text; a rotated stamp or side note is not part of the notice's rows.
        if (Math.abs(t[1]!) > 0.01 * size || Math.abs(t[2]!) > 0.01 * size || !(size > 0)) continue;
        const [x, y] = viewport.convertToViewportPoint(t[4]!, t[5]!) as [number, number];
        glyphs.push(...explode(item.str, x, y, item.width ?? 0, size));
      }
      glyphCount += glyphs.length;
      if (glyphCount > IMPORT_LIMITS.maxGlyphs) throw tooComplex(fileName, `文字过多（超过 ${IMPORT_LIMITS.maxGlyphs} 字）`, `over ${IMPORT_LIMITS.maxGlyphs} characters`);
      const rules = rulesOf(ops.fnArray, ops.argsArray).map((r) => {
        const [x1, y1] = viewport.convertToViewportPoint(r.x1, r.y1) as [number, number];
        const [x2, y2] = viewport.convertToViewportPoint(r.x2, r.y2) as [number, number];
        return { x1, y1, x2, y2 };
      });
      if (rules.length > IMPORT_LIMITS.maxRulesPerPage) throw tooComplex(fileName, `第${p}页的线条过多`, `page ${p} draws over ${IMPORT_LIMITS.maxRulesPerPage} lines`);
      const images = ops.fnArray.filter((fn) => IMAGES.has(fn)).length;
      if (scans && glyphs.length === 0 && images > 0) {
        if (++recognised > IMPORT_LIMITS.maxScannedPages) {
          throw tooComplex(fileName, `扫描页超过 ${IMPORT_LIMITS.maxScannedPages} 页`, `over ${IMPORT_LIMITS.maxScannedPages} scanned pages`);
        }
        // A page the viewer turns (/Rotate) is read turned the same way, as a person sees it.
        const image = scanImageOf(page, ops.fnArray, ops.argsArray)?.rotate(page.rotate % 360) ?? null;
        if (!image) throw scanned(fileName, where);
        // Recognising a page takes seconds: each one extends the reading's deadline by its own budget.
        deadline += IMPORT_LIMITS.maxRecognisePageMs;
        scans.recognising?.(p);
        recogniser ??= new Recogniser();
        const read = await withDeadline(readScannedPage(image, recogniser, viewport.width), deadline, timeout).catch((e: unknown) => {
          throw e instanceof ImportFileError ? e : recognitionFailed(fileName, where, e);
        });
        pages.push({ width: read.width, height: read.height, glyphs: read.glyphs, rules: read.rules, images, recognised: true });
        page.cleanup();
        continue;
      }
      pages.push({ width: viewport.width, height: viewport.height, glyphs, rules, images });
      page.cleanup();
    }
    return pages;
  } finally {
    void task.destroy();
    recogniser?.close();
  }
}

/** Rows of a PDF notice; `where` says 第3页第12行. Rows from a scanned page are marked `ocr`. */
export async function pdfToRows(buf: Buffer, fileName: string, progress: ReadProgress = {}): Promise<{ rows: NoticeRow[]; where: (line: number) => string }> {
  const pages = await pdfPages(buf, fileName, progress);
  // A scanned page whose picture held no text at all (a blank scan, a photo): nothing was read.
  if (pages.every((p) => p.glyphs.length === 0)) throw scanned(fileName, `共${pages.length}页`);
  return rowsOf(pages, fileName);
}

/** The rows of laid-out pages, with 第N页第M行 places; a recognised page's rows are marked `ocr`. */
export function rowsOf(pages: (LayoutPage & { recognised?: boolean })[], fileName: string): { rows: NoticeRow[]; where: (line: number) => string } {
  const laid = layoutRows(pages);
  if (laid.length > IMPORT_LIMITS.maxRows) throw tooComplex(fileName, `超过 ${IMPORT_LIMITS.maxRows} 行`, `over ${IMPORT_LIMITS.maxRows} rows`);
  const rows = laid.map((r, i) => ({ line: i + 1, cells: r.cells, ...(pages[r.page - 1]?.recognised ? { ocr: true } : {}) }));
  return { rows, where: (line) => (laid[line - 1] ? `第${laid[line - 1]!.page}页第${laid[line - 1]!.line}行` : `第${line}行`) };
}
