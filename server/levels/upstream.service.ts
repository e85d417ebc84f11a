import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { clockOf } from '../context';
import type { Engine } from '../db/connection';
import type { Db } from '../db/connection';
import { notifyOffice } from '../notifications/notify';

/** What changed in an upper item: its standard text, or one indicator's target. */
export type UpstreamChange =
  | { kind: 'standard'; before: string; after: string; reason: string }
  | { kind: 'indicator'; name: string; unit: string; before: number; after: number; reason: string };

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * 如上级绩考目标调整: a change of an upper item's target reaches every lower task linked to it
 * as a proposed target adjustment (source 'upstream', no unit, proposed by the upper office by
 * name), which the lower office accepts (its task gets a new version) or answers (rejects with a
 * note) like any adjustment. A text change proposes the upper level's new text; an indicator change
 * proposes the lower indicator of the same name and unit scaled by the same ratio (a copied target
 * becomes the new one), or a note in the text when the lower task has no such indicator.
 * Runs in the transaction of the upper change.
 */
export async function proposeUpstreamChange(trx: Db, engine: Engine, actor: Actor, upperTaskId: number, change: UpstreamChange): Promise<number> {
  const links = await trx
    .selectFrom('handdowns as h')
    .innerJoin('organisations as o', 'o.id', 'h.upper_org_id')
    .innerJoin('tasks as lt', 'lt.id', 'h.lower_task_id')
    .innerJoin('tasks as ut', 'ut.id', 'h.upper_task_id')
    .select(['h.id', 'h.lower_org_id', 'h.lower_task_id', 'o.name as upper_org_name', 'o.level as upper_level', 'lt.standard as lower_standard', 'ut.seq as upper_seq'])
    .where('h.upper_task_id', '=', upperTaskId)
    .execute();
  for (const l of links) {
    const office = `${l.upper_org_name}人民政府督查室`;
    const base = {
      org_id: l.lower_org_id,
      task_id: l.lower_task_id,
      unit_id: null,
      proposed_by: null,
      proposed_by_name: office,
      source: 'upstream' as const,
      handdown_id: l.id,
      created_at: clockOf(trx).now().toISOString(),
    };
    let values;
    if (change.kind === 'standard') {
      values = { ...base, indicator_id: null, before_text: l.lower_standard, after_text: change.after, before_value: null, after_value: null, reason: `上级调整了交办事项的目标任务：${change.reason}` };
    } else {
      const ind = await trx
        .selectFrom('indicators')
        .select(['id', 'target'])
        .where('task_id', '=', l.lower_task_id)
        .where('name', '=', change.name)
        .where('unit', '=', change.unit)
        .orderBy('position')
        .executeTakeFirst();
      const what = `${change.name}由${change.before}${change.unit}调整为${change.after}${change.unit}`;
      values = ind
        ? {
            ...base,
            indicator_id: ind.id,
            before_text: null,
            after_text: null,
            before_value: ind.target,
            after_value: change.before ? round((ind.target * change.after) / change.before) : change.after,
            reason: `上级指标调整（${what}），按同比例调整本级目标：${change.reason}`,
          }
        : {
            ...base,
            indicator_id: null,
            before_text: l.lower_standard,
            after_text: `${l.lower_standard}（上级指标调整：${what}）`,
            before_value: null,
            after_value: null,
            reason: `上级指标调整（${what}）：${change.reason}`,
          };
    }
    const { id } = await trx.insertInto('target_adjustments').values(values).returning('id').executeTakeFirstOrThrow();
    await notifyOffice(trx, l.lower_org_id, { kind: 'adjustment', title: `${l.upper_org_name}调整了交办事项${l.upper_seq}的目标`, body: values.reason.slice(0, 120), link: `/tasks/${l.lower_task_id}` });
    await appendAudit(trx, engine, { actor, orgId: l.lower_org_id, action: 'adjustment.upstream', entity: 'target_adjustment', entityId: id, after: { upperTaskId, lowerTaskId: l.lower_task_id, ...change } });
  }
  return links.length;
}
