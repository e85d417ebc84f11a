// Child processes of the load bench: the load generator and the bare server, each in its own
// process (tsx runs their TypeScript), so neither shares an event loop with what it measures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadPlan, LoadResult, RecordedAnswer, SinglePlan } from './plan';

const here = import.meta.dirname;

function tmpJson(name: string, value: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-')), name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

export async function runLoad(plan: SinglePlan): Promise<LoadResult> {
  return (await runLoads(plan)) as LoadResult;
}

/** Several plans at once, from one load generator: one result per plan, in order. */
export async function runTogether(plans: SinglePlan[]): Promise<LoadResult[]> {
  return (await runLoads({ together: plans })) as LoadResult[];
}

async function runLoads(plan: LoadPlan): Promise<LoadResult | LoadResult[]> {
  const file = tmpJson('plan.json', plan);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'load-client.ts'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (code !== 0) throw new Error(`load generator failed (${code}): ${err}`);
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult | LoadResult[];
}

export type BareServer = { url: string; stop: () => void };

export async function startBareServer(answers: RecordedAnswer[]): Promise<BareServer> {
  const file = tmpJson('answers.json', answers);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bare-server.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
