/**
 * Why a file could not be read, said so that an office clerk knows what to do: what is wrong,
 * where (file, and line / cell / part where it applies), and how to fix it.
 */
export type ImportFileErrorCode =
  | 'IMPORT_FILE_EMPTY'
  | 'IMPORT_FILE_TOO_LARGE'
  | 'IMPORT_UNSUPPORTED_TYPE'
  | 'IMPORT_FILE_CORRUPT'
  | 'IMPORT_FILE_ENCRYPTED'
  | 'IMPORT_ZIP_BOMB'
  | 'IMPORT_XML_ENTITIES'
  | 'IMPORT_TEXT_ENCODING'
  | 'IMPORT_FILE_TOO_COMPLEX'
  | 'IMPORT_SCANNED_PDF';

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    readonly fileName: string,
    readonly zh: string,
    readonly en: string,
    readonly where?: string,
  ) {
    super(`${fileName}${where ? ` (${where})` : ''}: ${en}`);
    this.name = 'ImportFileError';
  }
}
