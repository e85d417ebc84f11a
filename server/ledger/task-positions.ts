import type { Db } from '../db/connection';

/**
 * Positions are the printed order of an annex's tasks, unique per annex (tasks_annex_seq_uq). To
 * put tasks in a new order they are first moved out of the way (offset), then numbered 0, 1, 2 …
 * — two passes, so no intermediate state breaks the unique constraint on either engine.
 */
export async function renumberAnnex(trx: Db, annexId: number, orderedTaskIds: number[]) {
  const OFFSET = 1_000_000;
  await trx
    .updateTable('tasks')
    .set((eb) => ({ position: eb('position', '+', OFFSET) }))
    .where('annex_id', '=', annexId)
    .execute();
  for (const [position, id] of orderedTaskIds.entries()) {
    await trx.updateTable('tasks').set({ position }).where('id', '=', id).execute();
  }
}

/** An annex's tasks in printed order, with their category. */
export function annexTasks(trx: Db, annexId: number) {
  return trx.selectFrom('tasks').select(['id', 'category_id', 'seq', 'position']).where('annex_id', '=', annexId).orderBy('position').orderBy('id').execute();
}

/** Where a task of this category goes: after the category's last task, else at the annex's end. */
export function insertionIndex(tasks: { category_id: number | null }[], categoryId: number | null): number {
  if (categoryId === null) return tasks.length;
  let last = -1;
  tasks.forEach((t, i) => t.category_id === categoryId && (last = i));
  return last < 0 ? tasks.length : last + 1;
}
