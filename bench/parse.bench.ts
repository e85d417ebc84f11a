// Parse benchmark (issue 3): median time to parse the seed notice, and throughput over 1,000
// distinct notices (the seed with its numbers varied, so no cache sees the same text twice).
// Issue 16 / 17.1: parse time of 1 MB and 20 MB inputs, ordinary and adversarial (a run of one
// character, 100,000 short lines), and the health check's latency on a real server while it reads
// the 20 MB notice (and the largest one it accepts) through POST /api/notices/preview.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseNoticeText } from '../core/notice';
import { createTestDb } from '../server/test/db';
import { makeOrg, makeUser } from '../server/test/factories';
import { signInOver } from '../server/test/http-client';
import { startServerProcess } from '../server/test/server-process';
import { serverEnv } from '../server/test/crash-support';
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

const MB = 1024 * 1024;
/** "20 MB": just under the upload limit (20 MiB), so the HTTP route takes it. */
const TWENTY_MB = 20 * MB - 64 * 1024;
const TABLE_HEAD = '新政办〔2024〕9号\n2024年1月5日\n序号\t工作标准\t责任单位\t完成时限\n';
/** A task row of ordinary length (about 260 bytes: a standard of some 70 characters with two targets). */
const taskRow = (i: number) =>
  `${i}\t围绕第${i}项重点工作，完成固定资产投资${i}亿元，新建改造城镇老旧小区配套停车位${(i * 7) % 900}个，确保按期完成并形成长效机制\t区发改局、区财政局、区住建局\t${(i % 12) + 1}月底前\n`;

/** Repeats `piece(i)` until the UTF-8 size reaches `bytes`. */
function ofSize(bytes: number, piece: (i: number) => string, head = ''): string {
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 1; size < bytes; i++) {
    const p = piece(i);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

/** The inputs of issue 16's bench line, by size: ordinary rows, and two adversarial shapes. */
export function parseInputs(bytes: number): { name: string; text: string }[] {
  return [
    { name: 'ordinary table rows', text: ofSize(bytes, taskRow, TABLE_HEAD) },
    // A run of one character inside a task's standard (the probe's 21 s / 12 min finding).
    { name: 'one run of 的 in a task', text: `${TABLE_HEAD}1\t${ofSize(bytes, () => '的'.repeat(1024))}\t区发改局\t6月底前\n` },
    { name: 'short lines', text: ofSize(bytes, (i) => `任务${i}\n`) },
  ];
}

/** Parses in this process; "refused (code)" when the parser refuses, as it does past its bounds. */
function timeParse(text: string): { ms: number; outcome: string } {
  const t0 = performance.now();
  let outcome: string;
  try {
    outcome = `${parseNoticeText(text).stats.tasks} tasks`;
  } catch (e) {
    outcome = `refused (${(e as { code?: string }).code ?? (e as Error).message})`;
  }
  return { ms: performance.now() - t0, outcome };
}

export function benchParseSizes(): string[] {
  const lines: string[] = [];
  for (const [label, bytes] of [['1 MB', MB], ['20 MB', TWENTY_MB]] as const) {
    for (const input of parseInputs(bytes)) {
      const { ms, outcome } = timeParse(input.text);
      const lineCount = input.text.split('\n').length - 1;
      lines.push(
        `parse ${label} ${input.name} (${input.text.length.toLocaleString('en')} characters, ${lineCount.toLocaleString('en')} lines): ${ms.toFixed(0)} ms, ${outcome}  [target: parsed or refused within seconds: ${ms < 5000 ? 'met' : 'MISSED'}]`,
      );
    }
  }
  return lines;
}

const percentile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

/**
 * A real `duban serve` (SQLite, empty organisation, one office user); each notice is posted to
 * POST /api/notices/preview while GET /api/health is asked every 20 ms until the answer is in.
 */
export async function benchParseServer(): Promise<string[]> {
  const db = await createTestDb({}, 'sqlite');
  const org = await makeOrg(db.ctx);
  const user = await makeUser(db.ctx, org.id, 'office');
  const app = await startServerProcess(serverEnv(db));
  const lines: string[] = [];
  try {
    const office = await signInOver(app.url, user.username);
    // Just under the parser's text bound (2,000,000 characters): read whole, then refused for its tasks.
    const long = ofSize(7 * MB, taskRow, TABLE_HEAD).slice(0, 1_990_000);
    const largest = long.slice(0, long.lastIndexOf('\n') + 1);
    const scans = path.join(import.meta.dirname, '../server/import/fixtures/scans');
    const cases: { name: string; text: string | Buffer; file?: string }[] = [
      { name: '20 MB one run of 的', text: parseInputs(TWENTY_MB)[1]!.text },
      { name: '20 MB ordinary table rows', text: parseInputs(TWENTY_MB)[0]!.text },
      { name: `the largest text read whole (${(Buffer.byteLength(largest) / MB).toFixed(1)} MB, ${largest.length.toLocaleString('en')} characters of table rows)`, text: largest },
      // Scans are read by OCR: seconds per page, on one core, in the parse worker.
      { name: 'a 2-page scan (seed pages 1–2, 200 dpi)', text: fs.readFileSync(path.join(scans, 'seed-pages-1-2-scan.pdf')), file: 'scan.pdf' },
      { name: 'a 2-page worn, tilted scan', text: fs.readFileSync(path.join(scans, 'seed-pages-1-2-worn-scan.pdf')), file: 'scan.pdf' },
    ];
    for (const c of cases) {
      const form = new FormData();
      form.append('file', new Blob([typeof c.text === 'string' ? c.text : new Uint8Array(c.text)]), c.file ?? 'bench.txt');
      const rssBefore = residentMb(app.pid);
      let rssPeak = rssBefore;
      let done = false;
      const t0 = performance.now();
      const answer = fetch(`${app.url}/api/notices/preview`, {
        method: 'POST',
        headers: { cookie: `duban_session=${office.token}`, 'x-csrf-token': office.csrfToken },
        body: form,
      }).then(async (res) => ({ status: res.status, text: await res.text() }));
      void answer.finally(() => (done = true));
      const latencies: number[] = [];
      while (!done) {
        const h0 = performance.now();
        await (await fetch(`${app.url}/api/health`)).arrayBuffer();
        latencies.push(performance.now() - h0);
        rssPeak = Math.max(rssPeak, residentMb(app.pid));
        await new Promise((r) => setTimeout(r, 20));
      }
      const { status, text } = await answer;
      const seconds = (performance.now() - t0) / 1000;
      const body = JSON.parse(text) as { parsed?: { stats: { tasks: number } }; error?: { code: string } };
      const outcome = body.parsed ? `${body.parsed.stats.tasks} tasks` : `${status} ${body.error?.code}`;
      const max = Math.max(...latencies);
      lines.push(
        `preview ${c.name} over HTTP: ${seconds.toFixed(2)} s, ${outcome}; server and OCR process memory ${rssBefore} → peak ${rssPeak} MB; /api/health during it (${latencies.length} checks): p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${max.toFixed(1)} ms  [target: health never waits for the parse, max < 1 s: ${max < 1000 ? 'met' : 'MISSED'}]`,
      );
    }
  } finally {
    await app.stop();
    await db.close();
  }
  return lines;
}

/** A process's resident memory with its children's (the OCR process), in MB (Linux /proc; 0 elsewhere). */
function residentMb(pid: number): number {
  const rss = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const children = (p: number): number[] => {
    // Children are listed under the thread that started them (the OCR process under the parse worker).
    try {
      return fs.readdirSync(`/proc/${p}/task`).flatMap((t) => fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  return Math.round(all.reduce((sum, p) => sum + rss(p), 0) / 1024);
}
