import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { migrateToLatest } from './migrate';
import { createTestDb } from '../test/db';

describe('migrations', () => {
  it('are applied once; running them again changes nothing', async () => {
    const t = await createTestDb();
    const again = await migrateToLatest(t.ctx.db, t.ctx.engine);
    expect(again.results).toEqual([]);
    await t.close();
  });

  it('are safe when several instances start at once', async () => {
    const t = await createTestDb();
    // Three more connections to the same database race to migrate: the lock makes it a no-op.
    const handles = [0, 1, 2].map(() => openDatabase(t.config.database, { poolSize: 2 }));
    const results = await Promise.all(handles.map((h) => migrateToLatest(h.db, h.engine)));
    expect(results.every((r) => r.error === undefined)).toBe(true);
    await Promise.all(handles.map((h) => h.close()));
    await t.close();
  });
});
