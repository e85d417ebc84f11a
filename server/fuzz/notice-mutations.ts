import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { renderNoticeDocx, renderNoticeXlsx } from '../import/fixtures/render-notice';
import { CITY_NOTICE } from '../levels/test-world';
import { UNICODE_EDGES } from './hostile-values';

/**
 * Malformed notices, described as recipes (plain data, so a failing case prints readably and can be
 * saved) and built into real files: the seed notice (or a small city notice) edited as text, written
 * as .txt/.csv/.docx/.xlsx in some encoding, then damaged at the zip and at the byte level.
 */

export const SEED_TEXT = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'),
  'utf8',
);
const BASES = { seed: SEED_TEXT, city: CITY_NOTICE } as const;

/** Positions are fractions of the length, so one recipe applies to any base. */
type At = number;

export type TextEdit =
  | { kind: 'insert'; at: At; text: string }
  | { kind: 'lineEnds'; to: '\r' | '\r\n' | '\u2028' | '\n\n\n' }
  | { kind: 'dropLines'; matching: 'header' | 'annexTitle' | 'docNumber' | 'unitCells' | 'leaderCells' | 'numbers' }
  | { kind: 'duplicateLines'; at: At; count: number }
  | { kind: 'hugeCell'; at: At; size: number; unit: string }
  | { kind: 'tasksWithoutUnit'; at: At }
  | { kind: 'shuffleCells'; at: At }
  | { kind: 'truncateText'; at: At }
  /** Another document number, so an import creates a new notice instead of meeting the last one. */
  | { kind: 'renumber'; no: number };

export type ZipEdit =
  | { kind: 'removePart'; part: number }
  | { kind: 'replacePart'; part: number; content: string }
  | { kind: 'truncatePart'; part: number; at: At }
  | { kind: 'addParts'; names: string[]; content: string }
  | { kind: 'store' };

export type ByteEdit =
  | { kind: 'flip'; at: At; bit: number }
  | { kind: 'truncate'; at: At }
  | { kind: 'overwrite'; at: At; bytes: number[] }
  | { kind: 'insert'; at: At; bytes: number[] };

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'latin1';

export type NoticeRecipe = {
  base: keyof typeof BASES;
  text: TextEdit[];
  format: 'txt' | 'csv' | 'docx' | 'xlsx';
  encoding: Encoding;
  zip: ZipEdit[];
  bytes: ByteEdit[];
};

const at = fc.double({ min: 0, max: 1, noNaN: true });
const someText = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.array(fc.constantFrom(...UNICODE_EDGES), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  fc.constantFrom(
    '序号\t目标名称\t工作标准\t分管 区领导\t责任单位',
    '附件1',
    '附件：1. 表',
    '新政办〔2024〕1号',
    '1\t\t(1) 重复的序号\t李先勇\t区发改局',
    '\t\t\t\t',
    '"',
    '""",',
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at, text: someText }),
  fc.record({
    kind: fc.constant('lineEnds' as const),
    to: fc.constantFrom('\r' as const, '\r\n' as const, '\u2028' as const, '\n\n\n' as const),
  }),
  fc.record({
    kind: fc.constant('dropLines' as const),
    matching: fc.constantFrom(
      'header' as const,
      'annexTitle' as const,
      'docNumber' as const,
      'unitCells' as const,
      'leaderCells' as const,
      'numbers' as const,
    ),
  }),
  fc.record({ kind: fc.constant('duplicateLines' as const), at, count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    kind: fc.constant('hugeCell' as const),
    at,
    size: fc.constantFrom(10_000, 100_000),
    unit: fc.constantFrom('增长6%，', '区发改局、', '李先勇 ', '𠀀', '\u0301', '1'),
  }),
  fc.record({ kind: fc.constant('tasksWithoutUnit' as const), at }),
  fc.record({ kind: fc.constant('shuffleCells' as const), at }),
  fc.record({ kind: fc.constant('truncateText' as const), at }),
  fc.record({ kind: fc.constant('renumber' as const), no: fc.integer({ min: 2, max: 1_000_000 }) }),
);

const byte = fc.integer({ min: 0, max: 255 });
const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('overwrite' as const), at, bytes: fc.array(byte, { minLength: 1, maxLength: 64 }) }),
  // GB18030-ish pairs (lead byte 0x81–0xFE) and stray UTF-8 continuation bytes
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    bytes: fc.array(fc.oneof(fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x80, max: 0xbf }), byte), {
      minLength: 1,
      maxLength: 64,
    }),
  }),
);

const zipEdit: fc.Arbitrary<ZipEdit> = fc.oneof(
  fc.record({ kind: fc.constant('removePart' as const), part: fc.nat(30) }),
  fc.record({
    kind: fc.constant('replacePart' as const),
    part: fc.nat(30),
    content: fc.oneof(
      someText,
      fc.constantFrom(
        '<w:document><w:body><w:p>',
        '<?xml version="1.0"?><x/>',
        '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
        '<w:document><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>',
        '<worksheet><sheetData><row r="1048577"><c r="XFE1" t="s"><v>99999</v></c></row></sheetData></worksheet>',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('truncatePart' as const), part: fc.nat(30), at }),
  fc.record({
    kind: fc.constant('addParts' as const),
    names: fc.array(
      fc.oneof(
        fc.constantFrom(
          '../../etc/passwd',
          'word/document2.xml',
          'xl/worksheets/sheet99.xml',
          '/abs.xml',
          'a'.repeat(300),
          '中文/部件.xml',
          'dir/',
        ),
        fc.string({ maxLength: 20 }),
      ),
      { minLength: 1, maxLength: 5 },
    ),
    content: someText,
  }),
  fc.constant({ kind: 'store' as const }),
);

export const noticeRecipe: fc.Arbitrary<NoticeRecipe> = fc.record({
  base: fc.constantFrom('seed' as const, 'city' as const, 'city' as const),
  text: fc.array(textEdit, { maxLength: 4 }),
  format: fc.constantFrom('txt' as const, 'csv' as const, 'docx' as const, 'xlsx' as const),
  encoding: fc.constantFrom(
    'utf8' as const,
    'utf8' as const,
    'utf8-bom' as const,
    'utf16le-bom' as const,
    'utf16be-bom' as const,
    'latin1' as const,
  ),
  zip: fc.oneof(fc.constant<ZipEdit[]>([]), fc.array(zipEdit, { maxLength: 3 })),
  bytes: fc.oneof(fc.constant<ByteEdit[]>([]), fc.constant<ByteEdit[]>([]), fc.array(byteEdit, { maxLength: 3 })),
});

const pos = (fraction: At, length: number) => Math.min(length, Math.max(0, Math.floor(fraction * length)));

export function applyTextEdit(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const line = (fraction: At) => pos(fraction, Math.max(0, lines.length - 1));
  switch (edit.kind) {
    case 'insert': {
      const i = pos(edit.at, text.length);
      return text.slice(0, i) + edit.text + text.slice(i);
    }
    case 'lineEnds':
      return text.replace(/\n/g, edit.to);
    case 'dropLines': {
      const tests: Record<typeof edit.matching, (l: string) => boolean> = {
        header: (l) => l.startsWith('序号'),
        annexTitle: (l) => /^附件|责任(细化)?分解表$/.test(l.trim()),
        docNumber: (l) => /〔\d{4}〕/.test(l),
        unitCells: () => false,
        leaderCells: () => false,
        numbers: () => false,
      };
      if (edit.matching === 'unitCells' || edit.matching === 'leaderCells' || edit.matching === 'numbers') {
        const column = { unitCells: -1, leaderCells: -2, numbers: 0 }[edit.matching];
        return lines.map((l) => (l.includes('\t') ? blankCell(l, column) : l)).join('\n');
      }
      return lines.filter((l) => !tests[edit.matching](l)).join('\n');
    }
    case 'duplicateLines': {
      const i = line(edit.at);
      return [...lines.slice(0, i + 1), ...Array<string>(edit.count).fill(lines[i] ?? ''), ...lines.slice(i + 1)].join(
        '\n',
      );
    }
    case 'hugeCell': {
      const i = line(edit.at);
      const cells = (lines[i] ?? '').split('\t');
      const c = Math.min(2, cells.length - 1);
      cells[c] = `${cells[c] ?? ''}${edit.unit.repeat(Math.ceil(edit.size / edit.unit.length))}`;
      lines[i] = cells.join('\t');
      return lines.join('\n');
    }
    case 'tasksWithoutUnit': {
      const from = line(edit.at);
      return lines
        .map((l, i) => (i >= from && i < from + 20 && l.includes('\t') ? l.split('\t').slice(0, -1).join('\t') : l))
        .join('\n');
    }
    case 'shuffleCells': {
      const i = line(edit.at);
      lines[i] = (lines[i] ?? '').split('\t').reverse().join('\t');
      return lines.join('\n');
    }
    case 'truncateText':
      return text.slice(0, pos(edit.at, text.length));
    case 'renumber':
      return text.replace(/〔(\d{4})〕\d+号/gu, `〔$1〕${edit.no}号`);
  }
}

function blankCell(line: string, column: number): string {
  const cells = line.split('\t');
  const i = column < 0 ? cells.length + column : column;
  if (i >= 0 && i < cells.length) cells[i] = '';
  return cells.join('\t');
}

function toCsv(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l
        .split('\t')
        .map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
        .join(','),
    )
    .join('\r\n');
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}

async function applyZipEdits(buf: Buffer, edits: ZipEdit[]): Promise<Buffer> {
  if (edits.length === 0) return buf;
  const zip = await JSZip.loadAsync(buf);
  let store = false;
  for (const edit of edits) {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const name = names.length ? names[('part' in edit ? edit.part : 0) % names.length]! : 'word/document.xml';
    if (edit.kind === 'removePart') zip.remove(name);
    else if (edit.kind === 'replacePart') zip.file(name, edit.content);
    else if (edit.kind === 'truncatePart') {
      const content = await zip.file(name)!.async('string');
      zip.file(name, content.slice(0, pos(edit.at, content.length)));
    } else if (edit.kind === 'addParts')
      for (const n of edit.names)
        if (n !== '') zip.file(n, edit.content);
        else store = true;
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: store ? 'STORE' : 'DEFLATE' });
}

export function applyByteEdits(buf: Buffer, edits: ByteEdit[]): Buffer {
  let out = Buffer.from(buf);
  for (const edit of edits) {
    const i = pos(edit.at, Math.max(0, out.length - 1));
    if (edit.kind === 'flip') {
      if (out.length) out[i] = out[i]! ^ (1 << edit.bit);
    } else if (edit.kind === 'truncate') out = out.subarray(0, i);
    else if (edit.kind === 'overwrite')
      out = Buffer.concat([out.subarray(0, i), Buffer.from(edit.bytes), out.subarray(i + edit.bytes.length)]);
    else out = Buffer.concat([out.subarray(0, i), Buffer.from(edit.bytes), out.subarray(i)]);
  }
  return out;
}

const renderCache = new Map<string, Buffer>();

async function render(text: string, format: 'docx' | 'xlsx'): Promise<Buffer> {
  const key = `${format}:${text}`;
  const cached = renderCache.get(key);
  if (cached) return cached;
  const buf = format === 'docx' ? await renderNoticeDocx(text) : await renderNoticeXlsx(text);
  if (renderCache.size < 8) renderCache.set(key, buf);
  return buf;
}

/** Builds the file a recipe describes. */
export async function buildNoticeFile(recipe: NoticeRecipe): Promise<{ fileName: string; content: Buffer }> {
  const text = recipe.text.reduce(applyTextEdit, BASES[recipe.base]);
  let content: Buffer;
  if (recipe.format === 'txt') content = encode(text, recipe.encoding);
  else if (recipe.format === 'csv') content = encode(toCsv(text), recipe.encoding);
  else content = await applyZipEdits(await render(text, recipe.format), recipe.zip);
  return { fileName: `fuzz.${recipe.format}`, content: applyByteEdits(content, recipe.bytes) };
}
