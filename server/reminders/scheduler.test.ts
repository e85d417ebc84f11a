import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, makeUnit, makeUser } from '../test/factories';
import { startReminderScheduler } from './scheduler';
import { makeNoticeWithPeriod } from './test-support';

describe('the reminder scheduler', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb({ DUBAN_TODAY: '2024-06-30' });
    const org = await makeOrg(db.ctx);
    const unitId = (await makeUnit(db.ctx, org.id)).id;
    await makeUser(db.ctx, org.id, 'unit_staff', { unitId });
    await makeNoticeWithPeriod(db.ctx, org.id, {
      deadline: '2024-07-01',
      tasks: [{ unitIds: [unitId], leaderIds: [] }],
    });
  });
  afterAll(() => db?.close());

  it('is on for `duban serve`, off under tests unless asked for, and refuses a bad value', () => {
    expect(loadConfig({}).scheduler).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).scheduler).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).scheduler).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', DUBAN_SCHEDULER: 'on' }).scheduler).toBe(true);
    expect(loadConfig({ DUBAN_SCHEDULER: 'off' }).scheduler).toBe(false);
    expect(() => loadConfig({ DUBAN_SCHEDULER: 'sometimes' })).toThrow(/DUBAN_SCHEDULER="sometimes"/);
  });

  it('sweeps at start, then stops cleanly', async () => {
    const logs: string[] = [];
    const scheduler = startReminderScheduler(db.ctx, {
      info: (m) => logs.push(m),
      error: (m) => logs.push(`ERROR ${m}`),
    });
    await scheduler.ready;
    await scheduler.stop();
    const reminders = await db.ctx.db.selectFrom('reminders').select(['key', 'kind']).execute();
    expect(reminders.map((r) => r.kind)).toEqual(['before_deadline']); // 1 day before
    expect(logs).toEqual(['reminder sweep 2024-06-30: 1 new of 1 planned']);
  });
});
