// Cleaning the rows every reader produces, before anything reads them (issue 16): notices arrive
// copied from government web pages and reposting sites, not only as letterheaded files.
//
// - Pinyin a reposting site put after characters (「區(qū)」「牽(qiān)頭(tóu)」) is removed: a Han
//   character followed by one parenthesised syllable with a tone mark (a toneless syllable only on
//   a row where toned ones were found, so 「(a)」 or an English note is left alone).
// - A whole notice on one line (the page lost its line breaks) is split into rows at sentence
//   ends, paragraph gaps, before numbered items (一、（一）1.（1）①) and role labels. The rows keep
//   the source line number: they all come from that line.
// - Web furniture is removed: navigation and breadcrumbs, 【字体：大 中 小】, 打印本页, 关闭窗口,
//   分享到, 浏览次数, 来源, 扫一扫…, the footer (主办单位 … 网站标识码 … ICP备). What a disclosure
//   page prints as facts (发布时间, 发文字号, 成文日期, 发布机构, 索引号) is kept for document.ts.
//
// Every pattern is anchored or has bounded repetition, and each row is scanned a fixed number of
// times: linear in the input.

import type { NoticeRow } from './types';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const PINYIN = new RegExp(`(\\p{Script=Han})\\s?[(（]([a-zü${TONED}]{1,6})[)）]`, 'gu');
const HAS_TONE = new RegExp(`[${TONED}]`, 'u');

/** Removes pinyin inserted after Han characters; returns the text unchanged when there is none. */
export function removePinyin(text: string): string {
  if (!HAS_TONE.test(text)) return text;
  let toned = false;
  const once = text.replace(PINYIN, (all, han: string, syllable: string) => {
    if (!HAS_TONE.test(syllable)) return all;
    toned = true;
    return han;
  });
  // Neutral-tone syllables (「的(de)」) carry no mark: removed only beside toned ones.
  return toned ? once.replace(PINYIN, (_all, han: string) => han) : once;
}

// Fragments of page furniture that share a line with facts (「发布时间：… 来源：… 浏览次数：…」).
const FRAGMENTS: RegExp[] = [
  /【?\s*字体\s*[:：]\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小\s*[】\]]?\s*】?/gu,
  /(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]?\s*\d{0,12}\s*次?/gu,
  /(?<!\p{Script=Han})(?:信息)?来源\s*[:：]\s*[^\s【】]{0,40}/gu,
  /(?<!\p{Script=Han})(?:责任编辑|编辑|作者)\s*[:：]\s*[^\s【】]{0,20}/gu,
  /分享到\s*[:：]?.{0,80}$/gu,
  /【\s*(?:打印(?:本页)?|关闭(?:窗口)?|收藏|纠错|保存|返回顶部)\s*】/gu,
  /(?:打印本页|关闭窗口|返回顶部|扫一扫在手机(?:上)?(?:打开|查看)当前页(?:面)?)/gu,
  /^\s*(?:您(?:现在)?的?|当前)?(?:所在)?位置\s*[:：]\s*/gu,
];

/** A breadcrumb or navigation bar: 首页 > 政务公开 > 通知公告, 首页 | 新闻 | 政务公开. */
const BREADCRUMB = /^\s*首页(?:\s*[>›»＞/|｜]\s*[^\s>›»＞/|｜]{1,16}){1,8}\s*/u;

/** Whole lines that are page furniture (footer, links to other pages). */
const FURNITURE_LINE =
  /ICP备|网站标识码|公网安备|版权所有|技术支持\s*[:：]|网站地图|联系我们|^\s*(?:上一篇|下一篇|相关链接|相关阅读|相关文件|相关解读|附件下载)\s*[:：]?|^\s*主办(?:单位)?\s*[:：].{0,60}(?:承办|网站|电话|地址)|^\s*(?:网站|政府网站)找错/u;

/** Removes page furniture from one line of text; '' when the line was furniture only. */
export function removeFurniture(text: string): string {
  if (FURNITURE_LINE.test(text)) return '';
  let out = text.replace(BREADCRUMB, '');
  for (const re of FRAGMENTS) out = out.replace(re, ' ');
  // A breadcrumb after 当前位置：, now at the start.
  out = out.replace(BREADCRUMB, '');
  return out.trim() === '' || /^[\s|｜>›»\-—·]*$/u.test(out) ? '' : out.trim();
}

// --- a notice on one line -------------------------------------------------------------------

/** A row this long with several items or labels in it is a notice that lost its line breaks. */
const ONE_LINE_MIN = 200;
const ITEM =
  /[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?![\d.．])|[(（]\d{1,2}[)）]|[①-⑳]/u;
const LABEL =
  /(?:任务名称|工作任务|工作内容|任务内容|牵头领导|责任领导|分管领导|牵头单位|责任单位|配合单位|协办单位|完成时限|完成时间|时间节点|主辦機關|協辦機關)\s*[:：]/u;
/** Split points: after a sentence end or a paragraph gap, before an item or a label. */
// No split after a full stop that a role parenthesis follows (「…80亿元。（牵头单位：…）」): the
// parenthesis belongs to the item. A signature's date is split from the body before it.
const SPLIT = new RegExp(
  `(?<=[。！？!?])(?![(（])|\\s{2,}|(?<=^|[。；;：:！？!?，,）)\\s])(?=(?:${ITEM.source}))|(?<=[。；;，,\\s])(?=(?:${LABEL.source}))|(?<=(?:办公室|政府|委员会|局|委|厅))\\s?(?=\\d{4}\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日$)`,
  'gu',
);

function looksLikeOneLine(text: string): boolean {
  if (text.length < ONE_LINE_MIN) return false;
  let marks = 0;
  const scan = new RegExp(`${ITEM.source}|${LABEL.source}`, 'gu');
  for (const _ of text.matchAll(scan)) if (++marks >= 3) return true;
  return false;
}

/** Splits a notice that lost its line breaks into rows (all keeping the source line). */
export function splitOneLine(row: NoticeRow): NoticeRow[] {
  const text = row.cells[0] ?? '';
  if (row.cells.length !== 1 || !looksLikeOneLine(text)) return [row];
  const pieces: string[] = [];
  let from = 0;
  // Walk the split points in order with the bracket depth so far: never split inside a bracket
  // (「（牵头单位：…；配合单位：…）」 is one item's roles); a bracket after a full stop closes its item.
  let depth = 0;
  let scanned = 0;
  let afterStop = false;
  const cut = (at: number) => {
    pieces.push(text.slice(from, at));
    from = at;
  };
  const walk = (to: number) => {
    for (; scanned < to; scanned++) {
      const ch = text[scanned];
      if (ch === '（' || ch === '(') {
        if (depth === 0) afterStop = /[。.]/u.test(text[scanned - 1] ?? '');
        depth++;
      } else if ((ch === '）' || ch === ')') && depth > 0) {
        depth--;
        if (depth === 0 && afterStop) cut(scanned + 1);
      }
    }
  };
  for (const m of text.matchAll(SPLIT)) {
    walk(m.index);
    if (depth > 0) continue;
    cut(m.index);
    from = m.index + m[0].length;
  }
  walk(text.length);
  pieces.push(text.slice(from));
  return pieces
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ ...row, cells: [p] }));
}

/**
 * Cleans every reader's rows: pinyin, one-line notices, web furniture.
 *
 * The rows split from one line are numbered on from it (1, 2, 3 … for a notice on line 1) and the
 * rows after them move down as many: strategies and the unread list tell rows apart by their line,
 * and a notice that lost its line breaks is nearly always the whole file, so nothing follows it.
 */
export function cleanNoticeRows(rows: NoticeRow[]): NoticeRow[] {
  const out: NoticeRow[] = [];
  let shift = 0;
  for (const row of rows) {
    const unpinned = row.cells.some((c) => HAS_TONE.test(c)) ? { ...row, cells: row.cells.map(removePinyin) } : row;
    const pieces = splitOneLine(shift === 0 ? unpinned : { ...unpinned, line: unpinned.line + shift });
    if (pieces.length > 1) {
      pieces.forEach((p, i) => (p.line += i));
      shift += pieces.length - 1;
    }
    for (const piece of pieces) {
      if (piece.cells.length > 1) {
        // Table rows keep their cells; furniture never comes as a table row.
        out.push(piece);
        continue;
      }
      const text = removeFurniture(piece.cells[0] ?? '');
      if (text !== '') out.push(text === piece.cells[0] ? piece : { ...piece, cells: [text] });
    }
  }
  return out;
}
