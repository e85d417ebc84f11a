import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../context';
import { openSecret, sealSecret, secretKey } from '../secret-box';
import type { Platform } from './platform-identities.repository';

/**
 * The state of one platform sign-in between leaving Duban and coming back: state, nonce and the PKCE
 * verifier, sealed (AES-256-GCM under the deployment key) in a short-lived HttpOnly cookie, so any
 * process behind the load balancer can finish the sign-in and nothing is stored server-side. A
 * callback whose state differs from the cookie's, or comes without one, is refused (login CSRF).
 */
export const FLOW_COOKIE = 'duban_sso';
export const FLOW_MAX_AGE_SECONDS = 600;

export type Flow = { platform: Platform; state: string; nonce: string; verifier: string; exp: number };

export function sealFlow(ctx: AppContext, flow: Omit<Flow, 'exp'>): string {
  return sealSecret(secretKey(ctx.config), JSON.stringify({ ...flow, exp: Date.now() + FLOW_MAX_AGE_SECONDS * 1000 }));
}

/** The flow if the cookie is ours, unexpired, for this platform and for this state; otherwise null. */
export function openFlow(
  ctx: AppContext,
  cookie: string | undefined,
  platform: Platform,
  state: string | undefined,
): Flow | null {
  if (!cookie || !state || !cookie.startsWith('v1.')) return null;
  let flow: Flow;
  try {
    flow = JSON.parse(openSecret(secretKey(ctx.config), cookie)) as Flow;
  } catch {
    return null;
  }
  if (flow.platform !== platform || !(flow.exp > Date.now())) return null;
  const a = Buffer.from(flow.state);
  const b = Buffer.from(state);
  return a.length === b.length && timingSafeEqual(a, b) ? flow : null;
}
