// A thin fetch wrapper shared by every feature.
//
// Why not a library: the API is small and same-origin; what matters is that every request carries
// the session cookie, every state-changing request carries the CSRF token, and every failure turns
// into an ApiError with the server's stable code and Chinese message, so pages can show it as-is.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string | undefined;
  /** Per-field reasons for VALIDATION_FAILED, keyed by the request field name. */
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, code: string, message: string, messageEn?: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageEn = messageEn;
    this.fields = fields;
  }
}

// The CSRF token lives in memory only: it comes from GET /api/auth/csrf before sign-in and from
// GET /api/auth/me (or the login response) afterwards. Keeping it out of localStorage means a page
// reload simply fetches it again with /me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

// Called when any request reports that the session is gone (idle timeout, signed out elsewhere),
// so the session hook can send the user back to the sign-in page.
let onUnauthenticated: ((error: ApiError) => void) | null = null;

export function setUnauthenticatedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

// Called when the server rejects the CSRF token: the page was open across a sign-out or restart.
// The session hook re-reads /api/auth/me, which yields a fresh token or sends the user to sign in.
let onCsrfInvalid: (() => void) | null = null;

export function setCsrfInvalidHandler(handler: (() => void) | null): void {
  onCsrfInvalid = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface ErrorBody {
  error?: { code?: string; message?: string; messageEn?: string; fields?: Record<string, string> };
}

/**
 * Turns an error response body (already parsed, or null when it was not JSON) into an ApiError.
 * Exported for the XHR upload helper (web/src/notices/upload.ts), which needs progress events
 * that fetch cannot give, but must fail exactly like every other request.
 */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const err = (body as ErrorBody | null)?.error;
  if (err?.code && err.message) {
    return new ApiError(status, err.code, err.message, err.messageEn, err.fields);
  }
  // A proxy or a crashed server answers without our error envelope; still say something useful.
  const fallback =
    status === 502 || status === 503 || status === 504 ? '服务暂时不可用，请稍后再试' : `请求失败（HTTP ${status}）`;
  return new ApiError(status, `HTTP_${status}`, fallback);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return apiErrorFromBody(res.status, body);
}

/**
 * Lets the session hooks react to a failed request: a 401 drops the session, a rejected CSRF token
 * re-reads /api/auth/me. Shared by fetch requests and XHR uploads.
 */
export function reportFailure(path: string, error: ApiError): void {
  // /api/auth/me answering 401 is the normal "not signed in" case, handled by the session hook.
  if (error.status === 401 && path !== '/api/auth/me' && path !== '/api/auth/login') {
    onUnauthenticated?.(error);
  }
  if (error.status === 403 && error.code === 'CSRF_INVALID' && path !== '/api/auth/login') {
    onCsrfInvalid?.();
  }
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  if (!res.ok) {
    const error = await toApiError(res);
    reportFailure(path, error);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** The Chinese message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，请稍后再试';
}
