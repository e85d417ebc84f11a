import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountRequest } from '../../../core/api/account-requests';
import type { userImportPreviewSchema } from '../../../core/api/users-import';
import { uploadNotice } from '../notices/upload';
import { accountRequestKeys, userKeys, type Delivery } from './api';

export type ImportPreview = z.infer<typeof userImportPreviewSchema>;
export type ImportPreviewRow = ImportPreview['rows'][number];
/** The import is asked for as one request; the accounts exist once the security administrator approves. */
export type ImportResult = { request: AccountRequest };

/** A plain link: the browser downloads the template with the session cookie. */
export const TEMPLATE_HREF = '/api/users/import/template.xlsx';

// The account sheet goes up as multipart, through the same XHR helper as a notice file (one way to
// upload, failing alike); the sheet is small, so its progress is not shown.
const send = <T>(path: string, file: File) => uploadNotice<T>(path, file, {}, () => undefined).promise;

export function usePreviewImport() {
  return useMutation({ mutationFn: (file: File) => send<ImportPreview>('/api/users/import/preview', file) });
}

export function useImportAccounts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => send<ImportResult>('/api/users/import', file),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: userKeys.all }), qc.invalidateQueries({ queryKey: accountRequestKeys.all })]),
  });
}

/** Saves the one-time file of initial passwords an approval answered; nothing is kept afterwards. */
export function downloadPasswords(file: Delivery['passwordsFile']) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
