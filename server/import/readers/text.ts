import { ImportFileError } from './import-error';

/**
 * Decodes a text file the way notices arrive: UTF-8 with or without BOM, UTF-16 with BOM, or the
 * GBK/GB18030 that Chinese Windows tools still write. UTF-8 is tried strictly first; a file that
 * is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312).
 */
export function decodeText(buf: Buffer, fileName: string): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // not UTF-8: fall through to GB18030
  }
  const text = new TextDecoder('gb18030').decode(buf);
  // Binary content decodes to many replacement and control characters: refuse it clearly.
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const bad = (text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (bad > Math.max(10, text.length / 100)) {
    throw new ImportFileError(
      'IMPORT_TEXT_ENCODING',
      fileName,
      '文件不是可识别的文本（既不是 UTF-8 也不是 GBK/GB18030 编码），请另存为 UTF-8 文本或 Word/Excel 文件后再导入',
      'The file is not readable text (neither UTF-8 nor GBK/GB18030); save it as UTF-8 text, Word or Excel and retry',
    );
  }
  return text;
}
