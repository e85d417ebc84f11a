import { draftBody, draftDocNumber, draftTitle } from '../../core/bulletins/draft';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { officeSignature } from '../documents/issuer';
import { AppError } from '../errors/app-error';
import { notifyRoles, notifyUnits } from '../notifications/notify';
import { computeBulletinFigures } from './bulletin-figures';
import { findBulletin, nextIssueNo, type BulletinRow } from './bulletins.repository';

type OfficeActor = Actor & { orgId: number };

/** Generates a draft bulletin for a period: figures from the reports, and a first text to edit. */
export async function generateBulletin(ctx: AppContext, actor: OfficeActor, periodId: number): Promise<number> {
  const figures = await computeBulletinFigures(ctx, actor.orgId, periodId);
  const issuer = await officeSignature(ctx.db, actor.orgId);
  return inTransaction(ctx, async (trx) => {
    // Numbered inside the transaction; the unique (org, year, issue_no) refuses a concurrent twin.
    const issueNo = await nextIssueNo(trx, actor.orgId, figures.year);
    const row = {
      org_id: actor.orgId,
      period_id: periodId,
      year: figures.year,
      issue_no: issueNo,
      issuer_mark: issuer,
      doc_number: draftDocNumber(figures.year, issueNo),
      title: draftTitle(figures),
      addressee: '各责任单位：',
      body: draftBody(figures, []),
      signature: issuer,
      issue_date: ctx.clock.today(),
      figures_json: JSON.stringify(figures),
      highlights_json: '[]',
      created_by_name: actor.name,
      updated_at: new Date().toISOString(),
    };
    const { id } = await trx.insertInto('bulletins').values(row).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: actor.orgId,
      action: 'bulletin.generate',
      entity: 'bulletin',
      entityId: id,
      after: { periodId, docNumber: row.doc_number, title: row.title },
    });
    return id;
  });
}

/** Loads a draft for a change by the office, refusing published bulletins and stale versions. */
async function draftForChange(trx: Db, id: number, version: number): Promise<BulletinRow> {
  const row = await findBulletin(trx, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status === 'published') throw new AppError('BULLETIN_PUBLISHED');
  if (row.version !== version) throw new AppError('BULLETIN_CONFLICT');
  return row;
}

/** Only highlights offered by the figures may be picked (ids from elsewhere are refused). */
function checkHighlights(row: BulletinRow, ids: number[]) {
  const offered = new Set((JSON.parse(row.figures_json) as { highlightCandidates: { progressId: number | null }[] }).highlightCandidates.map((h) => h.progressId));
  const unknown = ids.filter((id) => !offered.has(id));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', { zh: `亮点不在本期可选范围内：${unknown.join('、')}`, en: `highlights not offered for this period: ${unknown.join(', ')}` });
  }
}

export type BulletinEdit = {
  version: number;
  issuerMark: string;
  docNumber: string;
  title: string;
  addressee: string;
  body: string;
  signature: string;
  issueDate: string;
  highlightProgressIds: number[];
};

export async function updateBulletin(ctx: AppContext, actor: OfficeActor, id: number, edit: BulletinEdit): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const before = await draftForChange(trx, id, edit.version);
    checkHighlights(before, edit.highlightProgressIds);
    const changes = {
      issuer_mark: edit.issuerMark,
      doc_number: edit.docNumber,
      title: edit.title,
      addressee: edit.addressee,
      body: edit.body,
      signature: edit.signature,
      issue_date: edit.issueDate,
      highlights_json: JSON.stringify(edit.highlightProgressIds),
    };
    await trx
      .updateTable('bulletins')
      .set({ ...changes, version: before.version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: actor.orgId,
      action: 'bulletin.edit',
      entity: 'bulletin',
      entityId: id,
      before: { title: before.title, docNumber: before.doc_number, body: before.body, issueDate: before.issue_date },
      after: { title: edit.title, docNumber: edit.docNumber, body: edit.body, issueDate: edit.issueDate },
    });
  });
}

/** Reads the figures again from the reports and rewrites the text with the chosen highlights. */
export async function regenerateBulletin(ctx: AppContext, actor: OfficeActor, id: number, version: number, highlightProgressIds: number[]): Promise<void> {
  const current = await findBulletin(ctx.db, id);
  if (!current) throw new AppError('NOT_FOUND');
  const figures = await computeBulletinFigures(ctx, actor.orgId, current.period_id);
  await inTransaction(ctx, async (trx) => {
    const before = await draftForChange(trx, id, version);
    const fresh = { ...before, figures_json: JSON.stringify(figures) };
    checkHighlights(fresh, highlightProgressIds);
    await trx
      .updateTable('bulletins')
      .set({
        figures_json: fresh.figures_json,
        highlights_json: JSON.stringify(highlightProgressIds),
        body: draftBody(figures, highlightProgressIds),
        version: before.version + 1,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: actor.orgId,
      action: 'bulletin.regenerate',
      entity: 'bulletin',
      entityId: id,
      before: { body: before.body },
      after: { highlightProgressIds, lights: figures.lights.counts, reporting: { onTime: figures.reporting.onTime, late: figures.reporting.late, missing: figures.reporting.missing } },
    });
  });
}

/**
 * Publishes a draft: from now on units and leaders see it, and it no longer changes. Every
 * responsible unit's people, every leader and the viewers get an in-app notice in the same transaction.
 */
export async function publishBulletin(ctx: AppContext, actor: OfficeActor, id: number, version: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const row = await draftForChange(trx, id, version);
    // Publication is a business event (the bulletin's date of issue), so it reads the business clock.
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('bulletins')
      .set({ status: 'published', published_at: now, published_by_name: actor.name, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    const figures = JSON.parse(row.figures_json) as { reporting: { units: { unitId: number }[] } };
    const notice = { kind: 'bulletin', title: `督查通报：${row.title}`, body: row.doc_number, link: `/bulletins/${id}` };
    await notifyUnits(trx, actor.orgId, figures.reporting.units.map((u) => u.unitId), notice);
    await notifyRoles(trx, actor.orgId, ['leader', 'viewer'], notice);
    await appendAudit(trx, ctx.engine, { actor, orgId: actor.orgId, action: 'bulletin.publish', entity: 'bulletin', entityId: id, after: { docNumber: row.doc_number, title: row.title } });
  });
}

export async function deleteDraftBulletin(ctx: AppContext, actor: OfficeActor, id: number, version: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const row = await draftForChange(trx, id, version);
    await trx.deleteFrom('bulletins').where('id', '=', id).execute();
    await appendAudit(trx, ctx.engine, { actor, orgId: actor.orgId, action: 'bulletin.delete', entity: 'bulletin', entityId: id, before: { docNumber: row.doc_number, title: row.title } });
  });
}
