/**
 * What an evidence file really is, read from its first bytes, never from its name or the
 * browser's word: images, PDF and Office documents only. The name's extension must agree.
 */
export type EvidenceType = { contentType: string; extensions: string[] };

const TYPES: { magic: number[]; type: EvidenceType }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], type: { contentType: 'image/png', extensions: ['.png'] } },
  { magic: [0xff, 0xd8, 0xff], type: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] } },
  { magic: [0x47, 0x49, 0x46, 0x38], type: { contentType: 'image/gif', extensions: ['.gif'] } },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { contentType: 'application/pdf', extensions: ['.pdf'] } },
  // Office Open XML (docx, xlsx, pptx) are zip packages; the legacy formats are OLE compound files.
  { magic: [0x50, 0x4b, 0x03, 0x04], type: { contentType: 'application/octet-stream', extensions: ['.docx', '.xlsx', '.pptx'] } },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], type: { contentType: 'application/octet-stream', extensions: ['.doc', '.xls', '.ppt'] } },
];

const OFFICE_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.ppt': 'application/vnd.ms-powerpoint',
};

function isWebp(buf: Buffer): boolean {
  return buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP';
}

/** The detected type, or null when the content is not an accepted kind or does not match the name. */
export function detectEvidenceType(fileName: string, buf: Buffer): { contentType: string } | null {
  const ext = (fileName.match(/\.[A-Za-z0-9]+$/)?.[0] ?? '').toLowerCase();
  if (isWebp(buf)) return ext === '.webp' ? { contentType: 'image/webp' } : null;
  const hit = TYPES.find((t) => t.magic.every((b, i) => buf[i] === b));
  if (!hit || !hit.type.extensions.includes(ext)) return null;
  return { contentType: OFFICE_TYPES[ext] ?? hit.type.contentType };
}

export { EVIDENCE_LIMITS, INLINE_TYPES } from '../../core/api/evidence';
