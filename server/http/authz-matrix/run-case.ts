import JSZip from 'jszip';
import type { LightMyRequestResponse } from 'fastify';
import { MARKER } from '../../levels/test-world';
import { multipart, type Client } from '../../test/app';
import type { Case } from './cases';
import { UNIT } from './declarations';
import { OTHER_UNIT_MARKER, type MatrixWorld } from './world';

/** Error codes that mean "refused by role or record"; any other 403 is a business answer of the handler. */
const ACCESS_CODES = new Set(['FORBIDDEN', 'FORBIDDEN_OTHER_UNIT', 'FORBIDDEN_OTHER_ORG', 'FORBIDDEN_NOT_ADDRESSEE']);
/** 401 codes that mean the session is not accepted (a wrong second-factor code is an answer of the handler). */
const SESSION_CODES = new Set(['AUTH_REQUIRED', 'AUTH_SESSION_EXPIRED']);

let counter = 0;

export function urlOf(c: Case): string {
  const { decl, rec, ref } = c;
  const filled = c.path.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'id') return String(rec[decl.record!]);
    const param = decl.params?.[name];
    if (!param) throw new Error(`${c.key}: no value declared for :${name}`);
    return String(param(rec, ref, counter));
  });
  return decl.query ? `${filled}?${decl.query(rec, ref, counter)}` : filled;
}

export async function send(w: MatrixWorld, c: Case): Promise<LightMyRequestResponse> {
  counter += 1;
  const client: Client = c.decl.freshSession
    ? await w.signInFresh(c.caller, c.role)
    : c.caller === 'city'
      ? w.cityActors.find((a) => a.role === c.role)!.client
      : w.actors[c.role];
  const url = urlOf(c);
  const method = c.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  if (c.decl.upload) {
    const body = multipart([{ name: 'file', value: c.decl.upload.content, fileName: c.decl.upload.fileName }]);
    return w.t.app.inject({
      method,
      url,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': body.contentType },
      payload: body.payload,
    });
  }
  return client.request(method, url, c.decl.body?.(c.rec, c.ref, counter));
}

/** The answer as text, with the text inside an Office file (a zip), where a leak would otherwise hide. */
async function readable(res: LightMyRequestResponse): Promise<string> {
  let text = `${JSON.stringify(res.headers)}\n${res.body}`;
  const raw = res.rawPayload;
  if (raw.length > 4 && raw[0] === 0x50 && raw[1] === 0x4b) {
    const zip = await JSZip.loadAsync(raw);
    for (const entry of Object.values(zip.files))
      if (/\.(xml|rels)$/.test(entry.name)) text += await entry.async('string');
  }
  return text;
}

/** Marked text the caller must not see: 甲区's always; 区市场监管局's unless the caller may read that unit. */
export async function leakIn(res: LightMyRequestResponse, c: Case): Promise<string | null> {
  const text = await readable(res);
  const seen = (marker: string) => text.includes(marker) || text.includes(encodeURIComponent(marker));
  if (seen(MARKER)) return "甲区's marked text";
  const mayReadOtherUnit = c.expected === 'allow' && c.caller === 'district' && !UNIT.includes(c.role);
  if (!mayReadOtherUnit && seen(OTHER_UNIT_MARKER)) return "区市场监管局's marked text";
  return null;
}

const codeOf = (res: LightMyRequestResponse): string | null => {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
};

/** Why the answer does not match the expectation, or null when it does. */
export function statusProblem(res: LightMyRequestResponse, c: Case): string | null {
  const status = res.statusCode;
  const code = codeOf(res);
  const refusedByPolicy = status === 403 && code !== null && ACCESS_CODES.has(code);
  switch (c.expected) {
    case 'answer':
      return status >= 500 ? 'server error' : null;
    case 'allow':
      if ((status === 401 && (code === null || SESSION_CODES.has(code))) || status >= 500 || refusedByPolicy)
        return 'allowed caller refused or failed';
      return null;
    case 'deny':
      return refusedByPolicy || status === 404 ? null : 'not refused';
    case 'refuse':
      return status >= 400 && status < 500 && status !== 401 ? null : 'reference to another district not refused';
  }
}
