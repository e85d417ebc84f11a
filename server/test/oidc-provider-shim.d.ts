// oidc-provider (a dev dependency: the tests' local OpenID Connect provider) ships no types.
declare module 'oidc-provider';
