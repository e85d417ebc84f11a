import type { SignedIn } from '../auth/session.service';
import type { Access } from '../policies/policy';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy of the route: an action from policies/policy.ts, or 'public'. Required on /api. */
    access?: Access;
    /**
     * True when the route acts on one record (an :id). The role check alone is then not
     * enough: the handler must call request.authorize(action, record) before answering.
     */
    recordScoped?: boolean;
    /** True for the few routes a session may call before its initial or reset password is changed. */
    beforePasswordChange?: boolean;
    /** Counts the route into a per-address rate limit (multipart upload routes are counted as 'upload' anyway). */
    rateLimit?: import('./rate-limit').RateBucket;
  }
  interface FastifyRequest {
    signedIn: SignedIn | null;
    policyDecided: boolean;
  }
}

export {};
