import sharp from 'sharp';
import type { NoticeRow } from '../../../core/notice';
import { Recogniser } from '../ocr/recogniser';
import { readScannedPage, type ScannedPage } from '../ocr/scan-page';
import { ImportFileError } from './import-error';
import { IMPORT_LIMITS } from './limits';
import { recognitionFailed, rowsOf, scanned, tooComplex, type ReadProgress } from './pdf';

/**
 * A notice photographed or scanned to image files (JPG, PNG, TIFF — a multi-page TIFF is a whole
 * notice): each page recognised by OCR and read like a PDF page, every row marked for confirmation.
 */
export async function imageToRows(buf: Buffer, fileName: string, progress: ReadProgress = {}): Promise<{ rows: NoticeRow[]; where: (line: number) => string }> {
  let pageCount: number;
  try {
    // sharp refuses images over ~268 megapixels by default: a decompression bomb is not decoded.
    const meta = await sharp(buf).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    pageCount = meta.pages ?? 1;
  } catch {
    throw new ImportFileError('IMPORT_FILE_CORRUPT', fileName, '图片已损坏或格式无法识别，请用看图软件打开确认，或重新扫描/拍照后再导入', 'The image is damaged or not a known image format');
  }
  if (pageCount > IMPORT_LIMITS.maxScannedPages) {
    throw tooComplex(fileName, `共 ${pageCount} 页（扫描页上限 ${IMPORT_LIMITS.maxScannedPages} 页）`, `${pageCount} pages`);
  }
  const pages: (ScannedPage & { recognised: true })[] = [];
  const recogniser = new Recogniser();
  try {
    for (let p = 0; p < pageCount; p++) {
      progress.recognising?.(p + 1);
      const page = await readScannedPage(sharp(buf, { page: p }), recogniser).catch((e: unknown) => {
        throw e instanceof ImportFileError ? e : recognitionFailed(fileName, `第${p + 1}页`, e);
      });
      pages.push({ ...page, recognised: true });
    }
  } finally {
    recogniser.close();
  }
  if (pages.every((p) => p.glyphs.length === 0)) throw scanned(fileName, '图片文件');
  return rowsOf(pages, fileName);
}
