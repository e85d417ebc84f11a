import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { clockOf, inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { rederiveIndicators } from '../ledger/task-indicators';
import { snapshotTask } from '../ledger/task-versions';
import { notifyOffice } from '../notifications/notify';
import { createPeriodsForNotice } from '../reporting/periods.service';
import { ANNEX_KIND_TITLES, lowerAnnexKind, organisationTree, taskNumber } from './levels.repository';
import { dueDate } from '../../core/notice/due-date';

/** One receiving organisation: its own target text and deadline, or null = its office sets them. */
export type HanddownTarget = { orgId: number; standard: string | null; deadline: string | null };
export type HanddownCreated = {
  handdownId: number;
  lowerOrgId: number;
  lowerOrgName: string;
  lowerTaskId: number;
  noticeId: number;
  annexNo: number;
  seq: string;
  createdNotice: boolean;
};

async function upperTaskOf(db: Db, taskId: number) {
  return db
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .innerJoin('notices', 'notices.id', 'tasks.notice_id')
    .innerJoin('organisations', 'organisations.id', 'tasks.org_id')
    .select([
      'tasks.id',
      'tasks.org_id',
      'tasks.seq',
      'tasks.standard',
      'tasks.deadline',
      'tasks.due_date',
      'annexes.kind as annex_kind',
      'notices.year',
      'notices.issued_date',
      'notices.reporting_deadlines_json',
      'organisations.name as org_name',
      'organisations.level as org_level',
    ])
    .where('tasks.id', '=', taskId)
    .executeTakeFirst();
}

/**
 * The lower organisation's notice of the year that receives handed-down items: one that already
 * has an annex of the kind, else its first notice of the year, else a container notice
 * "<upper>交办事项（<year>年）" whose reporting periods follow the upper notice's deadlines.
 */
async function receivingNotice(trx: Db, ctx: AppContext, lowerOrgId: number, upper: NonNullable<Awaited<ReturnType<typeof upperTaskOf>>>, kind: string) {
  const notices = await trx.selectFrom('notices').select(['id']).where('org_id', '=', lowerOrgId).where('year', '=', upper.year).orderBy('id').execute();
  if (notices.length) {
    const withKind = await trx
      .selectFrom('annexes')
      .select('notice_id')
      .where('org_id', '=', lowerOrgId)
      .where('kind', '=', kind)
      .where('notice_id', 'in', notices.map((n) => n.id))
      .orderBy('notice_id')
      .executeTakeFirst();
    return { noticeId: withKind?.notice_id ?? notices[0]!.id, created: false };
  }
  const now = new Date().toISOString();
  const { id } = await trx
    .insertInto('notices')
    .values({
      org_id: lowerOrgId,
      doc_number: null,
      title: `${upper.org_name}交办事项（${upper.year}年）`,
      issuer: upper.org_name,
      issued_date: ctx.clock.today(),
      year: upper.year,
      report_to: null,
      reporting_deadlines_json: upper.reporting_deadlines_json,
      anomalies_json: '[]',
      imported_by: null,
      // Arrived (its 导入时间 in the notices list) on the business clock.
      created_at: ctx.clock.now().toISOString(),
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await createPeriodsForNotice(trx, ctx, lowerOrgId, id, {
    year: upper.year,
    issuedDate: ctx.clock.today(),
    deadlines: JSON.parse(upper.reporting_deadlines_json) as string[],
  });
  return { noticeId: id, created: true };
}

async function receivingAnnex(trx: Db, lowerOrgId: number, noticeId: number, kind: string, year: number) {
  const existing = await trx.selectFrom('annexes').select(['id', 'no']).where('notice_id', '=', noticeId).where('kind', '=', kind).orderBy('no').executeTakeFirst();
  if (existing) return existing;
  const max = await trx.selectFrom('annexes').select((eb) => eb.fn.max('no').as('n')).where('notice_id', '=', noticeId).executeTakeFirst();
  const no = Number(max?.n ?? 0) + 1;
  const { id } = await trx
    .insertInto('annexes')
    .values({ org_id: lowerOrgId, notice_id: noticeId, no, title: `${year}年${ANNEX_KIND_TITLES[kind] ?? '上级交办事项'}`, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, no };
}

/**
 * The upper office hands one of its items down to organisations below it. In each, the item
 * becomes a task of the matching annex kind (upstream number and text from the upper item), with
 * the target the upper office gave or, when it gave none, the upper text, flagged for the lower
 * office to set its own. No leaders or units yet: the lower office assigns them (task edit). One
 * transaction for the whole hand-down; audited on both sides; the lower offices are notified.
 */
export async function handDown(ctx: AppContext, actor: Actor, upperTaskId: number, targets: HanddownTarget[]): Promise<HanddownCreated[]> {
  if (targets.length === 0) throw new AppError('HANDDOWN_NO_TARGETS');
  return inTransaction(ctx, async (trx) => {
    const upper = await upperTaskOf(trx, upperTaskId);
    if (!upper) throw new AppError('NOT_FOUND');
    const tree = await organisationTree(trx);
    const below = new Set(tree.descendants(upper.org_id).map((o) => o.id));
    const kind = lowerAnnexKind(upper.annex_kind, upper.org_level);
    const upstreamNo = taskNumber(upper.seq);
    const created: HanddownCreated[] = [];
    for (const target of targets) {
      const lowerOrg = tree.byId.get(target.orgId);
      if (!lowerOrg || !below.has(target.orgId)) throw new AppError('HANDDOWN_NOT_DESCENDANT');
      const dup = await trx.selectFrom('handdowns').select('id').where('upper_task_id', '=', upper.id).where('lower_org_id', '=', target.orgId).executeTakeFirst();
      if (dup) throw new AppError('HANDDOWN_EXISTS', { zh: lowerOrg.name, en: lowerOrg.name });
      const { noticeId, created: createdNotice } = await receivingNotice(trx, ctx, target.orgId, upper, kind);
      const annex = await receivingAnnex(trx, target.orgId, noticeId, kind, upper.year);
      const last = await trx
        .selectFrom('tasks')
        .select((eb) => [eb.fn.max('position').as('p'), eb.fn.countAll<number>().as('n')])
        .where('annex_id', '=', annex.id)
        .executeTakeFirst();
      const position = last?.p == null ? 0 : Number(last.p) + 1;
      const seq = String(Number(last?.n ?? 0) + 1);
      const standard = target.standard?.trim() || upper.standard;
      const deadline = target.deadline !== null ? target.deadline.trim() || null : upper.deadline;
      const { id: lowerTaskId } = await trx
        .insertInto('tasks')
        .values({
          org_id: target.orgId,
          notice_id: noticeId,
          annex_id: annex.id,
          category_id: null,
          position,
          seq,
          upstream_no: upstreamNo,
          upstream_item: upper.standard,
          standard,
          deadline,
          due_date: target.deadline !== null ? dueDate(deadline, upper.year) : upper.due_date,
          leaders_printed: '',
          units_printed_json: '[]',
          repairs_json: '[]',
          anomalies_json: '[]',
          uncertain: 0,
          updated_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await rederiveIndicators(trx, target.orgId, lowerTaskId, standard);
      await snapshotTask(trx, lowerTaskId, `${upper.org_name}交办`, actor.name);
      const targetMode = target.standard === null ? ('lower_sets' as const) : ('set' as const);
      const { id: handdownId } = await trx
        .insertInto('handdowns')
        .values({
          upper_org_id: upper.org_id,
          upper_task_id: upper.id,
          lower_org_id: target.orgId,
          lower_task_id: lowerTaskId,
          origin: 'handed_down',
          target_mode: targetMode,
          lower_set_at: null,
          arrived_on: ctx.clock.today(),
          created_by_name: actor.name,
          created_at: ctx.clock.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await notifyOffice(trx, target.orgId, {
        kind: 'handdown',
        title: `${upper.org_name}交办事项：${upstreamNo ?? upper.seq}`,
        body: `${targetMode === 'lower_sets' ? '请确定本级目标任务并' : '请'}指定分管领导和责任单位。${upper.standard.slice(0, 80)}`,
        link: `/tasks/${lowerTaskId}`,
      });
      const after = { upperOrgId: upper.org_id, upperTaskId: upper.id, upstreamNo, lowerOrgId: target.orgId, lowerTaskId, noticeId, annexNo: annex.no, seq, standard, deadline, targetMode, createdNotice };
      await appendAudit(trx, ctx.engine, { actor, orgId: upper.org_id, action: 'handdown.create', entity: 'handdown', entityId: handdownId, after });
      await appendAudit(trx, ctx.engine, { actor, orgId: target.orgId, action: 'task.handed_down', entity: 'task', entityId: lowerTaskId, after });
      created.push({ handdownId, lowerOrgId: target.orgId, lowerOrgName: lowerOrg.name, lowerTaskId, noticeId, annexNo: annex.no, seq, createdNotice });
    }
    return created;
  });
}

/** The lower office has set its own target of a handed-down item (its first edit of the task), at the business time. */
export async function markLowerTargetSet(trx: Db, lowerTaskId: number) {
  await trx
    .updateTable('handdowns')
    .set({ lower_set_at: clockOf(trx).now().toISOString() })
    .where('lower_task_id', '=', lowerTaskId)
    .where('target_mode', '=', 'lower_sets')
    .where('lower_set_at', 'is', null)
    .execute();
}
