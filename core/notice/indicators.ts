// Indicators: the quantitative targets inside a work standard.
//
// "新增学位2400个" → {name 新增学位, value 2400, unit 个}; "地区生产总值增长6%左右" → qualifier 左右;
// "比例不低于20%" → qualifier 不低于; Chinese numerals count ("四家" → 4 家).
// Not targets: years and dates (2024年, 3·15), road and product codes (G347, S118, 5G, 4.0版),
// list numbering ("2."), ranges that name a class ("10—50亿元项目"), and anything inside quotes or
// book-title marks (“47条”, “323”, 《…2024年…》), which are names, not quantities.

import { matchView, normalizeSpaces, parseChineseNumber } from './text';
import type { Indicator } from './types';

const MULTIPLIER = '(?:千万|百万|十万|万|亿|千)?';
const MEASURES = [
  '个百分点',
  '平方公里',
  '平方米',
  '万千瓦',
  '千瓦',
  '公顷',
  '公里',
  '千米',
  '人次',
  '床位',
  '%',
  '％',
  '‰',
  '亩',
  '元',
  '吨',
  '斤',
  '头',
  '只',
  '个',
  '家',
  '户',
  '所',
  '座',
  '条',
  '处',
  '项',
  '场',
  '次',
  '人',
  '名',
  '套',
  '间',
  '张',
  '台',
  '辆',
  '盏',
  '杆',
  '栋',
  '艘',
  '颗',
  '米',
];
const ARABIC_UNIT = new RegExp(`^(${MULTIPLIER}(?:${MEASURES.join('|')}))`, 'u');
const CN_UNIT = /^(家|个|所|户|座|名|场)/u;
const POST_QUALIFIER = /^(及以上|以上|以下|以内|左右|上下|多|余)/u;
const PRE_QUALIFIER = /(不低于|不少于|不高于|不超过|超过|高于|低于|至少|约|超)([^，。；]{0,10}的)?$/u;
/** Count measures after which the counted noun may follow ("完成61个行政村生活污水治理"). */
const COUNT_UNIT = /^(?:万)?(个|家|户|所|座|条|处|项|场|套|间|张|台|辆|盏|杆|栋|艘|颗|人|名)$/u;
const PRE_FILLER = /(分别达到|分别为|达到|达|稳定在|保持在|控制在|为|分别)$/u;
const LEAD_FILLER =
  /^([、，,/]|\d+[.．、](?!\d)|\d[.．、](?=\d{4}年)|[一二三四五六七八九十]是|其中|力争|确保|努力|争取|并|和|及|且|即(?![时将期使便可刻日])|也就是)+/u;
/**
 * A name that only says which kind of target it is ("考核目标为3000个") after a sibling that named the
 * subject ("新洲区停车位必达目标为2500个，"): the subject is the sibling's name without its kind.
 */
const TARGET_KIND = /(考核|必达|力争|奋斗|预期|年度|序时)?目标(任务)?$/u;
const BARE_TARGET_KIND = /^(考核|必达|力争|奋斗|预期|年度|序时)?目标(任务)?$/u;
const HARD_DELIM = /[，。；：,;:！？!?（）()【】\n]/u;
const NUMBER = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+/gu;

/** Marks characters inside “…”, "…", 《…》 and 「…」 so numbers there are not read as targets. */
function quotedMask(text: string): boolean[] {
  const mask = Array<boolean>(text.length).fill(false);
  if (!/[“《「"]/u.test(text)) return mask;
  const pairs: Record<string, string> = { '“': '”', '《': '》', '「': '」', '"': '"' };
  let close: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (close !== null) {
      if (ch === close) close = null;
      else mask[i] = true;
    } else if (pairs[ch] !== undefined) {
      close = pairs[ch] ?? null;
    }
  }
  return mask;
}

/**
 * Where the clause holding position p starts: back from p to the nearest delimiter outside quotes,
 * except that a parenthesis without digits is part of the name ("中心（服务点）2个", "新（改、扩）建")
 * and is stepped over. Computed for every position in one forward pass (a scan back from every
 * number was quadratic on a long text with many numbers and no punctuation); clauseStart(p) is
 * what that scan gave, delimiter for delimiter.
 */
function clauseStarts(view: string, mask: boolean[]): (p: number) => number {
  const n = view.length;
  const prevDelim = new Int32Array(n).fill(-1); // the last unmasked delimiter at or before i
  const startAfter = new Int32Array(n); // for a delimiter at i: the clause start a scan reaching it gives
  let lastDelim = -1;
  let lastOpen = -1; // the last '(' before i (masked or not, as lastIndexOf found it)
  let digits = 0;
  let digitsAtOpen = 0;
  const at = (p: number): number => (p < 0 ? 0 : prevDelim[p] === -1 ? 0 : (startAfter[prevDelim[p] ?? 0] ?? 0));
  for (let i = 0; i < n; i++) {
    const ch = view[i] ?? '';
    if (!mask[i] && HARD_DELIM.test(ch)) {
      const jump = ch === ')' && lastOpen >= 0 && digits === digitsAtOpen;
      startAfter[i] = jump ? at(lastOpen - 1) : i + 1;
      lastDelim = i;
    }
    prevDelim[i] = lastDelim;
    if (ch === '(') {
      lastOpen = i;
      digitsAtOpen = digits;
    }
    if (/\d/.test(ch)) digits += 1;
  }
  return at;
}

/** Enough text after a number to read its measure and qualifier ("万千瓦", "及以上"). */
const AFTER_WINDOW = 16;
/** Enough text after a count measure to read the counted noun (at most 24 characters + a code). */
const TAIL_WINDOW = 200;

export function extractIndicators(printed: string): Indicator[] {
  const text = normalizeSpaces(printed);
  const view = matchView(text);
  const mask = quotedMask(view);
  const clauseStartOf = clauseStarts(view, mask);
  const out: Indicator[] = [];
  let lastEnd = 0;
  let lastClauseStart = -1;

  for (const m of view.matchAll(NUMBER)) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    if (mask[start]) continue;
    const before = view[start - 1] ?? '';
    const after = view.slice(end, end + AFTER_WINDOW);
    const arabic = /^\d/.test(raw);
    let value: number | null;
    let unit: string | undefined;
    if (arabic) {
      if (/[A-Za-z0-9.]/.test(before) || /^[A-Za-z]/.test(after)) continue; // G347, 5G, 4.0版
      if (/^[年月日时岁:：·]/u.test(after)) continue; // dates, times, ages
      if (/[—\-~～至到]/u.test(before) && /\d/.test(view[start - 2] ?? '')) continue; // range upper bound
      unit = ARABIC_UNIT.exec(after)?.[1];
      value = Number(raw);
    } else {
      if (before === '第' || /[零〇一二两三四五六七八九十百千万]/u.test(before)) continue;
      if (!/[一二两三四五六七八九十]/u.test(raw)) continue;
      unit = CN_UNIT.exec(after)?.[1];
      if (unit !== undefined && after[unit.length] === unit) continue; // 一件件, 个个
      value = parseChineseNumber(raw);
    }
    if (unit === undefined || value === null || Number.isNaN(value)) continue;

    let spanEnd = end + unit.length;
    let qualifier: string | null = null;
    const post = POST_QUALIFIER.exec(view.slice(spanEnd, spanEnd + AFTER_WINDOW));
    if (post?.[1] !== undefined) {
      qualifier = post[1];
      spanEnd += post[1].length;
    }

    // Name: back to the clause start, or to the end of the previous indicator in the same clause
    // ("新建停车位3000个、充电桩4000个").
    const clauseStart = clauseStartOf(start - 1);
    const nameStart = clauseStart === lastClauseStart ? Math.max(clauseStart, lastEnd) : clauseStart;
    let name = text.slice(nameStart, start);
    const pre = PRE_QUALIFIER.exec(name);
    if (pre?.[1] !== undefined) {
      qualifier = pre[1];
      name = name.slice(0, pre.index);
    }
    name = name.replace(PRE_FILLER, '').replace(LEAD_FILLER, '').replace(PRE_FILLER, '');
    // "完成61个行政村生活污水治理": the counted thing follows the measure word; read it into the name.
    if (COUNT_UNIT.test(unit) && qualifier === null) {
      const tail = /^(?:\d+[A-Za-z]+)?[\p{Script=Han}“”][\p{Script=Han}“”A-Za-z]{1,23}?(?=[，。；、,;:：（(]|$)/u.exec(
        view.slice(spanEnd, spanEnd + TAIL_WINDOW),
      );
      if (tail) name = `${name}${text.slice(spanEnd, spanEnd + tail[0].length)}`;
    }
    const prev = out[out.length - 1];
    const opener = view[clauseStart - 1] ?? '';
    if (prev && BARE_TARGET_KIND.test(name) && !/[。；;\n]/u.test(view.slice(lastEnd, start))) {
      const subject = prev.name.replace(TARGET_KIND, '');
      if (subject !== '' && subject !== prev.name) name = `${subject}${name}`;
    }
    if (name === '' && prev && clauseStart === lastClauseStart)
      name = prev.name; // "90%、84%"
    else if ((opener === '（' || opener === '(') && prev) name = `${prev.name}（${name}）`; // 57万亩（非托管区48.5万亩）

    out.push({
      name,
      value,
      unit: unit === '％' ? '%' : unit,
      qualifier,
      text: text.slice(nameStart, spanEnd).replace(LEAD_FILLER, ''),
    });
    lastEnd = spanEnd;
    lastClauseStart = clauseStart;
  }
  return out;
}
