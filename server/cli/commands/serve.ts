import cluster from 'node:cluster';
import { ROLE_LABELS } from '../../../core/roles';
import type { Config } from '../../config/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/demo-directory';
import { buildApp } from '../../http/app';
import { startReminderScheduler } from '../../reminders/scheduler';
import { openContext } from '../../context';
import { prepareContext } from '../../start';

/**
 * `duban serve [--workers N]`. With several workers (issue 19) the first process prepares the
 * database (migrations, demo, periods due) once, then starts N processes that share the port
 * (node:cluster hands each new connection to one of them) and the database; nothing a request
 * needs lives only in one process's memory (sessions, answers and their stamps are checked
 * against the database, server/cache/). A worker that dies is started again.
 */
export async function serve(config: Config, opts: { workers: number } = { workers: 1 }) {
  if (opts.workers > 1 && cluster.isPrimary) return superviseWorkers(config, opts.workers);
  const worker = cluster.isWorker ? Number(process.env.DUBAN_WORKER ?? '1') : 0;
  const ctx = worker ? await openContext(config) : await prepareContext(config);
  const app = await buildApp(ctx, { worker });
  let scheduler: ReturnType<typeof startReminderScheduler> | null = null;
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await scheduler?.stop();
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Reminders and urges (催办): the database keeps each reminder once, so any instance may sweep;
  // of one machine's workers, the first does.
  if (config.scheduler && worker <= 1) {
    scheduler = startReminderScheduler(ctx, { info: (m) => app.log.info(m), error: (m) => app.log.error(m) });
  }
  if (worker > 1) return;

  const where = config.database.engine === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  const lines = ['', `督办 Duban 已启动 / is running:  http://localhost:${config.port}/`, `数据库 / database: ${where}`];
  if (worker) lines.push(`进程 / processes: ${process.env.DUBAN_WORKERS}`);
  if (config.demo) {
    lines.push(`演示账号 / demo sign-ins (密码 password: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) {
      lines.push(`  ${a.username.padEnd(16)} ${ROLE_LABELS[a.role]}  ${a.displayName}${a.unit ? ` · ${a.unit}` : ''}`);
    }
    lines.push('（生产环境请设置 DUBAN_DEMO=off / set DUBAN_DEMO=off in production）');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function superviseWorkers(config: Config, workers: number) {
  const ctx = await prepareContext(config);
  await ctx.close();
  let stopping = false;
  const start = (n: number) => {
    const child = cluster.fork({ DUBAN_WORKER: String(n), DUBAN_WORKERS: String(workers) });
    child.on('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(`worker ${n} stopped (${signal ?? code}); starting it again\n`);
      setTimeout(() => start(n), 1000);
    });
  };
  for (let n = 1; n <= workers; n++) start(n);
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    let left = Object.keys(cluster.workers ?? {}).length;
    if (left === 0) process.exit(0);
    cluster.on('exit', () => {
      left -= 1;
      if (left === 0) process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
