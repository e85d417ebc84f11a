import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ListResponse, Role, User } from '../api/types';

export const userKeys = { all: ['users'] as const };

export function useUsers() {
  return useQuery({
    queryKey: userKeys.all,
    queryFn: async () => (await api.get<ListResponse<User>>('/api/users')).items,
  });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  unitId?: User['id'] | null;
  leaderId?: User['id'] | null;
  password: string;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'username' | 'password'>> & { disabled?: boolean };

function userPath(id: User['id']) {
  return `/api/users/${encodeURIComponent(String(id))}`;
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<{ user: User }>('/api/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: User['id']; input: UpdateUserInput }) =>
      api.patch<{ user: User }>(userPath(id), input),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: User['id']; password: string }) =>
      api.post<void>(`${userPath(id)}/reset-password`, { password }),
  });
}

/**
 * A random initial password the administrator can hand over; the user must change it at first
 * sign-in. Avoids look-alike characters (0/O, 1/l/I) because it is often read out or written down.
 */
export function generatePassword(length = 12): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#$%&*!?'];
  const all = sets.join('');
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b, i) => {
    const set = i < sets.length ? (sets[i] ?? all) : all;
    return set[b % set.length] ?? 'x';
  });
  // Shuffle so the guaranteed character classes are not always at the front.
  const order = new Uint32Array(length);
  crypto.getRandomValues(order);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = (order[i] ?? 0) % (i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
