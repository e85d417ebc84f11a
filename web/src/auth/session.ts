import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';

export const ME_KEY = ['auth', 'me'] as const;

// Why the user was sent back to the sign-in page (e.g. "登录已过期，请重新登录"); shown there
// until the next sign-in or sign-out.
let signedOutReason: string | null = null;
// Whether this tab has seen a live session: a 401 then means it ended (idle timeout, disabled
// account, signed out elsewhere), which deserves an explanation; on a fresh visit it does not.
let hadSession = false;

export function signedOutBecause(): string | null {
  return signedOutReason;
}

// "请先登录" reads oddly to someone who was signed in a moment ago; say what happened instead.
function reasonFor(err: ApiError): string {
  return err.code === 'AUTH_REQUIRED' ? '登录状态已失效，请重新登录' : err.message;
}

// 401 from /me is the ordinary "not signed in" answer, so it resolves to null instead of an error;
// anything else (server down) stays an error so the page can say so instead of showing sign-in.
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    hadSession = true;
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      if (hadSession) signedOutReason = reasonFor(err);
      hadSession = false;
      return null;
    }
    throw err;
  }
}

export function useSession() {
  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: fetchMe,
    staleTime: 60_000,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
  return { me: query.data ?? null, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}

/** Forget everything cached for the previous user; used on sign-out and on session expiry. */
export function dropSession(queryClient: QueryClient, cause?: ApiError): void {
  signedOutReason = cause ? reasonFor(cause) : null;
  hadSession = false;
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { username: string; password: string; totpCode?: string }) => {
      // The login POST needs a CSRF token bound to the pre-session cookie; fetch a fresh one each
      // time so a stale tab (or a previous user's token) never causes a confusing 403.
      const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/csrf');
      setCsrfToken(csrfToken);
      const { user } = await api.post<{ user: Me }>('/api/auth/login', input);
      return user;
    },
    onSuccess: (user) => {
      signedOutReason = null;
      hadSession = true;
      if (user.csrfToken) setCsrfToken(user.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, user);
    },
  });
}

/** Signs out; with everywhere, every session of the person on every device ends too. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (opts?: { everywhere?: boolean }) => {
      try {
        await api.post<void>(opts?.everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout');
      } catch (err) {
        // An expired session is already signed out; anything else should still reach the user.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
    },
    onSettled: () => dropSession(queryClient),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/password', input),
    // mustChangePassword flips to false on the server; re-read the session to pick that up.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
