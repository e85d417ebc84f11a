// Ledger API (台账 and the task page). Types are inferred from the zod schemas in core/api, type-only,
// like web/src/api/types.ts: a contract change breaks the web build instead of a clerk's screen.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { adjustmentSchema, coordinationSchema, instructionSchema } from '../../../core/api/collaboration';
import type { taskDetailSchema, taskListSchema, taskPatch } from '../../../core/api/tasks';
import type { indicatorPatch } from '../../../core/api/task-indicators';
import { api } from '../api/client';

export type TaskList = z.infer<typeof taskListSchema>;
export type TaskRow = TaskList['items'][number];
export type TaskDetail = z.infer<typeof taskDetailSchema>;
/** 销号: when and by whom a task was closed, on which period's accepted report. */
export type TaskClosure = NonNullable<TaskRow['closure']>;
export type TaskPatch = z.input<typeof taskPatch>;
export type IndicatorPatch = z.input<typeof indicatorPatch>;
export type Coordination = z.infer<typeof coordinationSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type Instruction = z.infer<typeof instructionSchema>;

export const ledgerKeys = {
  list: (query: string) => ['tasks', 'list', query] as const,
  task: (id: number) => ['tasks', id] as const,
};

/** The ledger page: `query` is the URL query string the filter bar keeps (shareable links). */
export function useTasks(query: string) {
  return useQuery({
    queryKey: ledgerKeys.list(query),
    queryFn: () => api.get<TaskList>(`/api/tasks${query ? `?${query}` : ''}`),
    // Paging or refining a filter keeps the old rows on screen instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: number) {
  return useQuery({
    queryKey: ledgerKeys.task(id),
    queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Every write on a task changes what its page shows (lists, versions, history): refetch it all. */
function useTaskMutation<B, R>(path: (id: number) => string, method: 'post' | 'patch' = 'post') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: B }) =>
      method === 'post' ? api.post<R>(path(id), body) : api.patch<R>(path(id), body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['coordination'] });
      void qc.invalidateQueries({ queryKey: ['adjustments'] });
    },
  });
}

export const useEditTask = () => useTaskMutation<TaskPatch, { version: number }>((id) => `/api/tasks/${id}`, 'patch');

export const useRaiseCoordination = () =>
  useTaskMutation<{ problem: string; departments?: string; leaderId?: number }, Coordination>(
    (id) => `/api/tasks/${id}/coordination`,
  );

export const useProposeAdjustment = () =>
  useTaskMutation<{ indicatorId?: number; afterText?: string; afterValue?: number; reason: string }, Adjustment>(
    (id) => `/api/tasks/${id}/adjustments`,
  );

export const useWriteInstruction = () =>
  useTaskMutation<{ body: string }, Instruction>((id) => `/api/tasks/${id}/instructions`);

/** 销号 (the office): the lead unit's latest accepted report says completed. */
export const useCloseTask = () => useTaskMutation<{ note?: string }, { closure: TaskClosure }>((id) => `/api/tasks/${id}/close`);

/** 撤销销号 (the office), with the reason the audit log keeps. */
export const useReopenTask = () => useTaskMutation<{ reason: string }, { ok: true }>((id) => `/api/tasks/${id}/reopen`);

/** The office corrects an indicator (name, unit, target, qualifier): a new version of the task. */
export function useEditIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, indicatorId, body }: { taskId: number; indicatorId: number; body: IndicatorPatch }) =>
      api.patch<{ version: number; changed: boolean }>(`/api/tasks/${taskId}/indicators/${indicatorId}`, body),
    // The name shows on the ledger, the dashboard's indicator table and the units' report forms.
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
