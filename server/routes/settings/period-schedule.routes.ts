import { withEditVersion } from '../../../core/api/common';
import { periodScheduleSchema, periodScheduleViewSchema } from '../../../core/api/reporting';
import { calendarOf } from '../../calendar/calendar.service';
import type { AppContext } from '../../context';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { advancePeriods, periodPlan } from '../../reporting/period-schedule.service';
import { effectiveDeadline } from '../../reporting/periods.repository';
import { getVersionedSetting, putSetting } from '../../settings/settings.service';

/** The setting, the business day, and every period of the organisation with the days the setting gives it. */
async function view(ctx: AppContext, orgId: number) {
  const today = ctx.clock.today();
  const [{ value: settings, version }, plan, calendar] = await Promise.all([
    getVersionedSetting(ctx.db, orgId, 'periodSchedule'),
    periodPlan(ctx.db, orgId, today),
    calendarOf(ctx.db, orgId),
  ]);
  return {
    settings,
    version,
    today,
    periods: plan.map(({ period: p, window }) => ({
      id: p.id,
      noticeId: p.notice_id,
      position: p.position,
      label: p.label,
      status: p.status,
      statusSetBy: p.status_set_by,
      effectiveDeadline: effectiveDeadline(p, calendar),
      pastAtImport: p.past_at_import === 1,
      opensOn: window.opensOn,
      closesOn: window.closesOn,
      autoOpens: window.autoOpens,
    })),
  };
}

/**
 * 报送期自动开启/关闭 (core/reporting/period-schedule.ts): everyone who works on the tasks may read
 * when periods open and close; the office changes it, and what the new setting says is due today
 * happens at once (audited as the schedule's), not at the next sweep.
 */
export const periodScheduleRoutes: Routes = (app, ctx) => {
  app.get('/api/settings/period-schedule', {
    config: { access: 'settings.read' },
    schema: {
      tags: ['settings'],
      summary: 'When reporting periods open and close by themselves, and the days that gives each period',
      response: { 200: periodScheduleViewSchema },
    },
    handler: async (request) => view(ctx, actorOf(request).orgId),
  });

  app.put('/api/settings/period-schedule', {
    config: { access: 'settings.write' },
    schema: {
      tags: ['settings'],
      summary:
        'Change when periods open and close by themselves (audited; refused if someone else saved since the version sent); periods due under the new setting open or close at once',
      body: withEditVersion(periodScheduleSchema),
      response: { 200: periodScheduleViewSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...value } = request.body;
      await putSetting(ctx, actor, actor.orgId, 'periodSchedule', value, { loadedVersion: version });
      const changed = await advancePeriods(ctx, { orgId: actor.orgId });
      return { ...(await view(ctx, actor.orgId)), changed };
    },
  });
};
