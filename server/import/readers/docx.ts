import { XMLParser } from 'fast-xml-parser';
import type { NoticeRow } from '../../../core/notice';
import { ImportFileError } from './import-error';
import { openOfficeZip, readXmlPart } from './zip-guard';

/** Word tables have at most 63 columns; a merged cell never widens a row beyond that. */
const WORD_MAX_COLUMNS = 63;

/** A node of fast-xml-parser's ordered output: one element name → its children, plus attributes. */
type XNode = { [tag: string]: XNode[] | string | Record<string, string> | undefined; ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  // Only the five predefined XML entities and character references: readXmlPart refuses any DOCTYPE,
  // so no declared (external or recursive) entity can reach the parser.
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
});

function tagOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function children(node: XNode): XNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? v : [];
}

function find(nodes: XNode[], tag: string): XNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** The text of a paragraph: runs, tabs and line breaks, ignoring deleted revisions. */
function paragraphText(p: XNode): string {
  let out = '';
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === '#text') out += String(n['#text'] ?? '');
      else if (tag === 'w:tab') out += '\t';
      else if (tag === 'w:br' || tag === 'w:cr') out += '\n';
      else if (tag === 'w:delText' || tag === 'w:del' || tag === 'w:instrText' || tag === 'w:rPr' || tag === 'w:pPr') continue;
      else walk(children(n));
    }
  };
  walk(children(p));
  return out;
}

/** All paragraphs inside a node (a cell may hold several, or a nested table). */
function textOf(nodes: XNode[]): string {
  const parts: string[] = [];
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') parts.push(paragraphText(n));
    else if (tag === 'w:tbl' || tag === 'w:tr' || tag === 'w:tc' || tag === 'w:sdt' || tag === 'w:sdtContent') parts.push(textOf(children(n)));
  }
  return parts.filter((p) => p.trim() !== '').join('\n');
}

/**
 * Reads a Word notice into rows: each paragraph a one-cell row, each table row a row of cells.
 * Vertically merged cells (a category spanning rows) continue as empty cells, as in the printed
 * table; a cell spanning several grid columns is followed by empty cells so columns stay aligned.
 */
export async function docxToRows(buf: Buffer, fileName: string): Promise<{ rows: NoticeRow[]; where: (line: number) => string }> {
  const zip = await openOfficeZip(buf, fileName, 'Word');
  const xml = await readXmlPart(zip, 'word/document.xml', fileName);
  if (xml === null) {
    throw new ImportFileError(
      'IMPORT_FILE_CORRUPT',
      fileName,
      '这不是 Word 文档（缺少正文部分 word/document.xml），请确认上传的是 .docx 文件',
      'Not a Word document (no word/document.xml part)',
    );
  }
  let doc: XNode[];
  try {
    doc = parser.parse(xml) as XNode[];
  } catch {
    throw new ImportFileError('IMPORT_FILE_CORRUPT', fileName, 'Word 正文 XML 无法解析，文件可能已损坏', 'The document XML cannot be parsed', 'word/document.xml');
  }
  const body = children(find(doc, 'w:document') ?? {}).find((n) => tagOf(n) === 'w:body');
  const rows: NoticeRow[] = [];
  const places: string[] = [];
  let paragraphNo = 0;
  let tableNo = 0;
  const push = (cells: string[], place: string) => {
    rows.push({ line: rows.length + 1, cells });
    places.push(place);
  };
  const walkBody = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        paragraphNo++;
        const text = paragraphText(n);
        if (text.trim() !== '') push(text.split('\t').map((c) => c.trim()), `第${paragraphNo}段`);
      } else if (tag === 'w:tbl') {
        tableNo++;
        let rowNo = 0;
        for (const tr of children(n).filter((c) => tagOf(c) === 'w:tr')) {
          rowNo++;
          const cells: string[] = [];
          for (const tc of children(tr).filter((c) => tagOf(c) === 'w:tc')) {
            const props = children(find(children(tc), 'w:tcPr') ?? {});
            const vMerge = find(props, 'w:vMerge');
            const span = Number(find(props, 'w:gridSpan')?.[':@']?.['w:val'] ?? 1) || 1;
            const continues = vMerge !== undefined && vMerge[':@']?.['w:val'] !== 'restart';
            cells.push(continues ? '' : textOf(children(tc)));
            // A span only pads with empty cells, and never past Word's widest table: a forged
            // gridSpan="99999999" took 17 s and a gigabyte (found by `npm run fuzz`).
            const padding = Math.min(span - 1, WORD_MAX_COLUMNS - cells.length);
            for (let i = 0; i < padding; i++) cells.push('');
          }
          if (cells.some((c) => c.trim() !== '')) push(cells, `表格${tableNo}第${rowNo}行`);
        }
      } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') {
        walkBody(children(n));
      }
    }
  };
  walkBody(children(body ?? {}));
  return { rows, where: (line) => places[line - 1] ?? `第${line}行` };
}
