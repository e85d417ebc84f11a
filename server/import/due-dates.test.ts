import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { fillDueDateSources } from '../db/migrations/0019_milestones';
import { editTask } from '../ledger/tasks.service';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';
import { importNotice, previewNotice } from './notice-import.service';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const upload = (content: Buffer | string, fileName = 'xinzhou-2024-notice.txt') => ({
  fileName,
  content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
});
const actor = systemActor('test');

/** Issue 14: a task's due date from the notice, where it came from, and re-imports that leave it be. */
describe('due dates in the stored ledger', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let noticeId: number;
  let office: Client;
  const task = async (annexNo: number, seq: string) =>
    t.ctx.db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['tasks.id', 'tasks.deadline', 'tasks.due_date', 'tasks.due_date_source', 'tasks.version'])
      .where('tasks.org_id', '=', orgId)
      .where('annexes.no', '=', annexNo)
      .where('tasks.seq', '=', seq)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    noticeId = (await importNotice(t.ctx, actor, orgId, upload(seed))).noticeId;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
  });
  afterAll(() => t.close());

  it("stores 附件1's tasks as due by the year's end (derived), the other annexes' printed 12月 as read", async () => {
    const sources = await t.ctx.db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['annexes.no', 'tasks.due_date', 'tasks.due_date_source'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tasks.org_id', '=', orgId)
      .groupBy(['annexes.no', 'tasks.due_date', 'tasks.due_date_source'])
      .orderBy('annexes.no')
      .execute();
    expect(sources.map((s) => [s.no, s.due_date, s.due_date_source, Number(s.n)])).toEqual([
      [1, '2024-12-31', 'annual', 199],
      [2, '2024-12-31', 'printed', 24],
      [3, '2024-12-31', 'printed', 10],
      [4, '2024-12-31', 'printed', 7],
      [5, '2024-12-31', 'printed', 2],
    ]);
  });

  it('shows the due date and where it came from on the ledger and the task page', async () => {
    const a1 = await task(1, '(1)');
    const list = (await office.request('GET', `/api/tasks?annexNo=1&pageSize=5`)).json();
    expect(list.items[0]).toMatchObject({ deadline: null, dueDate: '2024-12-31', dueDateSource: 'annual' });
    const page = (await office.request('GET', `/api/tasks/${a1.id}`)).json();
    expect(page.task).toMatchObject({ deadline: null, dueDate: '2024-12-31', dueDateSource: 'annual' });
    const a2 = await task(2, '1');
    expect((await office.request('GET', `/api/tasks/${a2.id}`)).json().task).toMatchObject({ deadline: '12月', dueDate: '2024-12-31', dueDateSource: 'printed' });
  });

  it('re-imports the same notice with no difference, derived dates included', async () => {
    const preview = await previewNotice(t.ctx, orgId, upload(seed));
    expect(preview.existing?.diff).toMatchObject({ added: [], changed: [], removed: [], unchanged: 242 });
  });

  it('finds no difference in a ledger imported before due dates were derived, and the migration fills it in', async () => {
    // As the ledger stood before issue 14: 附件1 without dates, no source anywhere.
    const annex1 = t.ctx.db.selectFrom('annexes').select('id').where('notice_id', '=', noticeId).where('no', '=', 1);
    await t.ctx.db.updateTable('tasks').set({ due_date: null, due_date_source: null }).where('annex_id', 'in', annex1).execute();
    await t.ctx.db.updateTable('tasks').set({ due_date_source: null }).where('notice_id', '=', noticeId).execute();
    const preview = await previewNotice(t.ctx, orgId, upload(seed));
    expect(preview.existing?.diff).toMatchObject({ changed: [], unchanged: 242 });

    await fillDueDateSources(t.ctx.db as unknown as Kysely<unknown>);
    expect(await task(1, '(5)')).toMatchObject({ due_date: '2024-12-31', due_date_source: 'annual' });
    expect(await task(3, '1')).toMatchObject({ due_date: '2024-12-31', due_date_source: 'printed' });
  });

  it('keeps a date the office set, through edits and a re-import that changes the task but not its deadline', async () => {
    const a2 = await task(2, '2');
    await editTask(t.ctx, actor, a2.id, orgId, { version: a2.version, dueDate: '2024-10-31', deadline: '12月' });
    expect(await task(2, '2')).toMatchObject({ due_date: '2024-10-31', due_date_source: 'office' });
    // Saving the form again with the same date is not a new decision; the source stays.
    const edited = await task(2, '2');
    await editTask(t.ctx, actor, a2.id, orgId, { version: edited.version, dueDate: '2024-10-31', standard: '新的区目标。' });
    expect(await task(2, '2')).toMatchObject({ due_date: '2024-10-31', due_date_source: 'office' });
    // The notice is re-imported: the task's text differs from the edited one, its deadline does not.
    const result = await importNotice(t.ctx, actor, orgId, upload(seed), { update: true });
    expect(result.applied?.changed).toBeGreaterThan(0);
    expect(await task(2, '2')).toMatchObject({ deadline: '12月', due_date: '2024-10-31', due_date_source: 'office' });
  });

  it('reads a new printed deadline again when the office changes the words but not the date', async () => {
    const a3 = await task(3, '2');
    await editTask(t.ctx, actor, a3.id, orgId, { version: a3.version, deadline: '6月底前', dueDate: a3.due_date });
    expect(await task(3, '2')).toMatchObject({ deadline: '6月底前', due_date: '2024-06-30', due_date_source: 'printed' });
    const again = await task(3, '2');
    await editTask(t.ctx, actor, a3.id, orgId, { version: again.version, deadline: '长期' });
    expect(await task(3, '2')).toMatchObject({ deadline: '长期', due_date: null, due_date_source: 'open-ended' });
  });

  it('reads a deadline the office corrected in the import preview', async () => {
    const other = (await makeOrg(t.ctx, { name: '测试区' })).id;
    const { noticeId: id } = await importNotice(t.ctx, actor, other, upload(seed), { corrections: [{ key: '2/1', deadline: '9月30日前' }] });
    const row = await t.ctx.db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['tasks.deadline', 'tasks.due_date', 'tasks.due_date_source'])
      .where('tasks.notice_id', '=', id)
      .where('annexes.no', '=', 2)
      .where('tasks.seq', '=', '1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ deadline: '9月30日前', due_date: '2024-09-30', due_date_source: 'printed' });
  });
});
