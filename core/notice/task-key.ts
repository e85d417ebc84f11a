// The key that names a task of a parsed notice while it is imported: the office's corrections in
// the import preview (web/src/notices/corrections.ts) are sent with it and applied by it on the
// server (server/import/corrections.ts), and a re-import matches new tasks to stored ones by it
// (server/import/notice-diff.ts). One function, so the browser and the server cannot disagree.
// Pure: no I/O.

/**
 * "annexNo/seq" for each task, in order; where a sequence is printed more than once within an annex
 * (misprinted numbering) the n-th occurrence gets "#n", so the n-th matches the n-th and a correction
 * lands on the row the clerk saw.
 */
export function taskKeys<T extends { seq: string }>(annexNo: number, tasks: readonly T[]): [string, T][] {
  const seen = new Map<string, number>();
  return tasks.map((t) => {
    const n = (seen.get(t.seq) ?? 0) + 1;
    seen.set(t.seq, n);
    return [`${annexNo}/${t.seq}${n > 1 ? `#${n}` : ''}`, t];
  });
}
