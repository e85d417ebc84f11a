import type { commentsOf, listAdjustments, listCoordination } from '../collaboration/collaboration.repository';

const COORDINATION_STATUS = { open: '待协调', assigned: '已交办', closed: '已办结' } as const;
const ADJUSTMENT_STATUS = { proposed: '待审核', approved: '已批准', rejected: '未批准' } as const;

export function presentCoordination(
  r: Awaited<ReturnType<typeof listCoordination>>[number],
  comments: Awaited<ReturnType<typeof commentsOf>>,
) {
  return {
    id: r.id,
    taskId: r.task_id,
    task: { annexNo: r.annex_no, seq: r.seq, standard: r.standard },
    unit: { id: r.unit_id, name: r.unit_name },
    leader: { id: r.leader_id, name: r.leader_name },
    raisedByName: r.raised_by_name,
    problem: r.problem,
    departments: r.departments,
    status: r.status,
    statusLabel: COORDINATION_STATUS[r.status],
    assignedUnit: r.assigned_unit_id !== null && r.assigned_unit_name ? { id: r.assigned_unit_id, name: r.assigned_unit_name } : null,
    resolution: r.resolution,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    comments: comments.filter((c) => c.request_id === r.id).map((c) => ({ authorName: c.author_name, body: c.body, createdAt: c.created_at })),
  };
}

export function presentAdjustment(a: Awaited<ReturnType<typeof listAdjustments>>[number]) {
  return {
    id: a.id,
    taskId: a.task_id,
    task: { annexNo: a.annex_no, seq: a.seq },
    // An adjustment from the upper level has no unit: it names the upper office instead.
    unitName: a.unit_name ?? a.proposed_by_name,
    source: a.source,
    proposedByName: a.proposed_by_name,
    indicator: a.indicator_id !== null && a.indicator_name ? { id: a.indicator_id, name: a.indicator_name, unit: a.indicator_unit ?? '' } : null,
    beforeText: a.before_text,
    afterText: a.after_text,
    beforeValue: a.before_value,
    afterValue: a.after_value,
    reason: a.reason,
    status: a.status,
    statusLabel: ADJUSTMENT_STATUS[a.status],
    decidedByName: a.decided_by_name,
    decisionNote: a.decision_note,
    resultingVersion: a.resulting_version,
    createdAt: a.created_at,
  };
}
