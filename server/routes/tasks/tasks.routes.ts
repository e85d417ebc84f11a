import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { taskDetailSchema, taskListQuery, taskListSchema, taskPatch } from '../../../core/api/tasks';
import { actorOf } from '../../http/actor';
import type { RecordRequest, Routes } from '../../http/zod-app';
import { historyOfTask, indicatorActualsOfTask, linksOfTask, reportEntriesOfTask } from '../../ledger/task-detail.repository';
import { listTasks, peopleOfTasks, type TaskRow } from '../../ledger/tasks.repository';
import { computeOrgLights } from '../../supervision/lights.service';
import { loadTask as loadTaskFor } from '../../http/load-task';
import { editTask } from '../../ledger/tasks.service';
import { editIndicator } from '../../ledger/indicator-edit.service';
import { indicatorParams, indicatorPatch } from '../../../core/api/task-indicators';
import { closeOption } from '../../ledger/task-closure.service';
import { UNIT_ROLES } from '../../../core/roles';
import { presentTaskReportEntry, presentTaskRow } from '../../presenters/task';
import { contentDisposition } from '../../http/content-disposition';
import { renderLedgerWorkbook } from '../../exports/ledger-xlsx';
import { commentsOf, listAdjustments, listCoordination, listInstructions } from '../../collaboration/collaboration.repository';
import { listTaskVersions } from '../../ledger/task-versions';
import { presentAdjustment, presentCoordination } from '../../presenters/collaboration';
import { calendarOf } from '../../calendar/calendar.service';
import { evidenceOfTaskEntries } from '../../reporting/evidence-view';
import { ledgerBuildRoutes } from './ledger-build.routes';

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));

export const taskRoutes: Routes = (app, ctx) => {
  // Building the ledger by hand (新建台账, 新增任务, 粘贴导入, move, delete, template): its own file.
  ledgerBuildRoutes(app, ctx);
  const loadTask = (request: RecordRequest, action: 'task.read' | 'task.write') => loadTaskFor(ctx, request, action);

  /** The ledger as the person may see it: a unit's people only their unit's tasks; lights computed, then paged. */
  const ledgerPage = async (request: Parameters<typeof actorOf>[0], query: z.infer<typeof taskListQuery>) => {
    const actor = actorOf(request);
    const onlyUnitId = UNIT_ROLES.includes(actor.role as never) ? (actor.unitId ?? -1) : null;
    const { page, pageSize, light } = query;
    const filter = { ...query, orgId: actor.orgId, onlyUnitId };
    let rows: TaskRow[];
    let total: number;
    let lights: Awaited<ReturnType<typeof computeOrgLights>>;
    if (light) {
      // The light is computed, not stored: the lights of every matching task, filter, then page.
      const matching = (await listTasks(ctx.db, { ...filter, page: 1, pageSize: 100_000 })).rows;
      lights = await computeOrgLights(ctx, actor.orgId, { taskIds: matching.map((r) => r.id) });
      const all = matching.filter((r) => lights.get(r.id)?.light === light);
      total = all.length;
      rows = all.slice((page - 1) * pageSize, page * pageSize);
    } else {
      // Only the page's lights: a unit's clerk opens this list many times a day.
      ({ rows, total } = await listTasks(ctx.db, filter));
      lights = await computeOrgLights(ctx, actor.orgId, { taskIds: rows.map((r) => r.id) });
    }
    const people = await peopleOfTasks(ctx.db, rows.map((r) => r.id));
    return { items: rows.map((r) => presentTaskRow(r, people, lights.get(r.id))), total };
  };

  app.get('/api/tasks', {
    config: { access: 'task.read', answerCache: 'ignores-drafts' },
    schema: { tags: ['ledger'], summary: 'The ledger (台账), filtered and searched; a unit sees its own tasks', querystring: taskListQuery, response: { 200: taskListSchema } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await ledgerPage(request, request.query)), page, pageSize };
    },
  });

  app.get('/api/tasks/export.xlsx', {
    config: { access: 'task.read' },
    schema: { tags: ['ledger'], summary: 'The ledger as filtered, as an Excel workbook (all pages)', querystring: taskListQuery },
    handler: async (request, reply) => {
      const { items } = await ledgerPage(request, { ...request.query, page: 1, pageSize: 100_000 });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`任务台账-${ctx.clock.today()}.xlsx`))
        .send(await renderLedgerWorkbook(items, ctx.clock.today()));
    },
  });

  app.get('/api/tasks/:id', {
    config: { access: 'task.read', recordScoped: true, answerCache: true },
    schema: { tags: ['ledger'], summary: 'A task’s page: standard, units, indicators with actuals per period, links, reports, history', params: idParam, response: { 200: taskDetailSchema } },
    handler: async (request) => {
      const { row, people } = await loadTask(request, 'task.read');
      const lights = await computeOrgLights(ctx, row.org_id, { taskIds: [row.id] });
      const [[indicators, actuals], links, reports, history, coordination, adjustments, instructions, versions, calendar] = await Promise.all([
        indicatorActualsOfTask(ctx.db, row.id),
        linksOfTask(ctx.db, row.id),
        reportEntriesOfTask(ctx.db, row.id),
        historyOfTask(ctx.db, row.id),
        listCoordination(ctx.db, row.org_id, { taskId: row.id }),
        listAdjustments(ctx.db, row.org_id, { taskId: row.id }),
        listInstructions(ctx.db, { taskId: row.id }),
        listTaskVersions(ctx.db, row.id),
        calendarOf(ctx.db, row.org_id),
      ]);
      const [comments, closeOptionOf] = await Promise.all([commentsOf(ctx.db, coordination.map((c) => c.id)), closeOption(ctx, row)]);
      const evidence = await evidenceOfTaskEntries(ctx.db, actorOf(request), { id: row.id, orgId: row.org_id });
      return {
        task: {
          ...presentTaskRow(row, people, lights.get(row.id)),
          upstreamItem: row.upstream_item,
          leadersPrinted: row.leaders_printed,
          unitsPrinted: JSON.parse(row.units_printed_json) as string[],
          repairs: JSON.parse(row.repairs_json) as unknown[],
          anomalies: JSON.parse(row.anomalies_json) as string[],
          ...closeOptionOf,
        },
        indicators: indicators.map((i) => ({
          ...i,
          actuals: actuals.filter((a) => a.indicator_id === i.id).map((a) => ({ periodLabel: a.label, unitName: a.unit_name, value: a.value })),
        })),
        links: links.map((l) => ({ taskId: l.task_id, annexNo: l.annex_no, seq: l.seq, standard: l.standard, reason: l.reason, status: l.status })),
        reports: reports.map((r) => ({ ...presentTaskReportEntry(r, { today: ctx.clock.today(), calendar }), evidence: evidence.get(r.report_id) ?? [] })),
        history: history.map((h) => ({ at: h.at, actorName: h.actor_name, action: h.action, before: parse(h.before_json), after: parse(h.after_json) })),
        coordination: coordination.map((c) => presentCoordination(c, comments)),
        adjustments: adjustments.map(presentAdjustment),
        instructions: instructions.map((i) => ({ id: i.id, authorName: i.author_name, body: i.body, createdAt: i.created_at })),
        versions: versions.map((v) => ({
          version: v.version,
          standard: v.standard,
          indicators: parse(v.indicators_json),
          reason: v.reason,
          changedByName: v.changed_by_name,
          createdAt: v.created_at,
        })),
      };
    },
  });

  app.patch('/api/tasks/:id', {
    config: { access: 'task.write', recordScoped: true },
    schema: { tags: ['ledger'], summary: 'The office edits a task (audited; version goes up)', params: idParam, body: taskPatch, response: { 200: z.object({ version: z.number() }) } },
    handler: async (request) => {
      const { row } = await loadTask(request, 'task.write');
      return { version: await editTask(ctx, actorOf(request), row.id, row.org_id, request.body) };
    },
  });

  app.patch('/api/tasks/:id/indicators/:indicatorId', {
    config: { access: 'task.write', recordScoped: true },
    schema: {
      tags: ['ledger'],
      summary: 'The office corrects an indicator: name, unit, target, qualifier (a new task version, audited)',
      params: indicatorParams,
      body: indicatorPatch,
      response: { 200: z.object({ version: z.number(), changed: z.boolean() }) },
    },
    handler: async (request) => {
      const { row } = await loadTask(request, 'task.write');
      return editIndicator(ctx, actorOf(request), { id: row.id, orgId: row.org_id }, request.params.indicatorId, request.body);
    },
  });
};
