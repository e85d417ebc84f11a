import JSZip from 'jszip';
import { ImportFileError } from './import-error';
import { IMPORT_LIMITS } from './limits';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Password-protected Word/Excel files are OLE compound files holding an encrypted package.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

type SizedEntry = { _data?: { uncompressedSize?: number; compressedSize?: number } };

/**
 * Opens a docx/xlsx package after checking what it claims to hold, before anything is inflated:
 * the number of parts, their total uncompressed size and the compression ratio (zip bombs).
 */
export async function openOfficeZip(buf: Buffer, fileName: string, kind: 'Word' | 'Excel'): Promise<JSZip> {
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new ImportFileError(
      'IMPORT_FILE_ENCRYPTED',
      fileName,
      `该${kind}文件已加密或为旧版格式（.doc/.xls），请取消密码保护并另存为 .docx/.xlsx 后再导入`,
      `The ${kind} file is password-protected or an old binary format; remove the password and save as .docx/.xlsx`,
    );
  }
  if (!buf.subarray(0, 4).equals(ZIP_MAGIC)) throw corrupt(fileName, kind);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    throw corrupt(fileName, kind);
  }
  const entries = Object.values(zip.files);
  if (entries.length > IMPORT_LIMITS.maxZipEntries) throw bomb(fileName, `${entries.length} parts`);
  let total = 0;
  for (const entry of entries) {
    const data = (entry as unknown as SizedEntry)._data;
    const size = data?.uncompressedSize ?? 0;
    const packed = data?.compressedSize ?? 0;
    total += size;
    if (packed > 0 && size / packed > IMPORT_LIMITS.maxCompressionRatio && size > 1024 * 1024) {
      throw bomb(fileName, `part ${entry.name} expands ${Math.round(size / packed)}×`);
    }
  }
  if (total > IMPORT_LIMITS.maxUncompressedBytes) throw bomb(fileName, `${Math.round(total / 1048576)} MB uncompressed`);
  return zip;
}

/** Reads one XML part as text, refusing DOCTYPE/ENTITY declarations (XXE, billion laughs). */
export async function readXmlPart(zip: JSZip, part: string, fileName: string): Promise<string | null> {
  const file = zip.file(part);
  if (!file) return null;
  let xml: string;
  try {
    xml = await file.async('string');
  } catch {
    throw corrupt(fileName, part.startsWith('word/') ? 'Word' : 'Excel');
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ImportFileError(
      'IMPORT_XML_ENTITIES',
      fileName,
      '文件中含有不允许的 XML 实体声明（可能是恶意构造的文件），已拒绝导入',
      'The file declares XML entities (DOCTYPE/ENTITY), which are refused',
      part,
    );
  }
  return xml;
}

function corrupt(fileName: string, kind: 'Word' | 'Excel') {
  const ext = kind === 'Word' ? 'docx' : 'xlsx';
  return new ImportFileError(
    'IMPORT_FILE_CORRUPT',
    fileName,
    `文件已损坏或不是有效的 .${ext} 文件，请用 ${kind === 'Word' ? 'Word/WPS 文字' : 'Excel/WPS 表格'} 打开后重新另存为 .${ext}`,
    `The file is damaged or not a valid .${ext}; open it in ${kind} and save it again`,
  );
}

function bomb(fileName: string, what: string) {
  return new ImportFileError(
    'IMPORT_ZIP_BOMB',
    fileName,
    `文件解压后体积异常（${what}），超出允许范围，已拒绝导入`,
    `The file expands beyond the allowed limits (${what})`,
  );
}
