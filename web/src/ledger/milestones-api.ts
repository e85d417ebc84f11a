// Milestones (时间节点) of a task: read by everyone who may read the task, written by the office.
// Types come from the zod schemas in core/api/milestones.ts, type-only, like the rest of the ledger.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { milestoneBody, milestoneListSchema, milestoneSchema } from '../../../core/api/milestones';
import { api } from '../api/client';

export type Milestone = z.infer<typeof milestoneSchema>;
export type MilestoneBody = z.input<typeof milestoneBody>;

export const milestoneKeys = { of: (taskId: number) => ['tasks', taskId, 'milestones'] as const };

export function useMilestones(taskId: number) {
  return useQuery({
    queryKey: milestoneKeys.of(taskId),
    queryFn: async () => (await api.get<z.infer<typeof milestoneListSchema>>(`/api/tasks/${taskId}/milestones`)).items,
  });
}

/** A milestone changes the task's light: the task, the ledger and the dashboard are read again. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['tasks'] });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useSaveMilestone(taskId: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: number; version?: number; body: MilestoneBody }) =>
      id === undefined
        ? api.post<Milestone>(`/api/tasks/${taskId}/milestones`, body)
        : api.patch<Milestone>(`/api/tasks/${taskId}/milestones/${id}`, { ...body, version }),
    onSuccess: done,
  });
}

export function useDeleteMilestone(taskId: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api.del<{ ok: true }>(`/api/tasks/${taskId}/milestones/${id}`),
    onSuccess: done,
  });
}
