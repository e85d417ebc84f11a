import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postMultipart, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUnit, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

describe('notice import over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client;
  let clerk: Client;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    const unit = await makeUnit(t.ctx, org.id, { name: '区交通运输局' });
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: unit.id })).username);
  });
  afterAll(() => t.close());

  it('previews the seed: every annex and task, repairs and tasks to confirm, writing nothing', async () => {
    const res = await postMultipart(t.app, office, '/api/notices/preview', [{ name: 'file', value: seed, fileName: '新政办〔2024〕1号.txt' }]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.parsed.annexes.map((a: { tasks: unknown[] }) => a.tasks.length)).toEqual([199, 24, 10, 7, 2]);
    expect(body.parsed.stats.repairs).toBeGreaterThan(0);
    expect(body.existing).toBeNull();
    expect((await office.request('GET', '/api/notices')).json().items).toEqual([]);
  });

  it('imports with the office’s corrections applied', async () => {
    const options = { corrections: [{ key: '1/(1)', leaders: ['李先勇'], units: ['区发改局', '区统计局'] }] };
    const res = await postMultipart(t.app, office, '/api/notices/import', [
      { name: 'options', value: JSON.stringify(options) },
      { name: 'file', value: seed, fileName: 'notice.txt' },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: true, tasks: 242, annexes: 5 });
    const units = await t.ctx.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['units.name', 'task_units.role'])
      .where('tasks.seq', '=', '(1)')
      .where('tasks.notice_id', '=', res.json().noticeId)
      .where('tasks.position', '=', 0)
      .orderBy('task_units.position')
      .execute();
    expect(units).toEqual([
      { name: '区发改局', role: 'lead' },
      { name: '区统计局', role: 'co' },
    ]);
    const list = (await office.request('GET', '/api/notices')).json().items;
    expect(list).toEqual([expect.objectContaining({ docNumber: '新政办〔2024〕1号', tasks: 242 })]);
  });

  it('shows a second upload of the same notice as differences, not a second notice', async () => {
    const res = await postMultipart(t.app, office, '/api/notices/preview', [{ name: 'file', value: seed, fileName: 'notice.txt' }]);
    // Task 1/(1) was corrected at import; the file still prints the original unit only.
    expect(res.json().existing.diff.changed.map((c: { key: string }) => c.key)).toEqual(['1/(1)']);
    const again = await postMultipart(t.app, office, '/api/notices/import', [{ name: 'file', value: seed, fileName: 'notice.txt' }]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOTICE_ALREADY_IMPORTED');
  });

  it('refuses a unit clerk, a missing file, bad options and an unknown correction', async () => {
    const refused = await postMultipart(t.app, clerk, '/api/notices/preview', [{ name: 'file', value: seed, fileName: 'n.txt' }]);
    expect(refused.statusCode).toBe(403);
    const noFile = await postMultipart(t.app, office, '/api/notices/preview', [{ name: 'options', value: '{}' }]);
    expect(noFile.json().error.code).toBe('VALIDATION_FAILED');
    const badOptions = await postMultipart(t.app, office, '/api/notices/import', [
      { name: 'options', value: '{"corrections":[{"key":"nope"}]}' },
      { name: 'file', value: seed, fileName: 'n.txt' },
    ]);
    expect(badOptions.statusCode).toBe(400);
    expect(badOptions.json().error.message).toMatch(/corrections\.0\.key/);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    const res = await postMultipart(t.app, office, '/api/notices/preview', [{ name: 'file', value: big, fileName: 'big.txt' }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
