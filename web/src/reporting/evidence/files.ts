import { EVIDENCE_EXTENSIONS, EVIDENCE_LIMITS } from '../../../../core/api/evidence';

export type FileKind = 'image' | 'pdf' | 'word' | 'excel' | 'powerpoint' | 'other';

/** What to do with a stored file, from the type the server read from its content. */
export function kindOf(f: { contentType: string }): FileKind {
  const t = f.contentType;
  if (t.startsWith('image/')) return 'image';
  if (t === 'application/pdf') return 'pdf';
  if (t.includes('wordprocessingml') || t === 'application/msword') return 'word';
  if (t.includes('spreadsheetml') || t === 'application/vnd.ms-excel') return 'excel';
  if (t.includes('presentationml') || t === 'application/vnd.ms-powerpoint') return 'powerpoint';
  return 'other';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * Refused in the browser before any byte is sent, with the server's own limits: a wrong kind of
 * file or one over the size limit. Everything else (the content itself) is the server's check.
 */
export function refusalBeforeUpload(file: { name: string; size: number }): string | null {
  const ext = (file.name.match(/\.[A-Za-z0-9]+$/)?.[0] ?? '').toLowerCase();
  if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)) {
    return `“${file.name}”不是图片、PDF 或 Office 文档，不能作为佐证材料上传（可上传 ${EVIDENCE_EXTENSIONS.join(' ')}）`;
  }
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > EVIDENCE_LIMITS.maxBytes) {
    return `“${file.name}”为 ${formatSize(file.size)}，超过单个附件 ${EVIDENCE_LIMITS.maxBytes / 1048576} MB 的上限，请压缩后重新上传`;
  }
  return null;
}
