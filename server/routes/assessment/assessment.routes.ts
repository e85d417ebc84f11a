import {
  adjustmentBody,
  assessmentOptionsSchema,
  latestRunSchema,
  runBody,
  runParams,
  runViewSchema,
  schemeBody,
  schemeViewSchema,
  vetoBody,
  vetoListSchema,
  yearQuery,
} from '../../../core/api/assessment';
import { findRun, latestRunId, listVetoes } from '../../assessment/assessment.repository';
import { adjustScore, revokeVeto, vetoUnit } from '../../assessment/adjust.service';
import { runAssessment } from '../../assessment/run.service';
import { presentRun } from '../../assessment/run-view';
import { getScheme, putScheme } from '../../assessment/scheme.service';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { RecordRequest, Routes } from '../../http/zod-app';
import type { Action } from '../../policies/policy';
import { effectiveDeadline, findPeriod, listPeriods } from '../../reporting/periods.repository';
import { calendarOf } from '../../calendar/calendar.service';

async function vetoItems(ctx: AppContext, orgId: number, year: number) {
  const rows = await listVetoes(ctx.db, orgId, year);
  return { items: rows.map((v) => ({ id: v.id, year: v.year, unitId: v.unit_id, unitName: v.unit_name, reason: v.reason, byName: v.by_name, createdAt: v.created_at })) };
}

/** 绩效考核: the office configures, runs, adjusts and vetoes; leaders read. Year-scoped reads take ?year= (default: this business year). */
export const assessmentRoutes: Routes = (app, ctx) => {
  const yearOf = (q: { year?: number }) => q.year ?? Number(ctx.clock.today().slice(0, 4));
  const loadRun = async (request: RecordRequest, action: Action) => {
    const run = await findRun(ctx.db, request.params.id);
    if (!run) throw new AppError('NOT_FOUND');
    request.authorize(action, { orgId: run.org_id });
    return run;
  };

  app.get('/api/assessment/options', {
    config: { access: 'assessment.read' },
    schema: { tags: ['assessment'], summary: 'Years with notices and their periods, for choosing what to assess', response: { 200: assessmentOptionsSchema } },
    handler: async (request) => {
      const orgId = actorOf(request).orgId;
      const [rows, calendar] = await Promise.all([listPeriods(ctx.db, orgId), calendarOf(ctx.db, orgId)]);
      const years = new Map<number, { year: number; periods: { id: number; label: string; status: 'planned' | 'open' | 'closed'; effectiveDeadline: string }[] }>();
      for (const p of [...rows].sort((a, b) => a.notice_id - b.notice_id || a.position - b.position)) {
        const y = years.get(p.year) ?? { year: p.year, periods: [] };
        years.set(p.year, y);
        y.periods.push({ id: p.id, label: p.label, status: p.status, effectiveDeadline: effectiveDeadline(p, calendar) });
      }
      const today = ctx.clock.today();
      return { today, currentYear: Number(today.slice(0, 4)), years: [...years.values()].sort((a, b) => b.year - a.year) };
    },
  });

  app.get('/api/assessment/scheme', {
    config: { access: 'assessment.read' },
    schema: { tags: ['assessment'], summary: 'The year’s assessment scheme (the defaults when none is saved)', querystring: yearQuery, response: { 200: schemeViewSchema } },
    handler: async (request) => getScheme(ctx.db, actorOf(request).orgId, yearOf(request.query)),
  });

  app.put('/api/assessment/scheme', {
    config: { access: 'assessment.manage' },
    schema: { tags: ['assessment'], summary: 'Save the year’s assessment scheme (audited)', querystring: yearQuery, body: schemeBody, response: { 200: schemeViewSchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...scheme } = request.body;
      return putScheme(ctx, actor, actor.orgId, yearOf(request.query), scheme, version);
    },
  });

  app.get('/api/assessment/latest', {
    config: { access: 'assessment.read' },
    schema: { tags: ['assessment'], summary: 'The year’s latest run with every unit’s score and breakdown (null before the first run)', querystring: yearQuery, response: { 200: latestRunSchema } },
    handler: async (request) => {
      const id = await latestRunId(ctx.db, actorOf(request).orgId, yearOf(request.query));
      const run = id === null ? undefined : await findRun(ctx.db, id);
      return { latest: run ? await presentRun(ctx.db, run) : null };
    },
  });

  app.post('/api/assessment/runs', {
    config: { access: 'assessment.manage', recordScoped: true },
    schema: { tags: ['assessment'], summary: 'Run the assessment for a year or one period: a new snapshot (audited)', body: runBody, response: { 200: runViewSchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      const { year, periodId } = request.body;
      if (periodId !== undefined) {
        const period = await findPeriod(ctx.db, periodId);
        if (!period) throw new AppError('NOT_FOUND', { zh: '报送期不存在', en: 'no such period' });
        request.authorize('assessment.manage', { orgId: period.org_id });
      } else {
        request.authorize('assessment.manage', { orgId: actor.orgId });
      }
      const runId = await runAssessment(ctx, actor, actor.orgId, periodId !== undefined ? { periodId } : { year: year! });
      return presentRun(ctx.db, (await findRun(ctx.db, runId))!);
    },
  });

  app.get('/api/assessment/runs/:id', {
    config: { access: 'assessment.read', recordScoped: true },
    schema: { tags: ['assessment'], summary: 'One run with every unit’s score and breakdown', params: runParams, response: { 200: runViewSchema } },
    handler: async (request) => presentRun(ctx.db, await loadRun(request, 'assessment.read')),
  });

  app.post('/api/assessment/runs/:id/adjustments', {
    config: { access: 'assessment.manage', recordScoped: true },
    schema: {
      tags: ['assessment'],
      summary: 'Adjust a unit’s score (±, reason required, audited); final scores and ranks are recomputed',
      params: runParams,
      body: adjustmentBody,
      response: { 200: runViewSchema },
    },
    handler: async (request) => {
      const run = await loadRun(request, 'assessment.manage');
      await adjustScore(ctx, actorOf(request), run, request.body);
      return presentRun(ctx.db, run);
    },
  });

  app.get('/api/assessment/vetoes', {
    config: { access: 'assessment.read' },
    schema: { tags: ['assessment'], summary: 'Units vetoed for the year (一票否决)', querystring: yearQuery, response: { 200: vetoListSchema } },
    handler: async (request) => vetoItems(ctx, actorOf(request).orgId, yearOf(request.query)),
  });

  app.post('/api/assessment/vetoes', {
    config: { access: 'assessment.manage', recordScoped: true },
    schema: {
      tags: ['assessment'],
      summary: 'Veto a unit for the year (一票否决, reason required, audited): final 0, 不合格, ranked last',
      body: vetoBody,
      response: { 200: vetoListSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const unit = await ctx.db.selectFrom('units').select(['id', 'org_id']).where('id', '=', request.body.unitId).executeTakeFirst();
      if (!unit) throw new AppError('NOT_FOUND', { zh: '单位不存在', en: 'no such unit' });
      request.authorize('assessment.manage', { orgId: unit.org_id });
      await vetoUnit(ctx, actor, actor.orgId, request.body.year, request.body);
      return vetoItems(ctx, actor.orgId, request.body.year);
    },
  });

  app.delete('/api/assessment/vetoes/:id', {
    config: { access: 'assessment.manage', recordScoped: true },
    schema: { tags: ['assessment'], summary: 'Revoke a veto (audited)', params: runParams, response: { 200: vetoListSchema } },
    handler: async (request) => {
      const veto = await ctx.db.selectFrom('assessment_vetoes').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!veto) throw new AppError('ASSESSMENT_NOT_VETOED');
      request.authorize('assessment.manage', { orgId: veto.org_id });
      await revokeVeto(ctx, actorOf(request), veto.org_id, veto.year, veto.unit_id);
      return vetoItems(ctx, veto.org_id, veto.year);
    },
  });
};
