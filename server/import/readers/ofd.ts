import { XMLParser } from 'fast-xml-parser';
import type JSZip from 'jszip';
import type { NoticeRow } from '../../../core/notice';
import { ImportFileError } from './import-error';
import { explode, type Glyph, type LayoutPage, type Rule } from './layout-lines';
import { IMPORT_LIMITS } from './limits';
import { rowsOf, scannedOfd, tooComplex } from './pdf';
import { openOfficeZip, readXmlPart } from './zip-guard';

/**
 * Reads an OFD notice (GB/T 33190, the national format for electronic official documents: a zip
 * of XML). OFD.xml → DocBody/DocRoot → Document.xml → Pages → each page's Content.xml, whose
 * TextObjects place every character (Boundary + TextCode X/Y/DeltaX, in millimetres) and whose
 * PathObjects draw the table borders. The positions go through the same geometry as a PDF
 * (layout-lines.ts), in points.
 */

const MM = 72 / 25.4;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  // readXmlPart refuses any DOCTYPE, so no declared entity reaches the parser.
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['DocBody', 'Page', 'Layer', 'PageBlock', 'TextObject', 'TextCode', 'PathObject', 'ImageObject'].includes(name),
});

type X = Record<string, unknown>;
const arr = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v && typeof v === 'object' ? [v as X] : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in v ? String((v as X)['#text']) : '');
const nums = (v: unknown): number[] => str(v).trim().split(/[\s,]+/u).filter(Boolean).map(Number);

function corrupt(fileName: string, where?: string) {
  return new ImportFileError(
    'IMPORT_FILE_CORRUPT',
    fileName,
    '文件已损坏或不是有效的 OFD 文件，请用 OFD 阅读器（如数科、福昕、永中）打开确认后重新导出，或向发文单位索取 Word（.docx）或 PDF 版本',
    'The file is damaged or not a valid OFD',
    where,
  );
}

/** The zip, checked like a Word/Excel package (size, parts, compression ratio); its messages said for OFD. */
async function openOfd(buf: Buffer, fileName: string): Promise<JSZip> {
  try {
    return await openOfficeZip(buf, fileName, 'Word');
  } catch (e) {
    if (e instanceof ImportFileError && (e.code === 'IMPORT_FILE_CORRUPT' || e.code === 'IMPORT_FILE_ENCRYPTED')) throw corrupt(fileName);
    throw e;
  }
}

async function readXml(zip: JSZip, part: string, fileName: string): Promise<X> {
  let xml: string | null;
  try {
    xml = await readXmlPart(zip, part, fileName);
  } catch (e) {
    if (e instanceof ImportFileError && e.code === 'IMPORT_FILE_CORRUPT') throw corrupt(fileName, part);
    throw e;
  }
  if (xml === null) throw corrupt(fileName, `缺少 ${part}`);
  try {
    return parser.parse(xml) as X;
  } catch {
    throw corrupt(fileName, part);
  }
}

/** An OFD location: absolute from the package root, or relative to the part that names it. */
function resolve(from: string, loc: string): string {
  const base = loc.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const piece of loc.replace(/^\/+/u, '').split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(piece);
  }
  return base.join('/');
}

/** DeltaX/DeltaY with the 「g N v」 shorthand (v repeated N times) expanded. */
function deltas(spec: unknown, limit: number): number[] {
  const tokens = str(spec).trim().split(/\s+/u).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < limit; i++) {
    if (tokens[i] === 'g') {
      const n = Math.min(Number(tokens[i + 1]), limit);
      const v = Number(tokens[i + 2]);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out.map((v) => (Number.isFinite(v) ? v : 0));
}

type Ctm = [number, number, number, number, number, number];
const IDENTITY: Ctm = [1, 0, 0, 1, 0, 0];

/** One page's glyphs and rules, in points from the top left. */
function pageOf(content: X, box: number[]): LayoutPage & { images: number } {
  const glyphs: Glyph[] = [];
  const rules: Rule[] = [];
  let images = 0;
  const walk = (node: X) => {
    images += arr(node.ImageObject).length;
    for (const t of arr(node.TextObject)) {
      const [bx = 0, by = 0] = nums(t.Boundary);
      const ctm = (nums(t.CTM).length === 6 ? nums(t.CTM) : IDENTITY) as Ctm;
      // Only horizontal text: a rotated stamp or side note is not one of the notice's rows.
      if (Math.abs(ctm[1]) > 1e-3 || Math.abs(ctm[2]) > 1e-3) continue;
      const size = Number(t.Size) * Math.abs(ctm[3] || 1);
      if (!(size > 0)) continue;
      let x = 0;
      let y = 0;
      for (const code of arr(t.TextCode)) {
        const text = str(code);
        const chars = [...text];
        if (code.X !== undefined) x = Number(code.X);
        if (code.Y !== undefined) y = Number(code.Y);
        const dx = deltas(code.DeltaX, chars.length);
        chars.forEach((ch, i) => {
          const advance = dx[i] ?? (i < dx.length ? 0 : Number(t.Size) * (ch.codePointAt(0)! <= 0x2ff ? 0.5 : 1));
          const gx = bx + ctm[0] * x + ctm[4];
          const gy = by + ctm[3] * y + ctm[5];
          // The glyph is as wide as its advance, or as a character of its class when the advance
          // also carries the space after it (writers that leave spaces out of the TextCode).
          const natural = Number(t.Size) * (ch.codePointAt(0)! <= 0x2ff ? 0.75 : 1);
          glyphs.push(...explode(ch, gx * MM, gy * MM, Math.min(advance, natural) * Math.abs(ctm[0] || 1) * MM, size * MM));
          x += advance;
        });
      }
    }
    for (const p of arr(node.PathObject)) {
      const [bx = 0, by = 0] = nums(p.Boundary);
      const ops = str(p.AbbreviatedData).trim().split(/\s+/u);
      let start: [number, number] | null = null;
      let at: [number, number] | null = null;
      for (let i = 0; i < ops.length; ) {
        const op = ops[i++];
        const take = (n: number) => ops.slice(i, (i += n)).map(Number);
        if (op === 'M' || op === 'S') {
          const [px = 0, py = 0] = take(2);
          at = start = [bx + px, by + py];
        } else if (op === 'L') {
          const [px = 0, py = 0] = take(2);
          const to: [number, number] = [bx + px, by + py];
          if (at) rules.push({ x1: at[0] * MM, y1: at[1] * MM, x2: to[0] * MM, y2: to[1] * MM });
          at = to;
        } else if (op === 'C' || op === 'Z') {
          // C closes the subpath (GB/T 33190 table 35).
          if (at && start) rules.push({ x1: at[0] * MM, y1: at[1] * MM, x2: start[0] * MM, y2: start[1] * MM });
          at = start;
        } else if (op === 'B') {
          at = take(6).slice(4) as [number, number];
          at = [bx + at[0], by + at[1]];
        } else if (op === 'Q') {
          at = take(4).slice(2) as [number, number];
          at = [bx + at[0], by + at[1]];
        } else if (op === 'A') {
          at = take(7).slice(5) as [number, number];
          at = [bx + at[0], by + at[1]];
        } else break;
      }
    }
    for (const block of arr(node.PageBlock)) walk(block);
  };
  for (const layer of arr((content.Content as X | undefined)?.Layer)) walk(layer);
  return { width: (box[2] ?? 210) * MM, height: (box[3] ?? 297) * MM, glyphs, rules, images };
}

/** Rows of an OFD notice; `where` says 第3页第12行. */
export async function ofdToRows(buf: Buffer, fileName: string): Promise<{ rows: NoticeRow[]; where: (line: number) => string }> {
  const zip = await openOfd(buf, fileName);
  const deadline = Date.now() + IMPORT_LIMITS.maxReadMs;
  const ofd = (await readXml(zip, 'OFD.xml', fileName)).OFD as X | undefined;
  const docRoot = str(arr(ofd?.DocBody)[0]?.DocRoot);
  if (!docRoot) throw corrupt(fileName, 'OFD.xml 中没有 DocRoot');
  const docPart = resolve('', docRoot);
  const doc = (await readXml(zip, docPart, fileName)).Document as X | undefined;
  const defaultBox = nums(((doc?.CommonData as X | undefined)?.PageArea as X | undefined)?.PhysicalBox);
  const pageRefs = arr((doc?.Pages as X | undefined)?.Page);
  if (pageRefs.length > IMPORT_LIMITS.maxPages) {
    throw tooComplex(fileName, `共 ${pageRefs.length} 页（上限 ${IMPORT_LIMITS.maxPages} 页）`, `${pageRefs.length} pages`);
  }
  const pages: (LayoutPage & { images: number })[] = [];
  let glyphCount = 0;
  for (const [i, ref] of pageRefs.entries()) {
    if (Date.now() > deadline) throw tooComplex(fileName, `读取超过 ${IMPORT_LIMITS.maxReadMs / 1000} 秒`, 'reading took too long');
    const loc = str(ref.BaseLoc);
    if (!loc) throw corrupt(fileName, `第${i + 1}页`);
    const part = resolve(docPart, loc);
    const page = arr((await readXml(zip, part, fileName)).Page)[0];
    if (!page) throw corrupt(fileName, part);
    const box = nums((page.Area as X | undefined)?.PhysicalBox);
    const laid = pageOf(page, box.length === 4 ? box : defaultBox);
    glyphCount += laid.glyphs.length;
    if (glyphCount > IMPORT_LIMITS.maxGlyphs) throw tooComplex(fileName, `文字过多（超过 ${IMPORT_LIMITS.maxGlyphs} 字）`, `over ${IMPORT_LIMITS.maxGlyphs} characters`);
    if (laid.rules.length > IMPORT_LIMITS.maxRulesPerPage) throw tooComplex(fileName, `第${i + 1}页的线条过多`, `page ${i + 1} draws too many lines`);
    pages.push(laid);
  }
  if (pages.every((p) => p.glyphs.length === 0)) throw scannedOfd(fileName, `共${pages.length}页`);
  const picture = pages.findIndex((p) => p.glyphs.length === 0 && p.images > 0);
  if (picture >= 0) throw scannedOfd(fileName, `第${picture + 1}页`);
  return rowsOf(pages, fileName);
}
