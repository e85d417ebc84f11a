// Text normalisation shared by every stage of the notice parser.
//
// The seed is text extracted from a PDF: the extractor inserts spaces where a line wrapped inside
// a table cell ("全年主要 预期目标"), where Word auto-spaced Latin/digits inside Chinese
// ("增长 6%左右", "GEP 向 GDP"), and it leaves HTML-ish markup from the source system ("<p>").
//
// Decision (documented for the office): a space that touches a CJK character or CJK punctuation
// on either side is a typesetting artefact and is removed ("增长 6%左右" → "增长6%左右",
// "S118 刘大路" → "S118刘大路"). A space between two Latin/digit runs carries meaning and is kept
// ("23:30 24:00" stays as printed). The printed text is otherwise kept as is (no punctuation
// rewriting), so the ledger quotes the notice faithfully.

import { toSimplified } from './traditional';

/** CJK ideographs, CJK punctuation, full-width forms, Chinese quotes and dashes. */
const CJK =
  '\\u2014\\u2018-\\u201d\\u2026\\u00b7\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}])`, 'gu');
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])\\s+`, 'gu');

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/** Removes markup such as <p>…</p> that leaks from the source system into cells. */
export function stripMarkup(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ').replace(/&nbsp;/g, ' ');
}

/** Collapses whitespace, removes CJK-adjacent spaces (see the decision above), trims. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/gu, ' ')
    .replace(SPACE_BEFORE_CJK, '')
    .replace(SPACE_AFTER_CJK, '')
    .trim();
}

/** The standard cleaning of a printed cell: markup removed, spaces normalised. */
export function cleanCell(text: string): string {
  return normalizeSpaces(stripMarkup(text));
}

/** Removes every whitespace character (for short labels such as category names and units). */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, '');
}

/**
 * The key used for matching: simplified characters, no spaces, full-width ASCII folded to ASCII.
 * Never shown to people; the printed form is kept alongside.
 */
export function matchKey(text: string): string {
  let key = KEY_CACHE.get(text);
  if (key === undefined) {
    key = foldWidth(toSimplified(squash(stripMarkup(text))));
    // Keys are asked for the same short labels (units, leaders) thousands of times per parse.
    if (KEY_CACHE.size > 20_000) KEY_CACHE.clear();
    KEY_CACHE.set(text, key);
  }
  return key;
}
const KEY_CACHE = new Map<string, string>();

/** Folds full-width ASCII (（）：；，．０-９) to ASCII, one char for one (keeps indexes aligned). */
export function foldWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  if (text.length < 1024) return text.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // A long text: a loop over char codes, not replace() with a callback (a call per character made
  // a long run of full-width brackets take seconds per megabyte).
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  }
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...codes.subarray(i, i + 8192)));
  return parts.join('');
}
const FULL_WIDTH = /[\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g;

/** Simplified + width-folded copy with the same length as the input (for regex matching). */
export function matchView(text: string): string {
  // Every strategy reads every row through this view (nine strategies on each upload): remember
  // the recent ones rather than fold the same text nine times. Bounded, so a hostile upload of
  // distinct lines costs memory once per line at most.
  const known = VIEWS.get(text);
  if (known !== undefined) return known;
  const view = foldWidth(toSimplified(text));
  if (VIEWS.size >= VIEW_CACHE_SIZE) VIEWS.clear();
  if (text.length <= VIEW_CACHE_TEXT) VIEWS.set(text, view);
  return view;
}
const VIEWS = new Map<string, string>();
const VIEW_CACHE_SIZE = 20_000;
const VIEW_CACHE_TEXT = 2_000;

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses a Chinese numeral such as 四, 十二, 二十三, 一百零五, 两千. Returns null if invalid. */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    const u = CN_UNITS[ch];
    if (d !== undefined) {
      digit = d;
    } else if (u !== undefined) {
      if (u === 10000) {
        total += (section + (digit ?? 0)) * u;
        section = 0;
      } else {
        section += (digit ?? 1) * u;
      }
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Chinese list numbering 一、二、… → number (for headings "一、" and "（一）"). */
export function headingNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumber(text);
}

/** At most this many duplicated words are reported per text: past it they are noise, not slips. */
const MAX_DUPLICATED_WORDS = 20;

/**
 * Words printed twice in a row ("全域旅游旅游形象", "企业企业培育", "郝城、郝城"): typing slips the
 * office may want to correct at the source. Reported, never changed. Single-character doubling
 * ("人人", "件件") is ordinary Chinese and ignored.
 *
 * Linear: the slide below stops after as many steps as the match is long (a real slip slides one
 * or two), so a long run of one character ("的的的…", found by a security probe to freeze the
 * server for minutes) no longer slides to the end of the run from every match.
 */
export function duplicatedWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(\p{Script=Han}{2,4})(、?)\1/gu)) {
    // "算力运力运力": the repeat can be read from 力 or from 运; slide to the last reading.
    const sep = m[2] ?? '';
    let word = m[1] ?? '';
    const last = m.index + m[0].length;
    for (let i = m.index + 1; i <= last; i++) {
      const w = text.slice(i, i + word.length);
      if (text.slice(i + word.length, i + 2 * word.length + sep.length) !== `${sep}${w}`) break;
      word = w;
    }
    out.push(`${word}${sep}${word}`);
    if (out.length >= MAX_DUPLICATED_WORDS) break;
  }
  return out;
}
