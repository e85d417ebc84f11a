// Links: the same work handed down twice (the city's Work Report item and the city's livelihood
// project "建成“村增万树”示范村、标准村120个" both reach the district), or an upstream item that
// repeats a district task. Proposed for a person to confirm; never merged automatically.
//
// Similarity is the Dice coefficient of character bigrams of the texts with spaces, list numbers
// and punctuation removed; the upstream items are compared as well as the district targets.

import { matchKey } from './text';
import type { ParsedAnnex, ParsedTask } from './types';

/**
 * Bounds that keep this linear in the notice (a crafted notice made it quadratic in tasks, found by a
 * security probe): only the first LINK_TEXT_LIMIT characters of a text are compared (the seed's
 * longest target has 271); a bigram that more than FREQUENT_BIGRAM later tasks share is not used to
 * find candidates (it says nothing about similarity; candidates found through rarer bigrams still
 * count it); past WORK_BUDGET steps of the index no more links are proposed; and a task gets at most
 * MAX_LINKS_PER_TASK links (thousands of near-identical tasks would otherwise link every pair).
 */
const LINK_TEXT_LIMIT = 600;
const FREQUENT_BIGRAM = 1000;
const WORK_BUDGET = 5_000_000;
/** Links proposed per task at most (the seed's tasks have at most one; a person confirms each). */
const MAX_LINKS_PER_TASK = 10;

function bigrams(text: string): Set<string> {
  const key = matchKey(text.slice(0, LINK_TEXT_LIMIT))
    .replace(/^\d+[.．、]/u, '')
    .replace(/[\p{P}\p{S}\s]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(i, i + 2));
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

interface Entry {
  annexNo: number;
  task: ParsedTask;
  standard: Set<string>;
  upstream: Set<string> | null;
}

export interface LinkOptions {
  /** Minimum similarity of the district targets (default 0.6). */
  threshold?: number;
}

/** Adds `links` to tasks in different annexes whose texts are near-duplicates. Mutates tasks. */
export function proposeLinks(annexes: ParsedAnnex[], opts: LinkOptions = {}): number {
  const threshold = opts.threshold ?? 0.6;
  const entries: Entry[] = [];
  for (const a of annexes) {
    for (const t of a.tasks) {
      entries.push({
        annexNo: a.no,
        task: t,
        standard: bigrams(t.standard),
        upstream: t.upstreamItem ? bigrams(t.upstreamItem) : null,
      });
    }
  }
  // Inverted index on bigrams keeps this well under a millisecond-scale budget.
  const index = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const g of e.standard) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  let count = 0;
  // Entries are in annex order: only later annexes are compared (firstOfNext[i] is where they start).
  const firstOfNext: number[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const same = entries[i + 1]?.annexNo === entries[i]?.annexNo;
    firstOfNext[i] = same ? (firstOfNext[i + 1] ?? entries.length) : i + 1;
  }
  const counts = new Int32Array(entries.length);
  let work = 0;
  entries.forEach((e, i) => {
    if (work > WORK_BUDGET) return;
    const minJ = firstOfNext[i] ?? entries.length;
    const touched: number[] = [];
    const frequent: string[] = [];
    for (const g of e.standard) {
      const list = index.get(g) ?? [];
      // Posting lists are in entry order: start at the first later annex's entry.
      const from = firstAtLeast(list, minJ);
      if (list.length - from > FREQUENT_BIGRAM) {
        frequent.push(g);
        continue;
      }
      work += list.length - from + 1;
      for (let k = from; k < list.length; k++) {
        const j = list[k] ?? 0;
        const c = counts[j] ?? 0;
        counts[j] = c + 1;
        if (c === 0) touched.push(j);
      }
    }
    if (frequent.length > 0) {
      work += touched.length * frequent.length;
      if (work > WORK_BUDGET) {
        for (const j of touched) counts[j] = 0;
        return;
      }
      for (const j of touched) for (const g of frequent) if (entries[j]?.standard.has(g)) counts[j] = (counts[j] ?? 0) + 1;
    }
    for (const j of touched) {
      const common = counts[j] ?? 0;
      counts[j] = 0;
      const f = entries[j];
      if (!f || f.annexNo === e.annexNo) continue;
      const std = (2 * common) / (e.standard.size + f.standard.size);
      const up = e.upstream && f.upstream ? dice(e.upstream, f.upstream) : null;
      // Containment: a short target repeated inside a longer one ("新增资质以上入库企业8家" is
      // item 4 of annex 2's task 7). Only for targets long enough to be specific.
      const minSize = Math.min(e.standard.size, f.standard.size);
      const contained = minSize >= 8 ? common / minSize : 0;
      const sim = Math.max(up === null ? std : Math.max(std, (std + up) / 2), contained >= 0.9 ? contained : 0);
      if (sim < threshold) continue;
      const reason =
        up !== null && up >= threshold
          ? 'same upstream item and district target handed down twice'
          : std >= threshold
            ? 'near-identical district target text'
            : 'one district target is contained in the other';
      if (e.task.links.length >= MAX_LINKS_PER_TASK || f.task.links.length >= MAX_LINKS_PER_TASK) continue;
      const s = Math.round(sim * 100) / 100;
      e.task.links.push({ annexNo: f.annexNo, seq: f.task.seq, reason, similarity: s });
      f.task.links.push({ annexNo: e.annexNo, seq: e.task.seq, reason, similarity: s });
      count++;
    }
  });
  if (work > WORK_BUDGET) {
    annexes[0]?.anomalies.push('too many similar task texts: links between annexes were not proposed for every task');
  }
  return count;
}

/** The first index of a sorted list whose value is at least `min` (binary search). */
function firstAtLeast(list: number[], min: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
