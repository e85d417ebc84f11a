// Building the ledger by hand (issue 16): 新建台账, 新增任务, 粘贴导入, move, delete, the paste mapping.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  annexCreateBody,
  ledgerCreateBody,
  noticeStructureSchema,
  pasteMemorySchema,
  taskDraftSchema,
  taskMoveBody,
  tasksCreatedSchema,
} from '../../../core/api/ledger-build';
import { api, request } from '../api/client';
import { noticeKeys } from '../notices/api';

export type NoticeStructure = z.infer<typeof noticeStructureSchema>;
export type TaskDraftInput = z.input<typeof taskDraftSchema>;
export type TasksCreated = z.infer<typeof tasksCreatedSchema>;
export type PasteMemoryValue = z.infer<typeof pasteMemorySchema>;

const buildKeys = {
  structure: (id: number) => ['notices', id, 'structure'] as const,
  reported: (ids: number[]) => ['tasks', 'reported', ids.join(',')] as const,
  pasteMemory: ['ledger', 'paste-mapping'] as const,
};

/** Every change to the ledger changes the lists, the notices' task counts and the structures. */
function useLedgerMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: noticeKeys.list });
    },
  });
}

export const useCreateLedger = () => useLedgerMutation((body: z.input<typeof ledgerCreateBody>) => api.post<{ noticeId: number }>('/api/notices', body));
export const useAddAnnex = () =>
  useLedgerMutation(({ noticeId, body }: { noticeId: number; body: z.input<typeof annexCreateBody> }) => api.post<{ annexNo: number }>(`/api/notices/${noticeId}/annexes`, body));
export const useAddTasks = () =>
  useLedgerMutation(({ noticeId, annexNo, tasks }: { noticeId: number; annexNo: number; tasks: TaskDraftInput[] }) =>
    api.post<TasksCreated>(`/api/notices/${noticeId}/tasks`, { annexNo, tasks }),
  );
export const useMoveTask = () =>
  useLedgerMutation(({ id, body }: { id: number; body: z.input<typeof taskMoveBody> }) => api.post<{ annexNo: number; seq: string }>(`/api/tasks/${id}/move`, body));
export const useDeleteTask = () => useLedgerMutation((id: number) => api.del<{ ok: true }>(`/api/tasks/${id}`));

export function useNoticeStructure(noticeId: number | undefined) {
  return useQuery({
    queryKey: buildKeys.structure(noticeId ?? 0),
    queryFn: () => api.get<NoticeStructure>(`/api/notices/${noticeId}/structure`),
    enabled: noticeId !== undefined,
  });
}

/** Which tasks on the page have report entries: their row offers 销号 instead of 删除. */
export function useReportedTasks(ids: number[], enabled: boolean) {
  return useQuery({
    queryKey: buildKeys.reported(ids),
    queryFn: async () => new Set((await api.get<{ reported: number[] }>(`/api/tasks/reported?ids=${ids.join(',')}`)).reported),
    enabled: enabled && ids.length > 0,
    // When the page's rows change, a reported row keeps its 销号 until the new answer comes, rather than
    // flicker to a (disabled) 删除 and back.
    placeholderData: keepPreviousData,
  });
}

export function usePasteMemory(enabled: boolean) {
  return useQuery({ queryKey: buildKeys.pasteMemory, queryFn: () => api.get<PasteMemoryValue>('/api/ledger/paste-mapping'), enabled });
}

export function useSavePasteMemory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PasteMemoryValue) => request<PasteMemoryValue>('PUT', '/api/ledger/paste-mapping', body),
    onSuccess: (saved) => qc.setQueryData(buildKeys.pasteMemory, saved),
  });
}

export const importTemplateHref = (year: number) => `/api/ledger/import-template.xlsx?year=${year}`;
