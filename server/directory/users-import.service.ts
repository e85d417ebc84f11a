import { randomInt } from 'node:crypto';
import type { Actor } from '../audit/actor';
import { checkPasswordStrength } from '../auth/password';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { findOrganisation } from './organisations.repository';
import { listLeaders } from './leaders.repository';
import { listUnits } from './units.repository';
import { proposeInTransaction } from './account-requests.propose';
import { checkSeparationOfDuties } from './users.service';
import { checkAccountRows, type CheckedRow } from './users-import-check';
import { readAccountSheet, renderTemplate } from './users-import-sheet';

/**
 * Unit accounts in bulk (issue 15). The preview reads and checks the sheet and writes nothing; the
 * import reads the same file again, checks it again inside its one transaction and asks for every
 * account at once (one request the security administrator approves: issue 17, finding 4). At
 * approval each account is created as single creation does: a random initial password meeting the
 * password policy, stored only as its argon2id hash, to be changed at first sign-in, and its own
 * `user.create` audit entry; one `user.import` entry records the batch.
 */

export type UploadedSheet = { fileName: string; content: Buffer };

export async function accountTemplate(ctx: AppContext, orgId: number): Promise<Buffer> {
  const [org, units, leaders] = await Promise.all([findOrganisation(ctx.db, orgId), listUnits(ctx.db, orgId), listLeaders(ctx.db, orgId)]);
  return renderTemplate({ orgName: org?.name ?? '', units, leaders });
}

async function checkSheet(db: Db, orgId: number, upload: UploadedSheet): Promise<CheckedRow[]> {
  return checkAccountRows(db, orgId, await readAccountSheet(upload.fileName, upload.content));
}

export async function previewAccountImport(ctx: AppContext, orgId: number, upload: UploadedSheet) {
  const rows = await checkSheet(ctx.db, orgId, upload);
  return { fileName: upload.fileName, rows, errorRows: rows.filter((r) => r.errors.length > 0).length };
}

function refuseIfErrors(fileName: string, rows: CheckedRow[]) {
  const bad = rows.filter((r) => r.errors.length > 0);
  if (bad.length === 0) return;
  const first = bad
    .slice(0, 3)
    .map((r) => `第 ${r.row} 行${r.errors[0]!.column ? `“${r.errors[0]!.column}”` : ''}：${r.errors[0]!.message}`)
    .join('；');
  throw new AppError('USERS_IMPORT_HAS_ERRORS', {
    zh: `${fileName} 中有 ${bad.length} 行有错误，未导入任何账号。${first}${bad.length > 3 ? ' ……' : ''}`,
    en: `${bad.length} rows have errors; nothing was imported`,
  });
}

/**
 * The import, asked for: the sheet is checked again and, when every row is right, becomes one
 * request (账号变更申请, kind 'import') for the security administrator. No account exists and no
 * password is made until it is approved (account-requests.service.ts, issue 17 finding 4); the
 * initial passwords are then generated and answered to the approver, once, as a file to hand out.
 */
export async function proposeAccountImport(ctx: AppContext, actor: Actor, orgId: number, upload: UploadedSheet) {
  const checked = await checkSheet(ctx.db, orgId, upload);
  refuseIfErrors(upload.fileName, checked);
  return inTransaction(ctx, async (trx) => {
    // Someone may have taken a name, or the office removed a unit, since the check above.
    const rows = await checkAccountRows(trx, orgId, checked.map(asSheetRow));
    refuseIfErrors(upload.fileName, rows);
    checkSeparationOfDuties(actor, ...rows.map((r) => r.role!));
    return proposeInTransaction(trx, ctx, actor, {
      orgId,
      user: null,
      payload: {
        kind: 'import',
        fileName: upload.fileName,
        rows: rows.map((r) => ({
          row: r.row,
          username: r.username,
          displayName: r.displayName,
          roleText: r.roleText,
          unitText: r.unitText,
          phone: r.phone,
          role: r.role!,
          unitId: r.unit?.id ?? null,
          leaderId: r.leader?.id ?? null,
        })),
      },
      reason: '',
    });
  });
}

function asSheetRow(r: CheckedRow) {
  return { row: r.row, cells: { 登录名: r.username, 姓名: r.displayName, 角色: r.roleText, 所属单位: r.unitText, 手机号: r.phone ?? '' } };
}

/**
 * A random initial password of 12 characters with all four character classes, avoiding look-alikes
 * (0/O, 1/l/I): it is often read out or written down before its first (forced) change.
 */
export function initialPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#$%&*!?'];
  const all = sets.join('');
  const chars = Array.from({ length: 12 }, (_, i) => {
    const set = sets[i] ?? all;
    return set[randomInt(set.length)]!;
  });
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  checkPasswordStrength(password);
  return password;
}
