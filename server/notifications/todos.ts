import type { Actor } from '../audit/actor';
import type { AppContext } from '../context';

export type Todo = { kind: string; title: string; detail: string; link: string };

/**
 * What is waiting for a person, computed from the state of things (never stale): drafts to
 * finish, reports to approve or review, requests to answer, adjustments to decide.
 */
export async function todosFor(ctx: AppContext, actor: Actor & { orgId: number }): Promise<Todo[]> {
  const db = ctx.db;
  const todos: Todo[] = [];
  const openPeriods = await db.selectFrom('periods').selectAll().where('org_id', '=', actor.orgId).where('status', '=', 'open').orderBy('position').execute();
  if (actor.role === 'unit_staff' && actor.unitId) {
    for (const p of openPeriods) {
      const r = await db.selectFrom('unit_reports').select(['id', 'state', 'resubmit_by']).where('period_id', '=', p.id).where('unit_id', '=', actor.unitId).executeTakeFirst();
      const deadline = p.extended_deadline ?? p.deadline;
      if (!r) todos.push({ kind: 'report', title: `填报${p.label}进展`, detail: `截止 ${deadline}，尚未开始`, link: `/unit/report/${p.id}` });
      else if (r.state === 'draft') todos.push({ kind: 'report', title: `完成${p.label}报告`, detail: `草稿，截止 ${deadline}`, link: `/unit/report/${p.id}` });
      else if (r.state === 'returned') todos.push({ kind: 'report', title: `修改被退回的${p.label}报告`, detail: r.resubmit_by ? `请于 ${r.resubmit_by} 前重新报送` : `截止 ${deadline}`, link: `/unit/report/${p.id}` });
    }
    // A report returned after its period closed is still the unit's to finish and resubmit.
    const returnedAfterClose = await db
      .selectFrom('unit_reports')
      .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
      .select(['periods.id as period_id', 'periods.label', 'unit_reports.resubmit_by'])
      .where('unit_reports.unit_id', '=', actor.unitId)
      .where('unit_reports.state', '=', 'returned')
      .where('periods.status', '!=', 'open')
      .orderBy('periods.position')
      .execute();
    for (const r of returnedAfterClose) {
      todos.push({ kind: 'report', title: `修改被退回的${r.label}报告`, detail: r.resubmit_by ? `请于 ${r.resubmit_by} 前重新报送` : '报送期已关闭，请修改后重新报送', link: `/unit/report/${r.period_id}` });
    }
  }
  if (actor.role === 'unit_head' && actor.unitId) {
    const pending = await db
      .selectFrom('unit_reports')
      .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
      .select(['unit_reports.id', 'periods.id as period_id', 'periods.label'])
      .where('unit_reports.unit_id', '=', actor.unitId)
      .where('unit_reports.state', '=', 'pending_head')
      .execute();
    for (const r of pending) todos.push({ kind: 'approve', title: `审定${r.label}报告`, detail: '经办人已提交，待您审定后报送督查室', link: `/unit/report/${r.period_id}` });
  }
  if (actor.role === 'office') {
    const submitted = await db
      .selectFrom('unit_reports')
      .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
      .innerJoin('units', 'units.id', 'unit_reports.unit_id')
      .select(['unit_reports.id', 'periods.label', 'units.name'])
      .where('unit_reports.org_id', '=', actor.orgId)
      .where('unit_reports.state', '=', 'submitted')
      .orderBy('unit_reports.approved_at')
      .execute();
    for (const r of submitted) todos.push({ kind: 'review', title: `审核${r.name}${r.label}报告`, detail: '单位负责人已审定报送', link: `/office/reports/${r.id}` });
    const proposed = await db.selectFrom('target_adjustments').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', actor.orgId).where('status', '=', 'proposed').executeTakeFirstOrThrow();
    if (Number(proposed.n) > 0) todos.push({ kind: 'adjustment', title: `审核目标调整申请 ${Number(proposed.n)} 件`, detail: '', link: '/office/adjustments' });
    // Items handed down by an upper level (issue 7): set our own target, assign leaders and units.
    const received = await db
      .selectFrom('handdowns')
      .innerJoin('tasks', 'tasks.id', 'handdowns.lower_task_id')
      .innerJoin('organisations', 'organisations.id', 'handdowns.upper_org_id')
      .select(['tasks.id', 'tasks.upstream_no', 'tasks.seq', 'organisations.name as upper_name', 'handdowns.target_mode', 'handdowns.lower_set_at'])
      .select((eb) => eb.exists(eb.selectFrom('task_units').select('task_units.task_id').whereRef('task_units.task_id', '=', 'tasks.id')).as('has_units'))
      .where('handdowns.lower_org_id', '=', actor.orgId)
      .where('handdowns.origin', '=', 'handed_down')
      .orderBy('handdowns.id')
      .execute();
    for (const r of received) {
      const item = `${r.upper_name}交办事项${r.upstream_no ?? r.seq}`;
      if (r.target_mode === 'lower_sets' && r.lower_set_at === null) todos.push({ kind: 'handdown', title: `确定${item}的本级目标`, detail: '上级请本级自行确定目标任务和完成时限', link: `/tasks/${r.id}` });
      else if (!r.has_units) todos.push({ kind: 'handdown', title: `为${item}指定责任单位`, detail: '尚未指定分管领导和责任单位', link: `/tasks/${r.id}` });
    }
    for (const p of openPeriods.filter((x) => x.past_at_import)) {
      todos.push({ kind: 'period', title: `${p.label}截止日期（${p.deadline}）在导入时已过`, detail: '请确认是否延期', link: '/office/periods' });
    }
  }
  if (actor.role === 'leader' && actor.leaderId) {
    const open = await db
      .selectFrom('coordination_requests')
      .innerJoin('units', 'units.id', 'coordination_requests.unit_id')
      .select(['coordination_requests.id', 'units.name', 'coordination_requests.problem'])
      .where('coordination_requests.leader_id', '=', actor.leaderId)
      .where('coordination_requests.status', '!=', 'closed')
      .execute();
    for (const r of open) todos.push({ kind: 'coordination', title: `${r.name}提请协调`, detail: r.problem.slice(0, 60), link: `/coordination/${r.id}` });
  }
  return todos;
}
