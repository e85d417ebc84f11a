import dayjs, { type Dayjs } from 'dayjs';
import type { Bulletin, BulletinEdit } from './api';

/** The editor form's values: the PUT body without the version, the date as the DatePicker holds it. */
export type EditorValues = Omit<BulletinEdit, 'version' | 'issueDate'> & { issueDate: Dayjs };

export const toValues = (b: Bulletin): EditorValues => ({
  issuerMark: b.issuerMark,
  docNumber: b.docNumber,
  title: b.title,
  addressee: b.addressee,
  body: b.body,
  signature: b.signature,
  issueDate: dayjs(b.issueDate),
  highlightProgressIds: b.highlightProgressIds,
});

export const toEdit = (v: EditorValues, version: number): BulletinEdit => ({
  version,
  issuerMark: v.issuerMark,
  docNumber: v.docNumber,
  title: v.title,
  addressee: v.addressee ?? '',
  body: v.body,
  signature: v.signature,
  issueDate: v.issueDate.format('YYYY-MM-DD'),
  highlightProgressIds: v.highlightProgressIds ?? [],
});

/** Whether the form differs from what the server holds (the order of picked highlights aside). */
export function isDirty(v: Partial<EditorValues> | undefined, saved: Bulletin): boolean {
  if (!v?.issueDate) return false;
  const key = (e: BulletinEdit) =>
    JSON.stringify({ ...e, highlightProgressIds: [...e.highlightProgressIds].sort((a, b) => a - b) });
  return key(toEdit(v as EditorValues, 0)) !== key(toEdit(toValues(saved), 0));
}
