import type { Config } from './config/config';
import type { AppContext } from './context';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { seedDemo } from './demo/seed-demo';

/** Opens the database, brings its schema up to date and, when the demo is on, seeds it. */
export async function prepareContext(config: Config): Promise<AppContext & { close: () => Promise<void> }> {
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db, handle.engine);
  const ctx = { db: handle.db, engine: handle.engine, config, close: handle.close };
  if (config.demo) await seedDemo(ctx);
  return ctx;
}
