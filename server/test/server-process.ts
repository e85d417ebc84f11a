import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TEST_CHANNEL_HOSTS, TEST_RATE_LIMITS } from './db';

const bin = path.resolve(import.meta.dirname, '../../bin/duban.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type ServerProcess = {
  url: string;
  /** The process id (benchmarks read its memory from /proc). */
  pid: number;
  /** Everything the process printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. Resolves once the process is gone. */
  kill: () => Promise<void>;
};

/**
 * A real `duban serve` process, as an operator runs it; resolves when /api/health answers.
 * Used by the multi-instance tests and the end-to-end harness.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv, opts: { readyTimeoutMs?: number; args?: string[] } = {}): Promise<ServerProcess> {
  // A caller that must name the address before the start (a platform's redirect URL) passes PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [bin, 'serve', ...(opts.args ?? [])], {
    env: { ...process.env, DUBAN_LOG_LEVEL: 'warn', ...TEST_RATE_LIMITS, ...TEST_CHANNEL_HOSTS, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/health in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
