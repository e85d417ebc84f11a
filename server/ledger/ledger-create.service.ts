import type { z } from 'zod';
import { defaultReportingDeadlines, type annexCreateBody, type ledgerCreateBody } from '../../core/api/ledger-build';
import { defaultAnnexTitle } from '../../core/ledger/annex-kinds';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { createPeriodsForNotice } from '../reporting/periods.service';
import { findNoticeByDocNumber } from './ledger.repository';

/**
 * 新建台账: the office starts a ledger by hand when no notice file can be imported. It is a notice
 * record with no file (notice_files stays empty) and one annex, and its reporting periods are
 * planned exactly as an import plans them (createPeriodsForNotice), so lights, the dashboard,
 * periods, reports and exports treat it like an imported notice.
 */
export async function createLedger(ctx: AppContext, actor: Actor, orgId: number, body: z.infer<typeof ledgerCreateBody>) {
  const docNumber = body.docNumber?.trim() || null;
  const deadlines = body.reportingDeadlines ?? defaultReportingDeadlines(body.year);
  return inTransaction(ctx, async (trx) => {
    if (docNumber && (await findNoticeByDocNumber(trx, orgId, docNumber))) {
      throw new AppError('NOTICE_ALREADY_IMPORTED', {
        zh: `台账中已有文号为「${docNumber}」的通知：请在台账中选中该通知后新增任务，或换一个文号`,
        en: `a notice numbered ${docNumber} is already in the ledger`,
        complete: true,
        fields: { docNumber: '该文号已存在' },
      });
    }
    const { id } = await trx
      .insertInto('notices')
      .values({
        org_id: orgId,
        doc_number: docNumber,
        title: body.title,
        issuer: null,
        issued_date: ctx.clock.today(),
        year: body.year,
        report_to: null,
        reporting_deadlines_json: JSON.stringify(deadlines),
        anomalies_json: '[]',
        imported_by: actor.userId,
        created_at: ctx.clock.now().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createPeriodsForNotice(trx, ctx, orgId, id, { year: body.year, issuedDate: ctx.clock.today(), deadlines });
    const annexTitle = body.annexTitle?.trim() || defaultAnnexTitle(body.year, body.annexKind);
    await trx.insertInto('annexes').values({ org_id: orgId, notice_id: id, no: 1, title: annexTitle, kind: body.annexKind }).execute();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'notice.create',
      entity: 'notice',
      entityId: id,
      after: { docNumber, title: body.title, year: body.year, reportingDeadlines: deadlines, annexes: [{ no: 1, kind: body.annexKind, title: annexTitle }], source: 'by hand' },
    });
    return { noticeId: id };
  });
}

/** 新增附件: another annex of a notice (hand-built or imported), numbered after the last. */
export async function addAnnex(ctx: AppContext, actor: Actor, notice: { id: number; org_id: number; year: number }, body: z.infer<typeof annexCreateBody>) {
  return inTransaction(ctx, async (trx) => {
    const max = await trx.selectFrom('annexes').select((eb) => eb.fn.max('no').as('n')).where('notice_id', '=', notice.id).executeTakeFirst();
    const no = Number(max?.n ?? 0) + 1;
    const title = body.title?.trim() || defaultAnnexTitle(notice.year, body.annexKind);
    await trx.insertInto('annexes').values({ org_id: notice.org_id, notice_id: notice.id, no, title, kind: body.annexKind }).execute();
    await appendAudit(trx, ctx.engine, { actor, orgId: notice.org_id, action: 'annex.create', entity: 'notice', entityId: notice.id, after: { no, kind: body.annexKind, title } });
    return { annexNo: no };
  });
}
