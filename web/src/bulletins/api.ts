// Bulletins (督查通报): the office generates a draft from a period's reports, edits and publishes it;
// units, leaders and viewers read the published ones. Types come from core/api/bulletins.ts, type-only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { bulletinSchema, bulletinSummarySchema, updateBulletinBody } from '../../../core/api/bulletins';
import { api, request } from '../api/client';
import type { ListResponse } from '../api/types';

export type BulletinSummary = z.infer<typeof bulletinSummarySchema>;
export type Bulletin = z.infer<typeof bulletinSchema>;
export type BulletinFigures = Bulletin['figures'];
export type BulletinEdit = z.input<typeof updateBulletinBody>;
export type HighlightCandidate = BulletinFigures['highlightCandidates'][number];

export const bulletinKeys = {
  list: ['bulletins'] as const,
  one: (id: number) => ['bulletins', id] as const,
};

/** A plain link: the browser downloads the document with the session cookie. */
export const bulletinDocxHref = (id: number) => `/api/bulletins/${id}/export.docx`;

export function useBulletins() {
  return useQuery({
    queryKey: bulletinKeys.list,
    queryFn: async () => (await api.get<ListResponse<BulletinSummary>>('/api/bulletins')).items,
  });
}

/**
 * One bulletin. The editor must not be refreshed behind the clerk's back (its version would move
 * under the form), so `editing` turns off the background refetches; each save answers with the
 * new bulletin instead.
 */
export function useBulletin(id: number, { editing = false } = {}) {
  return useQuery({
    queryKey: bulletinKeys.one(id),
    queryFn: () => api.get<Bulletin>(`/api/bulletins/${id}`),
    ...(editing ? { refetchOnWindowFocus: false, staleTime: Infinity, refetchOnMount: 'always' as const } : {}),
  });
}

/** Every change answers with the whole bulletin: it replaces the cached one and the list refreshes. */
function useBulletinChange<V>(fn: (v: V) => Promise<Bulletin>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (b) => {
      qc.setQueryData(bulletinKeys.one(b.id), b);
      void qc.invalidateQueries({ queryKey: bulletinKeys.list, exact: true });
    },
  });
}

export const useGenerateBulletin = () =>
  useBulletinChange((periodId: number) => api.post<Bulletin>('/api/bulletins', { periodId }));

export const useSaveBulletin = (id: number) =>
  useBulletinChange((edit: BulletinEdit) => request<Bulletin>('PUT', `/api/bulletins/${id}`, edit));

export const useRegenerateBulletin = (id: number) =>
  useBulletinChange((v: { version: number; highlightProgressIds: number[] }) =>
    api.post<Bulletin>(`/api/bulletins/${id}/regenerate`, v),
  );

export const usePublishBulletin = (id: number) =>
  useBulletinChange((version: number) => api.post<Bulletin>(`/api/bulletins/${id}/publish`, { version }));

export function useDeleteBulletin(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.del<void>(`/api/bulletins/${id}?version=${version}`),
    // The cached draft is left alone: the editor showing it is about to leave, and a refetch
    // now would only flash a 404 on its way out.
    onSuccess: () => void qc.invalidateQueries({ queryKey: bulletinKeys.list, exact: true }),
  });
}
