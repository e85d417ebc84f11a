import { MILESTONE_VERDICT_LABELS, type MilestoneResult } from '../../core/supervision/lights';
import type { MilestoneListRow } from '../ledger/milestones.repository';

/** A milestone as the API sends it (core/api/milestones.ts), with how it stands by the task's light. */
export function presentMilestone(row: MilestoneListRow, result: MilestoneResult | undefined) {
  const verdict = result?.verdict ?? 'pending';
  return {
    id: row.id,
    taskId: row.task_id,
    dueOn: row.due_on,
    description: row.description,
    expect:
      row.expect_kind === 'state'
        ? { kind: 'state' as const, state: row.expect_state === 'completed' ? ('completed' as const) : ('started' as const) }
        : {
            kind: 'indicator' as const,
            indicatorId: row.indicator_id,
            indicatorName: row.indicator_name,
            unit: row.indicator_unit,
            target: row.indicator_target,
            value: row.expect_value ?? 0,
          },
    verdict,
    verdictLabel: MILESTONE_VERDICT_LABELS[verdict],
    reason: result?.reason ?? null,
    version: row.version,
    updatedByName: row.updated_by_name,
    updatedAt: row.updated_at,
  };
}
