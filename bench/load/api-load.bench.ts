// API under load (issue 8): the hot reads and writes at 50 and 200 connections against a real
// `duban serve` process, and beside each the same measure of a bare Fastify server answering the
// same bytes from memory. One line per figure.
import type { AppContext } from '../../server/context';
import type { LoadResult, RecordedAnswer, SinglePlan } from './plan';
import { urlPattern } from './plan';
import { runLoad, runTogether, startBareServer } from './processes';
import { prepareWorkload, refreshDraftVersions, refreshEntryVersions, type Workload } from './workload';

export const CONNECTIONS = [50, 200] as const;
// Long enough for 200 connections to get answers from the slowest read (the dashboard) several times over.
const SECONDS = 10;
const WARMUP = 2;
const SUBMITS_PER_RUN = 1000; // at most: half of the open period's drafts each run

type Target = { label: string; met: (app: LoadResult, bare: LoadResult) => boolean };
const READ_TARGET: Target = { label: 'reads ≥ ½ bare throughput', met: (a, b) => a.rps >= b.rps / 2 && !failed(a) };
// Issue 19: a save or submit answers within 50 ms (SQLite) / 100 ms (PostgreSQL) at the 99th percentile under 200 connections.
const writeTarget = (engine: string): Target => {
  const ms = engine === 'postgres' ? 100 : 50;
  return { label: `p99 < ${ms} ms at 200`, met: (a) => a.p99 < ms && !failed(a) };
};
const failed = (r: LoadResult) => r.non2xx + r.errors + r.timeouts > 0;

const fmt = (r: LoadResult) => `${Math.round(r.rps).toLocaleString('en')} req/s p50 ${r.p50} ms p99 ${r.p99} ms${r.non2xx || r.errors || r.timeouts ? ` (${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)` : ''}`;

/**
 * Waits until the app answers its health check promptly again: requests still queued from the
 * previous run (the load generator stops sending, the server does not stop working) must not be
 * counted against the next one.
 */
async function drained(url: string) {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${url}/api/health`).then((r) => r.text());
    quick = performance.now() - t0 < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The app's answer to each request, for the bare server to replay. */
async function record(url: string, workload: Workload): Promise<RecordedAnswer[]> {
  const answers: RecordedAnswer[] = [];
  const keep = async (method: string, path: string, headers: Record<string, string>, body: string | undefined, key: 'exact' | 'pattern') => {
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    answers.push({
      method,
      url: key === 'exact' ? path : urlPattern(path),
      cookie: key === 'exact' ? (headers.cookie ?? '') : '*',
      status: res.status,
      contentType: res.headers.get('content-type') ?? 'application/json',
      body: text,
    });
    return text;
  };
  for (const read of workload.reads) for (const slot of read.slots) await keep('GET', slot.path, slot.headers, undefined, 'exact');
  // One real save and one real submit give the writes' answers (a spare entry and a spare draft).
  const entry = workload.entries.pop()!;
  await keep('PUT', entry.path, entry.headers, JSON.stringify({ ...entry.body, version: entry.version }), 'pattern');
  const draft = workload.drafts.pop()!;
  await keep('POST', draft.path, draft.headers, JSON.stringify({ version: draft.version }), 'pattern');
  return answers;
}

/** How the bench runs `duban serve`: production mode, quiet logs, the generated data's business date, no scheduler noise. */
export const BENCH_SERVER_ENV = { NODE_ENV: 'production', DUBAN_DEMO: 'off', DUBAN_SCHEDULER: 'off', DUBAN_LOG_LEVEL: 'warn', DUBAN_TODAY: '2024-06-25', DUBAN_COOKIE_SECURE: 'off' };

export async function benchApiLoad(opts: { engine: string; appUrl: string; ctx: AppContext; print: (line: string) => void }) {
  const { ctx } = opts;
  const app = { url: opts.appUrl };
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  try {
    const workload = await prepareWorkload(ctx, { districts: 20, entries: 2000, drafts: SUBMITS_PER_RUN * CONNECTIONS.length + 1 });
    bare = await startBareServer(await record(app.url, workload));
    const line = (what: string, connections: number, a: LoadResult, b: LoadResult, target: Target) =>
      opts.print(
        `api ${opts.engine} ${what} @${connections}: app ${fmt(a)} | bare ${fmt(b)} | ratio ${(a.rps / b.rps).toFixed(2)}  [target ${target.label}: ${target.met(a, b) ? 'met' : 'MISSED'}]`,
      );
    const both = async (plan: Omit<SinglePlan, 'url'>) => {
      await drained(app.url);
      const a = await runLoad({ ...plan, url: app.url });
      return [a, await runLoad({ ...plan, url: bare!.url })] as const;
    };

    for (const read of workload.reads) {
      for (const connections of CONNECTIONS) {
        const [a, b] = await both({ kind: 'fixed', connections, slots: read.slots, durationSeconds: SECONDS, warmupSeconds: WARMUP });
        line(`read ${read.name}`, connections, a, b, READ_TARGET);
      }
    }
    for (const connections of CONNECTIONS) {
      const entries = await refreshEntryVersions(ctx, workload.entries);
      const [a, b] = await both({ kind: 'save-progress', connections, slots: entries, durationSeconds: SECONDS, warmupSeconds: 0 });
      line('write save progress', connections, a, b, connections === 200 ? writeTarget(opts.engine) : { label: 'none at 50', met: () => true });
    }
    // Reads and writes at the same time (issue 19): 90% of the connections read (the three hot
    // reads in turn), 10% save entries; then the deadline morning: the clerks of every district
    // save while each district's office reloads its dashboard.
    const allReads = workload.reads.flatMap((r) => r.slots);
    const dashboards = workload.reads.find((r) => r.name === 'dashboard')!.slots;
    const together = async (label: string, connections: number, readSlots: typeof allReads, readShare: number) => {
      const readers = Math.round(connections * readShare);
      const plans = (url: string, entries: typeof workload.entries): SinglePlan[] => [
        { url, kind: 'fixed', connections: readers, slots: readSlots, durationSeconds: SECONDS, warmupSeconds: 0 },
        { url, kind: 'save-progress', connections: connections - readers, slots: entries, durationSeconds: SECONDS, warmupSeconds: 0 },
      ];
      await drained(app.url);
      const [ar, aw] = await runTogether(plans(app.url, await refreshEntryVersions(ctx, workload.entries)));
      const [br, bw] = await runTogether(plans(bare!.url, workload.entries));
      const readsMet = READ_TARGET.met(ar!, br!);
      const wt = writeTarget(opts.engine);
      opts.print(
        `api ${opts.engine} ${label} @${connections}: reads (${readers} conn.) app ${fmt(ar!)} | bare ${fmt(br!)} | ratio ${(ar!.rps / br!.rps).toFixed(2)}; saves (${connections - readers} conn.) app ${fmt(aw!)} | bare ${fmt(bw!)}  [target ${READ_TARGET.label}: ${readsMet ? 'met' : 'MISSED'}; saves ${wt.label}: ${connections === 200 ? (wt.met(aw!, bw!) ? 'met' : 'MISSED') : 'none at 50'}]`,
      );
    };
    for (const connections of CONNECTIONS) await together('mixed 90/10', connections, allReads, 0.9);
    await together('deadline morning (clerks saving, offices on dashboards)', 200, dashboards, 0.1);

    let drafts = await refreshDraftVersions(ctx, workload.drafts);
    for (const connections of CONNECTIONS) {
      const share = Math.min(SUBMITS_PER_RUN, Math.floor(drafts.length / (CONNECTIONS.length - CONNECTIONS.indexOf(connections))));
      const amount = Math.floor(share / connections) * connections;
      if (amount < connections) {
        opts.print(`api ${opts.engine} write submit report @${connections}: SKIPPED — only ${drafts.length} drafts left to submit`);
        continue;
      }
      await drained(app.url);
      const a = await runLoad({ kind: 'submit', connections, slots: drafts.slice(0, amount), amount, durationSeconds: 0, warmupSeconds: 0, url: app.url });
      const b = await runLoad({ kind: 'submit', connections, slots: drafts.slice(0, amount), amount, durationSeconds: 0, warmupSeconds: 0, url: bare.url });
      drafts = drafts.slice(amount);
      line('write submit report', connections, a, b, connections === 200 ? writeTarget(opts.engine) : { label: 'none at 50', met: () => true });
    }
  } finally {
    bare?.stop();
  }
}
