import JSZip from 'jszip';
import { renderNoticeDocx, renderNoticeXlsx } from '../import/fixtures/render-notice';

/**
 * Office files for the evidence tests, built from real documents: the importer's fixture renders a
 * real .docx/.xlsx, and the hostile variants add to it what a hostile or careless sender would.
 */

const NOTICE = '附件1\n序号\t目标任务\t责任单位\n1\t新建公共停车位3000个\t区交通运输局\n';

export const cleanDocx = () => renderNoticeDocx(NOTICE);
export const cleanXlsx = () => renderNoticeXlsx(NOTICE);

/** The first bytes of a Windows program: the DOS stub's "MZ" header pointing at a "PE\0\0" signature at 0x80. */
export function peImage(size = 4096): Buffer {
  const exe = Buffer.alloc(size, 0);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

/** A real package with parts added (or a part's content replaced) and its [Content_Types].xml optionally edited. */
export async function withParts(base: Buffer, parts: Record<string, Buffer | string>, editTypes?: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  if (editTypes) zip.file('[Content_Types].xml', editTypes(await zip.file('[Content_Types].xml')!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * An embedded OLE object as Word writes it for 插入 → 对象 → 由文件创建 (a "Package"): an OLE compound
 * file whose \x01Ole10Native stream holds the file's label, its path, and its bytes. The directory
 * entry and the stream are laid out as in the compound file; the FAT is left empty, since the
 * check reads the bytes, not the file system.
 */
export function packagedObject(fileName: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dirEntry = Buffer.alloc(128, 0);
  const name = Buffer.from('\u0001Ole10Native\u0000', 'utf16le');
  name.copy(dirEntry);
  dirEntry.writeUInt16LE(name.length, 64);
  dirEntry[66] = 2; // a stream
  const ansi = (s: string) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.from([0])]);
  const path = `C:\\Users\\clerk\\Desktop\\${fileName}`;
  const body = Buffer.concat([Buffer.from([0x02, 0x00]), ansi(fileName), ansi(path), Buffer.from([0, 0, 3, 0]), Buffer.alloc(4), ansi(path), Buffer.alloc(4), content]);
  body.writeUInt32LE(path.length + 1, 2 + fileName.length + 1 + path.length + 1 + 4);
  body.writeUInt32LE(content.length, body.length - content.length - 4);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([header, dirEntry, Buffer.alloc(384, 0), size, body]);
}

/** A legacy Word 97 document whose directory holds a VBA project (the Macros/VBA/_VBA_PROJECT stream). */
export function legacyDocWithMacros(): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entry = (n: string) => {
    const e = Buffer.alloc(128, 0);
    Buffer.from(`${n}\u0000`, 'utf16le').copy(e);
    return e;
  };
  return Buffer.concat([header, entry('WordDocument'), entry('Macros'), entry('VBA'), entry('_VBA_PROJECT'), Buffer.alloc(1024, 0x20)]);
}

/** A legacy document with nothing of the sort. */
export function legacyDocClean(): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const e = Buffer.alloc(128, 0);
  Buffer.from('WordDocument\u0000', 'utf16le').copy(e);
  return Buffer.concat([header, e, Buffer.alloc(2048, 0x41)]);
}
