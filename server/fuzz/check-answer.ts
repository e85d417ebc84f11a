import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../context';
import { ERRORS } from '../errors/catalogue';
import { changesSince, onlyAuditedRefusals, type Fingerprint } from './db-fingerprint';

/**
 * The fuzz's verdict on one answer: never a 5xx; a 4xx is the catalogue's error JSON with the
 * catalogue's status for its code and leaves no write behind (beyond audited refusals).
 * Returns what is wrong, or null.
 */
export async function problemWithAnswer(
  ctx: AppContext,
  res: LightMyRequestResponse,
  before: Fingerprint,
): Promise<string | null> {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  let code: unknown;
  try {
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    code = body.error?.code;
    if (typeof body.error?.message !== 'string')
      return `answered ${res.statusCode} without an error message: ${res.body.slice(0, 300)}`;
  } catch {
    return `answered ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 300)}`;
  }
  if (typeof code !== 'string' || !(code in ERRORS))
    return `answered ${res.statusCode} with a code outside the catalogue: ${String(code)}`;
  const expected = ERRORS[code as keyof typeof ERRORS].status;
  if (expected !== res.statusCode)
    return `answered ${res.statusCode} for ${code}, whose catalogue status is ${expected}`;
  const changes = await changesSince(ctx, before);
  if (!onlyAuditedRefusals(changes)) {
    return `refused (${res.statusCode} ${code}) but wrote: tables ${JSON.stringify(changes.tables)}, audit ${JSON.stringify(changes.auditActions)}`;
  }
  return null;
}
