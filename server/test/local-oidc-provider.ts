import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for the single sign-on
 * tests. Two ways through its login: `autoLogin` set — the interaction completes at once as that
 * subject (server tests driving it with fetch); unset — the package's own login page (the e2e types
 * a name there). Consent is pre-granted so the flow is one page. Claims: sub = the login name,
 * preferred_username the same, phone_number from `phones`.
 */
export type LocalOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The subject the next interaction signs in as (server tests); null: show the login page. */
  autoLogin: string | null;
  phones: Map<string, string>;
  close: () => Promise<void>;
};

/**
 * `redirectUris` is read at the provider's first request, so a caller that learns Duban's address
 * only after starting it with this issuer (the e2e) can push it in between.
 */
export async function startOidcProvider(redirectUris: string[]): Promise<LocalOidcProvider> {
  const state: { autoLogin: string | null; phones: Map<string, string> } = { autoLogin: null, phones: new Map() };
  const clientId = 'duban-test';
  const clientSecret = 'duban-test-secret-0123456789abcdef';
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const build = () =>
    new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      pkce: { required: () => true, methods: ['S256'] },
      claims: {
        openid: ['sub'],
        profile: ['preferred_username', 'name'],
        phone: ['phone_number', 'phone_number_verified'],
      },
      cookies: { keys: ['duban-test-cookie-key'] },
      // Scope claims in the ID token too (Duban reads the attributes for the opt-in match from it).
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: true } },
      findAccount: (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: () => ({
          sub: id,
          preferred_username: id,
          name: id,
          ...(state.phones.has(id) ? { phone_number: state.phones.get(id), phone_number_verified: true } : {}),
        }),
      }),
      // Consent is pre-granted: the test is about Duban's side, not the provider's consent screen.
      loadExistingGrant: async (ctx: {
        oidc: {
          provider: {
            Grant: new (o: object) => {
              addOIDCScope: (s: string) => void;
              addOIDCClaims: (c: string[]) => void;
              save: () => Promise<unknown>;
            };
          };
          client: { clientId: string };
          session: { accountId: string };
        };
      }) => {
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client.clientId,
          accountId: ctx.oidc.session.accountId,
        });
        grant.addOIDCScope('openid profile phone');
        grant.addOIDCClaims(['preferred_username', 'name', 'phone_number', 'phone_number_verified']);
        await grant.save();
        return grant;
      },
    });
  let provider: ReturnType<typeof build> | null = null;
  let handler: ((req: unknown, res: unknown) => void) | null = null;
  const init = () => {
    provider = build();
    provider.proxy = false;
    // Auto-login: the interaction page answers with the finished login instead of the form.
    provider.use(
      async (ctx: { path: string; req: unknown; res: unknown; respond: boolean }, next: () => Promise<void>) => {
        if (state.autoLogin && /^\/interaction\/[^/]+$/.test(ctx.path)) {
          ctx.respond = false;
          await provider.interactionFinished(
            ctx.req,
            ctx.res,
            { login: { accountId: state.autoLogin } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        await next();
      },
    );
    handler = provider.callback();
  };
  server.on('request', (req, res) => {
    if (!handler) init();
    handler!(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    get autoLogin() {
      return state.autoLogin;
    },
    set autoLogin(v) {
      state.autoLogin = v;
    },
    phones: state.phones,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Follows the provider's redirects with its cookies (as a browser would) until it sends the browser back to `redirectPrefix`. */
export async function walkProvider(authorizationUrl: string, redirectPrefix: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith(redirectPrefix)) return new URL(url);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects at the provider');
}
