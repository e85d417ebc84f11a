import { createHash } from 'node:crypto';
import { matchKey, type ParsedAnnex, type ParsedNotice, type ParsedTask } from '../../core/notice';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import type { Db, Engine } from '../db/connection';
import { insertLeader, listLeaders } from '../directory/leaders.repository';
import { insertUnit, listUnits, replaceUnitAliases } from '../directory/units.repository';
import { snapshotTask } from '../ledger/task-versions';

/** Name → id maps of the directory, and who imports (for the task versions it writes). */
type Directory = { units: Map<string, number>; leaders: Map<string, number>; actorName: string };

/**
 * Makes sure every unit and leader the ledger names exists in the organisation's directory,
 * creating what is missing (with the spellings the notice used as aliases), and returns
 * name → id maps keyed by matchKey. Runs inside the import transaction.
 */
export async function ensureDirectory(
  trx: Db,
  engine: Engine,
  actor: Actor,
  orgId: number,
  // Only what it reads: the ledger built by hand (server/ledger/task-create.service.ts) passes its own tasks.
  parsed: { annexes: { tasks: Pick<ParsedTask, 'units' | 'leaders'>[] }[]; directories: Pick<ParsedNotice['directories'], 'units'> },
): Promise<Directory> {
  const units = new Map<string, number>();
  const taken = new Set<string>();
  for (const u of await listUnits(trx, orgId)) {
    for (const s of [u.name, ...u.aliases]) {
      units.set(matchKey(s), u.id);
      taken.add(s);
    }
  }
  const usedUnits = new Set(parsed.annexes.flatMap((a) => a.tasks.flatMap((t) => t.units)));
  for (const entry of parsed.directories.units.filter((e) => usedUnits.has(e.name))) {
    if (units.has(matchKey(entry.name))) continue;
    const aliases = entry.aliases.filter((a) => !taken.has(a) && a !== entry.name);
    const id = await insertUnit(trx, orgId, entry.name);
    await replaceUnitAliases(trx, orgId, id, aliases);
    for (const s of [entry.name, ...aliases]) {
      units.set(matchKey(s), id);
      taken.add(s);
    }
    await appendAudit(trx, engine, {
      actor,
      orgId,
      action: 'unit.create',
      entity: 'unit',
      entityId: id,
      after: { name: entry.name, aliases, source: 'notice import' },
    });
  }

  const leaders = new Map<string, number>();
  for (const l of await listLeaders(trx, orgId)) leaders.set(matchKey(l.name), l.id);
  const usedLeaders = new Set(parsed.annexes.flatMap((a) => a.tasks.flatMap((t) => t.leaders)));
  for (const name of usedLeaders) {
    if (leaders.has(matchKey(name))) continue;
    const id = await insertLeader(trx, orgId, name, '');
    leaders.set(matchKey(name), id);
    await appendAudit(trx, engine, { actor, orgId, action: 'leader.create', entity: 'leader', entityId: id, after: { name, source: 'notice import' } });
  }
  return { units, leaders, actorName: actor.name };
}

export async function insertNotice(
  trx: Db,
  orgId: number,
  actor: Actor,
  parsed: ParsedNotice,
  file: { fileName: string; format: string; content: Buffer },
  /** When it was imported, on the business clock: the 导入时间 people read. */
  importedAt: Date,
): Promise<number> {
  const d = parsed.document;
  const now = new Date().toISOString();
  const created_at = importedAt.toISOString();
  const { id } = await trx
    .insertInto('notices')
    .values({
      org_id: orgId,
      doc_number: d.docNumber,
      title: d.title ?? file.fileName,
      issuer: d.issuer,
      issued_date: d.issuedDate,
      year: d.year ?? Number((d.issuedDate ?? now).slice(0, 4)),
      report_to: d.reportTo,
      reporting_deadlines_json: JSON.stringify(d.reportingDeadlines),
      anomalies_json: JSON.stringify(parsed.anomalies),
      imported_by: actor.userId,
      created_at,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeNoticeFile(trx, orgId, id, file, importedAt);
  return id;
}

/** Every upload of a notice is kept as uploaded, the first import and each re-import (at: the business time of the upload). */
export async function storeNoticeFile(trx: Db, orgId: number, noticeId: number, file: { fileName: string; format: string; content: Buffer }, at: Date) {
  await trx
    .insertInto('notice_files')
    .values({
      org_id: orgId,
      notice_id: noticeId,
      file_name: file.fileName,
      format: file.format,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      created_at: at.toISOString(),
    })
    .execute();
}

export async function insertAnnex(trx: Db, orgId: number, noticeId: number, annex: ParsedAnnex) {
  const { id } = await trx
    .insertInto('annexes')
    .values({ org_id: orgId, notice_id: noticeId, no: annex.no, title: annex.title, kind: annex.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  const categories = new Map<number, number>();
  for (const c of annex.categories) {
    const row = await trx
      .insertInto('categories')
      .values({ org_id: orgId, annex_id: id, no: c.no, name: c.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    categories.set(c.no, row.id);
  }
  return { annexId: id, categories };
}

function taskColumns(task: ParsedTask, categoryId: number | null) {
  return {
    category_id: categoryId,
    seq: task.seq,
    upstream_no: task.upstreamNo,
    upstream_item: task.upstreamItem,
    standard: task.standard,
    deadline: task.deadline,
    due_date: task.dueDate,
    due_date_source: task.dueDateSource ?? null,
    leaders_printed: task.leadersPrinted,
    units_printed_json: JSON.stringify(task.unitsPrinted),
    repairs_json: JSON.stringify(task.repairs),
    anomalies_json: JSON.stringify(task.anomalies),
    uncertain: task.uncertain ? 1 : 0,
    updated_at: new Date().toISOString(),
  };
}

export async function insertTask(
  trx: Db,
  orgId: number,
  ids: { noticeId: number; annexId: number; categoryId: number | null },
  position: number,
  task: ParsedTask,
  dir: Directory,
  /** Why this first version exists (the task's 版本记录): an import, or the office adding it by hand. */
  reason = '导入通知',
): Promise<number> {
  const { id } = await trx
    .insertInto('tasks')
    .values({ org_id: orgId, notice_id: ids.noticeId, annex_id: ids.annexId, position, ...taskColumns(task, ids.categoryId) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeTaskChildren(trx, orgId, id, task, dir);
  await snapshotTask(trx, id, reason, dir.actorName);
  return id;
}

/**
 * Rewrites a task in place (same id, so reports made on it stay attached), bumping its version.
 * A due date the office set stays while the notice prints the same deadline as before.
 */
export async function updateTask(trx: Db, orgId: number, taskId: number, categoryId: number | null, task: ParsedTask, dir: Directory) {
  const before = await trx.selectFrom('tasks').select(['deadline', 'due_date', 'due_date_source']).where('id', '=', taskId).executeTakeFirstOrThrow();
  const keepOffice = before.due_date_source === 'office' && before.deadline === task.deadline;
  const due = keepOffice ? { due_date: before.due_date, due_date_source: before.due_date_source } : {};
  await trx
    .updateTable('tasks')
    .set((eb) => ({ ...taskColumns(task, categoryId), ...due, version: eb('version', '+', 1) }))
    .where('id', '=', taskId)
    .execute();
  await trx.deleteFrom('task_leaders').where('task_id', '=', taskId).execute();
  await trx.deleteFrom('task_units').where('task_id', '=', taskId).execute();
  await writeTaskChildren(trx, orgId, taskId, task, dir, { indicators: false });
  await mergeIndicators(trx, orgId, taskId, task);
  await snapshotTask(trx, taskId, '重新导入通知', dir.actorName);
}

/**
 * A re-imported task's indicators are updated in place, position by position, so the actuals
 * units already reported against them stay attached; a surplus indicator is removed only when
 * nothing was reported against it.
 */
async function mergeIndicators(trx: Db, orgId: number, taskId: number, task: ParsedTask) {
  const existing = await trx.selectFrom('indicators').select(['id', 'position']).where('task_id', '=', taskId).orderBy('position').execute();
  for (const [position, ind] of task.indicators.entries()) {
    const values = { name: ind.name, target: ind.value, unit: ind.unit, qualifier: ind.qualifier, text: ind.text };
    const row = existing[position];
    if (row) await trx.updateTable('indicators').set({ ...values, position }).where('id', '=', row.id).execute();
    else await trx.insertInto('indicators').values({ org_id: orgId, task_id: taskId, position, ...values }).execute();
  }
  for (const row of existing.slice(task.indicators.length)) {
    const reported = await trx.selectFrom('indicator_actuals').select('id').where('indicator_id', '=', row.id).limit(1).executeTakeFirst();
    if (!reported) await trx.deleteFrom('indicators').where('id', '=', row.id).execute();
  }
}

async function writeTaskChildren(trx: Db, orgId: number, taskId: number, task: ParsedTask, dir: Directory, opts = { indicators: true }) {
  const leaderIds = [...new Set(task.leaders.map((n) => dir.leaders.get(matchKey(n))).filter((id) => id !== undefined))];
  if (leaderIds.length) {
    await trx
      .insertInto('task_leaders')
      .values(leaderIds.map((leader_id, position) => ({ org_id: orgId, task_id: taskId, leader_id, position })))
      .execute();
  }
  const seen = new Set<number>();
  const unitRows = task.unitRefs.flatMap((ref, position) => {
    const unitId = dir.units.get(matchKey(ref.name));
    if (unitId === undefined || seen.has(unitId)) return [];
    seen.add(unitId);
    return [{ org_id: orgId, task_id: taskId, unit_id: unitId, role: ref.role, printed: ref.printed, note: ref.note, position }];
  });
  if (unitRows.length) await trx.insertInto('task_units').values(unitRows).execute();
  if (opts.indicators && task.indicators.length) {
    await trx
      .insertInto('indicators')
      .values(
        task.indicators.map((ind, position) => ({
          org_id: orgId,
          task_id: taskId,
          position,
          name: ind.name,
          target: ind.value,
          unit: ind.unit,
          qualifier: ind.qualifier,
          text: ind.text,
        })),
      )
      .execute();
  }
}

/** Stores the importer's proposed links between tasks (both directions resolved to ids). */
export async function insertProposedLinks(trx: Db, orgId: number, parsed: ParsedNotice, taskIdOf: (annexNo: number, position: number) => number | undefined) {
  const bySeq = new Map<string, number>();
  for (const a of parsed.annexes) a.tasks.forEach((t, i) => bySeq.set(`${a.no}/${t.seq}`, taskIdOf(a.no, i)!));
  for (const a of parsed.annexes) {
    for (const [i, t] of a.tasks.entries()) {
      for (const link of t.links) {
        const from = taskIdOf(a.no, i);
        const to = bySeq.get(`${link.annexNo}/${link.seq}`);
        if (from === undefined || to === undefined || from === to) continue;
        await trx
          .insertInto('task_links')
          .values({ org_id: orgId, task_id: from, linked_task_id: to, reason: link.reason, similarity: link.similarity })
          .onConflict((oc) => oc.columns(['task_id', 'linked_task_id']).doNothing())
          .execute();
      }
    }
  }
}

