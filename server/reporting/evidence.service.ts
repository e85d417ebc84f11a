import { createHash } from 'node:crypto';
import { EDITABLE_STATES } from '../../core/reporting/states';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { inspectOfficeEvidence } from './evidence-package';
import { detectEvidenceType, EVIDENCE_LIMITS } from './evidence-type';
import type { Report } from './reports.repository';

/** Evidence lives in the database (not the web root, not a local disk), so every instance and backup has it. */
export async function addEvidence(ctx: AppContext, actor: Actor, report: Report, taskId: number, file: { fileName: string; content: Buffer }) {
  if (!EDITABLE_STATES.includes(report.state)) throw new AppError('REPORT_WRONG_STATE', { zh: '报告已提交，不能再上传附件', en: 'report is not editable' });
  if (file.content.length === 0) throw new AppError('IMPORT_FILE_EMPTY', { zh: file.fileName, en: file.fileName });
  if (file.content.length > EVIDENCE_LIMITS.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { zh: `单个附件不超过 ${EVIDENCE_LIMITS.maxBytes / 1048576} MB`, en: 'file too large' });
  const type = detectEvidenceType(file.fileName, file.content);
  if (!type) {
    throw new AppError('IMPORT_UNSUPPORTED_TYPE', {
      zh: `“${file.fileName}”不是图片、PDF 或 Office 文档，或文件内容与扩展名不符`,
      en: `${file.fileName}: not an image, PDF or Office document, or its content does not match its name`,
    });
  }
  // Before the transaction: inflating a package takes time and must not hold the write lock.
  if (type.contentType.startsWith('application/') && type.contentType !== 'application/pdf') await inspectOfficeEvidence(file.fileName, file.content);
  return inTransaction(ctx, async (trx) => {
    const progress = await trx.selectFrom('task_progress').select('id').where('report_id', '=', report.id).where('task_id', '=', taskId).executeTakeFirst();
    if (!progress) throw new AppError('REPORT_NOT_RESPONSIBLE');
    const count = await trx.selectFrom('evidence_files').select((eb) => eb.fn.countAll<number>().as('n')).where('progress_id', '=', progress.id).executeTakeFirstOrThrow();
    if (Number(count.n) >= EVIDENCE_LIMITS.maxFilesPerEntry) {
      throw new AppError('VALIDATION_FAILED', { zh: `每个事项最多 ${EVIDENCE_LIMITS.maxFilesPerEntry} 个附件`, en: 'too many files' });
    }
    await refuseOverQuota(trx, report.id, file);
    const { id } = await trx
      .insertInto('evidence_files')
      .values({
        org_id: report.org_id,
        progress_id: progress.id,
        // Only the base name is kept: a name can never address a path.
        file_name: file.fileName.replace(/^.*[\\/]/, '').slice(0, 200),
        content_type: type.contentType,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        uploaded_by: actor.userId,
        // When it was uploaded is read beside the report's dates: the business clock's time.
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.engine, { actor, orgId: report.org_id, action: 'evidence.add', entity: 'evidence', entityId: id, after: { reportId: report.id, taskId, fileName: file.fileName, size: file.content.length } });
    return id;
  });
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** All the files of one report stay under EVIDENCE_LIMITS.maxBytesPerReport; counted in the upload's transaction. */
async function refuseOverQuota(trx: Db, reportId: number, file: { fileName: string; content: Buffer }) {
  const used = await trx
    .selectFrom('evidence_files')
    .innerJoin('task_progress', 'task_progress.id', 'evidence_files.progress_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('evidence_files.size'), eb.lit(0)).as('bytes'))
    .where('task_progress.report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  const bytes = Number(used.bytes);
  if (bytes + file.content.length <= EVIDENCE_LIMITS.maxBytesPerReport) return;
  throw new AppError('EVIDENCE_QUOTA_EXCEEDED', {
    zh: `本期报告的佐证材料合计不能超过 ${EVIDENCE_LIMITS.maxBytesPerReport / 1048576} MB：已上传 ${mb(bytes)}，“${file.fileName}”为 ${mb(file.content.length)}。请压缩图片、删除不需要的附件后重新上传`,
    en: `the report holds ${bytes} bytes; ${file.content.length} more exceeds ${EVIDENCE_LIMITS.maxBytesPerReport}`,
    complete: true,
  });
}

export function findEvidence(db: Db, id: number) {
  return db
    .selectFrom('evidence_files')
    .innerJoin('task_progress', 'task_progress.id', 'evidence_files.progress_id')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .select([
      'evidence_files.id',
      'evidence_files.org_id',
      'evidence_files.file_name',
      'evidence_files.content_type',
      'evidence_files.size',
      'evidence_files.content',
      'unit_reports.unit_id',
      'unit_reports.id as report_id',
      'unit_reports.state as report_state',
    ])
    .where('evidence_files.id', '=', id)
    .executeTakeFirst();
}

export function listEvidence(db: Db, reportId: number) {
  return db
    .selectFrom('evidence_files')
    .innerJoin('task_progress', 'task_progress.id', 'evidence_files.progress_id')
    .select(['evidence_files.id', 'evidence_files.file_name', 'evidence_files.size', 'evidence_files.content_type', 'evidence_files.created_at', 'task_progress.id as progress_id'])
    .where('task_progress.report_id', '=', reportId)
    .orderBy('evidence_files.id')
    .execute();
}

/** Every evidence file of a task, with the report and unit each belongs to: the task page's 报送记录 in one query. */
export function listEvidenceOfTask(db: Db, taskId: number) {
  return db
    .selectFrom('evidence_files')
    .innerJoin('task_progress', 'task_progress.id', 'evidence_files.progress_id')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .select(['evidence_files.id', 'evidence_files.file_name', 'evidence_files.size', 'evidence_files.content_type', 'evidence_files.created_at', 'unit_reports.id as report_id', 'unit_reports.unit_id'])
    .where('task_progress.task_id', '=', taskId)
    .orderBy('evidence_files.id')
    .execute();
}

export async function removeEvidence(ctx: AppContext, actor: Actor, e: NonNullable<Awaited<ReturnType<typeof findEvidence>>>) {
  if (!EDITABLE_STATES.includes(e.report_state)) throw new AppError('REPORT_WRONG_STATE');
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('evidence_files').where('id', '=', e.id).execute();
    await appendAudit(trx, ctx.engine, { actor, orgId: e.org_id, action: 'evidence.remove', entity: 'evidence', entityId: e.id, before: { fileName: e.file_name, size: e.size } });
  });
}
