import type JSZip from 'jszip';
import { AppError } from '../errors/app-error';
import { ImportFileError } from '../import/readers/import-error';
import { openOfficeZip } from '../import/readers/zip-guard';

/**
 * What an Office evidence file holds inside. A .docx/.xlsx/.pptx is a zip package that can carry
 * any file; a clerk's evidence reaches the head, the office and the leaders, so a package that
 * carries a program or a macro is refused. The policy, checked part by part:
 *
 * - a part named like a program or script (PROGRAM_EXTENSIONS), anywhere in the package;
 * - a part whose content is a Windows (MZ) or Linux (ELF) executable, whatever its name;
 * - macros: a VBA project (vbaProject.bin), Excel 4.0 macro sheets (xl/macrosheets/), or a
 *   macro-enabled content type in [Content_Types].xml (a .docm saved under a .docx name);
 * - embedded objects (…/embeddings/…): an OLE object that packages (Ole10Native, Word's 插入对象 →
 *   由文件创建) a file with a program's extension, or that holds a Windows executable image; an
 *   embedded Office package is checked by these same rules (one level down).
 *
 * The package is opened by the importer's guarded reader (parts count, declared sizes, compression
 * ratio), and parts are inflated only as far as needed: a few bytes of each, embedded objects up to
 * EMBED_READ_CAP of real output, so a package that lies about its sizes still cannot exhaust memory.
 *
 * The legacy binary formats (.doc/.xls/.ppt) are not compressed: the whole file is scanned for a
 * VBA project storage (Word and Excel; PowerPoint 97 keeps its VBA inside the document stream and is
 * not detected) and for packaged programs, as above.
 *
 * Not checked: ActiveX controls, links to external templates or data, JavaScript inside a PDF.
 */

const PROGRAM_EXTENSIONS = ['exe', 'dll', 'com', 'scr', 'msi', 'msp', 'jar', 'lnk', 'pif', 'cpl'];
const SCRIPT_EXTENSIONS = ['bat', 'cmd', 'js', 'jse', 'vbs', 'vbe', 'ps1', 'psm1', 'sh', 'hta', 'wsf', 'wsh', 'reg'];
const EXTENSION_RE = new RegExp(`\\.(${[...PROGRAM_EXTENSIONS, ...SCRIPT_EXTENSIONS].join('|')})$`, 'i');
/** A NUL-terminated file name with a program's extension, as Ole10Native stores the packaged file's label and path. */
const PACKAGED_NAME_RE = new RegExp(`([^\\x00-\\x1f"*<>?|]{1,255}\\.(?:${[...PROGRAM_EXTENSIONS, ...SCRIPT_EXTENSIONS].join('|')}))\\x00`, 'i');
const MACRO_CONTENT_TYPE_RE = /macroEnabled|vnd\.ms-office\.vbaProject|vnd\.ms-excel\.(?:intl)?macrosheet|vnd\.ms-office\.activeX/i;

/** How much of an embedded object is inflated and scanned; a larger one is refused, not half-checked. */
export const EMBED_READ_CAP = 32 * 1024 * 1024;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE10NATIVE = Buffer.from('\u0001Ole10Native', 'utf16le');
const VBA_PROJECT = Buffer.from('_VBA_PROJECT', 'utf16le');

type Finding =
  | { kind: 'named'; part: string }
  | { kind: 'binary'; part: string; what: string }
  | { kind: 'macro'; part: string }
  | { kind: 'packaged'; part: string; name: string }
  | { kind: 'too-large'; part: string };

/** JSZip's chunked inflater: its public types omit it, but it is what lets a read stop early. */
type ChunkStream = {
  on(event: 'data', cb: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'end', cb: () => void): ChunkStream;
  on(event: 'error', cb: (e: Error) => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
};

/** Inflates at most `max` bytes of a part, then stops the inflater: a lying header cannot make it read more. */
function readPrefix(file: JSZip.JSZipObject, max: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (settled) return;
        chunks.push(Buffer.from(chunk));
        total += chunk.length;
        if (total > max) {
          settled = true;
          stream.pause();
          resolve({ bytes: Buffer.concat(chunks).subarray(0, max), truncated: true });
        }
      })
      .on('error', (e) => {
        if (settled) return;
        settled = true;
        reject(e);
      })
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ bytes: Buffer.concat(chunks), truncated: false });
      })
      .resume();
  });
}

/** A Windows executable image anywhere in the bytes: "MZ" whose header points at a "PE\0\0" signature. */
function hasPeImage(buf: Buffer): boolean {
  for (let i = buf.indexOf('MZ', 0, 'latin1'); i >= 0 && i + 0x40 <= buf.length; i = buf.indexOf('MZ', i + 2, 'latin1')) {
    const lfanew = buf.readUInt32LE(i + 0x3c);
    if (lfanew >= 0x40 && lfanew < 0x1000 && i + lfanew + 4 <= buf.length && buf.toString('latin1', i + lfanew, i + lfanew + 4) === 'PE\0\0') return true;
  }
  return false;
}

function executableKind(head: Buffer): string | null {
  if (head.subarray(0, 2).toString('latin1') === 'MZ') return 'Windows 可执行程序';
  if (head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return 'Linux 可执行程序';
  return null;
}

/** The name a packaged (Ole10Native) file was given, decoded as Windows writes it (GBK on a Chinese system). */
function packagedProgram(buf: Buffer): string | null {
  if (buf.indexOf(OLE10NATIVE) < 0) return null;
  const hit = PACKAGED_NAME_RE.exec(buf.toString('latin1'));
  if (!hit) return null;
  const name = new TextDecoder('gbk').decode(Buffer.from(hit[1]!, 'latin1'));
  return name.replace(/^.*[\\/]/, '');
}

/** What an OLE compound file (a legacy document, or an object embedded in a package) carries. */
function inspectOle(buf: Buffer, part: string): Finding | null {
  if (buf.indexOf(VBA_PROJECT) >= 0) return { kind: 'macro', part };
  const name = packagedProgram(buf);
  if (name) return { kind: 'packaged', part, name };
  if (hasPeImage(buf)) return { kind: 'packaged', part, name: '' };
  return null;
}

async function inspectPackage(zip: JSZip, prefix: string, depth: number): Promise<Finding | null> {
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const part = prefix + file.name;
    const base = file.name.replace(/^.*\//, '');
    if (EXTENSION_RE.test(base)) return { kind: 'named', part };
    if (/^vbaProject\.bin$/i.test(base) || /(^|\/)macrosheets\//i.test(file.name)) return { kind: 'macro', part };
    const embedded = /(^|\/)embeddings\//i.test(file.name);
    const { bytes, truncated } = await readPrefix(file, embedded ? EMBED_READ_CAP : file.name === '[Content_Types].xml' ? 1024 * 1024 : 64);
    const binary = executableKind(bytes);
    if (binary) return { kind: 'binary', part, what: binary };
    if (file.name === '[Content_Types].xml' && MACRO_CONTENT_TYPE_RE.test(bytes.toString('utf8'))) return { kind: 'macro', part };
    if (!embedded) continue;
    if (truncated) return { kind: 'too-large', part };
    if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
      const found = inspectOle(bytes, part);
      if (found) return found;
    } else if (bytes.subarray(0, 4).equals(ZIP_MAGIC) && depth < 1) {
      const found = await inspectPackage(await openOfficeZip(bytes, file.name, 'Word'), `${part}!`, depth + 1);
      if (found) return found;
    } else if (hasPeImage(bytes)) {
      return { kind: 'packaged', part, name: '' };
    }
  }
  return null;
}

function refusal(fileName: string, f: Finding): AppError {
  const resave = '请另存为不含嵌入对象的文档后重新上传';
  const where = f.part ? `的嵌入对象 ${f.part} ` : '的嵌入对象';
  let zh: string;
  switch (f.kind) {
    case 'named': {
      const ext = f.part.replace(/^.*\./, '').toLowerCase();
      zh = `“${fileName}”内含${SCRIPT_EXTENSIONS.includes(ext) ? '脚本文件' : '可执行文件'} ${f.part}，不能作为佐证材料上传。${resave}`;
      break;
    }
    case 'binary':
      zh = `“${fileName}”内含可执行文件 ${f.part}（内容为${f.what}），不能作为佐证材料上传。${resave}`;
      break;
    case 'macro':
      zh = `“${fileName}”含有宏（${f.part || 'VBA 宏工程'}），不能作为佐证材料上传。请另存为不含宏的 .docx/.xlsx/.pptx 文档后重新上传`;
      break;
    case 'packaged':
      zh = `“${fileName}”${where}中包含可执行文件${f.name ? ` ${f.name}` : ''}，不能作为佐证材料上传。${resave}`;
      break;
    case 'too-large':
      zh = `“${fileName}”${where}解压后超过 ${EMBED_READ_CAP / 1048576} MB，无法检查其内容，不能作为佐证材料上传。${resave}`;
      break;
  }
  return new AppError('EVIDENCE_UNSAFE_CONTENT', { zh, en: `${fileName}: ${f.kind} content${f.part ? ` in ${f.part}` : ''}`, complete: true });
}

/** The importer's reader refused the package (damaged, or a zip bomb): said for evidence, not for an import. */
function unreadable(fileName: string, e: ImportFileError): AppError {
  if (e.code === 'IMPORT_ZIP_BOMB') {
    return new AppError('IMPORT_ZIP_BOMB', { zh: `“${fileName}”解压后体积异常（${e.en.replace(/^.*\(|\)$/g, '')}），可能是恶意构造的文件，不能作为佐证材料上传`, en: `${fileName}: ${e.en}`, complete: true });
  }
  return new AppError('IMPORT_FILE_CORRUPT', { zh: `“${fileName}”已损坏或不是有效的 Office 文档，请用 Office/WPS 打开后重新另存再上传`, en: `${fileName}: ${e.en}`, complete: true });
}

/**
 * Refuses an Office evidence file that carries a program, a script or a macro (the policy above);
 * returns quietly for a clean one and for anything that is not an Office file.
 */
export async function inspectOfficeEvidence(fileName: string, content: Buffer): Promise<void> {
  let found: Finding | null;
  if (content.subarray(0, 8).equals(OLE_MAGIC)) {
    found = inspectOle(content, '');
  } else if (content.subarray(0, 4).equals(ZIP_MAGIC)) {
    try {
      found = await inspectPackage(await openOfficeZip(content, fileName, 'Word'), '', 0);
    } catch (e) {
      if (e instanceof ImportFileError) throw unreadable(fileName, e);
      throw e;
    }
  } else return;
  if (found) throw refusal(fileName, found);
}
