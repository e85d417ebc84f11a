import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { getSetting } from '../settings/settings.service';
import type { Report } from './reports.repository';

/** An item as people name it: 附件1·第3项 for a numbered item, 附件2·(12) for one numbered in brackets. */
export function itemLabel(annexNo: number, seq: string): string {
  return /^\d+$/.test(seq) ? `附件${annexNo}·第${seq}项` : `附件${annexNo}·${seq}`;
}

/**
 * The report's items that say 已完成 (completed) and have no evidence file, in the report's order.
 * An entry kept from before its task was closed (销号 after an earlier period) is not asked about.
 */
export async function evidenceMissingForCompleted(db: Db, reportId: number) {
  const rows = await db
    .selectFrom('task_progress')
    .innerJoin('tasks', 'tasks.id', 'task_progress.task_id')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .select(['task_progress.task_id', 'annexes.no as annex_no', 'tasks.seq'])
    .where('task_progress.report_id', '=', reportId)
    .where('task_progress.status', '=', 'completed')
    .where((eb) => eb.or([eb('tasks.closed_after_position', 'is', null), eb('tasks.closed_after_position', '>=', eb.ref('periods.position'))]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('evidence_files').select(sql.lit(1).as('one')).whereRef('evidence_files.progress_id', '=', 'task_progress.id'))))
    .orderBy('annexes.no')
    .orderBy('tasks.position')
    .execute();
  return rows.map((r) => ({ taskId: r.task_id, label: itemLabel(r.annex_no, r.seq) }));
}

/**
 * Submit's check when the office requires evidence for completed items (setting evidenceRequirement):
 * refused with every such item named, and the items in `current.missing` for the form to jump to.
 */
export async function refuseMissingEvidence(db: Db, report: Report): Promise<void> {
  const { requireForCompleted } = await getSetting(db, report.org_id, 'evidenceRequirement');
  if (!requireForCompleted) return;
  const missing = await evidenceMissingForCompleted(db, report.id);
  if (missing.length === 0) return;
  throw new AppError('EVIDENCE_REQUIRED', {
    zh: `督查室要求已完成的事项上传佐证材料：${missing.map((m) => `${m.label} 已完成但未上传佐证材料`).join('；')}。请在这些事项下上传佐证材料（或修改推进状态）后再提交`,
    en: `${missing.length} completed item(s) without evidence`,
    complete: true,
    current: { missing },
  });
}
