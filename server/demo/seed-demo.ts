import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../audit/actor';
import type { AppContext } from '../context';
import { listLeaders } from '../directory/leaders.repository';
import { createLeader } from '../directory/leaders.service';
import { findOrganisationByCode, insertOrganisation } from '../directory/organisations.repository';
import { findUnitByNameOrAlias } from '../directory/units.repository';
import { createUnit } from '../directory/units.service';
import { findUserByUsername } from '../directory/users.repository';
import { createUser } from '../directory/users.service';
import { importNotice } from '../import/notice-import.service';
import { seedDemoReports } from './demo-reports';
import { DEMO_ACCOUNTS, DEMO_DISTRICT, DEMO_LEADERS, DEMO_NOTICE_FILE, DEMO_ORGS, DEMO_PASSWORD, DEMO_UNITS } from './demo-directory';

/**
 * Creates the demo organisations, directory and accounts, and imports the demo notice. Idempotent: each piece is created
 * only when missing, so a restart (or a second instance starting at the same time, which then
 * fails on a unique constraint and retries on its next start) never duplicates anything.
 */
async function importDemoNotice(ctx: AppContext, orgId: number) {
  const content = fs.readFileSync(DEMO_NOTICE_FILE);
  await importNotice(ctx, systemActor('系统导入（演示数据）'), orgId, { fileName: path.basename(DEMO_NOTICE_FILE.pathname), content });
}

export async function seedDemo(ctx: AppContext): Promise<{ created: boolean }> {
  if (await findUserByUsername(ctx.db, DEMO_ACCOUNTS[0]!.username)) return { created: false };
  const actor = systemActor('系统导入（演示数据）');
  const orgIds = new Map<string, number>();
  for (const org of DEMO_ORGS) {
    const existing = await findOrganisationByCode(ctx.db, org.code);
    const id =
      existing?.id ??
      (await insertOrganisation(ctx.db, {
        code: org.code,
        name: org.name,
        level: org.level,
        parent_id: org.parent ? orgIds.get(org.parent)! : null,
      }));
    orgIds.set(org.code, id);
  }
  const districtId = orgIds.get(DEMO_DISTRICT)!;
  for (const unit of DEMO_UNITS) {
    if (!(await findUnitByNameOrAlias(ctx.db, districtId, unit.name))) {
      await createUnit(ctx, actor, districtId, { name: unit.name, aliases: unit.aliases ?? [] });
    }
  }
  const existingLeaders = new Set((await listLeaders(ctx.db, districtId)).map((l) => l.name));
  for (const leader of DEMO_LEADERS) {
    if (!existingLeaders.has(leader.name)) await createLeader(ctx, actor, districtId, leader);
  }
  const leaders = await listLeaders(ctx.db, districtId);
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(ctx.db, account.username)) continue;
    const orgId = orgIds.get(account.org)!;
    const unitId = account.unit ? await findUnitByNameOrAlias(ctx.db, orgId, account.unit) : null;
    const leaderId = account.leader ? leaders.find((l) => l.name === account.leader)?.id : null;
    await createUser(
      ctx,
      actor,
      orgId,
      { username: account.username, displayName: account.displayName, role: account.role, unitId, leaderId, password: DEMO_PASSWORD },
      { mustChangePassword: false },
    );
  }
  await importDemoNotice(ctx, districtId);
  // A first quarter already reported (some late, some missing) so the dashboard is alive at first start.
  await seedDemoReports(ctx, districtId);
  return { created: true };
}
