/** Limits on what an uploaded notice may be; generous for real notices, fatal to abuse. */
export const IMPORT_LIMITS = {
  /** A real notice with five annexes is well under 1 MB as docx/xlsx; a 46-page scan is ~10 MB. */
  maxFileBytes: 20 * 1024 * 1024,
  maxZipEntries: 2000,
  /** Sum of the uncompressed sizes of all parts of a docx/xlsx. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Office XML compresses ~10:1; 100:1 and beyond is a zip bomb. */
  maxCompressionRatio: 100,
  maxRows: 200_000,
  /** PDF/OFD: a notice with its annexes is tens of pages; a 500-page file is not a notice. */
  maxPages: 500,
  /** PDF/OFD: characters over all pages (the seed's 46 pages hold ~25,000). */
  maxGlyphs: 2_000_000,
  /** PDF: drawn lines on one page (table borders are a few hundred). */
  maxRulesPerPage: 50_000,
  /** PDF/OFD: the whole reading, so a hostile file cannot hold an import. */
  maxReadMs: 60_000,
  /** Scanned pages read by OCR in one notice (a notice with its annexes is tens of pages). */
  maxScannedPages: 60,
  /** Time allowed per scanned page on top of maxReadMs (one page takes 4–9 s on one core). */
  maxRecognisePageMs: 30_000,
} as const;
