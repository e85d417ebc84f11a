import fs from 'node:fs';
import path from 'node:path';
import type { ProgressStatus } from '../../core/reporting/states';
import { systemActor, type Actor } from '../audit/actor';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { importNotice } from '../import/notice-import.service';
import { findPeriod } from '../reporting/periods.repository';
import { openOrClosePeriod } from '../reporting/periods.service';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { makeOrg, fillBlankEntries } from '../test/factories';

const NOTICE = fs.readFileSync(path.resolve(import.meta.dirname, '../../core/notice/fixtures/labelled.txt'));

/**
 * A fixed, small quarter to assert bulletin figures one by one: the 东湖区 notice of
 * core/notice/fixtures/labelled.txt (5 tasks, report deadlines 4月5日 / 7月5日 / 10月5日),
 * its first quarter opened, 区发改局 reporting on time (4月3日), 区商务局 late (4月8日: 4月5日 falls in the
 * 清明节 holiday, so the deadline in force is 4月7日 and it is 1 working day late),
 * every other responsible unit not at all.
 */
export async function fixedFirstQuarter(ctx: AppContext) {
  const org = await makeOrg(ctx, { name: '东湖区' });
  const at = (today: string) => ({ ...ctx, clock: createClock({ today }) });
  await importNotice(at('2025-03-15'), systemActor('test'), org.id, { fileName: 'labelled.txt', content: NOTICE });
  const office: Actor = { ...systemActor('督查室'), orgId: org.id };
  const q1Row = await ctx.db.selectFrom('periods').selectAll().where('org_id', '=', org.id).where('position', '=', 0).executeTakeFirstOrThrow();
  // The first period opens at import by the schedule; by hand only if it did not.
  if (q1Row.status !== 'open') await openOrClosePeriod(at('2025-03-20'), office, q1Row, 'open');
  const q1 = (await findPeriod(ctx.db, q1Row.id))!;
  const unitId = async (name: string) => (await ctx.db.selectFrom('units').select('id').where('org_id', '=', org.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const taskId = async (seq: string) => (await ctx.db.selectFrom('tasks').select('id').where('org_id', '=', org.id).where('seq', '=', seq).executeTakeFirstOrThrow()).id;

  /** One unit's report: entries by task seq, submitted and approved on the given day. */
  const report = async (unitName: string, on: string, entries: Record<string, { status: ProgressStatus; narrative: string; actual?: number }>) => {
    const ctxAt = at(on);
    const clerk: Actor = { ...systemActor(`${unitName}经办人`), orgId: org.id };
    let r = await openReport(ctxAt, clerk, q1, await unitId(unitName));
    for (const [seq, e] of Object.entries(entries)) {
      const id = await taskId(seq);
      const row = await ctx.db.selectFrom('task_progress').select(['version']).where('report_id', '=', r.id).where('task_id', '=', id).executeTakeFirstOrThrow();
      const indicators = await ctx.db.selectFrom('indicators').select('id').where('task_id', '=', id).orderBy('position').execute();
      await saveProgress(ctxAt, clerk, r, id, {
        version: row.version,
        status: e.status,
        narrative: e.narrative,
        problems: '',
        nextSteps: '',
        actuals: e.actual === undefined ? [] : indicators.slice(0, 1).map((i) => ({ indicatorId: i.id, value: e.actual! })),
      });
    }
    r = (await findReport(ctx.db, r.id))!;
    await fillBlankEntries(ctxAt.db, r.id);
    r = await transitionReport(ctxAt, clerk, r, 'submit', { version: r.version });
    r = await transitionReport(ctxAt, { ...systemActor(`${unitName}负责人`), orgId: org.id }, r, 'approve', { version: r.version });
    return r;
  };

  return { org, office, q1, at, unitId, taskId, report };
}
