// Parse benchmark (issue 3): median time to parse the seed notice, and throughput over 1,000
// distinct notices (the seed with its numbers varied, so no cache sees the same text twice).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseNoticeText } from '../core/notice';
import { median } from './stats';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../data/demo/xinzhou-2024-notice.txt'), 'utf8');


/** The n-th variant: every number in the text shifted, so each notice is new text. */
function variant(n: number): string {
  return seed.replace(/\d+/g, (d) => String((Number(d) * 7 + n) % 10 ** d.length).padStart(d.length, '1'));
}

export function benchParse(): string[] {
  for (let i = 0; i < 20; i++) parseNoticeText(seed);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    parseNoticeText(seed);
    times.push(performance.now() - t0);
  }
  const notices = Array.from({ length: 1000 }, (_, i) => variant(i + 1));
  let tasks = 0;
  const t0 = performance.now();
  for (const text of notices) tasks += parseNoticeText(text).stats.tasks;
  const seconds = (performance.now() - t0) / 1000;
  const ms = median(times);
  return [
    `parse seed notice (242 tasks): median ${ms.toFixed(2)} ms over 200 runs  [target < 20 ms: ${ms < 20 ? 'met' : 'MISSED'}]`,
    `parse 1,000 notices: ${(1000 / seconds).toFixed(0)} notices/s (${seconds.toFixed(2)} s, ${tasks} tasks)`,
  ];
}
