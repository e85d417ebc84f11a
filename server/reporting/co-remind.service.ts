import type { z } from 'zod';
import type { coRemindBody } from '../../core/api/co-reporting';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { notifyUnits } from '../notifications/notify';
import { coPartsWritten } from './co-reporting';
import type { Report } from './reports.repository';

/**
 * 报牵头单位 (issue 15): the lead unit's clerk or head reminds a task's co-operating units to write
 * their part for this period — an in-app notification to each co-unit's people, audited. Without a
 * list, every co-unit that has not written its part yet; a co-unit named that already wrote is
 * reminded anyway (the lead may want a fuller part). Only on the lead's own item of a 报牵头单位 task.
 */
export async function remindCoUnits(ctx: AppContext, actor: Actor, report: Report, taskId: number, body: z.infer<typeof coRemindBody>) {
  const db = ctx.db;
  const item = await db
    .selectFrom('task_progress')
    .innerJoin('tasks', 'tasks.id', 'task_progress.task_id')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .select(['task_progress.unit_role', 'tasks.co_reporting', 'tasks.seq', 'annexes.no as annex_no'])
    .where('task_progress.report_id', '=', report.id)
    .where('task_progress.task_id', '=', taskId)
    .executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND', { zh: '本单位本期报告中没有该事项', en: 'the report has no entry for this task' });
  if (item.unit_role !== 'lead' || item.co_reporting !== 'via_lead') {
    throw new AppError('VALIDATION_FAILED', {
      zh: '只有牵头单位才能提醒配合单位，且该事项须由督查室设为“配合单位报牵头单位”',
      en: 'only the lead unit of a via_lead task reminds its co-operating units',
    });
  }
  const [coUnits, written, period, lead] = await Promise.all([
    db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.unit_id', 'units.name'])
      .where('task_units.task_id', '=', taskId)
      .where('task_units.role', '=', 'co')
      .where('task_units.unit_id', '!=', report.unit_id)
      .orderBy('task_units.position')
      .execute(),
    coPartsWritten(db, report.period_id, [taskId]),
    db.selectFrom('periods').select(['id', 'label']).where('id', '=', report.period_id).executeTakeFirstOrThrow(),
    db.selectFrom('units').select('name').where('id', '=', report.unit_id).executeTakeFirstOrThrow(),
  ]);
  let targets = coUnits.filter((u) => !written.has(`${taskId}:${u.unit_id}`));
  if (body.unitIds) {
    const known = new Set(coUnits.map((u) => u.unit_id));
    const strangers = body.unitIds.filter((id) => !known.has(id));
    if (strangers.length) {
      throw new AppError('VALIDATION_FAILED', { zh: '所选单位不是该事项的配合单位', en: 'not co-operating units of the task', fields: { unitIds: '只能提醒该事项的配合单位' } });
    }
    const wanted = new Set(body.unitIds);
    targets = coUnits.filter((u) => wanted.has(u.unit_id));
  }
  if (targets.length === 0) return { reminded: [] };
  const label = `附件${item.annex_no}第${item.seq}项`;
  await inTransaction(ctx, async (trx) => {
    await notifyUnits(trx, report.org_id, targets.map((u) => u.unit_id), {
      kind: 'report.co_remind',
      title: `${lead.name}提醒：请填写${period.label}${label}的配合部分（报牵头单位）`,
      body: `该事项的配合部分由牵头单位${lead.name}汇总报送督查室，请在本单位${period.label}报告中填写推进状态和进展情况。`,
      link: `/unit/report/${period.id}`,
    });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: report.org_id,
      action: 'report.co_remind',
      entity: 'unit_report',
      entityId: report.id,
      after: { taskId, unitIds: targets.map((u) => u.unit_id) },
    });
  });
  return { reminded: targets.map((u) => ({ unitId: u.unit_id, unitName: u.name })) };
}
