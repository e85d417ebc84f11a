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
  }
  interface FastifyRequest {
    signedIn: SignedIn | null;
    policyDecided: boolean;
  }
}

export {};
