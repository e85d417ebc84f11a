import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { noticeSummarySchema } from '../../../core/api/notices';
import { api } from '../api/client';
import type { ListResponse } from '../api/types';

export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const noticeKeys = { list: ['notices'] as const };

/** The organisation's imported notices, newest first. */
export function useNotices() {
  return useQuery({
    queryKey: noticeKeys.list,
    queryFn: async () => (await api.get<ListResponse<NoticeSummary>>('/api/notices')).items,
  });
}
