import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import {
  ANNEX_KINDS,
  annexCreateBody,
  ledgerCreateBody,
  noticeStructureSchema,
  pasteMemorySchema,
  reportedTasksQuery,
  reportedTasksSchema,
  taskMoveBody,
  tasksCreateBody,
  tasksCreatedSchema,
} from '../../../core/api/ledger-build';
import { AppError } from '../../errors/app-error';
import { renderImportTemplate } from '../../exports/ledger-import-template';
import { actorOf } from '../../http/actor';
import { contentDisposition } from '../../http/content-disposition';
import { loadTask } from '../../http/load-task';
import type { RecordRequest, Routes } from '../../http/zod-app';
import { addAnnex, createLedger } from '../../ledger/ledger-create.service';
import { addTasks } from '../../ledger/task-create.service';
import { deleteTask, reportedTaskIds } from '../../ledger/task-delete.service';
import { moveTask } from '../../ledger/task-move.service';
import { getSetting, putSetting } from '../../settings/settings.service';

/**
 * Building the ledger without a notice file (issue 16): 新建台账, 新增附件, 新增任务 and 粘贴导入 (one
 * all-or-nothing write), 上移/下移/移动到, 删除 (refused for a reported task: 销号 instead), the
 * remembered paste mapping and the empty import template. The office writes; everyone who reads
 * the ledger reads a notice's structure.
 */
export const ledgerBuildRoutes: Routes = (app, ctx) => {
  const loadNotice = async (request: RecordRequest, action: 'notice.read' | 'task.write') => {
    const notice = await ctx.db.selectFrom('notices').select(['id', 'org_id', 'year', 'title', 'doc_number']).where('id', '=', request.params.id).executeTakeFirst();
    if (!notice) throw new AppError('NOT_FOUND');
    request.authorize(action, { orgId: notice.org_id });
    return notice;
  };

  app.post('/api/notices', {
    config: { access: 'notice.import' },
    schema: { tags: ['notices'], summary: '新建台账: a ledger without a notice file (one annex; periods planned as at import)', body: ledgerCreateBody, response: { 200: z.object({ noticeId: z.number() }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      return createLedger(ctx, actor, actor.orgId, request.body);
    },
  });

  app.get('/api/notices/:id/structure', {
    config: { access: 'notice.read', recordScoped: true },
    schema: { tags: ['notices'], summary: 'A notice’s annexes and categories (where tasks are added or moved to)', params: idParam, response: { 200: noticeStructureSchema } },
    handler: async (request) => {
      const notice = await loadNotice(request, 'notice.read');
      const [annexes, categories, counts, file] = await Promise.all([
        ctx.db.selectFrom('annexes').select(['id', 'no', 'title', 'kind']).where('notice_id', '=', notice.id).orderBy('no').execute(),
        ctx.db.selectFrom('categories').innerJoin('annexes', 'annexes.id', 'categories.annex_id').select(['categories.id', 'categories.annex_id', 'categories.no', 'categories.name']).where('annexes.notice_id', '=', notice.id).orderBy('categories.no').execute(),
        ctx.db.selectFrom('tasks').select((eb) => ['annex_id', eb.fn.countAll<number>().as('n')]).where('notice_id', '=', notice.id).groupBy('annex_id').execute(),
        ctx.db.selectFrom('notice_files').select('id').where('notice_id', '=', notice.id).limit(1).executeTakeFirst(),
      ]);
      return {
        notice: { id: notice.id, title: notice.title, docNumber: notice.doc_number, year: notice.year, hasFile: file !== undefined },
        annexes: annexes.map((a) => ({
          no: a.no,
          title: a.title,
          kind: a.kind,
          taskCount: Number(counts.find((c) => c.annex_id === a.id)?.n ?? 0),
          categories: categories.filter((c) => c.annex_id === a.id).map((c) => ({ id: c.id, no: c.no, name: c.name })),
        })),
      };
    },
  });

  app.post('/api/notices/:id/annexes', {
    config: { access: 'task.write', recordScoped: true },
    schema: { tags: ['ledger'], summary: '新增附件: another annex of the notice (audited)', params: idParam, body: annexCreateBody, response: { 200: z.object({ annexNo: z.number() }) } },
    handler: async (request) => addAnnex(ctx, actorOf(request), await loadNotice(request, 'task.write'), request.body),
  });

  app.post('/api/notices/:id/tasks', {
    config: { access: 'task.write', recordScoped: true },
    schema: {
      tags: ['ledger'],
      summary: '新增任务 / 粘贴导入: tasks added to an annex, all or none; units and leaders not in the directory are added to it',
      params: idParam,
      body: tasksCreateBody,
      response: { 200: tasksCreatedSchema },
    },
    handler: async (request) => addTasks(ctx, actorOf(request), await loadNotice(request, 'task.write'), request.body),
  });

  app.post('/api/tasks/:id/move', {
    config: { access: 'task.write', recordScoped: true },
    schema: { tags: ['ledger'], summary: '上移/下移 within the annex, or 移动到 another annex and category (audited)', params: idParam, body: taskMoveBody, response: { 200: z.object({ annexNo: z.number(), seq: z.string(), position: z.number() }) } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      return moveTask(ctx, actorOf(request), row, request.body);
    },
  });

  app.delete('/api/tasks/:id', {
    config: { access: 'task.write', recordScoped: true },
    schema: { tags: ['ledger'], summary: '删除 a task never reported on (a reported one is refused: close it, 销号)', params: idParam, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      await deleteTask(ctx, actorOf(request), row);
      return { ok: true as const };
    },
  });

  app.get('/api/tasks/reported', {
    config: { access: 'task.write' },
    schema: { tags: ['ledger'], summary: 'Which of the listed tasks of this organisation have report entries (销号, not 删除)', querystring: reportedTasksQuery, response: { 200: reportedTasksSchema } },
    handler: async (request) => ({ reported: await reportedTaskIds(ctx.db, actorOf(request).orgId, request.query.ids.split(',').map(Number)) }),
  });

  app.get('/api/ledger/paste-mapping', {
    config: { access: 'task.write' },
    schema: { tags: ['ledger'], summary: '粘贴导入: the columns mapping the office chose last (shared by the office)', response: { 200: pasteMemorySchema } },
    handler: async (request) => getSetting(ctx.db, actorOf(request).orgId, 'ledgerPasteMapping'),
  });

  app.put('/api/ledger/paste-mapping', {
    config: { access: 'task.write' },
    schema: { tags: ['ledger'], summary: '粘贴导入: remember the columns mapping (audited)', body: pasteMemorySchema, response: { 200: pasteMemorySchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      // The mapping is remembered by the paste dialog itself, not edited as a record: the latest paste wins.
      await putSetting(ctx, actor, actor.orgId, 'ledgerPasteMapping', request.body, 'last-write-wins');
      return request.body;
    },
  });

  app.get('/api/ledger/import-template.xlsx', {
    config: { access: 'notice.import' },
    schema: {
      tags: ['ledger'],
      summary: '下载导入模板: an empty ledger workbook in the layout the importer reads',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), annexKind: z.enum(ANNEX_KINDS).default('district-gwr') }),
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const org = await ctx.db.selectFrom('organisations').select('name').where('id', '=', actor.orgId).executeTakeFirstOrThrow();
      const year = request.query.year ?? Number(ctx.clock.today().slice(0, 4));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`台账导入模板-${year}.xlsx`))
        .send(await renderImportTemplate({ orgName: org.name, year, annexKind: request.query.annexKind, today: ctx.clock.today() }));
    },
  });
};
