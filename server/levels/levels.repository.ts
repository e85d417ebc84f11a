import type { Db } from '../db/connection';
import type { Organisation } from '../db/schema';

/**
 * The organisation tree as the levels code needs it. The tree is small (a province's cities and
 * districts), so it is read whole and walked in memory.
 */
export async function organisationTree(db: Db) {
  const all = await db.selectFrom('organisations').selectAll().orderBy('id').execute();
  const byId = new Map(all.map((o) => [o.id, o]));
  const ancestors = (id: number): Organisation[] => {
    const out: Organisation[] = [];
    const seen = new Set<number>();
    let cur = byId.get(id);
    while (cur?.parent_id != null && !seen.has(cur.parent_id)) {
      seen.add(cur.parent_id);
      cur = byId.get(cur.parent_id);
      if (cur) out.push(cur);
    }
    return out;
  };
  return {
    byId,
    ancestors,
    /** Every organisation below this one, direct or indirect, in id order. */
    descendants: (id: number) => all.filter((o) => o.id !== id && ancestors(o.id).some((a) => a.id === id)),
    /** The nearest organisation above this one at a level (the city of a district, ...). */
    ancestorAt: (id: number, level: Organisation['level']) => ancestors(id).find((a) => a.level === level),
  };
}

/** The printed number of a task ("(129)", "129", "129." → 129), as lower levels cite it. */
export function taskNumber(seq: string): number | null {
  const m = /\d+/.exec(seq);
  return m ? Number(m[0]) : null;
}

/** The annex kind an upper item takes in the lower ledger: its level's GWR or livelihood annex. */
export function lowerAnnexKind(upperKind: string, upperLevel: Organisation['level']): string {
  return `${upperLevel}-${upperKind.endsWith('livelihood') ? 'livelihood' : 'gwr'}`;
}

/** Whether an upper annex may hold the items a lower annex of this kind cites. */
export function upperAnnexMatches(upperKind: string, lowerKind: string): boolean {
  const livelihood = lowerKind.endsWith('livelihood');
  return livelihood ? upperKind.endsWith('livelihood') : !upperKind.endsWith('livelihood');
}

export const ANNEX_KIND_TITLES: Record<string, string> = {
  'province-gwr': '省《政府工作报告》交办事项',
  'province-livelihood': '省政府民生实事交办事项',
  'city-gwr': '市《政府工作报告》交办事项',
  'city-livelihood': '市政府民生实事交办事项',
};

/** Handdowns of upper tasks, with the lower organisation's name. */
export function handdownsOfUpper(db: Db, upperOrgId: number, upperTaskIds?: number[]) {
  let q = db
    .selectFrom('handdowns as h')
    .innerJoin('organisations as o', 'o.id', 'h.lower_org_id')
    .innerJoin('tasks as lt', 'lt.id', 'h.lower_task_id')
    .select(['h.id', 'h.upper_task_id', 'h.lower_org_id', 'o.name as lower_org_name', 'h.lower_task_id', 'h.origin', 'h.target_mode', 'h.lower_set_at', 'h.arrived_on', 'h.created_at', 'lt.standard as lower_standard', 'lt.deadline as lower_deadline', 'lt.notice_id as lower_notice_id', 'lt.closed_after_position as lower_closed_after_position'])
    .where('h.upper_org_id', '=', upperOrgId)
    .orderBy('h.upper_task_id')
    .orderBy('h.lower_org_id');
  if (upperTaskIds) q = q.where('h.upper_task_id', 'in', upperTaskIds.length ? upperTaskIds : [-1]);
  return q.execute();
}

/** The organisations whose tasks this lower task is linked to (for the read-only record rule). */
export async function upstreamOrgIdsOf(db: Db, lowerTaskId: number): Promise<number[]> {
  const rows = await db.selectFrom('handdowns').select('upper_org_id').where('lower_task_id', '=', lowerTaskId).execute();
  return rows.map((r) => r.upper_org_id);
}
