import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToPdf, libreOfficeMissing } from '../../documents/libreoffice';
import { minimalPdf, SCANNED_PAGE, textAt } from '../fixtures/minimal-pdf';
import { renderNoticeDocx } from '../fixtures/render-notice';
import { repairLines, scoreAgainstGolden } from './golden-fields';
import { ImportFileError } from './import-error';
import { readNoticeFile } from './read-notice-file';

const demo = path.resolve(import.meta.dirname, '../../../data/demo');
const seed = fs.readFileSync(path.join(demo, 'xinzhou-2024-notice.txt'), 'utf8');

async function refusal(name: string, buf: Buffer): Promise<ImportFileError> {
  try {
    await readNoticeFile(name, buf);
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('PDF notices', () => {
  it('reads the seed as LibreOffice prints its Word rendering: every golden field, as the .docx gives', async () => {
    const docx = await readNoticeFile('seed.docx', await renderNoticeDocx(seed));
    const pdf = await readNoticeFile('xinzhou-2024-notice.pdf', fs.readFileSync(path.join(demo, 'xinzhou-2024-notice.pdf')));
    const docxScore = scoreAgainstGolden(docx.rows);
    const pdfScore = scoreAgainstGolden(pdf.rows);
    expect(docxScore.share).toBe(1);
    expect(pdfScore.diffs).toEqual([]);
    expect(pdfScore.equal).toBe(docxScore.equal); // 2920 of 2920 fields
    expect(pdf.format).toBe('pdf');
    // Places read as a person looks for them; the last row is on the last page.
    expect(pdf.where(1)).toBe('第1页第1行');
    expect(pdf.where(pdf.rows.length)).toMatch(/^第46页第\d+行$/);
    // As many rows as the Word file: wrapped cells joined, the header repeated on each page dropped,
    // a row broken by a page joined ((143) runs from page 19 to 20 in the middle of 区企业和人才服务中心).
    expect(pdf.rows.length).toBe(docx.rows.length);
    // The reviewer is shown the same repairs as for the Word file (58 for the seed).
    expect(repairLines(pdf.rows)).toEqual(repairLines(docx.rows));
    const broken = pdf.rows.find((r) => r.cells[2]?.startsWith('(143)'));
    expect(broken?.cells).toEqual(['', '', '(143) 完善“问津人才”专项政策，着力引进一批产业急需紧缺人才。', '李先勇 祝莹', '区委招才局 区企业和人才服务中心']);
    // A title wrapped over two lines is one paragraph again.
    expect(pdf.rows[1]?.cells).toEqual(['区人民政府办公室关于做好 2024 年 省、市、区《政府工作报告》确定的主要目标任务 责任分解工作的通知']);
  });

  it.skipIf(libreOfficeMissing() !== null)(
    'reads a PDF LibreOffice makes now from the Word rendering as well (the committed file is not hand-made)',
    async () => {
      const { dir, pdfPath } = await docxToPdf(await renderNoticeDocx(seed), 'seed');
      try {
        const file = await readNoticeFile('seed.pdf', fs.readFileSync(pdfPath));
        expect(scoreAgainstGolden(file.rows).diffs).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it.skipIf(libreOfficeMissing() !== null)(
    'reads the same tables printed without borders, from the white between columns (at least 90% of the golden fields)',
    async () => {
      const zip = await JSZip.loadAsync(await renderNoticeDocx(seed));
      const xml = await zip.file('word/document.xml')!.async('string');
      zip.file('word/document.xml', xml.replace(/w:val="single"/g, 'w:val="none"'));
      const { dir, pdfPath } = await docxToPdf(await zip.generateAsync({ type: 'nodebuffer' }), 'borderless');
      try {
        const file = await readNoticeFile('borderless.pdf', fs.readFileSync(pdfPath));
        // Measured 2725 of 2920 (93.3%): without rules a paragraph break inside a cell reads as a new row.
        expect(scoreAgainstGolden(file.rows).share).toBeGreaterThanOrEqual(0.9);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('drops page numbers and joins nothing across them', async () => {
    const pdf = minimalPdf([
      `${textAt(72, 100, 'Notice No. 1')} ${textAt(280, 800, '- 1 -')}`,
      `${textAt(72, 100, 'The office asks every unit to report by the deadline below.')} ${textAt(72, 116, 'Unit A')} ${textAt(300, 116, 'Unit B')} ${textAt(280, 800, '- 2 -')}`,
    ]);
    const file = await readNoticeFile('n.pdf', pdf);
    expect(file.rows.map((r) => r.cells)).toEqual([
      ['Notice No. 1'],
      ['The office asks every unit to report by the deadline below.'],
      // Pieces far apart on a line without rules are cells, as a tab-separated line gives.
      ['Unit A', 'Unit B'],
    ]);
    expect(file.where(2)).toBe('第2页第1行');
  });

  it('refuses a scan whose pictures hold no readable text, naming the page, and says what to do', async () => {
    // Pages whose only picture is a 2×2 grey square: nothing a recogniser could read.
    const all = await refusal('扫描件.pdf', minimalPdf([SCANNED_PAGE, SCANNED_PAGE]));
    expect(all.code).toBe('IMPORT_SCANNED_PDF');
    expect(all.zh).toMatch(/扫描件.*未能从中识别出文字.*重新扫描.*可复制文字的 PDF、OFD 或 Word/);
    const one = await refusal('混合.pdf', minimalPdf([textAt(72, 100, 'Text page'), SCANNED_PAGE]));
    expect(one.code).toBe('IMPORT_SCANNED_PDF');
    expect(one.where).toBe('第2页');
    const photo = await refusal('通知.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    expect(photo.code).toBe('IMPORT_FILE_CORRUPT');
    expect(photo.zh).toMatch(/图片已损坏/);
  });

  it('refuses a damaged PDF and one with too many pages, with a message, never a crash', async () => {
    expect((await refusal('坏.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'))).code).toBe('IMPORT_FILE_CORRUPT');
    expect((await refusal('not.pdf', Buffer.from('hello, not a pdf at all'))).code).toBe('IMPORT_FILE_CORRUPT');
    const truncated = fs.readFileSync(path.join(demo, 'xinzhou-2024-notice.pdf')).subarray(0, 40_000);
    const cut = await refusal('截断.pdf', truncated).catch((e: unknown) => e);
    // A truncated file either still yields its first pages' text or is refused as damaged.
    if (cut instanceof ImportFileError) expect(['IMPORT_FILE_CORRUPT', 'IMPORT_SCANNED_PDF']).toContain(cut.code);
    const many = await refusal('长.pdf', minimalPdf(Array.from({ length: 501 }, (_, i) => textAt(72, 100, `page ${i + 1}`))));
    expect(many.code).toBe('IMPORT_FILE_TOO_COMPLEX');
    expect(many.zh).toMatch(/501 页/);
  });
});
