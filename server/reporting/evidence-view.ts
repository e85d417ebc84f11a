import type { Actor } from '../audit/actor';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { authorize } from '../policies/policy';
import { listEvidenceOfTask } from './evidence.service';

export type EvidenceFileView = { id: number; fileName: string; size: number; contentType: string; createdAt: string };

/** Whether the person may open a file of this unit's report: the rule GET /api/evidence/:id applies. */
function mayRead(actor: Actor, orgId: number, unitId: number): boolean {
  try {
    authorize(actor, 'report.read', { orgId, unitId });
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

/**
 * The evidence files of a task's report entries, keyed by report, in one query: the task page lists
 * them under 报送记录. A co-operating unit's people see the other units' entries there but not their
 * files, which they could not open either.
 */
export async function evidenceOfTaskEntries(db: Db, actor: Actor, task: { id: number; orgId: number }): Promise<Map<number, EvidenceFileView[]>> {
  const rows = await listEvidenceOfTask(db, task.id);
  const byReport = new Map<number, EvidenceFileView[]>();
  for (const r of rows) {
    if (!mayRead(actor, task.orgId, r.unit_id)) continue;
    const list = byReport.get(r.report_id) ?? [];
    list.push({ id: r.id, fileName: r.file_name, size: r.size, contentType: r.content_type, createdAt: r.created_at });
    byReport.set(r.report_id, list);
  }
  return byReport;
}
