import type { Config } from './config/config';
import { openContext } from './context';
import { seedDemo } from './demo/seed-demo';

/** Opens the database, brings its schema up to date and, when the demo is on, seeds it. */
export async function prepareContext(config: Config) {
  const ctx = await openContext(config);
  if (config.demo) await seedDemo(ctx);
  return ctx;
}
