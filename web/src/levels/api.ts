// 上下级 (issue 7): hand an item down to lower organisations, see their progress rolled up, drill
// into one read-only, rank them; and, in the lower organisation, the upper item a task answers.
// Types come from the zod schemas in core/api/levels.ts, type-only: no zod reaches the browser.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  handdownBody,
  handdownResultSchema,
  levelOrganisationsSchema,
  lowerTaskSchema,
  rankingSchema,
  relinkResultSchema,
  rollupItemSchema,
  taskUpstreamSchema,
} from '../../../core/api/levels';
import { api, ApiError } from '../api/client';

export type LevelOrganisations = z.infer<typeof levelOrganisationsSchema>;
export type LowerOrg = LevelOrganisations['below'][number];
export type HanddownTarget = z.input<typeof handdownBody>['targets'][number];
export type HanddownResult = z.infer<typeof handdownResultSchema>;
export type RollupItem = z.infer<typeof rollupItemSchema>;
export type RollupLower = RollupItem['lower'][number];
export type RollupSum = RollupItem['sums'][number];
export type RankingRow = z.infer<typeof rankingSchema>['items'][number];
export type LowerTask = z.infer<typeof lowerTaskSchema>;
export type UpstreamItem = z.infer<typeof taskUpstreamSchema>['items'][number];
export type RelinkResult = z.infer<typeof relinkResultSchema>;

export const levelKeys = {
  organisations: ['levels', 'organisations'] as const,
  rollup: ['rollup', 'items'] as const,
  rollupTask: (id: number) => ['rollup', 'tasks', id] as const,
  lowerTask: (id: number) => ['rollup', 'lower-tasks', id] as const,
  ranking: ['rollup', 'ranking'] as const,
  // Under ['tasks', id]: every task write (edit, adjustment) refetches it with the task page.
  upstream: (taskId: number) => ['tasks', taskId, 'upstream'] as const,
};

/** A plain link: the browser downloads the workbook with the session cookie. */
export const rankingXlsxHref = '/api/rollup/ranking.xlsx';

/** This organisation and every organisation below it (who may receive a hand-down). */
export function useLevelOrganisations(enabled = true) {
  return useQuery({
    queryKey: levelKeys.organisations,
    queryFn: () => api.get<LevelOrganisations>('/api/levels/organisations'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Every item this organisation handed down, with each lower organisation's progress. */
export function useRollup() {
  return useQuery({
    queryKey: levelKeys.rollup,
    queryFn: async () => (await api.get<{ items: RollupItem[] }>('/api/rollup')).items,
  });
}

/** One of this organisation's items as the lower organisations carry it; null when not handed down. */
export function useRollupTask(taskId: number, enabled = true) {
  return useQuery({
    queryKey: levelKeys.rollupTask(taskId),
    queryFn: async () => {
      try {
        return await api.get<RollupItem>(`/api/rollup/tasks/${taskId}`);
      } catch (err) {
        // "该事项尚未交办": nothing below carries the item yet.
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled: enabled && taskId > 0,
  });
}

/** The read-only drill-down into a lower organisation's task. */
export function useLowerTask(id: number) {
  return useQuery({
    queryKey: levelKeys.lowerTask(id),
    queryFn: () => api.get<LowerTask>(`/api/rollup/lower-tasks/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useRanking(enabled = true) {
  return useQuery({
    queryKey: levelKeys.ranking,
    queryFn: async () => (await api.get<{ items: RankingRow[] }>('/api/rollup/ranking')).items,
    enabled,
  });
}

/** The upper items a task of this organisation answers (handed down, or linked at import). */
export function useTaskUpstream(taskId: number) {
  return useQuery({
    queryKey: levelKeys.upstream(taskId),
    queryFn: async () => (await api.get<{ items: UpstreamItem[] }>(`/api/tasks/${taskId}/upstream`)).items,
    enabled: taskId > 0,
  });
}

/** 下达: one transaction for all the chosen organisations; the roll-up and the task page refetch. */
export function useHanddown() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, targets }: { taskId: number; targets: HanddownTarget[] }) =>
      api.post<HanddownResult>(`/api/tasks/${taskId}/handdowns`, { targets }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rollup'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** Link this organisation's tasks that cite upper numbers to the upper ledgers now. */
export function useRelink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RelinkResult>('/api/levels/relink'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['tasks'] }),
  });
}
