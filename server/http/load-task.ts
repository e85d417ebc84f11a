import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { findTaskRow, peopleOfTasks } from '../ledger/tasks.repository';
import type { Action } from '../policies/policy';
import type { RecordRequest } from './zod-app';

/**
 * Loads the task of a route's :id and makes the record-level decision for it: the task's
 * organisation, and for unit roles one of its responsible units.
 */
export async function loadTask(ctx: AppContext, request: RecordRequest, action: Action) {
  const row = await findTaskRow(ctx.db, request.params.id);
  if (!row) throw new AppError('NOT_FOUND');
  const people = await peopleOfTasks(ctx.db, [row.id]);
  request.authorize(action, { orgId: row.org_id, unitIds: people.units.map((u) => u.id) });
  return { row, people };
}
