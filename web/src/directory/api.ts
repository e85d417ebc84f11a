import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Leader, ListResponse, Org, OrgStats, Unit, UnitDetail } from '../api/types';

export const dirKeys = {
  org: ['organisations', 'current'] as const,
  units: ['units'] as const,
  unit: (id: Unit['id'] | null | undefined) => ['units', String(id ?? '')] as const,
  leaders: ['leaders'] as const,
};

export function useCurrentOrg() {
  return useQuery({
    queryKey: dirKeys.org,
    queryFn: () => api.get<{ org: Org; stats: OrgStats }>('/api/organisations/current'),
  });
}

export function useUnits() {
  return useQuery({
    queryKey: dirKeys.units,
    queryFn: async () => (await api.get<ListResponse<Unit>>('/api/units')).items,
  });
}

export function useUnit(id: Unit['id'] | null | undefined) {
  return useQuery({
    queryKey: dirKeys.unit(id),
    queryFn: async () => (await api.get<{ unit: UnitDetail }>(`/api/units/${encodeURIComponent(String(id))}`)).unit,
    enabled: id !== null && id !== undefined,
  });
}

export function useLeaders() {
  return useQuery({
    queryKey: dirKeys.leaders,
    queryFn: async () => (await api.get<ListResponse<Leader>>('/api/leaders')).items,
  });
}

export interface UnitInput {
  name: string;
  aliases: string[];
}

/**
 * A new record (id null), or an edit of one with the version the form loaded: the server refuses
 * the edit (STALE_VERSION) when someone else saved the record since.
 */
type Save<Id, Input> = { id: null; input: Input } | { id: Id; input: Input; version: number };

export function useSaveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (save: Save<Unit['id'], UnitInput>) =>
      save.id === null
        ? api.post<{ unit: Unit }>('/api/units', save.input)
        : api.patch<{ unit: Unit }>(`/api/units/${encodeURIComponent(String(save.id))}`, { ...save.input, version: save.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dirKeys.units });
      void qc.invalidateQueries({ queryKey: dirKeys.org });
    },
  });
}

export interface LeaderInput {
  name: string;
  title: string;
}

export function useSaveLeader() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (save: Save<Leader['id'], LeaderInput>) =>
      save.id === null
        ? api.post<{ leader: Leader }>('/api/leaders', save.input)
        : api.patch<{ leader: Leader }>(`/api/leaders/${encodeURIComponent(String(save.id))}`, { ...save.input, version: save.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dirKeys.leaders });
      void qc.invalidateQueries({ queryKey: dirKeys.org });
    },
  });
}
