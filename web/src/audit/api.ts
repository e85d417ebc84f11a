import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client';
import type { AuditVerify } from '../api/types';
import type { auditActorsSchema, auditLineSchema, auditListSchema } from '../../../core/api/audit';

export type AuditLine = z.infer<typeof auditLineSchema>;
export type AuditLinesPage = z.infer<typeof auditListSchema>;
export type AuditActorChoice = z.infer<typeof auditActorsSchema>['items'][number];

/** What the auditor narrowed the log to (sent to the server, which filters). */
export type AuditFilters = {
  actor?: { userId: number | null; name: string };
  actions: string[];
  entity?: string;
  from?: string;
  to?: string;
};

const PAGE_SIZE = 50;

export function auditQueryString(f: AuditFilters, beforeId: number | null): string {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (beforeId !== null) q.set('beforeId', String(beforeId));
  if (f.actor) {
    if (f.actor.userId !== null) q.set('actorUserId', String(f.actor.userId));
    else q.set('actorName', f.actor.name);
  }
  if (f.actions.length) q.set('actions', f.actions.join(','));
  if (f.entity) q.set('entity', f.entity);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  return q.toString();
}

/** Newest first, paged backwards by id: the log only grows, so ids never shift under the reader. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'log', filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => api.get<AuditLinesPage>(`/api/audit?${auditQueryString(filters, pageParam)}`),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAuditActors() {
  return useQuery({ queryKey: ['audit', 'actors'], queryFn: () => api.get<{ items: AuditActorChoice[] }>('/api/audit/actors') });
}

// A mutation, not a query: verifying walks the whole chain, so it runs when the auditor asks.
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerify>('/api/audit/verify') });
}
