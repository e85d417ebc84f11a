/**
 * Text measures and splits the official-document layout needs (pure; no Word objects).
 */

/** 2024-07-05 → 2024年7月5日 (GB/T 9704 7.3.5: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

const isWide = (ch: string) => ch.codePointAt(0)! >= 0x2e80;

/**
 * Width in character cells of the text's own size: a Chinese character or full-width mark one
 * cell, a Latin letter or digit about half. Word and LibreOffice both add about a quarter cell
 * where Chinese meets Latin (autoSpaceDE/DN), so `2024年7月5日` is about 7¼ cells, not 6.
 */
export function textWidthChars(text: string): number {
  let w = 0;
  let prev: boolean | null = null;
  for (const ch of text) {
    const wide = isWide(ch);
    w += wide ? 1 : ch === ' ' ? 0.25 : 0.5;
    if (prev !== null && prev !== wide && ch !== ' ') w += 0.25;
    prev = ch === ' ' ? null : wide;
  }
  return w;
}

/**
 * A heading run into its paragraph, as in （一）经济运行稳中向好。上半年…: the heading proper is the
 * first sentence (to the first 。 or ：), set in the heading's font; the rest is body text.
 * A heading with nothing after its first sentence is all heading.
 */
export function splitRunInHeading(text: string): { lead: string; rest: string } {
  const m = /^(.*?[。：:])(.+)$/s.exec(text);
  if (!m || !m[2]!.trim()) return { lead: text, rest: '' };
  return { lead: m[1]!, rest: m[2]! };
}

// Good places to end a title line: after a particle or a word that closes a phrase.
// (Not 工作: 政府工作报告 is one term.)
const TITLE_BREAK_AFTER = /(?:关于|的|和|及|与|、|，|年|度|报告|情况|方案|意见|通知|规定|办法)$/;

/**
 * The title's lines. GB/T 9704 7.3.1 wants a long title broken where the sense allows (词意完整)
 * and the lines balanced (排列对称); Word would break it wherever the line is full (…目标任 / 务…).
 * Lines the clerk broke by hand are kept; otherwise a title too long for one line is broken after
 * a phrase-closing word, choosing the most balanced split whose lines both fit. Longer titles (or
 * ones without such a place) are left to the word processor.
 */
export function titleLines(title: string, maxCells: number): string[] {
  const manual = title
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (manual.length !== 1) return manual;
  const text = manual[0]!;
  const total = textWidthChars(text);
  if (total <= maxCells) return [text];
  const chars = [...text];
  let best: { at: number; diff: number } | null = null;
  for (let at = 2; at < chars.length - 1; at++) {
    const first = chars.slice(0, at).join('');
    if (!TITLE_BREAK_AFTER.test(first) || (first.endsWith('年') && chars[at] === '度')) continue;
    const a = textWidthChars(first);
    const b = textWidthChars(chars.slice(at).join(''));
    if (a > maxCells || b > maxCells) continue;
    // Prefer a first line at least as long as the second (an inverted trapezoid reads best).
    const diff = Math.abs(a - b) + (a < b ? 0.5 : 0);
    if (!best || diff < best.diff) best = { at, diff };
  }
  return best ? [chars.slice(0, best.at).join(''), chars.slice(best.at).join('')] : [text];
}
