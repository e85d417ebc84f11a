import { ROLE_LABELS } from '../../../core/roles';
import type { Config } from '../../config/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/demo-directory';
import { buildApp } from '../../http/app';
import { startReminderScheduler } from '../../reminders/scheduler';
import { prepareContext } from '../../start';

export async function serve(config: Config) {
  const ctx = await prepareContext(config);
  const app = await buildApp(ctx);
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
  // Reminders and urges (催办): every instance sweeps; the database keeps each reminder once.
  if (config.scheduler) {
    scheduler = startReminderScheduler(ctx, { info: (m) => app.log.info(m), error: (m) => app.log.error(m) });
  }

  const where = config.database.engine === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  const lines = ['', `督办 Duban 已启动 / is running:  http://localhost:${config.port}/`, `数据库 / database: ${where}`];
  if (config.demo) {
    lines.push(`演示账号 / demo sign-ins (密码 password: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) {
      lines.push(`  ${a.username.padEnd(16)} ${ROLE_LABELS[a.role]}  ${a.displayName}${a.unit ? ` · ${a.unit}` : ''}`);
    }
    lines.push('（生产环境请设置 DUBAN_DEMO=off / set DUBAN_DEMO=off in production）');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
