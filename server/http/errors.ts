import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody } from '../errors/app-error';

/** Maps every error to the catalogue's JSON shape; nothing internal ever reaches a client. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send(errorBody(error.code, error.detail));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || error.validationContext || 'request';
        fields[where] = v.message ?? 'invalid';
      }
      const summary = Object.entries(fields)
        .map(([k, m]) => `${k}: ${m}`)
        .join('; ');
      return reply.code(400).send(errorBody('VALIDATION_FAILED', { zh: summary, en: summary, fields }));
    }
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('PAYLOAD_TOO_LARGE'));
    }
    if (error.statusCode === 429) return reply.code(429).send(errorBody('RATE_LIMITED'));
    if (isUniqueViolation(error)) {
      // Two requests raced to create the same thing (two offices importing into an empty directory
      // at once): the loser's transaction rolled back whole, so it is a conflict to retry, not a crash.
      return reply.code(409).send(errorBody('CONCURRENT_CHANGE'));
    }
    if (isOutOfRangeForColumn(error)) {
      // A number from the request (an id, a version) beyond what an integer column holds: no record
      // can match it. PostgreSQL refuses it (22003) where SQLite simply finds nothing; found by the fuzz run.
      return reply.code(400).send(errorBody('VALIDATION_FAILED', { zh: '数值超出允许范围', en: 'a number is out of range' }));
    }
    if (isBrokenMultipart(error, request)) {
      // The upload's body is not the multipart it claims to be (cut short, no boundary): busboy
      // throws a plain Error for it, which was answered 500 (found by `npm run fuzz`).
      return reply.code(400).send(
        errorBody('VALIDATION_FAILED', {
          zh: '上传的内容不完整或格式不对（multipart/form-data 数据损坏），请重新选择文件上传',
          en: `the multipart/form-data body is broken: ${error.message}`,
        }),
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, said plainly.
      return reply
        .code(400)
        .send(errorBody('VALIDATION_FAILED', { zh: error.message, en: error.message }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL'));
  });
}

/**
 * The router's own refusals (a path parameter over the length limit, a URL that cannot be decoded)
 * happen before any route or error handler; without this Fastify answers them in its own shape
 * (414 FST_ERR_MAX_PARAM_LENGTH). Found by the fuzz run (server/fuzz/fixtures/).
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  return reply.code(400).send(errorBody('VALIDATION_FAILED', { zh: error.message, en: error.message }));
}

/** PostgreSQL's numeric_value_out_of_range ("value … is out of range for type integer"). */
function isOutOfRangeForColumn(error: unknown): boolean {
  return (error as { code?: unknown }).code === '22003';
}

/** A unique index refused a row: PostgreSQL's unique_violation, SQLite's UNIQUE / PRIMARY KEY constraint. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** busboy's own errors for a body that is not well-formed multipart (they carry no status code). */
const BROKEN_MULTIPART = /^(Multipart: Boundary not found|Boundary required|Unexpected end of (multipart data|form)|Malformed part header|\w+ terminated early due to unexpected end of multipart data)/;

function isBrokenMultipart(error: FastifyError, request: FastifyRequest): boolean {
  return !error.statusCode && request.isMultipart() && BROKEN_MULTIPART.test(error.message);
}
