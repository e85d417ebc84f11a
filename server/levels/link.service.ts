import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { clockOf, inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import type { Organisation } from '../db/schema';
import { organisationTree, taskNumber, upperAnnexMatches } from './levels.repository';

export type UnlinkedReason = 'no_upper_org' | 'no_upper_ledger' | 'no_such_number' | 'upper_item_taken';
export const UNLINKED_REASON_LABELS: Record<UnlinkedReason, string> = {
  no_upper_org: '本机构没有该级别的上级机构',
  no_upper_ledger: '上级机构尚无该年度台账',
  no_such_number: '上级台账中没有该编号的事项',
  upper_item_taken: '上级该事项已关联本机构的另一事项',
};
export type UpstreamLinks = {
  linked: number;
  unlinked: { taskId: number; annexNo: number; seq: string; upstreamNo: number; reason: UnlinkedReason; reasonLabel: string }[];
};

type Candidate = { taskId: number; annexNo: number; annexKind: string; seq: string; upstreamNo: number; year: number };

const LEVEL_OF_KIND = (kind: string): Organisation['level'] | null =>
  kind.startsWith('province-') ? 'province' : kind.startsWith('city-') ? 'city' : null;

/** A lower organisation's tasks that cite an upper item and are not linked yet. */
async function unlinkedCandidates(db: Db, lowerOrgId: number, noticeIds?: number[]): Promise<Candidate[]> {
  let q = db
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .innerJoin('notices', 'notices.id', 'tasks.notice_id')
    .leftJoin('handdowns', 'handdowns.lower_task_id', 'tasks.id')
    .select(['tasks.id', 'annexes.no', 'annexes.kind', 'tasks.seq', 'tasks.upstream_no', 'notices.year'])
    .where('tasks.org_id', '=', lowerOrgId)
    .where('tasks.upstream_no', 'is not', null)
    .where('handdowns.id', 'is', null)
    .where((eb) => eb.or([eb('annexes.kind', 'like', 'city-%'), eb('annexes.kind', 'like', 'province-%')]))
    .orderBy('annexes.no')
    .orderBy('tasks.position');
  if (noticeIds) q = q.where('tasks.notice_id', 'in', noticeIds.length ? noticeIds : [-1]);
  const rows = await q.execute();
  return rows.map((r) => ({ taskId: r.id, annexNo: r.no, annexKind: r.kind, seq: r.seq, upstreamNo: r.upstream_no!, year: r.year }));
}

/**
 * Links a lower organisation's tasks that cite upper numbers (annexes city-* / province-*) to the
 * upper items: the task with that number in an annex of the corresponding kind (GWR or livelihood)
 * of the nearest ancestor at the kind's level, in its notices of the same year. Writes handdowns
 * with origin 'imported' and says which could not be linked and why. Runs inside the caller's
 * transaction (the import's, or a relink's).
 */
export async function linkUpstream(trx: Db, lowerOrgId: number, createdByName: string, noticeIds?: number[]): Promise<UpstreamLinks> {
  const candidates = await unlinkedCandidates(trx, lowerOrgId, noticeIds);
  const result: UpstreamLinks = { linked: 0, unlinked: [] };
  if (candidates.length === 0) return result;
  const tree = await organisationTree(trx);
  const upperLedgers = new Map<string, { id: number; no: number | null; kind: string }[]>();
  const ledgerOf = async (orgId: number, year: number) => {
    const key = `${orgId}:${year}`;
    if (!upperLedgers.has(key)) {
      const rows = await trx
        .selectFrom('tasks')
        .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
        .innerJoin('notices', 'notices.id', 'tasks.notice_id')
        .select(['tasks.id', 'tasks.seq', 'annexes.kind'])
        .where('tasks.org_id', '=', orgId)
        .where('notices.year', '=', year)
        .orderBy('tasks.id')
        .execute();
      upperLedgers.set(key, rows.map((r) => ({ id: r.id, no: taskNumber(r.seq), kind: r.kind })));
    }
    return upperLedgers.get(key)!;
  };
  for (const c of candidates) {
    const fail = (reason: UnlinkedReason) =>
      result.unlinked.push({ taskId: c.taskId, annexNo: c.annexNo, seq: c.seq, upstreamNo: c.upstreamNo, reason, reasonLabel: UNLINKED_REASON_LABELS[reason] });
    const level = LEVEL_OF_KIND(c.annexKind);
    const upperOrg = level ? tree.ancestorAt(lowerOrgId, level) : undefined;
    if (!upperOrg) {
      fail('no_upper_org');
      continue;
    }
    const ledger = await ledgerOf(upperOrg.id, c.year);
    if (ledger.length === 0) {
      fail('no_upper_ledger');
      continue;
    }
    // The same kind first (city-gwr ↔ city-gwr), then any annex of the same sort (GWR / livelihood).
    const sameNo = ledger.filter((t) => t.no === c.upstreamNo && upperAnnexMatches(t.kind, c.annexKind));
    const upper = sameNo.find((t) => t.kind === c.annexKind) ?? sameNo[0];
    if (!upper) {
      fail('no_such_number');
      continue;
    }
    const taken = await trx.selectFrom('handdowns').select('id').where('upper_task_id', '=', upper.id).where('lower_org_id', '=', lowerOrgId).executeTakeFirst();
    if (taken) {
      fail('upper_item_taken');
      continue;
    }
    await trx
      .insertInto('handdowns')
      .values({
        upper_org_id: upperOrg.id,
        upper_task_id: upper.id,
        lower_org_id: lowerOrgId,
        lower_task_id: c.taskId,
        origin: 'imported',
        target_mode: 'set',
        lower_set_at: null,
        created_by_name: createdByName,
        created_at: clockOf(trx).now().toISOString(),
      })
      .execute();
    result.linked++;
  }
  return result;
}

/**
 * The other direction: an upper organisation imported its ledger after its lower levels imported
 * theirs. Every organisation below it gets its unlinked citations linked now. Returns how many.
 */
export async function linkDescendants(trx: Db, ctx: AppContext, actor: Actor, upperOrgId: number): Promise<number> {
  const tree = await organisationTree(trx);
  let total = 0;
  for (const lower of tree.descendants(upperOrgId)) {
    const links = await linkUpstream(trx, lower.id, actor.name);
    if (links.linked > 0) {
      total += links.linked;
      await appendAudit(trx, ctx.engine, { actor, orgId: lower.id, action: 'levels.link', entity: 'organisation', entityId: lower.id, after: { linked: links.linked, trigger: 'upper import', upperOrgId } });
    }
  }
  return total;
}

/** The lower office asks again (the upper ledger arrived later): links what can be linked now, audited. */
export function relinkOrg(ctx: AppContext, actor: Actor, orgId: number): Promise<UpstreamLinks> {
  return inTransaction(ctx, async (trx) => {
    const links = await linkUpstream(trx, orgId, actor.name);
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'levels.relink',
      entity: 'organisation',
      entityId: orgId,
      after: { linked: links.linked, unlinked: links.unlinked.map((u) => ({ annexNo: u.annexNo, seq: u.seq, upstreamNo: u.upstreamNo, reason: u.reason })) },
    });
    return links;
  });
}
