import type { z } from 'zod';
import type { tasksCreateBody } from '../../core/api/ledger-build';
import { checkDraft, draftToParsedTask, nextSeq, type TaskDraft } from '../../core/ledger/task-draft';
import { matchKey } from '../../core/notice/text';
import type { ParsedTask } from '../../core/notice/types';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { listLeaders } from '../directory/leaders.repository';
import { listUnits } from '../directory/units.repository';
import { AppError } from '../errors/app-error';
import { ensureDirectory, insertTask } from '../import/ledger-writer';
import { tasksToReport } from '../reporting/report-open.service';
import { laterEditableReports } from './task-closure.repository';
import { annexTasks, insertionIndex, renumberAnnex } from './task-positions';

type Notice = { id: number; org_id: number; year: number };

/** The annex a task goes to, with its kind (the due date is read by it) — or a clear refusal. */
export async function findAnnex(trx: Db, notice: Notice, annexNo: number) {
  const annex = await trx.selectFrom('annexes').select(['id', 'no', 'kind', 'title']).where('notice_id', '=', notice.id).where('no', '=', annexNo).executeTakeFirst();
  if (!annex) throw new AppError('VALIDATION_FAILED', { zh: `该通知没有附件${annexNo}：请先新增附件`, en: `the notice has no annex ${annexNo}`, fields: { annexNo: `没有附件${annexNo}` } });
  return annex;
}

/** A category of the annex by name (as the importer matches names), created at the end when new. */
async function categoryFor(trx: Db, orgId: number, annexId: number, name: string | null) {
  if (name === null || name.trim() === '') return null;
  const existing = await trx.selectFrom('categories').select(['id', 'no', 'name']).where('annex_id', '=', annexId).orderBy('no').execute();
  const found = existing.find((c) => matchKey(c.name) === matchKey(name));
  if (found) return found;
  const no = Math.max(0, ...existing.map((c) => c.no)) + 1;
  const { id } = await trx.insertInto('categories').values({ org_id: orgId, annex_id: annexId, no, name: name.trim() }).returning('id').executeTakeFirstOrThrow();
  return { id, no, name: name.trim() };
}

/**
 * 新增任务 and 粘贴导入: the office adds tasks to an annex of a notice, all in one transaction (a
 * single bad row writes nothing). Every draft is checked with the grid's own rule
 * (core/ledger/task-draft.ts); units and leaders are resolved against the directory and the
 * missing ones created the way an import creates them (ensureDirectory); each task is stored by
 * the importer's writer (insertTask: version 1 with its 版本记录) and placed after its category's
 * last task; one audit entry per task.
 */
export async function addTasks(ctx: AppContext, actor: Actor, notice: Notice, body: z.infer<typeof tasksCreateBody>) {
  const drafts: TaskDraft[] = body.tasks;
  const fields: Record<string, string> = {};
  drafts.forEach((d, i) => {
    for (const e of checkDraft(d, notice.year)) fields[`tasks.${i}.${e.field}`] = e.message;
  });
  if (Object.keys(fields).length) {
    const first = Object.entries(fields)[0]!;
    const row = Number(first[0].split('.')[1]) + 1;
    throw new AppError('VALIDATION_FAILED', {
      zh: drafts.length > 1 ? `第${row}行：${first[1]}（共 ${Object.keys(fields).length} 处错误，未写入任何任务）` : first[1],
      en: 'some tasks are not valid; nothing was written',
      fields,
    });
  }
  const orgId = notice.org_id;
  return inTransaction(ctx, async (trx) => {
    const annex = await findAnnex(trx, notice, body.annexNo);
    const [units, leaders] = await Promise.all([listUnits(trx, orgId), listLeaders(trx, orgId)]);
    const unitKeys = new Set(units.flatMap((u) => [u.name, ...u.aliases].map(matchKey)));
    const leaderKeys = new Set(leaders.map((l) => matchKey(l.name)));
    const unitDirectory = units.map((u) => ({ name: u.name, aliases: u.aliases }));
    const order = await annexTasks(trx, annex.id);
    const seqs = order.map((t) => t.seq);
    const planned: { task: ParsedTask; categoryId: number | null }[] = [];
    for (const draft of drafts) {
      const category = await categoryFor(trx, orgId, annex.id, draft.category);
      const seq = draft.seq?.trim() || nextSeq(seqs);
      seqs.push(seq);
      const task = draftToParsedTask(draft, { seq, year: notice.year, annexKind: annex.kind, category }, unitDirectory, leaders.map((l) => l.name));
      planned.push({ task, categoryId: category?.id ?? null });
    }
    const createdUnits = [...new Set(planned.flatMap((p) => p.task.units).filter((n) => !unitKeys.has(matchKey(n))))];
    const createdLeaders = [...new Set(planned.flatMap((p) => p.task.leaders).filter((n) => !leaderKeys.has(matchKey(n))))];
    const dir = await ensureDirectory(trx, ctx.engine, actor, orgId, {
      annexes: [{ tasks: planned.map((p) => p.task) }],
      directories: { units: [...new Set(planned.flatMap((p) => p.task.units))].map((name) => ({ name, aliases: [] })) },
    });
    const taskIds: number[] = [];
    let ordered = order.map((t) => ({ id: t.id, category_id: t.category_id }));
    for (const { task, categoryId } of planned) {
      // Stored at a free (negative) position first, then put in its place by renumbering once.
      const id = await insertTask(trx, orgId, { noticeId: notice.id, annexId: annex.id, categoryId }, -1 - taskIds.length, task, dir, '督查室新增任务');
      const at = insertionIndex(ordered, categoryId);
      ordered = [...ordered.slice(0, at), { id, category_id: categoryId }, ...ordered.slice(at)];
      taskIds.push(id);
      await appendAudit(trx, ctx.engine, {
        actor,
        orgId,
        action: 'task.create',
        entity: 'task',
        entityId: id,
        after: {
          noticeId: notice.id,
          annexNo: annex.no,
          seq: task.seq,
          category: task.category?.name ?? null,
          standard: task.standard,
          deadline: task.deadline,
          dueDate: task.dueDate,
          leaders: task.leaders,
          units: task.unitRefs.map((u) => ({ name: u.name, role: u.role })),
          indicators: task.indicators.map((i) => `${i.name} ${i.value}${i.unit}`),
          source: drafts.length > 1 ? 'paste' : 'by hand',
        },
      });
    }
    await renumberAnnex(trx, annex.id, ordered.map((t) => t.id));
    // A unit that already opened its report of a period (草稿 or 已退回) finds the new task in it,
    // as a reopened task reaches such reports (task-closure.service): the period's own rule decides.
    for (const id of taskIds) {
      for (const r of await laterEditableReports(trx, id, notice.id, -1)) {
        const entry = (await tasksToReport(trx, r.unit_id, r)).find((t) => t.taskId === id);
        if (!entry) continue;
        await trx
          .insertInto('task_progress')
          .values({ org_id: orgId, report_id: r.report_id, task_id: id, unit_role: entry.role, task_version: entry.version, updated_at: new Date().toISOString() })
          .execute();
      }
    }
    return { taskIds, createdUnits, createdLeaders };
  });
}
