import { idParam } from '../../../core/api/common';
import {
  handdownBody,
  handdownResultSchema,
  levelOrganisationsSchema,
  lowerTaskSchema,
  rankingSchema,
  relinkResultSchema,
  rollupItemSchema,
  rollupQuery,
  rollupSchema,
  taskUpstreamSchema,
} from '../../../core/api/levels';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { renderWorkbook } from '../../exports/xlsx';
import { actorOf } from '../../http/actor';
import { contentDisposition } from '../../http/content-disposition';
import { loadTask } from '../../http/load-task';
import type { Routes } from '../../http/zod-app';
import { indicatorActualsOfTask, reportEntriesOfTask } from '../../ledger/task-detail.repository';
import { listTaskVersions } from '../../ledger/task-versions';
import { findTaskRow, peopleOfTasks } from '../../ledger/tasks.repository';
import { reportsThatReachedTheOffice } from '../../levels/drill-down';
import { handDown } from '../../levels/handdown.service';
import { organisationTree, taskNumber, upstreamOrgIdsOf } from '../../levels/levels.repository';
import { relinkOrg } from '../../levels/link.service';
import { ranking, rollup } from '../../levels/rollup.service';
import { presentTaskReportEntry, presentTaskRow } from '../../presenters/task';
import { computeOrgLights } from '../../supervision/lights.service';
import { calendarOf } from '../../calendar/calendar.service';

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** Roll-up is for organisations with levels below them. */
async function requireLowerOrgs(ctx: AppContext, orgId: number) {
  const tree = await organisationTree(ctx.db);
  if (tree.descendants(orgId).length === 0) throw new AppError('ROLLUP_NO_LOWER_ORGS');
  return tree;
}

export const levelRoutes: Routes = (app, ctx) => {
  app.get('/api/levels/organisations', {
    config: { access: 'rollup.read' },
    schema: { tags: ['levels'], summary: 'This organisation and every organisation below it (who may receive a hand-down)', response: { 200: levelOrganisationsSchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      const tree = await organisationTree(ctx.db);
      const current = tree.byId.get(actor.orgId);
      if (!current) throw new AppError('NOT_FOUND');
      return {
        current: { id: current.id, name: current.name, level: current.level },
        below: tree.descendants(actor.orgId).map((o) => ({ id: o.id, name: o.name, level: o.level, parentId: o.parent_id })),
      };
    },
  });

  app.post('/api/tasks/:id/handdowns', {
    config: { access: 'handdown.write', recordScoped: true },
    schema: {
      tags: ['levels'],
      summary: 'Hand this item down to organisations below, each with its own target and deadline or null (the lower office sets them)',
      params: idParam,
      body: handdownBody,
      response: { 200: handdownResultSchema },
    },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'handdown.write');
      return { items: await handDown(ctx, actorOf(request), row.id, request.body.targets) };
    },
  });

  app.get('/api/tasks/:id/upstream', {
    config: { access: 'task.read', recordScoped: true },
    schema: { tags: ['levels'], summary: 'The upper items this task answers (handed down, or linked at import)', params: idParam, response: { 200: taskUpstreamSchema } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.read');
      const rows = await ctx.db
        .selectFrom('handdowns as h')
        .innerJoin('organisations as o', 'o.id', 'h.upper_org_id')
        .innerJoin('tasks as ut', 'ut.id', 'h.upper_task_id')
        .select(['h.id', 'h.upper_org_id', 'o.name', 'ut.seq', 'ut.standard', 'h.origin', 'h.target_mode', 'h.lower_set_at', 'h.created_by_name', 'h.created_at'])
        .where('h.lower_task_id', '=', row.id)
        .execute();
      return {
        items: rows.map((r) => ({
          handdownId: r.id,
          upperOrg: { id: r.upper_org_id, name: r.name },
          upperTask: { seq: r.seq, number: taskNumber(r.seq), standard: r.standard },
          origin: r.origin,
          targetMode: r.target_mode,
          pendingLowerTarget: r.target_mode === 'lower_sets' && r.lower_set_at === null,
          createdByName: r.created_by_name,
          createdAt: r.created_at,
        })),
      };
    },
  });

  app.post('/api/levels/relink', {
    config: { access: 'task.write' },
    schema: { tags: ['levels'], summary: 'Link this organisation’s tasks citing upper numbers to the upper ledgers now (e.g. the upper ledger arrived later)', response: { 200: relinkResultSchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      return relinkOrg(ctx, actor, actor.orgId);
    },
  });

  app.get('/api/rollup', {
    config: { access: 'rollup.read', answerCache: 'ignores-drafts' },
    schema: { tags: ['levels'], summary: 'Roll-up: every item this organisation handed down, with each lower organisation’s light, report state and indicators, and sums', querystring: rollupQuery, response: { 200: rollupSchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      await requireLowerOrgs(ctx, actor.orgId);
      return { items: await rollup(ctx, actor.orgId, { year: request.query.year }) };
    },
  });

  app.get('/api/rollup/tasks/:id', {
    config: { access: 'rollup.read', recordScoped: true, answerCache: 'ignores-drafts' },
    schema: { tags: ['levels'], summary: 'Roll-up of one of this organisation’s items', params: idParam, response: { 200: rollupItemSchema } },
    handler: async (request) => {
      const task = await ctx.db.selectFrom('tasks').select(['id', 'org_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!task) throw new AppError('NOT_FOUND');
      request.authorize('rollup.read', { orgId: task.org_id });
      const [item] = await rollup(ctx, task.org_id, { upperTaskId: task.id });
      if (!item) throw new AppError('NOT_FOUND', { zh: '该事项尚未交办', en: 'the item was not handed down' });
      return item;
    },
  });

  app.get('/api/rollup/lower-tasks/:id', {
    config: { access: 'rollup.read', recordScoped: true, answerCache: true },
    schema: { tags: ['levels'], summary: 'Read-only drill-down into a lower organisation’s task linked to one of this organisation’s items', params: idParam, response: { 200: lowerTaskSchema } },
    handler: async (request) => {
      const row = await findTaskRow(ctx.db, request.params.id);
      if (!row) throw new AppError('NOT_FOUND');
      request.authorize('rollup.read', { orgId: row.org_id, upstreamOrgIds: await upstreamOrgIdsOf(ctx.db, row.id) });
      const [people, lights, [indicators, allActuals], allReports, versions, org, calendar] = await Promise.all([
        peopleOfTasks(ctx.db, [row.id]),
        computeOrgLights(ctx, row.org_id, { taskIds: [row.id] }),
        indicatorActualsOfTask(ctx.db, row.id),
        reportEntriesOfTask(ctx.db, row.id),
        listTaskVersions(ctx.db, row.id),
        ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', row.org_id).executeTakeFirstOrThrow(),
        calendarOf(ctx.db, row.org_id),
      ]);
      // Drafts stay in their organisation: only what reached the lower office crosses up.
      const at = { today: ctx.clock.today(), calendar };
      const { entries: reports, actuals } = reportsThatReachedTheOffice(allReports, allActuals, at);
      return {
        org,
        task: { ...presentTaskRow(row, people, lights.get(row.id)), upstreamItem: row.upstream_item },
        indicators: indicators.map((i) => ({
          ...i,
          actuals: actuals.filter((a) => a.indicator_id === i.id).map((a) => ({ periodLabel: a.label, unitName: a.unit_name, value: a.value })),
        })),
        reports: reports.map((r) => presentTaskReportEntry(r, at)),
        versions: versions.map((v) => ({ version: v.version, standard: v.standard, reason: v.reason, changedByName: v.changed_by_name, createdAt: v.created_at })),
      };
    },
  });

  app.get('/api/rollup/ranking', {
    config: { access: 'rollup.read', answerCache: 'ignores-drafts' },
    schema: { tags: ['levels'], summary: 'Lower organisations ranked on handed-down items: on-time reporting, green/blue share, indicator completion', querystring: rollupQuery, response: { 200: rankingSchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      await requireLowerOrgs(ctx, actor.orgId);
      return { items: await ranking(ctx, actor.orgId, { year: request.query.year }) };
    },
  });

  app.get('/api/rollup/ranking.xlsx', {
    config: { access: 'rollup.read' },
    schema: { tags: ['levels'], summary: 'The ranking as an Excel workbook', querystring: rollupQuery },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const tree = await requireLowerOrgs(ctx, actor.orgId);
      const rows = await ranking(ctx, actor.orgId, { year: request.query.year });
      const orgName = tree.byId.get(actor.orgId)?.name ?? '';
      const buf = await renderWorkbook([
        {
          name: '下级排名',
          title: `${orgName}交办事项下级机构排名（${ctx.clock.today()}）`,
          columns: [
            { header: '名次', width: 6 },
            { header: '机构', width: 18 },
            { header: '交办事项', width: 10 },
            { header: '应报次数', width: 10 },
            { header: '按时报送', width: 10 },
            { header: '按时报送率（%）', width: 14 },
            { header: '绿灯蓝灯占比（%）', width: 16 },
            { header: '指标完成度（%）', width: 14 },
            { header: '综合得分', width: 10 },
            { header: '红灯', width: 6 },
            { header: '黄灯', width: 6 },
            { header: '绿灯', width: 6 },
            { header: '蓝灯', width: 6 },
            { header: '未评价', width: 8 },
          ],
          rows: rows.map((r) => [
            r.rank,
            r.org.name,
            r.items,
            r.reportsDue,
            r.reportsOnTime,
            pct(r.onTimeRate),
            pct(r.greenOrBlueShare),
            pct(r.indicatorCompletion),
            r.score,
            r.counts.red,
            r.counts.yellow,
            r.counts.green,
            r.counts.blue,
            r.counts.grey,
          ]),
        },
      ]);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`交办事项排名-${ctx.clock.today()}.xlsx`))
        .send(buf);
    },
  });
};
