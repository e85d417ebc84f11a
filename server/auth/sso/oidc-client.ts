import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { SsoConfig } from '../../config/sso';
import { AppError } from '../../errors/app-error';

/**
 * The OpenID Connect client side, by hand on node:crypto + fetch + jose (authorization-code flow with
 * PKCE S256, state and nonce): discovery, the authorization URL, the code exchange and the ID token's
 * check — signature against the provider's JWKS, issuer, audience, expiry and nonce. Nothing of the
 * token is believed before its signature is checked.
 */
type OidcSettings = NonNullable<SsoConfig['oidc']>;
type Discovery = { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string };

const TIMEOUT_MS = 10_000;
const discoveries = new Map<string, { doc: Discovery; jwks: ReturnType<typeof createRemoteJWKSet>; at: number }>();

export function randomUrlToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

async function discover(settings: OidcSettings) {
  const cached = discoveries.get(settings.issuer);
  if (cached && Date.now() - cached.at < 3_600_000) return cached;
  const res = await fetch(`${settings.issuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) throw new AppError('SSO_FAILED');
  const doc = (await res.json()) as Discovery;
  // The discovery document must be the configured issuer's (OIDC Discovery §4.3).
  if (doc.issuer !== settings.issuer || !doc.authorization_endpoint || !doc.token_endpoint || !doc.jwks_uri)
    throw new AppError('SSO_FAILED');
  const entry = {
    doc,
    jwks: createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: TIMEOUT_MS }),
    at: Date.now(),
  };
  discoveries.set(settings.issuer, entry);
  return entry;
}

export async function authorizationUrl(
  settings: OidcSettings,
  flow: { state: string; nonce: string; verifier: string },
): Promise<string> {
  const { doc } = await discover(settings);
  const url = new URL(doc.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', settings.redirectUrl);
  url.searchParams.set('scope', settings.scopes);
  url.searchParams.set('state', flow.state);
  url.searchParams.set('nonce', flow.nonce);
  url.searchParams.set('code_challenge', pkceChallenge(flow.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** Exchanges the code (with the PKCE verifier) and returns the verified ID token's claims. */
export async function exchangeCode(
  settings: OidcSettings,
  code: string,
  flow: { nonce: string; verifier: string },
): Promise<JWTPayload> {
  const { doc } = await discover(settings);
  const res = await fetch(doc.token_endpoint, {
    method: 'POST',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      // client_secret_basic: id and secret form-urlencoded, then base64 (RFC 6749 §2.3.1).
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: settings.redirectUrl,
      code_verifier: flow.verifier,
    }),
  });
  if (!res.ok) throw new AppError('SSO_FAILED');
  const body = (await res.json()) as { id_token?: unknown };
  if (typeof body.id_token !== 'string') throw new AppError('SSO_FAILED');
  return verifyIdToken(settings, body.id_token, flow.nonce);
}

/** The ID token's claims if its signature (provider's JWKS), issuer, audience, time and nonce are right. */
export async function verifyIdToken(settings: OidcSettings, idToken: string, nonce: string): Promise<JWTPayload> {
  const { doc, jwks } = await discover(settings);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, jwks, {
      issuer: doc.issuer,
      audience: settings.clientId,
      clockTolerance: 60,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    }));
  } catch {
    throw new AppError('SSO_FAILED');
  }
  if (payload.nonce !== nonce || typeof payload.sub !== 'string' || payload.sub === '')
    throw new AppError('SSO_FAILED');
  // Several audiences: the authorised party must be us (OIDC Core §3.1.3.7).
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== settings.clientId)
    throw new AppError('SSO_FAILED');
  return payload;
}
