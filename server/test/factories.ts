import type { Role } from '../../core/roles';
import type { Db } from '../db/connection';
import { systemActor } from '../audit/actor';
import type { AppContext } from '../context';
import { createLeader } from '../directory/leaders.service';
import { insertOrganisation } from '../directory/organisations.repository';
import { createUnit } from '../directory/units.service';
import { createUser } from '../directory/users.service';

/** Factories write through the real services, so tests see what production writes. */
export const TEST_PASSWORD = 'Test@Pass1';
let counter = 0;
const next = () => (counter += 1);

export async function makeOrg(ctx: AppContext, input: { name?: string; level?: 'province' | 'city' | 'district'; parentId?: number | null } = {}) {
  const n = next();
  const id = await insertOrganisation(ctx.db, {
    name: input.name ?? `测试区${n}`,
    level: input.level ?? 'district',
    code: `T${process.pid}-${n}`,
    parent_id: input.parentId ?? null,
  });
  return { id };
}

export async function makeUnit(ctx: AppContext, orgId: number, input: { name?: string; aliases?: string[] } = {}) {
  return createUnit(ctx, systemActor('test'), orgId, { name: input.name ?? `区测试局${next()}`, aliases: input.aliases ?? [] });
}

export async function makeLeader(ctx: AppContext, orgId: number, name = `领导${next()}`) {
  return createLeader(ctx, systemActor('test'), orgId, { name, title: '副区长' });
}

export async function makeUser(
  ctx: AppContext,
  orgId: number,
  role: Role,
  input: { unitId?: number; leaderId?: number; username?: string; mustChangePassword?: boolean } = {},
) {
  const username = input.username ?? `user${process.pid}.${next()}`;
  const id = await createUser(
    ctx,
    systemActor('test'),
    orgId,
    { username, displayName: `测试${role}`, role, unitId: input.unitId ?? null, leaderId: input.leaderId ?? null, password: TEST_PASSWORD },
    { mustChangePassword: input.mustChangePassword ?? false },
  );
  return { id, username };
}

/**
 * Writes 进展情况 into every blank entry of a report, so a test world's report can be submitted
 * (core/reporting/completeness.ts refuses a report with blank entries). Only the text: statuses and
 * figures a test set stay as they are. Returns the report's entries' count filled.
 */
export async function fillBlankEntries(db: Db, reportId: number, narrative = '按计划推进中。') {
  const res = await db.updateTable('task_progress').set({ narrative }).where('report_id', '=', reportId).where('narrative', '=', '').executeTakeFirst();
  return Number(res.numUpdatedRows);
}
