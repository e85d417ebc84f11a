import type { z } from 'zod';
import type { indicatorPatch } from '../../core/api/task-indicators';
import { indicatorFieldErrors, targetWording } from '../../core/notice/indicator-fields';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { markLowerTargetSet } from '../levels/handdown.service';
import { proposeUpstreamChange } from '../levels/upstream.service';
import { snapshotTask } from './task-versions';

/** The task whose indicator is edited, as the route loaded and authorised it. */
export type IndicatorTask = { id: number; orgId: number };

/** What the audit log and the conflict answer keep of an indicator. */
type Snapshot = { indicatorId: number; name: string; unit: string; target: number; qualifier: string | null };

/** "名称：即新增公共停车位 → 新增公共停车位；目标：750个 → 800个": the version list's reason. */
function describe(before: Snapshot, after: Snapshot): string {
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`名称：${before.name} → ${after.name}`);
  if (before.target !== after.target || before.unit !== after.unit || before.qualifier !== after.qualifier) {
    parts.push(`目标：${targetWording(before)} → ${targetWording(after)}`);
  }
  return `督查室修改指标（${parts.join('；')}）`;
}

/**
 * The office corrects one indicator of a task: its name (as the parser cut it from the text), unit,
 * target and qualifier. Like any change of a task's target it makes a new version of the task (kept
 * with the indicators as they now are, so reports show which version they were made against), is
 * refused over someone else's newer edit, and is audited with before and after on the task. A new
 * target of an item this organisation handed down reaches the levels below as a proposed adjustment,
 * as an approved target adjustment does. The actuals already reported stay attached (same row).
 * Returns the task's new version, or the current one when nothing changed (no version, no audit).
 */
export async function editIndicator(
  ctx: AppContext,
  actor: Actor,
  task: IndicatorTask,
  indicatorId: number,
  patch: z.infer<typeof indicatorPatch>,
): Promise<{ version: number; changed: boolean }> {
  const values = {
    name: patch.name.trim(),
    unit: patch.unit.trim(),
    target: patch.target,
    qualifier: patch.qualifier?.trim() || null,
  };
  const errors = indicatorFieldErrors(values);
  if (Object.keys(errors).length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      zh: Object.values(errors).join('；'),
      en: `invalid indicator: ${Object.keys(errors).join(', ')}`,
      fields: errors as Record<string, string>,
    });
  }
  return inTransaction(ctx, async (trx) => {
    const current = await trx
      .selectFrom('indicators')
      .select(['id', 'name', 'unit', 'target', 'qualifier'])
      .where('id', '=', indicatorId)
      .where('task_id', '=', task.id)
      .where('org_id', '=', task.orgId)
      .executeTakeFirst();
    if (!current)
      throw new AppError('NOT_FOUND', {
        zh: '该事项没有这个指标（可能已随工作标准重新识别），请刷新页面后再试',
        en: 'no such indicator on this task',
      });
    const { version } = await trx
      .selectFrom('tasks')
      .select('version')
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    const before: Snapshot = {
      indicatorId,
      name: current.name,
      unit: current.unit,
      target: current.target,
      qualifier: current.qualifier,
    };
    const after: Snapshot = { indicatorId, ...values };
    if (version !== patch.version) {
      throw new AppError('EDIT_CONFLICT', {
        zh: '该事项已被他人修改，请查看最新内容后再改',
        en: 'the task changed meanwhile',
        current: { version, ...before },
      });
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return { version, changed: false };

    const moved = await trx
      .updateTable('tasks')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
      .where('id', '=', task.id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) {
      throw new AppError('EDIT_CONFLICT', {
        zh: '该事项已被他人修改，请查看最新内容后再改',
        en: 'the task changed meanwhile',
        current: { version, ...before },
      });
    }
    await trx
      .updateTable('indicators')
      .set({ name: after.name, unit: after.unit, target: after.target, qualifier: after.qualifier })
      .where('id', '=', indicatorId)
      .execute();
    await snapshotTask(trx, task.id, describe(before, after), actor.name);
    const targetChanged =
      before.target !== after.target || before.unit !== after.unit || before.qualifier !== after.qualifier;
    if (targetChanged) {
      // A handed-down task whose target the lower office sets itself has its own target now.
      await markLowerTargetSet(trx, task.id);
      if (before.target !== after.target) {
        await proposeUpstreamChange(trx, ctx.engine, actor, task.id, {
          kind: 'indicator',
          name: before.name,
          unit: before.unit,
          before: before.target,
          after: after.target,
          reason: '上级督查室修改了指标目标',
        });
      }
    }
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: task.orgId,
      action: 'task.indicator.update',
      entity: 'task',
      entityId: task.id,
      before,
      after,
    });
    return { version: version + 1, changed: true };
  });
}
