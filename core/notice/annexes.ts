// Annex splitting: where each annex starts, its number, title and kind.
//
// In the seed only annex 3 carries its "附件 3" marker; the others start with their title alone,
// so titles are matched against the annex list in the notice body ("附件：1. … 2. …").
// Without such a list, a one-cell row ending like a table title and followed by a header is used.

import { readHeader, rowText } from './rows';
import { matchKey, normalizeSpaces } from './text';
import type { AnnexKind, NoticeRow } from './types';

export interface AnnexSegment {
  no: number;
  title: string;
  kind: AnnexKind;
  rows: NoticeRow[];
  line: number;
}

/** Kind from the title: whose Work Report (区/市/省) or livelihood projects (民生实事). */
export function annexKind(title: string): AnnexKind {
  const key = matchKey(title);
  const livelihood = /民生实事|民生项目|为民办实事/u.test(key);
  const gwr = /政府工作报告/u.test(key);
  const level = /省/u.test(key.replace(/涉及我区|我省/gu, ''))
    ? 'province'
    : /(^|\d年|年度?)市|市政府|市《/u.test(key)
      ? 'city'
      : /(^|\d年|年度?)区|区政府|区《/u.test(key)
        ? 'district'
        : null;
  if (level === 'province' && livelihood) return 'province-livelihood';
  if (level === 'city' && livelihood) return 'city-livelihood';
  if (level === 'province' && gwr) return 'province-gwr';
  if (level === 'city' && gwr) return 'city-gwr';
  if (level === 'district' && gwr) return 'district-gwr';
  return 'other';
}

const MARKER = /^附\s*件\s*(\d*)\s*[:：]?$/u;
const TITLE_LIKE = /(分解表|任务表|清单|一览表|分工表|安排表|分工方案|任务分解|责任分工|任务分工|分解)$/u;

function bigrams(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(i, i + 2));
  return out;
}

/** Index of the listed title this row repeats, exactly or nearly (punctuation, a slipped word). */
function listedIndex(key: string, titleKeys: string[]): number {
  const exact = titleKeys.indexOf(key);
  if (exact >= 0 || !TITLE_LIKE.test(key)) return exact;
  const a = bigrams(key);
  let best = -1;
  let bestScore = 0.8;
  titleKeys.forEach((t, i) => {
    const b = bigrams(t);
    let common = 0;
    for (const g of a) if (b.has(g)) common++;
    const score = (2 * common) / (a.size + b.size || 1);
    if (score >= bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

function isTitleRow(row: NoticeRow, titleKeys: string[], rows: NoticeRow[], i: number): boolean {
  if (row.cells.filter((c) => c !== '').length !== 1) return false;
  const key = matchKey(rowText(row));
  // Items of the annex list itself ("附件：1. …", "5. 2024年…") are not annex titles.
  if (/^(附件|\d{1,2}[.、](?!\d)|\d{1,2}[.、](?=\d{4}))/u.test(key)) return false;
  if (listedIndex(key, titleKeys) >= 0) return true;
  if (!TITLE_LIKE.test(key) || key.length > 60) return false;
  // Without an annex list: a title-like row followed shortly by a header or numbered headings.
  for (let j = i + 1; j < Math.min(rows.length, i + 4); j++) {
    const next = rows[j];
    if (
      next &&
      (readHeader(next) ||
        /^[一二三四五六七八九十]+、|^[(（]?[一二三四五六七八九十]+[)）]|^\d+[.．、]/u.test(rowText(next)))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Splits rows into annex segments. Rows before the first annex (the notice body) are not part of
 * any segment. Returns [] when the notice has no recognisable annex.
 */
export function splitAnnexes(rows: NoticeRow[], annexTitles: string[]): AnnexSegment[] {
  const titleKeys = annexTitles.map(matchKey);
  const segments: AnnexSegment[] = [];
  let pendingNo: number | null = null;
  let current: AnnexSegment | null = null;

  // The annex list itself (in the body) must not open annexes: skip rows until after it.
  const listIdx = rows.findIndex((r) => /^附\s*件\s*[:：]/u.test(rowText(r)));
  const startAt = listIdx < 0 ? 0 : listIdx + Math.max(1, annexTitles.length);

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    const text = rowText(row);
    // The distribution list (抄送) and the print line close the document: no more annex rows.
    if (current !== null && /^抄\s*送\s*[:：]/u.test(text)) {
      current = null;
      pendingNo = null;
      continue;
    }
    const marker = MARKER.exec(text);
    if (i >= startAt && marker?.[1] !== undefined) {
      pendingNo = marker[1] === '' ? null : Number(marker[1]);
      continue;
    }
    if (i >= startAt && isTitleRow(row, titleKeys, rows, i)) {
      const key = matchKey(text);
      const listed = listedIndex(key, titleKeys);
      const no = pendingNo ?? (listed >= 0 ? listed + 1 : segments.length + 1);
      const title = listed >= 0 ? (annexTitles[listed] ?? text) : normalizeSpaces(text);
      current = { no, title, kind: annexKind(title), rows: [], line: row.line };
      segments.push(current);
      pendingNo = null;
      continue;
    }
    if (current === null && readHeader(row) !== null) {
      // A table without a title: open an untitled annex so its rows are not lost.
      const no = pendingNo ?? segments.length + 1;
      current = {
        no,
        title: annexTitles[no - 1] ?? '',
        kind: annexKind(annexTitles[no - 1] ?? ''),
        rows: [],
        line: row.line,
      };
      segments.push(current);
      pendingNo = null;
    }
    current?.rows.push(row);
  }
  return segments;
}
