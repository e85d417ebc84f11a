import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error';

/**
 * Refuses text holding U+0000 (NUL) anywhere in a request. PostgreSQL's text type cannot store it
 * (22021 "invalid byte sequence"), so such a value became a 500 on PostgreSQL and was stored on
 * SQLite; no person types it. Found by the fuzz run (server/fuzz/fixtures/).
 */
export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api')) return;
    refuseNul(request.params, 'params');
    refuseNul(request.query, 'query');
    refuseNul(request.body, 'body');
  });
}

/** Throws VALIDATION_FAILED naming where the first NUL is, in any string or key of the value. */
export function refuseNul(value: unknown, what: string): void {
  const where = nulPath(value);
  if (where === null) return;
  const field = where ? `${what}.${where}` : what;
  throw new AppError('VALIDATION_FAILED', {
    zh: `${field}：内容含有空字符（NUL），请删除后重试`,
    en: `${field}: text must not contain NUL characters`,
    fields: { [field]: 'must not contain NUL characters' },
  });
}

/** The path of the first string (or key) containing NUL, or null. Iterative: bodies may nest deeply. */
function nulPath(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}
