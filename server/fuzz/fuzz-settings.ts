/**
 * How long and from where the fuzz runs. CI uses a fixed seed and a run count sized for a small
 * machine, so a failure there replays exactly; `npm run fuzz` raises the runs and picks a random
 * seed (printed, so a failure it finds replays with FUZZ_SEED=<seed>).
 *   FUZZ_SEED  a number, or "random"; default a constant
 *   FUZZ_RUNS  the run count of every property (per route for the API fuzz); default each one's own
 */
const DEFAULT_SEED = 20240402;

function seedFromEnv(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 31);
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${raw}`);
  return n;
}

export const FUZZ_SEED = seedFromEnv();
const runsOverride = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : null;
if (runsOverride !== null && !(Number.isInteger(runsOverride) && runsOverride > 0)) {
  throw new Error(`FUZZ_RUNS must be a positive integer, not ${process.env.FUZZ_RUNS}`);
}

/** The run count of a property: its CI default unless FUZZ_RUNS says otherwise. */
export function fuzzRuns(ciDefault: number): number {
  return runsOverride ?? ciDefault;
}

/** A test timeout that grows with the run count (per-run budget in ms, plus set-up). */
export function fuzzTimeout(runs: number, msPerRun: number): number {
  return 30_000 + runs * msPerRun;
}

/** fast-check parameters: the shared seed, the run count, and a line saying how to replay. */
export function fuzzParams(name: string, runs: number) {
  console.log(`[fuzz] ${name}: seed=${FUZZ_SEED} runs=${runs} (replay: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${runs})`);
  return { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true } as const;
}
