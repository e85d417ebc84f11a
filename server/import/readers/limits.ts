/** Limits on what an uploaded notice may be; generous for real notices, fatal to abuse. */
export const IMPORT_LIMITS = {
  /** A real notice with five annexes is well under 1 MB as docx/xlsx; scans are not accepted. */
  maxFileBytes: 20 * 1024 * 1024,
  maxZipEntries: 2000,
  /** Sum of the uncompressed sizes of all parts of a docx/xlsx. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Office XML compresses ~10:1; 100:1 and beyond is a zip bomb. */
  maxCompressionRatio: 100,
  maxRows: 200_000,
} as const;
