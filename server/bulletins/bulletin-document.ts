import type { OfficialDocument } from '../../core/documents/official-document';
import { parseBodyText } from '../../core/documents/body-text';
import type { BulletinRow } from './bulletins.repository';

/** A bulletin as an official document (GB/T 9704): 版头, number, title, addressee, the text, signature. */
export function bulletinDocument(row: BulletinRow): OfficialDocument {
  return {
    issuerMark: row.issuer_mark,
    docNumber: row.doc_number,
    title: row.title,
    addressee: row.addressee || undefined,
    blocks: parseBodyText(row.body),
    signature: row.signature,
    date: row.issue_date,
    printedBy: row.issuer_mark,
  };
}
