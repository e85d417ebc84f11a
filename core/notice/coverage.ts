// What the preview needs besides the tasks: the text that was read as no task (so the office can
// see what was missed), the document facts the notice did not print (asked for, never a reason to
// refuse), and those facts filled from the office's defaults.

import type { AnnexSegment } from './annexes';
import { rowText } from './rows';
import type { RawTask } from './table';
import type { MissingFact, NoticeDocument, NoticeRow, ParseOptions, UnreadText } from './types';

const UNREAD_CAP = 300;
const UNREAD_TEXT_CAP = 200;

interface ReadSegment {
  segment: AnnexSegment;
  tasks: RawTask[];
  explainedLines: number[];
}

/**
 * Lines of the segments that no task spans and no strategy accounted for. A task spans from its
 * line to its endLine, or up to the next task's line (its wrapped text and role lines); the last
 * task of a segment without an endLine spans to the segment's end (strategies that know where a
 * task ends set endLine, so a signature or note after the list shows up as unread).
 */
export function unreadText(segments: ReadSegment[], allRows: NoticeRow[], facts: NoticeDocument): UnreadText[] {
  const isFact = factLineTest(facts);
  const explained = new Set<number>();
  const spans: [number, number][] = [];
  for (const s of segments) {
    for (const l of s.explainedLines) explained.add(l);
    const starts = s.tasks.map((t) => t.line);
    const segmentEnd = s.segment.rows[s.segment.rows.length - 1]?.line ?? 0;
    s.tasks.forEach((t, i) => {
      const next = starts[i + 1];
      spans.push([t.line, t.endLine ?? (next !== undefined && next > t.line ? next - 1 : Math.max(t.line, segmentEnd))]);
    });
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out: UnreadText[] = [];
  const segmentRows = segments.flatMap((s) => s.segment.rows);
  let k = 0;
  let reach = -1;
  for (const row of segmentRows.length > 0 ? segmentRows : allRows) {
    while (k < spans.length && (spans[k]?.[0] ?? Infinity) <= row.line) {
      reach = Math.max(reach, spans[k]?.[1] ?? -1);
      k++;
    }
    if (row.line <= reach || explained.has(row.line)) continue;
    const text = rowText(row);
    if (text.trim() === '' || isFact(text)) continue;
    out.push({ line: row.line, text: text.length > UNREAD_TEXT_CAP ? `${text.slice(0, UNREAD_TEXT_CAP)}…` : text });
    if (out.length >= UNREAD_CAP) break;
  }
  return out;
}

/** Labels of a government disclosure page's fact table (索引号, 发文字号, 成文日期 …). */
const FACT_LABEL = /^\s*(索引号|主题分类|发文机关|发布机构|发文单位|成文日期|发布日期|发文日期|发文字号|文号|标题|有效性|主题词|公开方式|公开范围|生效日期)\s*[:：]/u;

/**
 * Lines the document facts were read from (文号, title, signature, a disclosure page's fact table):
 * they were read, just not as tasks.
 */
function factLineTest(facts: NoticeDocument): (text: string) => boolean {
  const squash = (t: string) => t.replace(/\s+/gu, '');
  const title = facts.title !== null ? squash(facts.title) : null;
  const parts = [facts.docNumber, facts.issuer].filter((x): x is string => x !== null && x !== '').map(squash);
  return (text) => {
    if (FACT_LABEL.test(text)) return true;
    const line = squash(text);
    if (line === '') return false;
    if (title !== null && line.length >= 4 && title.includes(line)) return true;
    // A signature line or the 文号 line: the fact is (nearly) the whole line.
    return parts.some((p) => line.includes(p) && line.length <= p.length + 16);
  };
}

export function missingFacts(doc: NoticeDocument): MissingFact[] {
  const out: MissingFact[] = [];
  if (doc.docNumber === null) out.push('docNumber');
  if (doc.title === null) out.push('title');
  if (doc.issuer === null) out.push('issuer');
  if (doc.issuedDate === null) out.push('issuedDate');
  if (doc.year === null) out.push('year');
  return out;
}

/** The printed facts, with the office's values where the notice printed none. */
export function withDefaults(doc: NoticeDocument, defaults: ParseOptions['documentDefaults']): NoticeDocument {
  if (!defaults) return doc;
  const issuedDate = doc.issuedDate ?? defaults.issuedDate ?? null;
  return {
    ...doc,
    docNumber: doc.docNumber ?? defaults.docNumber ?? null,
    title: doc.title ?? defaults.title ?? null,
    issuer: doc.issuer ?? defaults.issuer ?? null,
    issuedDate,
    year: doc.year ?? defaults.year ?? (issuedDate ? Number(issuedDate.slice(0, 4)) : null),
  };
}
