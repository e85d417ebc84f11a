import type { ParsedNotice } from '../../core/notice';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { listLeaders } from '../directory/leaders.repository';
import { listUnits } from '../directory/units.repository';
import { AppError } from '../errors/app-error';
import { findNoticeByDocNumber, loadNoticeTasks } from '../ledger/ledger.repository';
import { createPeriodsForNotice } from '../reporting/periods.service';
import type { ImportOptions, TaskCorrection } from '../../core/api/notices';
import { applyCorrections } from './corrections';
import { applyDocumentFacts } from '../../core/notice/document-facts';
import { applyNameMaps } from '../../core/notice/name-map';
import { documentDefaults, type DocumentDefaults } from './document-defaults';
import { previewDirectory, rememberUnitAliases, resolveNameMaps, type PreviewDirectory } from './preview-directory';
import {
  ensureDirectory,
  insertAnnex,
  insertNotice,
  insertProposedLinks,
  insertTask,
  storeNoticeFile,
  updateTask,
} from './ledger-writer';
import { taskKeys } from '../../core/notice/task-key';
import { diffNotice, type NoticeDiff } from './notice-diff';
import { parsePool } from './parse-pool';
import type { NoticeFile } from './readers/read-notice-file';
import { linkDescendants, linkUpstream, type UpstreamLinks } from '../levels/link.service';

export type UploadedNotice = { fileName: string; content: Buffer };

export type NoticePreview = {
  file: { name: string; format: NoticeFile['format']; size: number };
  parsed: ParsedNotice;
  /** Set when a notice with the same document number is already in the ledger. */
  existing: { noticeId: number; diff: NoticeDiff } | null;
  /** Units and leaders the tasks name that the organisation's directory does not hold yet. */
  directory: PreviewDirectory;
  /** The office's values for the facts the notice does not print (parsed.missingFacts). */
  documentDefaults: DocumentDefaults;
};

/**
 * File → rows → ledger, resolved against the organisation's directory. Writes nothing. The reading
 * and both parses run in a worker thread (parse-pool.ts): a large or crafted notice takes its time
 * there, under a wall-clock and memory limit, while the server keeps answering everyone else.
 */
export async function parseUploadedNotice(ctx: AppContext, orgId: number, upload: UploadedNotice) {
  const [units, leaders] = await Promise.all([listUnits(ctx.db, orgId), listLeaders(ctx.db, orgId)]);
  const { format, parsed } = await parsePool().parse({
    fileName: upload.fileName,
    content: upload.content,
    units: units.map((u) => ({ name: u.name, aliases: u.aliases })),
    leaders: leaders.map((l) => ({ name: l.name, aliases: [] })),
  });
  return { file: { format }, parsed };
}

export async function previewNotice(ctx: AppContext, orgId: number, upload: UploadedNotice): Promise<NoticePreview> {
  const { file, parsed } = await parseUploadedNotice(ctx, orgId, upload);
  const existing = parsed.document.docNumber ? await findNoticeByDocNumber(ctx.db, orgId, parsed.document.docNumber) : undefined;
  return {
    file: { name: upload.fileName, format: file.format, size: upload.content.length },
    parsed,
    existing: existing ? { noticeId: existing.id, diff: diffNotice(parsed, await loadNoticeTasks(ctx.db, existing.id)) } : null,
    directory: await previewDirectory(ctx.db, orgId, parsed),
    documentDefaults: await documentDefaults(ctx, orgId),
  };
}

export type ImportResult = {
  noticeId: number;
  created: boolean;
  tasks: number;
  annexes: number;
  applied?: { added: number; changed: number; removed: number; keptWithProgress: number };
  /** Tasks citing an upper level's numbers: how many were linked to the upper items, and which not (issue 7). */
  upstreamLinks: UpstreamLinks;
  /** Lower organisations' citations of this organisation's items linked by this import. */
  downstreamLinked: number;
};

/**
 * Writes the notice into the ledger in one transaction: a failure anywhere leaves the database
 * as it was. A notice already imported (same document number) is updated only with `update`,
 * and then only with the differences listed in `accept` (all of them when accept is omitted).
 */
export async function importNotice(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  upload: UploadedNotice,
  opts: { update?: boolean; accept?: string[]; corrections?: TaskCorrection[] } & Pick<ImportOptions, 'document' | 'unitMap' | 'leaderMap'> = {},
): Promise<ImportResult> {
  const { file, parsed: fromFile } = await parseUploadedNotice(ctx, orgId, upload);
  // The office's work in the preview: corrections, then new names mapped to existing ones, then the facts it filled in.
  const nameMaps = await resolveNameMaps(ctx.db, orgId, opts);
  const parsed = applyDocumentFacts(applyNameMaps(applyCorrections(fromFile, opts.corrections ?? []), nameMaps), opts.document);
  const stored = { fileName: upload.fileName, format: file.format, content: upload.content };
  return inTransaction(ctx, async (trx) => {
    await rememberUnitAliases(trx, ctx.engine, actor, orgId, nameMaps, fromFile.directories.units);
    const existing = parsed.document.docNumber ? await findNoticeByDocNumber(trx, orgId, parsed.document.docNumber) : undefined;
    const dir = await ensureDirectory(trx, ctx.engine, actor, orgId, parsed);
    if (existing) {
      if (!opts.update) throw new AppError('NOTICE_ALREADY_IMPORTED', { zh: parsed.document.docNumber!, en: parsed.document.docNumber! });
      const applied = await applyUpdate(trx, orgId, existing.id, parsed, dir, opts.accept);
      await storeNoticeFile(trx, orgId, existing.id, stored, ctx.clock.now());
      const upstreamLinks = await linkUpstream(trx, orgId, actor.name, [existing.id]);
      const downstreamLinked = await linkDescendants(trx, ctx, actor, orgId);
      await appendAudit(trx, ctx.engine, {
        actor,
        orgId,
        action: 'notice.reimport',
        entity: 'notice',
        entityId: existing.id,
        after: { docNumber: parsed.document.docNumber, file: upload.fileName, ...applied, upstreamLinked: upstreamLinks.linked, downstreamLinked },
      });
      return { noticeId: existing.id, created: false, tasks: parsed.stats.tasks, annexes: parsed.annexes.length, applied, upstreamLinks, downstreamLinked };
    }
    const noticeId = await insertNotice(trx, orgId, actor, parsed, stored, ctx.clock.now());
    await createPeriodsForNotice(trx, ctx, orgId, noticeId, {
      year: parsed.document.year ?? Number(ctx.clock.today().slice(0, 4)),
      issuedDate: parsed.document.issuedDate,
      deadlines: parsed.document.reportingDeadlines,
    });
    const ids = new Map<string, number>();
    for (const annex of parsed.annexes) {
      const { annexId, categories } = await insertAnnex(trx, orgId, noticeId, annex);
      for (const [position, task] of annex.tasks.entries()) {
        const categoryId = task.category ? (categories.get(task.category.no) ?? null) : null;
        ids.set(`${annex.no}:${position}`, await insertTask(trx, orgId, { noticeId, annexId, categoryId }, position, task, dir));
      }
    }
    await insertProposedLinks(trx, orgId, parsed, (annexNo, position) => ids.get(`${annexNo}:${position}`));
    const upstreamLinks = await linkUpstream(trx, orgId, actor.name, [noticeId]);
    const downstreamLinked = await linkDescendants(trx, ctx, actor, orgId);
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'notice.import',
      entity: 'notice',
      entityId: noticeId,
      after: {
        docNumber: parsed.document.docNumber,
        title: parsed.document.title,
        file: upload.fileName,
        annexes: parsed.annexes.map((a) => ({ no: a.no, kind: a.kind, tasks: a.tasks.length })),
        upstreamLinked: upstreamLinks.linked,
        upstreamUnlinked: upstreamLinks.unlinked.length,
        downstreamLinked,
      },
    });
    return { noticeId, created: true, tasks: parsed.stats.tasks, annexes: parsed.annexes.length, upstreamLinks, downstreamLinked };
  });
}

async function applyUpdate(
  trx: AppContext['db'],
  orgId: number,
  noticeId: number,
  parsed: ParsedNotice,
  dir: Awaited<ReturnType<typeof ensureDirectory>>,
  accept: string[] | undefined,
) {
  const diff = diffNotice(parsed, await loadNoticeTasks(trx, noticeId));
  const accepted = (key: string) => accept === undefined || accept.includes(key);
  const annexRows = await trx.selectFrom('annexes').select(['id', 'no']).where('notice_id', '=', noticeId).execute();
  const counts = { added: 0, changed: 0, removed: 0, keptWithProgress: 0 };
  for (const annex of parsed.annexes) {
    let annexId = annexRows.find((a) => a.no === annex.no)?.id;
    let categories = new Map<number, number>();
    if (annexId === undefined) {
      ({ annexId, categories } = await insertAnnex(trx, orgId, noticeId, annex));
    } else {
      const rows = await trx.selectFrom('categories').select(['id', 'no']).where('annex_id', '=', annexId).execute();
      categories = new Map(rows.map((r) => [r.no, r.id]));
      for (const c of annex.categories.filter((c) => !categories.has(c.no))) {
        const row = await trx.insertInto('categories').values({ org_id: orgId, annex_id: annexId, no: c.no, name: c.name }).returning('id').executeTakeFirstOrThrow();
        categories.set(c.no, row.id);
      }
    }
    const maxPosition = await trx
      .selectFrom('tasks')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('annex_id', '=', annexId)
      .executeTakeFirst();
    let nextPosition = Number(maxPosition?.p ?? -1) + 1;
    for (const [key, task] of taskKeys(annex.no, annex.tasks)) {
      const categoryId = task.category ? (categories.get(task.category.no) ?? null) : null;
      const change = diff.changed.find((c) => c.key === key);
      if (change && accepted(key)) {
        await updateTask(trx, orgId, change.taskId, categoryId, task, dir);
        counts.changed++;
      } else if (diff.added.some((a) => a.key === key) && accepted(key)) {
        await insertTask(trx, orgId, { noticeId, annexId, categoryId }, nextPosition++, task, dir);
        counts.added++;
      }
    }
  }
  for (const removed of diff.removed.filter((r) => accepted(r.key))) {
    // Progress already reported is never lost: a task with reports stays in the ledger.
    const reported = await trx.selectFrom('task_progress').select('id').where('task_id', '=', removed.taskId).limit(1).executeTakeFirst();
    if (reported) {
      counts.keptWithProgress++;
      continue;
    }
    await trx.deleteFrom('tasks').where('id', '=', removed.taskId).execute();
    counts.removed++;
  }
  return counts;
}
