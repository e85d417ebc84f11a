import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { accountRequestApprovedSchema, AccountRequest } from '../../../core/api/account-requests';
import { api } from '../api/client';
import type { ListResponse, Role, User } from '../api/types';

export type { AccountRequest };
export type Delivery = NonNullable<z.infer<typeof accountRequestApprovedSchema>['delivery']>;

export const userKeys = { all: ['users'] as const };
export const accountRequestKeys = { all: ['account-requests'] as const };

export function useUsers() {
  return useQuery({
    queryKey: userKeys.all,
    queryFn: async () => (await api.get<ListResponse<User>>('/api/users')).items,
  });
}

/**
 * What the system administrator asks for. No password: one is generated when the security
 * administrator approves the request, and shown to them once (issue 17, finding 4).
 */
export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  unitId?: User['id'] | null;
  leaderId?: User['id'] | null;
  reason?: string;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'username'>> & { disabled?: boolean; version: number };

function userPath(id: User['id']) {
  return `/api/users/${encodeURIComponent(String(id))}`;
}

/** Users and requests change together: a proposal marks its account, a decision changes it. */
function useInvalidateAccounts() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: userKeys.all }), qc.invalidateQueries({ queryKey: accountRequestKeys.all })]);
}

export function useCreateUser() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<{ request: AccountRequest }>('/api/users', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, input }: { id: User['id']; input: UpdateUserInput }) =>
      api.patch<{ user: User; request: AccountRequest | null }>(userPath(id), input),
    // A refused save (someone else saved first) also reloads the list: the next try starts from theirs.
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, reason }: { id: User['id']; reason: string }) =>
      api.post<{ request: AccountRequest }>(`${userPath(id)}/reset-password`, { reason }),
    onSuccess: invalidate,
  });
}

export function useAccountRequests(status: 'pending' | 'decided') {
  return useQuery({
    queryKey: [...accountRequestKeys.all, status],
    queryFn: async () => (await api.get<ListResponse<AccountRequest>>(`/api/account-requests?status=${status}`)).items,
  });
}

export function useApproveRequest() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (id: number) => api.post<{ request: AccountRequest; delivery: Delivery | null }>(`/api/account-requests/${id}/approve`),
    onSettled: invalidate,
  });
}

export function useRejectRequest() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) => api.post<{ request: AccountRequest }>(`/api/account-requests/${id}/reject`, { note }),
    onSettled: invalidate,
  });
}
