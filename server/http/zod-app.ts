import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';

/** The Fastify instance as route files see it: zod schemas type the request and the reply. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Every routes file exports one of these; server/http/app.ts registers them all. */
export type Routes = (app: ZodApp, ctx: AppContext) => void;

/** What a record-scoped handler needs of its request: the :id and the record-level policy check. */
export type RecordRequest = { params: { id: number }; authorize: import('fastify').FastifyRequest['authorize'] };
