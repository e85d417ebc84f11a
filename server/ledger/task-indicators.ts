import { extractIndicators } from '../../core/notice';
import type { Db } from '../db/connection';

/**
 * A task's indicators follow its text: when the office rewrites the standard (a lower office
 * setting its own target for a handed-down item, say 建成45公里), the indicators are read again
 * from the new text. Only while nothing has been reported against them — once a unit reported an
 * actual, the indicator stays (its history must not be orphaned) and a change of target goes
 * through a target adjustment instead.
 */
export async function rederiveIndicators(trx: Db, orgId: number, taskId: number, standard: string): Promise<boolean> {
  const reported = await trx
    .selectFrom('indicator_actuals')
    .innerJoin('indicators', 'indicators.id', 'indicator_actuals.indicator_id')
    .select('indicator_actuals.id')
    .where('indicators.task_id', '=', taskId)
    .limit(1)
    .executeTakeFirst();
  if (reported) return false;
  await trx.deleteFrom('indicators').where('task_id', '=', taskId).execute();
  const indicators = extractIndicators(standard);
  if (indicators.length) {
    await trx
      .insertInto('indicators')
      .values(indicators.map((i, position) => ({ org_id: orgId, task_id: taskId, position, name: i.name, target: i.value, unit: i.unit, qualifier: i.qualifier, text: i.text })))
      .execute();
  }
  return true;
}
