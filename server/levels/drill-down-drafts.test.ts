import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { openOrClosePeriod } from '../reporting/periods.service';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { fillBlankEntries } from '../test/factories';
import { buildWorld, type World } from './test-world';

/**
 * Issue 17, finding 12: the city's office read a district unit's draft — not yet approved by the
 * unit's head — through the roll-up drill-down. Only reports that reached the district's office
 * cross organisations (core/reporting/standing.ts inOffice).
 */
describe('roll-up drill-down: drafts stay in their organisation', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.t.close());

  const DRAFT = '草稿QX9尚未审定';
  const actor = systemActor('test');
  const drill = async () => {
    const res = await w.users.cityOffice.request('GET', `/api/rollup/lower-tasks/${w.ids.b.piles}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { reports: { narrative: string; periodLabel: string }[]; indicators: { actuals: { periodLabel: string; value: number }[] }[] };
    return { narratives: body.reports.map((r) => r.narrative), actuals: body.indicators[0]!.actuals.map((a) => [a.periodLabel, a.value]) };
  };

  it('shows a unit’s Q3 entry only once its head approved it and it reached the office', async () => {
    const { ctx } = w;
    // 乙区's 区发改局 writes Q3 on the charging piles (Q2 was reported and accepted in the world).
    let q3 = await ctx.db.selectFrom('periods').selectAll().where('org_id', '=', w.orgs.b.id).where('position', '=', 2).executeTakeFirstOrThrow();
    if (q3.status !== 'open') q3 = await openOrClosePeriod(ctx, actor, q3, 'open');
    let report = await openReport(ctx, actor, q3, w.ids.b.dev);
    const entry = await ctx.db.selectFrom('task_progress').select('version').where('report_id', '=', report.id).where('task_id', '=', w.ids.b.piles).executeTakeFirstOrThrow();
    const indicator = await ctx.db.selectFrom('indicators').select('id').where('task_id', '=', w.ids.b.piles).orderBy('position').executeTakeFirstOrThrow();
    await saveProgress(ctx, actor, report, w.ids.b.piles, { version: entry.version, status: 'on_track', narrative: DRAFT, problems: '', nextSteps: '', actuals: [{ indicatorId: indicator.id, value: 777 }] });
    const before = { narratives: ['已建成300个'], actuals: [['2024年第二季度', 300]] };

    // A draft: the district's own office sees it on its task page, the city does not.
    const own = (await w.users['b:office']!.request('GET', `/api/tasks/${w.ids.b.piles}`)).json();
    expect(own.reports.map((r: { narrative: string }) => r.narrative)).toContain(DRAFT);
    expect(await drill()).toEqual(before);

    // Sent to the head, not approved yet: still the unit's.
    await fillBlankEntries(ctx.db, report.id);
    report = await transitionReport(ctx, actor, (await findReport(ctx.db, report.id))!, 'submit', { version: (await findReport(ctx.db, report.id))!.version });
    expect(report.state).toBe('pending_head');
    expect(await drill()).toEqual(before);

    // The head returns it: back with the unit, still not the city's to read.
    report = await transitionReport(ctx, actor, report, 'head_return', { version: report.version, reason: '请补充' });
    expect(await drill()).toEqual(before);

    // Sent again and approved: it reached 乙区's office, so the city reads it.
    report = await transitionReport(ctx, actor, report, 'submit', { version: report.version });
    report = await transitionReport(ctx, actor, report, 'approve', { version: report.version });
    expect(report.state).toBe('submitted');
    const after = await drill();
    expect(after.narratives).toContain(DRAFT);
    expect(after.actuals).toContainEqual(['2024年第三季度', 777]);
  });
});
