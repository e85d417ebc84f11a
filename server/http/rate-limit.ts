import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { visibleText } from '../../core/audit/typed-name';
import { systemActor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';

export type RateBucket = 'sign-in' | 'upload';

/**
 * Per-address rate limits on sign-in and uploads (等级保护: 防暴力破解, 资源控制). The per-account
 * lockout stops guessing one account's password; this stops one address from trying many
 * accounts, or from flooding the server with uploads it must parse.
 *
 * Counted in the database in fixed windows, with one atomic upsert per request, so every process
 * behind the load balancer adds to the same count. Checked in onRequest, before the body is read.
 * An upload route is any route that consumes multipart/form-data, so a new one cannot be missed.
 */
export function registerRateLimits(app: FastifyInstance, ctx: AppContext) {
  const limits = ctx.config.rateLimits;
  app.addHook('onRequest', async (request, reply) => {
    const bucket = bucketOf(request);
    if (!bucket) return;
    const limit = bucket === 'sign-in' ? limits.signInPerWindow : limits.uploadsPerWindow;
    if (limit === 0) return; // switched off in the settings
    // Wall-clock time, not the business clock (which a demo or test may pin to one day).
    const now = Date.now() / 1000;
    const windowNo = Math.floor(now / limits.windowSeconds);
    const hits = await countHit(ctx, bucket, request.ip, windowNo);
    if (hits <= limit) return;
    const retryAfter = Math.max(1, Math.ceil((windowNo + 1) * limits.windowSeconds - now));
    reply.header('retry-after', String(retryAfter));
    // One audit entry per address and window, not one per refused request: a flood must not
    // flood the audit trail too.
    if (hits === limit + 1) {
      await inTransaction(ctx, (trx) =>
        appendAudit(trx, ctx.engine, {
          actor: systemActor('rate-limit'),
          orgId: null,
          action: 'security.rate_limited',
          entity: 'client',
          entityId: null,
          // The address (a forwarded one is the caller's text) and the path are written out visibly and bounded.
          after: { bucket, ip: visibleText(request.ip), limit, windowSeconds: limits.windowSeconds, url: visibleText(request.url.split('?')[0]!, 200) },
        }),
      );
    }
    throw new AppError('RATE_LIMITED', {
      zh: `同一地址${bucket === 'sign-in' ? '登录' : '上传'}过于频繁，请 ${retryAfter} 秒后再试`,
      en: `too many ${bucket} requests from this address; retry in ${retryAfter} s`,
    });
  });
}

function bucketOf(request: FastifyRequest): RateBucket | null {
  if (request.method !== 'POST' || !request.url.startsWith('/api')) return null;
  const options = request.routeOptions;
  if (options.config?.rateLimit) return options.config.rateLimit;
  const consumes = (options.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
  return consumes.includes('multipart/form-data') ? 'upload' : null;
}

let sinceLastPrune = 0;

/** Adds one hit to the address's window and returns the window's count (a new window starts at 1). */
async function countHit(ctx: AppContext, bucket: RateBucket, client: string, windowNo: number): Promise<number> {
  const row = await ctx.db
    .insertInto('rate_limits')
    .values({ bucket, client, window_no: windowNo, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket', 'client']).doUpdateSet({
        hits: sql<number>`case when rate_limits.window_no = excluded.window_no then rate_limits.hits + 1 else 1 end`,
        window_no: sql<number>`excluded.window_no`,
      }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  // Rows of past windows are dead weight; clearing them now and then keeps the table small.
  if (++sinceLastPrune >= 500) {
    sinceLastPrune = 0;
    await ctx.db.deleteFrom('rate_limits').where('window_no', '<', windowNo - 1).execute();
  }
  return Number(row.hits);
}
