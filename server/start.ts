import type { Config } from './config/config';
import { openContext } from './context';
import { seedDemo } from './demo/seed-demo';
import { advancePeriods } from './reporting/period-schedule.service';

/**
 * Opens the database, brings its schema up to date, seeds the demo when it is on, and lets the
 * reporting periods open and close as their schedule says on today's business date.
 */
export async function prepareContext(config: Config) {
  const ctx = await openContext(config);
  if (config.demo) await seedDemo(ctx);
  await advancePeriods(ctx);
  return ctx;
}
