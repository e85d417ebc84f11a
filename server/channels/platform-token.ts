/**
 * Access tokens of the platform apps (WeCom gettoken, DingTalk gettoken), kept in this process
 * until shortly before they expire: the platforms limit how often a token may be fetched. Each
 * process keeps its own; the platforms allow several valid tokens at once.
 */
const tokens = new Map<string, { token: string; expiresAt: number }>();

export async function cachedToken(key: string, fetch: () => Promise<{ token: string; expiresIn: number }>): Promise<string> {
  const hit = tokens.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.token;
  const { token, expiresIn } = await fetch();
  // Five minutes' margin, and never cached for less than a minute's use.
  tokens.set(key, { token, expiresAt: Date.now() + Math.max(60, expiresIn - 300) * 1000 });
  return token;
}

/** A token the platform called invalid or expired is fetched again next time. */
export function dropToken(key: string) {
  tokens.delete(key);
}
