import type { Db } from '../db/connection';
import { clockOf } from '../context';

/**
 * Keeps every version of a task's target (standard text and indicator targets) with why it
 * changed, so a report shows which version it was made against. Called whenever a task's
 * version is set: at import (version 1) and after every edit, re-import or approved adjustment.
 */
export async function snapshotTask(trx: Db, taskId: number, reason: string, changedByName: string) {
  const task = await trx.selectFrom('tasks').select(['org_id', 'version', 'standard']).where('id', '=', taskId).executeTakeFirstOrThrow();
  const indicators = await trx
    .selectFrom('indicators')
    .select(['id', 'name', 'target', 'unit', 'qualifier'])
    .where('task_id', '=', taskId)
    .orderBy('position')
    .execute();
  await trx
    .insertInto('task_versions')
    .values({
      org_id: task.org_id,
      task_id: taskId,
      version: task.version,
      standard: task.standard,
      indicators_json: JSON.stringify(indicators),
      reason,
      changed_by_name: changedByName,
      // When the target changed, in the business's calendar (the version list shows it).
      created_at: clockOf(trx).now().toISOString(),
    })
    .onConflict((oc) => oc.columns(['task_id', 'version']).doNothing())
    .execute();
}

export function listTaskVersions(db: Db, taskId: number) {
  return db.selectFrom('task_versions').selectAll().where('task_id', '=', taskId).orderBy('version', 'desc').execute();
}
