import type { Db } from '../db/connection';

/** What a generated world holds, counted from the database (the CLI's summary). */
export type WorldCounts = {
  organisations: number;
  units: number;
  users: number;
  notices: number;
  tasks: number;
  indicators: number;
  periods: number;
  reports: number;
  taskProgress: number;
  indicatorActuals: number;
  notifications: number;
  upstreamLinks: number;
  auditEntries: number;
};

const TABLES = {
  organisations: 'organisations',
  units: 'units',
  users: 'users',
  notices: 'notices',
  tasks: 'tasks',
  indicators: 'indicators',
  periods: 'periods',
  reports: 'unit_reports',
  taskProgress: 'task_progress',
  indicatorActuals: 'indicator_actuals',
  notifications: 'notifications',
  upstreamLinks: 'handdowns',
  auditEntries: 'audit_log',
} as const;

export async function countWorld(db: Db): Promise<WorldCounts> {
  const out = {} as WorldCounts;
  for (const [key, table] of Object.entries(TABLES) as [keyof WorldCounts, (typeof TABLES)[keyof WorldCounts]][]) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[key] = Number(row.n);
  }
  return out;
}
