// Each person's notifications (the bell) and to-dos (TodoCard on the homes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationSchema, todoSchema } from '../../../core/api/collaboration';
import { api } from '../api/client';
import type { ListResponse } from '../api/types';

export type Notification = z.infer<typeof notificationSchema>;
export type Todo = z.infer<typeof todoSchema>;

export const inboxKeys = {
  notifications: ['inbox', 'notifications'] as const,
  todos: ['inbox', 'todos'] as const,
};

// Nothing pushes to the browser on a government intranet without websockets set up; a minute's
// delay is fine for notices that are acted on within days.
const POLL_MS = 60_000;

export function useNotifications() {
  return useQuery({
    queryKey: inboxKeys.notifications,
    queryFn: () => api.get<{ items: Notification[]; unread: number }>('/api/notifications'),
    refetchInterval: POLL_MS,
  });
}

export function useTodos() {
  return useQuery({
    queryKey: inboxKeys.todos,
    queryFn: async () => (await api.get<ListResponse<Todo>>('/api/todos')).items,
    refetchInterval: POLL_MS,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') =>
      api.post<void>(id === 'all' ? '/api/notifications/read-all' : `/api/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: inboxKeys.notifications }),
  });
}
