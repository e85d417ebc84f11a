// Coordination requests (协调事项) and target adjustments (目标调整) outside a task's page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ListResponse } from '../api/types';
import type { Adjustment, Coordination } from '../ledger/api';

export type AdjustmentStatusKey = Adjustment['status'];

export const collabKeys = {
  coordination: ['coordination'] as const,
  request: (id: number) => ['coordination', id] as const,
  adjustments: (status: AdjustmentStatusKey) => ['adjustments', status] as const,
};

export function useCoordinationList() {
  return useQuery({
    queryKey: collabKeys.coordination,
    queryFn: async () => (await api.get<ListResponse<Coordination>>('/api/coordination')).items,
  });
}

export function useCoordination(id: number) {
  return useQuery({
    queryKey: collabKeys.request(id),
    queryFn: () => api.get<Coordination>(`/api/coordination/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Each answer returns the request as it now is; the lists, the task page and to-dos change too. */
function useCoordinationAction<B>(action: 'comments' | 'assign' | 'close') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: B }) =>
      api.post<Coordination>(`/api/coordination/${id}/${action}`, body),
    onSuccess: (updated) => {
      qc.setQueryData(collabKeys.request(updated.id), updated);
      void qc.invalidateQueries({ queryKey: collabKeys.coordination });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

export const useComment = () => useCoordinationAction<{ body: string }>('comments');
export const useAssign = () => useCoordinationAction<{ unitId: number; comment?: string }>('assign');
export const useCloseRequest = () => useCoordinationAction<{ resolution: string }>('close');

export function useAdjustments(status: AdjustmentStatusKey) {
  return useQuery({
    queryKey: collabKeys.adjustments(status),
    queryFn: async () => (await api.get<ListResponse<Adjustment>>(`/api/adjustments?status=${status}`)).items,
  });
}

export function useDecideAdjustment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: number; decision: 'approve' | 'reject'; note: string }) =>
      api.post<Adjustment>(`/api/adjustments/${id}/${decision}`, { note }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['adjustments'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
