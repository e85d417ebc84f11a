import path from 'node:path';
import { textToRows, type NoticeRow } from '../../../core/notice';
import { csvToRows } from './csv';
import { docxToRows } from './docx';
import { ImportFileError } from './import-error';
import { IMPORT_LIMITS } from './limits';
import { ofdToRows } from './ofd';
import { imageToRows } from './image';
import { pdfToRows, type ReadProgress } from './pdf';
import { decodeText } from './text';
import { xlsxToRows } from './xlsx';

export type NoticeFile = {
  format: 'text' | 'csv' | 'docx' | 'xlsx' | 'pdf' | 'ofd' | 'image';
  rows: NoticeRow[];
  /** Where a row is in the file, in the words a person uses: 第12行, 表格2第5行, 工作表“附件1”第8行, 第3页第12行. */
  where: (line: number) => string;
};

/**
 * One reader per format, all producing the parser's rows; chosen by extension. `progress` hears
 * of each scanned page before it is recognised (seconds each), so a caller can extend its limits.
 */
export async function readNoticeFile(fileName: string, buf: Buffer, progress: ReadProgress = {}): Promise<NoticeFile> {
  const file = await readByExtension(fileName, buf, progress);
  // NUL is never part of a notice's text (a stray byte from a converter), and PostgreSQL's text
  // cannot hold it: an import with one was a 500 there. Found by the fuzz run (server/fuzz/fixtures/).
  return { ...file, rows: file.rows.map((row) => (row.cells.some((c) => c.includes('\u0000')) ? { ...row, cells: row.cells.map((c) => c.replaceAll('\u0000', '')) } : row)) };
}

async function readByExtension(fileName: string, buf: Buffer, progress: ReadProgress): Promise<NoticeFile> {
  if (buf.length === 0) {
    throw new ImportFileError('IMPORT_FILE_EMPTY', fileName, '文件为空，请选择含有通知正文的文件', 'The file is empty');
  }
  if (buf.length > IMPORT_LIMITS.maxFileBytes) {
    const mb = IMPORT_LIMITS.maxFileBytes / 1048576;
    throw new ImportFileError(
      'IMPORT_FILE_TOO_LARGE',
      fileName,
      `文件超过 ${mb} MB 上限，请删除图片等无关内容后再导入`,
      `The file is over the ${mb} MB limit`,
    );
  }
  const lineWhere = (line: number) => `第${line}行`;
  switch (path.extname(fileName).toLowerCase()) {
    case '.txt':
    case '.tsv':
    case '.text':
      return { format: 'text', rows: textToRows(decodeText(buf, fileName)), where: lineWhere };
    case '.csv':
      return { format: 'csv', rows: csvToRows(decodeText(buf, fileName)), where: lineWhere };
    case '.docx':
      return { format: 'docx', ...(await docxToRows(buf, fileName)) };
    case '.xlsx':
      return { format: 'xlsx', ...(await xlsxToRows(buf, fileName)) };
    case '.pdf':
      return { format: 'pdf', ...(await pdfToRows(buf, fileName, progress)) };
    case '.ofd':
      return { format: 'ofd', ...(await ofdToRows(buf, fileName)) };
    case '.png':
    case '.jpg':
    case '.jpeg':
    case '.tif':
    case '.tiff':
    case '.webp':
      // A photo or scan of the notice: read by OCR, every row marked for confirmation.
      return { format: 'image', ...(await imageToRows(buf, fileName, progress)) };
    default:
      throw new ImportFileError(
        'IMPORT_UNSUPPORTED_TYPE',
        fileName,
        '不支持的文件类型，请上传 Word（.docx）、Excel（.xlsx）、PDF（.pdf）、OFD（.ofd）、CSV、文本（.txt）或扫描图片（.jpg、.png、.tif）文件；旧版 .doc/.xls/.wps 请先另存为 .docx/.xlsx',
        'Unsupported file type: use .docx, .xlsx, .pdf, .ofd, .csv or .txt',
      );
  }
}
