/**
 * Free text an unauthenticated caller typed, as the audit log keeps it (issue 17, finding 10): a
 * user name on the sign-in page, a forwarded address, a URL. It stays as evidence, but it is
 * anyone's text, so before it is written:
 *
 * - it is bounded (a log line is not a place to store a payload);
 * - every control character (C0, DEL, C1), bidirectional formatting character (U+061C, U+200E/F,
 *   U+202A–U+202E, U+2066–U+2069), zero-width character and lone surrogate is written out as
 *   `[U+202E]`, so a right-to-left override cannot reorder what the auditor reads and nothing in
 *   it is invisible;
 * - a name that belongs to no account is marked as typed (`输入的用户名：…`): a caller who types
 *   "system" or a colleague's display name never reads as the system or as that person.
 *
 * HTML is not escaped here: the web app renders text, never markup (React), and the workbook
 * export neutralises formula-like cells (server/exports/cell-text.ts) — each place that shows it
 * guards its own medium.
 */
export const TYPED_NAME_PREFIX = '输入的用户名：';
/** The role label the log shows for such a name: it is no account. */
export const TYPED_NAME_ROLE_LABEL = '无此账号';
export const TYPED_TEXT_MAX = 64;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|\p{Cs}/u;

/** The text with invisible and reordering characters written out, cut to `max` characters (then …). */
export function visibleText(text: string, max = TYPED_TEXT_MAX): string {
  let out = '';
  let length = 0;
  for (const ch of text) {
    const shown = INVISIBLE.test(ch) ? `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]` : ch;
    if (length + [...shown].length > max) return `${out}…`;
    out += shown;
    length += [...shown].length;
  }
  return out;
}

/** What the log records as the actor of a sign-in with a name that belongs to no account. */
export function typedNameActor(typed: string): string {
  return TYPED_NAME_PREFIX + visibleText(typed);
}

/** An actor name the log wrote for a typed name (with no account), not for the system. */
export function isTypedNameActor(name: string): boolean {
  return name.startsWith(TYPED_NAME_PREFIX);
}
