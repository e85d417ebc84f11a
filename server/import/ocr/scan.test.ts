import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNoticeRows, type DirectoryEntry, type NoticeRow } from '../../../core/notice';
import { scannedPdf } from '../fixtures/minimal-pdf';
import { ParsePool } from '../parse-pool';
import { layoutRows } from '../readers/layout-lines';
import { pdfPages } from '../readers/pdf';
import { readNoticeFile } from '../readers/read-notice-file';

/**
 * Issue 16, scanned notices: the seed's first two pages scanned at 200 dpi (clean, and worn: tilted
 * 0.8°, grey paper, speckle, blur; scripts/make-scan-fixtures.ts) are recognised by OCR and rebuilt
 * into the rows the seed's text-layer PDF gives for the same pages; every task read from them has
 * every cell marked for a person's confirmation.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCANS = path.join(ROOT, 'server/import/fixtures/scans');
const read = (name: string) => readNoticeFile(name, fs.readFileSync(path.join(SCANS, name)));

/** Characters right, as 1 − edit distance / length, over the rows' text without spaces. */
function accuracy(truth: string, got: string): number {
  const a = [...truth.replace(/\s/g, '')];
  const b = [...got.replace(/\s/g, '')];
  let prev = new Uint32Array(b.length + 1).map((_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Uint32Array(b.length + 1);
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[b.length]! / a.length;
}
const text = (rows: { cells: string[] }[]) => rows.map((r) => r.cells.join('\t')).join('\n');
/** The leaders' and units' cells of the table rows (序号 | 目标名称 | 工作标准 | 分管区领导 | 责任单位). */
const roles = (rows: { cells: string[] }[]) => rows.filter((r) => r.cells.length === 5).map((r) => [r.cells[3], r.cells[4]]);

/** This process's OCR children still running (ocr/recogniser.ts starts one per scanned document). */
const ocrProcesses = () =>
  execFileSync('ps', ['-eo', 'ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('ocr-child-entry') && Number(l.trim().split(/\s+/)[0]) === process.pid);

/** The JPEGs the clean scan's pages are, as a scanner wrote them. */
function scannedJpegs(): Buffer[] {
  const pdf = fs.readFileSync(path.join(SCANS, 'seed-pages-1-2-scan.pdf'));
  const jpegs: Buffer[] = [];
  for (let at = pdf.indexOf('/DCTDecode'); at >= 0; at = pdf.indexOf('/DCTDecode', at + 1)) {
    const start = pdf.indexOf(Buffer.from([0xff, 0xd8, 0xff]), at);
    jpegs.push(pdf.subarray(start, pdf.indexOf('endstream', start)));
  }
  return jpegs;
}

let truth: { cells: string[] }[];
let clean: NoticeRow[];
beforeAll(async () => {
  const pages = await pdfPages(fs.readFileSync(path.join(ROOT, 'data/demo/xinzhou-2024-notice.pdf')), 'seed.pdf');
  truth = layoutRows(pages.slice(0, 2));
  clean = (await read('seed-pages-1-2-scan.pdf')).rows;
}, 120_000);

describe('a scanned notice read by OCR', () => {
  it('rebuilds the clean scan into the text-layer PDF’s rows: every table row, leaders and units word for word', () => {
    expect(clean).toHaveLength(truth.length);
    expect(clean.every((r) => r.ocr)).toBe(true);
    expect(roles(clean)).toEqual(roles(truth));
    expect(roles(clean).length).toBeGreaterThanOrEqual(9);
    expect(accuracy(text(truth), text(clean))).toBeGreaterThan(0.99);
  });

  it('reads a worn, tilted scan: the same rows and units, ≥ 98% of all characters right', async () => {
    const worn = (await read('seed-pages-1-2-worn-scan.pdf')).rows;
    expect(worn).toHaveLength(truth.length);
    // Speckle and blur hide some of the narrow spaces between names in a cell (「区科经局区商务局」).
    const squeezed = (rows: { cells: string[] }[]) => roles(rows).map((pair) => pair.map((c) => c!.replace(/\s/g, '')));
    expect(squeezed(worn)).toEqual(squeezed(truth));
    expect(accuracy(text(truth), text(worn))).toBeGreaterThan(0.98);
    // As an import does (parse-worker.ts), the units are read against the directory, which takes
    // names run together apart again (core/notice/units.ts): every task gets the seed's units.
    const parse = (rows: { cells: string[] }[], unitDirectory?: DirectoryEntry[]) =>
      parseNoticeRows(rows.map((r, i) => ({ line: i + 1, cells: r.cells })), { fileName: 'seed.pdf', unitDirectory });
    const directory = parse(truth).directories.units;
    const units = (rows: { cells: string[] }[]) => parse(rows, directory).annexes.flatMap((a) => a.tasks.map((t) => t.units));
    expect(units(worn)).toEqual(units(truth));
  }, 120_000);

  it('marks every cell of every task read from a scan for confirmation, and counts them', () => {
    const fromScan = parseNoticeRows(clean, { fileName: 'scan.pdf' });
    const fromText = parseNoticeRows(
      truth.map((r, i) => ({ line: i + 1, cells: r.cells })),
      { fileName: 'seed.pdf' },
    );
    const tasks = fromScan.annexes.flatMap((a) => a.tasks);
    expect(tasks.map((t) => t.units)).toEqual(fromText.annexes.flatMap((a) => a.tasks).map((t) => t.units));
    expect(tasks.length).toBeGreaterThanOrEqual(10);
    expect(fromScan.stats.recognisedTasks).toBe(tasks.length);
    for (const t of tasks) {
      expect(t.uncertain).toBe(true);
      expect(t.uncertainFields).toEqual(['standard', 'leaders', 'units', 'deadline', 'category', 'indicators']);
    }
    expect(fromText.stats.recognisedTasks).toBeUndefined();
  });

  it('reads a photographed page given as an image file (PNG)', async () => {
    // The scan's second page, taken out of the PDF as the JPEG a scanner wrote, saved as PNG.
    const png = await sharp(scannedJpegs()[1]!).png().toBuffer();
    const file = await readNoticeFile('通知第2页.png', png);
    expect(file.format).toBe('image');
    expect(file.rows.every((r) => r.ocr)).toBe(true);
    expect(roles(file.rows)).toContainEqual(['邓辉 张晓茵 肖新锋', '区住房和城乡建设局 区教育局 区民政局 区农业农村局 区文化和旅游发展局']);
    expect(file.where(1)).toBe('第1页第1行');
    // The document read, its OCR process is gone (its memory back with the system).
    await expect.poll(() => ocrProcesses(), { timeout: 5_000 }).toEqual([]);
  }, 120_000);

  it('runs in the parse pool’s worker, whose time limit grows by a budget per scanned page', async () => {
    // A limit of 5 s would stop two pages of OCR (about 12 s); each page announced extends it.
    const pool = new ParsePool({ workers: 1, queueLimit: 1, timeoutMs: 5_000, memoryMb: 1024 });
    try {
      const { format, parsed } = await pool.parse({ fileName: '扫描件.pdf', content: fs.readFileSync(path.join(SCANS, 'seed-pages-1-2-scan.pdf')), units: [], leaders: [] });
      expect(format).toBe('pdf');
      expect(parsed.stats.tasks).toBeGreaterThanOrEqual(10);
      expect(parsed.stats.recognisedTasks).toBe(parsed.stats.tasks);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('reads a page stored turned, as the viewer shows it (/Rotate 90)', async () => {
    // Page 2 stored a quarter-turn anticlockwise in a landscape page that the viewer turns back.
    const { data, info } = await sharp(scannedJpegs()[1]!).rotate(-90).jpeg({ quality: 70 }).toBuffer({ resolveWithObject: true });
    const file = await readNoticeFile('横放扫描.pdf', scannedPdf([{ jpeg: data, width: info.width, height: info.height, rotate: 90 }]));
    expect(roles(file.rows)).toContainEqual(['邓辉 张晓茵 肖新锋', '区住房和城乡建设局 区教育局 区民政局 区农业农村局 区文化和旅游发展局']);
  }, 120_000);
});
