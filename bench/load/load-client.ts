// The load generator, run as its own process (bench/load/measure.ts spawns it) so that it never
// shares an event loop with the server it measures. It drives autocannon with one of three request
// plans and prints autocannon's summary as one JSON line on stdout.
//
//   fixed          GET requests, round-robin over a list (one signed-in person per entry)
//   save-progress  PUT a task entry; each in-flight request holds its own entry, and the entry's
//                  optimistic version is taken from the answer, as the web app does
//   submit         POST a report's submit; every request submits a different draft, once
//
// A plan with `together` runs several such plans at once (the mixed and deadline-morning runs)
// and prints one summary per plan, in order, as a JSON array.
import fs from 'node:fs';
import autocannon from 'autocannon';
import type { LoadPlan, LoadResult, SinglePlan } from './plan';

const given = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as LoadPlan;

type Slot = SinglePlan['slots'][number];
type Ctx = { slot?: Slot };

function request(plan: SinglePlan): autocannon.Request {
  /** Idle slots; a request takes one and its answer gives it back, so no two requests share an entry. */
  const idle = [...plan.slots];
  let next = 0;
  switch (plan.kind) {
    case 'fixed':
      return {
        method: 'GET',
        setupRequest: (req) => {
          const slot = plan.slots[next++ % plan.slots.length]!;
          return { ...req, method: 'GET', path: slot.path, headers: slot.headers };
        },
      };
    case 'save-progress':
      return {
        method: 'PUT',
        setupRequest: (req, context: Ctx) => {
          const slot = idle.shift();
          if (!slot) throw new Error(`more connections than entries (${plan.slots.length})`);
          context.slot = slot;
          return { ...req, method: 'PUT', path: slot.path, headers: slot.headers, body: JSON.stringify({ ...slot.body, version: slot.version }) };
        },
        onResponse: (status, body, context: Ctx) => {
          const slot = context.slot!;
          if (status === 200) slot.version = (JSON.parse(body) as { version: number }).version;
          idle.push(slot);
        },
      };
    case 'submit':
      return {
        method: 'POST',
        setupRequest: (req) => {
          const slot = plan.slots[next++];
          if (!slot) throw new Error(`ran out of drafts to submit (${plan.slots.length})`);
          return { ...req, method: 'POST', path: slot.path, headers: slot.headers, body: JSON.stringify({ version: slot.version }) };
        },
      };
  }
}

async function run(plan: SinglePlan): Promise<LoadResult> {
  const common = {
    url: plan.url,
    connections: plan.connections,
    pipelining: 1,
    timeout: 20,
    requests: [request(plan)],
  };
  if (plan.warmupSeconds > 0 && plan.kind === 'fixed') await autocannon({ ...common, duration: plan.warmupSeconds });
  const result = await autocannon({
    ...common,
    ...(plan.amount ? { amount: plan.amount } : { duration: plan.durationSeconds }),
  });
  // A fixed number of requests ends on autocannon's one-second sampling tick, so its duration (and
  // the wall time) says nothing of the server; with every connection busy all along, throughput
  // is connections / mean latency (Little's law).
  const seconds = plan.amount ? (result.requests.total * result.latency.mean) / 1000 / plan.connections : result.duration;
  const out: LoadResult = {
    requests: result.requests.total,
    seconds,
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  return out;
}

async function main() {
  const out = 'together' in given ? await Promise.all(given.together.map(run)) : await run(given);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
