import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AuditPage, AuditVerify } from '../api/types';

const PAGE_SIZE = 50;

/** Newest first, paged backwards by id: the log only grows, so ids never shift under the reader. */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit', 'log'],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>(`/api/audit?limit=${PAGE_SIZE}${pageParam !== null ? `&beforeId=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
}

// A mutation, not a query: verifying walks the whole chain, so it runs when the auditor asks.
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerify>('/api/audit/verify') });
}
