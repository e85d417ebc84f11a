import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ImportOptions, noticeSummarySchema } from '../../../core/api/notices';
import { api } from '../api/client';
import type { ListResponse } from '../api/types';
import type { ImportResult, NoticePreview } from './types';
import { uploadNotice, type UploadHandle, type UploadProgress } from './upload';

export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const noticeKeys = { list: ['notices'] as const };

/** The organisation's imported notices, newest first. */
export function useNotices() {
  return useQuery({
    queryKey: noticeKeys.list,
    queryFn: async () => (await api.get<ListResponse<NoticeSummary>>('/api/notices')).items,
  });
}

/**
 * An upload as a mutation plus its progress, so a page can show the bar while the bytes go up
 * and "正在解析…" while the server reads the file. `cancel` aborts the request in flight.
 */
function useUpload<V, T>(
  start: (vars: V, onProgress: (p: UploadProgress) => void) => UploadHandle<T>,
  onSuccess?: () => void,
) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const handle = useRef<UploadHandle<T> | null>(null);
  const mutation = useMutation({
    mutationFn: (vars: V) => {
      handle.current = start(vars, setProgress);
      return handle.current.promise;
    },
    onSuccess,
    onSettled: () => {
      handle.current = null;
      setProgress(null);
    },
  });
  const cancel = useCallback(() => handle.current?.abort(), []);
  return { ...mutation, progress, cancel };
}

/** Parse an uploaded notice on the server; writes nothing. */
export function usePreviewNotice() {
  return useUpload((file: File, onProgress) =>
    uploadNotice<NoticePreview>('/api/notices/preview', file, {}, onProgress),
  );
}

/** Import (or, with update, re-import) the same file with the office's corrections. */
export function useImportNotice() {
  const qc = useQueryClient();
  return useUpload(
    ({ file, options }: { file: File; options: Partial<ImportOptions> }, onProgress) =>
      uploadNotice<ImportResult>('/api/notices/import', file, { options: JSON.stringify(options) }, onProgress),
    () => void qc.invalidateQueries({ queryKey: noticeKeys.list }),
  );
}
