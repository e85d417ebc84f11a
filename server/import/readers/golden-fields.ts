// Test helper: how much of the seed's reviewed golden ledger (core/notice/fixtures/seed-ledger.golden.json)
// a file's rows reproduce, field by field — the shape core/notice/seed-golden.test.ts compares.
import fs from 'node:fs';
import path from 'node:path';
import { parseNoticeRows, type NoticeRow } from '../../../core/notice';
import { goldenView } from '../../../core/notice/corpus';

const GOLDEN = path.resolve(import.meta.dirname, '../../../core/notice/fixtures/seed-ledger.golden.json');

/** The ledger as seed-golden.test.ts writes it (core/notice/corpus.ts goldenView). */
export function goldenShape(rows: NoticeRow[]) {
  return goldenView(parseNoticeRows(rows));
}

/**
 * Compares every field of the document and of every golden task (matched by annex and position)
 * and returns the share equal, and the differing fields (path: actual ≠ golden) for the message.
 */
export function scoreAgainstGolden(rows: NoticeRow[]): { equal: number; total: number; share: number; diffs: string[] } {
  const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as ReturnType<typeof goldenShape>;
  const actual = goldenShape(rows);
  const diffs: string[] = [];
  let equal = 0;
  let total = 0;
  const cmp = (where: string, a: unknown, g: unknown) => {
    total++;
    if (JSON.stringify(a) === JSON.stringify(g)) equal++;
    else diffs.push(`${where}: ${JSON.stringify(a)} ≠ ${JSON.stringify(g)}`);
  };
  for (const [k, v] of Object.entries(golden.document)) cmp(`document.${k}`, (actual.document as Record<string, unknown>)[k], v);
  golden.annexes.forEach((ga, i) => {
    const aa = actual.annexes.find((a) => a.no === ga.no) ?? actual.annexes[i];
    cmp(`附件${ga.no}.title`, aa?.title, ga.title);
    cmp(`附件${ga.no}.kind`, aa?.kind, ga.kind);
    ga.tasks.forEach((gt, j) => {
      const at = aa?.tasks[j] as Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(gt)) cmp(`附件${ga.no}[${gt.seq}].${k}`, at?.[k], v);
    });
  });
  // Tasks the golden does not have count against the file too.
  const extra = actual.annexes.reduce((s, a) => s + a.tasks.length, 0) - golden.annexes.reduce((s, a) => s + a.tasks.length, 0);
  if (extra > 0) {
    total += extra;
    diffs.push(`${extra} tasks more than the golden ledger`);
  }
  return { equal, total, share: equal / total, diffs };
}

/** The parser's repairs of a file's rows (what a reviewer is asked to look at), as comparable lines. */
export function repairLines(rows: NoticeRow[]): string[] {
  const n = parseNoticeRows(rows);
  return n.annexes
    .flatMap((a) => a.tasks.flatMap((t) => t.repairs))
    .map((r) => `${r.field}|${r.raw}|${JSON.stringify(r.result)}|${r.rule}|${r.uncertain}`)
    .sort();
}
