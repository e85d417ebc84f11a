import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { onReplica } from '../db/read-replica';
import { AnswerCache } from './answer-cache';
import { SessionCache, SessionsListener } from './session-cache';
import { StampReader } from './stamps';

/** What one server process keeps in memory between requests (issue 19). */
export type Caches = {
  stamps: StampReader;
  /** null when DUBAN_ANSWER_CACHE_MB=0. */
  answers: AnswerCache | null;
  sessions: SessionCache;
  close: () => Promise<void>;
};

export const ANSWER_HEADER = 'x-duban-answer';

export function createCaches(ctx: AppContext): Caches {
  const database = ctx.config.database;
  const listener = database.engine === 'postgres' ? new SessionsListener(database.url) : null;
  const stamps = new StampReader(ctx, listener);
  return {
    stamps,
    answers: ctx.config.answerCacheBytes > 0 ? new AnswerCache(ctx.config.answerCacheBytes) : null,
    sessions: new SessionCache(ctx, stamps, listener),
    close: async () => listener?.close(),
  };
}

/**
 * Routes marked `config: { answerCache: true }` (pure reads) answer from memory while their data has not
 * changed ('ignores-drafts': while nothing but reports still with their units changed). An answer
 * is kept per person, business day and URL, under the stamp of the person's organisation family
 * read before the handler ran (stamps.ts): a write that commits while the answer is computed
 * leaves it under the older stamp, so it is never served after that write.
 * A served answer skips the handler and its record check: the same person was given the same
 * answer, after the same check, on the same data.
 */
export function registerCaches(app: FastifyInstance, ctx: AppContext, caches: Caches) {
  app.addHook('onClose', async () => caches.close());
  app.decorateRequest('answerToKeep', undefined);
  app.decorateRequest('readFromReplica', false);

  const answers = caches.answers;
  const replica = ctx.replica ?? null;
  if (answers || replica) {
    app.addHook('preHandler', async (request, reply) => {
      const actor = request.signedIn?.actor;
      if (!request.routeOptions.config.answerCache || request.method !== 'GET' || !actor?.userId || actor.orgId == null) return;
      const stamps = await caches.stamps.orgStamp(actor.orgId);
      const stamp = request.routeOptions.config.answerCache === 'ignores-drafts' ? stamps.ignoringDrafts : stamps.stamp;
      const lsn = stamps.lsn;
      const key = `${actor.userId}\u0000${ctx.clock.today()}\u0000${request.url}`;
      const hit = answers?.get(key, stamp);
      if (hit) {
        request.policyDecided = true;
        return reply.header(ANSWER_HEADER, 'memory').type(hit.contentType).send(hit.body);
      }
      if (answers) request.answerToKeep = { key, stamp };
      // The replica answers only when it holds every write the stamp counts (db/read-replica.ts).
      if (replica && lsn && (await replica.caughtUp(lsn))) request.readFromReplica = true;
      reply.header(ANSWER_HEADER, request.readFromReplica ? 'replica' : 'primary');
    });
    // Handlers of such routes run with their queries on the replica when the check above said so.
    app.addHook('onRoute', (route) => {
      if (!replica || !route.config?.answerCache) return;
      const handler = route.handler;
      route.handler = function (this: unknown, request, reply) {
        return onReplica.run(request.readFromReplica === true, () => handler.call(this as never, request, reply));
      };
    });
  }

  if (answers) {
    app.addHook('onSend', async (request, reply, payload) => {
      const keep = request.answerToKeep;
      if (keep && reply.statusCode === 200 && typeof payload === 'string') {
        answers.set(keep.key, keep.stamp, { body: payload, contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') });
      }
      return payload;
    });
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's answer may be kept in memory (server/cache/caches.ts): a GET whose answer depends
     * only on the person, the URL, the business day and the data. 'ignores-drafts': it reads no
     * report still with its unit (only what reached the office, core/reporting/standing.ts inOffice),
     * so a clerk's save leaves it in memory; draft-stamp.test.ts proves it for every such route.
     */
    answerCache?: true | 'ignores-drafts';
  }
  interface FastifyRequest {
    answerToKeep?: { key: string; stamp: string };
    /** The handler's queries go to the read replica (DATABASE_READ_URL). */
    readFromReplica?: boolean;
  }
}
