import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseNoticeRows, parseNoticeText } from '../../../core/notice';
import { renderNoticeDocx, renderNoticeXlsx } from '../fixtures/render-notice';
import { ImportFileError } from './import-error';
import { readNoticeFile } from './read-notice-file';

const seedPath = path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt');
const seed = fs.readFileSync(seedPath, 'utf8');
const expected = parseNoticeText(seed);

/** The fields of every task, for comparing what two formats of the same notice give. */
function ledgerOf(parsed: ReturnType<typeof parseNoticeText>) {
  return {
    document: parsed.document.docNumber,
    issued: parsed.document.issuedDate,
    deadlines: parsed.document.reportingDeadlines,
    annexes: parsed.annexes.map((a) => ({
      no: a.no,
      kind: a.kind,
      tasks: a.tasks.map((t) => [t.seq, t.category?.name, t.upstreamNo, t.upstreamItem, t.standard, t.deadline, t.leaders, t.units, t.indicators.length]),
    })),
  };
}

async function parseFile(name: string, buf: Buffer) {
  const file = await readNoticeFile(name, buf);
  return parseNoticeRows(file.rows, { fileName: name });
}

async function refusal(name: string, buf: Buffer): Promise<ImportFileError> {
  try {
    await readNoticeFile(name, buf);
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('notice file readers', () => {
  it('reads the seed as UTF-8 text, with a BOM, with CRLF line ends, and as GB18030', async () => {
    const variants: [string, Buffer][] = [
      ['seed.txt', Buffer.from(seed, 'utf8')],
      ['seed-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')])],
      ['seed-crlf.txt', Buffer.from(seed.replace(/\n/g, '\r\n'), 'utf8')],
      ['seed-gbk.txt', encodeGb18030(seed)],
    ];
    for (const [name, buf] of variants) {
      expect(ledgerOf(await parseFile(name, buf)), name).toEqual(ledgerOf(expected));
    }
  });

  it('reads the seed rendered as a Word document with merged cells and several paragraphs per cell', async () => {
    const docx = await renderNoticeDocx(seed);
    expect(ledgerOf(await parseFile('seed.docx', docx))).toEqual(ledgerOf(expected));
  });

  it('reads the seed rendered as an Excel workbook, one sheet per annex, merged category cells', async () => {
    const xlsx = await renderNoticeXlsx(seed);
    const file = await readNoticeFile('seed.xlsx', xlsx);
    expect(file.where(file.rows.length)).toMatch(/^工作表“附件5”第\d+行$/);
    expect(ledgerOf(parseNoticeRows(file.rows))).toEqual(ledgerOf(expected));
  });

  it('reads CSV with quoted cells holding commas, quotes and line breaks', async () => {
    const rows = seed
      .split('\n')
      .map((line) => line.split('\t').map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    const csv = Buffer.from(rows.join('\r\n'), 'utf8');
    expect(ledgerOf(await parseFile('seed.csv', csv))).toEqual(ledgerOf(expected));
  });

  it('refuses an empty file, an unknown type and a file over the size limit, naming the file', async () => {
    const empty = await refusal('空.txt', Buffer.alloc(0));
    expect(empty.code).toBe('IMPORT_FILE_EMPTY');
    expect(empty.message).toMatch(/空\.txt/);
    expect((await refusal('notice.doc', Buffer.from('old Word'))).code).toBe('IMPORT_UNSUPPORTED_TYPE');
    expect((await refusal('big.txt', Buffer.alloc(21 * 1024 * 1024, 0x41))).code).toBe('IMPORT_FILE_TOO_LARGE');
  });

  it('refuses a corrupt zip, an encrypted Office file and binary junk as text', async () => {
    const corrupt = await refusal('坏.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    expect(corrupt.code).toBe('IMPORT_FILE_CORRUPT');
    expect(corrupt.zh).toMatch(/另存为 \.docx/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await refusal('加密.xlsx', ole)).code).toBe('IMPORT_FILE_ENCRYPTED');
    expect((await refusal('notice.docx', Buffer.from('plain text, not a zip'))).code).toBe('IMPORT_FILE_CORRUPT');
    const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    expect((await refusal('junk.txt', junk)).code).toBe('IMPORT_TEXT_ENCODING');
  });

  it('refuses a zip bomb before inflating it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', 'a'.repeat(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(100_000);
    const e = await refusal('bomb.docx', bomb);
    expect(e.code).toBe('IMPORT_ZIP_BOMB');
  });

  it('refuses XML with entity declarations (XXE, billion laughs)', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>',
    );
    const e = await refusal('xxe.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(e.code).toBe('IMPORT_XML_ENTITIES');
    expect(e.where).toBe('word/document.xml');
  });

  it('reads a forged gridSpan as no wider than a Word table (found by npm run fuzz: 99999999 took 17 s)', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>' +
        '<w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>',
    );
    const file = await readNoticeFile('forged.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(file.rows.map((r) => r.cells.length)).toEqual([64]);
    expect(file.rows[0]!.cells.filter((c) => c !== '')).toEqual(['甲', '乙']);
  });

  it('refuses a docx without a document part', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    expect((await refusal('empty.docx', await zip.generateAsync({ type: 'nodebuffer' }))).code).toBe('IMPORT_FILE_CORRUPT');
  });
});

/** GB18030 encoding via a reverse table of the decoder (Node has no GB encoder built in). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GB18030 two-byte code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
