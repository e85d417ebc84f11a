import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { totpSetupSchema, totpStatusSchema, totpUsersSchema } from '../../../core/api/auth';
import { api } from '../api/client';
import { ME_KEY } from './session';

export type TotpStatus = z.infer<typeof totpStatusSchema>;
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export type TotpUser = z.infer<typeof totpUsersSchema>['items'][number];

// Not under 'auth': sign-out drops every query except the session's own, and this one belongs to the person.
const STATUS_KEY = ['account-security', 'totp'] as const;
const USERS_KEY = ['security', 'totp-users'] as const;

export function useTotpStatus(enabled: boolean) {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => api.get<TotpStatus>('/api/auth/totp'), enabled });
}

/**
 * After a change both the status and /me (which the user menu reads) are stale. Enabling refreshes
 * only once the recovery codes were seen: the refreshed status would replace the setup (and its
 * pending callback) before the codes could be shown.
 */
export function useRefreshTotp() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: STATUS_KEY }), queryClient.invalidateQueries({ queryKey: ME_KEY })]);
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/api/auth/totp/setup') });
}

export function useEnableTotp() {
  return useMutation({ mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', { code }) });
}

export function useDisableTotp() {
  const refresh = useRefreshTotp();
  return useMutation({
    mutationFn: (input: { password: string; code: string }) => api.post<void>('/api/auth/totp/disable', input),
    onSuccess: refresh,
  });
}

/** The security administrator's list of accounts with two-step verification on. */
export function useTotpUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: async () => (await api.get<{ items: TotpUser[] }>('/api/security/totp-users')).items });
}

export function useResetTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => api.post<void>(`/api/users/${userId}/totp/reset`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** A base32 secret in groups of four, the way people read it off the screen into an app. */
export function groupInFours(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
