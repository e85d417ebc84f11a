import fs from 'node:fs';
import path from 'node:path';
import { parseNoticeText, type ParsedNotice } from '../../core/notice';
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
import { findNoticeByDocNumber } from '../ledger/ledger.repository';
import { HUANGPI_PROFILE, seedDemoReports, XINZHOU_PROFILE } from './demo-reports';
import {
  DEMO_ACCOUNTS,
  DEMO_CITY,
  DEMO_DIRECTORIES,
  DEMO_DISTRICT,
  DEMO_NOTICE_FILE,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_PROVINCE,
  DEMO_SECOND_DISTRICT,
} from './demo-directory';
import { HUANGPI_NOTICE_FILE, huangpiNoticeText } from './huangpi-notice';
import { cityNoticeText, provinceNoticeText, UPPER_NOTICE_FILES } from './upper-ledgers';

/**
 * Creates the demo organisations, directories and accounts, imports the notices and seeds the
 * first quarter's reports. Idempotent: each piece is created only when missing, so a restart (or
 * a second instance starting at the same time, which then fails on a unique constraint and
 * retries on its next start) never duplicates anything, and a demo database from before a piece
 * was added gets it on its next start.
 */
const actor = systemActor('系统导入（演示数据）');

type DemoNotice = { org: string; docNumber: string; fileName: string; text: (seed: ParsedNotice) => string };

/**
 * Upper levels first: importing a district notice links its tasks to the upper items it cites,
 * which must be in the ledger by then.
 */
export const DEMO_NOTICES: DemoNotice[] = [
  {
    org: DEMO_PROVINCE,
    docNumber: '鄂政办发〔2024〕6号',
    fileName: UPPER_NOTICE_FILES.province,
    text: provinceNoticeText,
  },
  { org: DEMO_CITY, docNumber: '武政办〔2024〕12号', fileName: UPPER_NOTICE_FILES.city, text: cityNoticeText },
  {
    org: DEMO_DISTRICT,
    docNumber: '新政办〔2024〕1号',
    fileName: path.basename(DEMO_NOTICE_FILE.pathname),
    text: () => fs.readFileSync(DEMO_NOTICE_FILE, 'utf8'),
  },
  { org: DEMO_SECOND_DISTRICT, docNumber: '黄政办〔2024〕3号', fileName: HUANGPI_NOTICE_FILE, text: huangpiNoticeText },
];

/** The seed notice, parsed: the generated notices are written from what its annexes 2–5 cite. */
export function readSeedNotice(): ParsedNotice {
  return parseNoticeText(fs.readFileSync(DEMO_NOTICE_FILE, 'utf8'), {
    fileName: path.basename(DEMO_NOTICE_FILE.pathname),
  });
}

/** True once the last step (黄陂区's first quarter) is done: a restart then costs two queries. */
async function complete(ctx: AppContext): Promise<boolean> {
  const org = await findOrganisationByCode(ctx.db, DEMO_SECOND_DISTRICT);
  if (!org) return false;
  const q1 = await ctx.db
    .selectFrom('periods')
    .select('status')
    .where('org_id', '=', org.id)
    .where('position', '=', 0)
    .executeTakeFirst();
  return q1 !== undefined && q1.status !== 'planned';
}

async function ensureOrganisations(ctx: AppContext): Promise<Map<string, number>> {
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
  return orgIds;
}

async function ensureDirectories(ctx: AppContext, orgIds: Map<string, number>) {
  for (const [code, directory] of Object.entries(DEMO_DIRECTORIES)) {
    const orgId = orgIds.get(code)!;
    for (const unit of directory.units) {
      if (!(await findUnitByNameOrAlias(ctx.db, orgId, unit.name)))
        await createUnit(ctx, actor, orgId, { name: unit.name, aliases: unit.aliases ?? [] });
    }
    const existing = new Set((await listLeaders(ctx.db, orgId)).map((l) => l.name));
    for (const leader of directory.leaders)
      if (!existing.has(leader.name)) await createLeader(ctx, actor, orgId, leader);
  }
}

async function ensureAccounts(ctx: AppContext, orgIds: Map<string, number>) {
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(ctx.db, account.username)) continue;
    const orgId = orgIds.get(account.org)!;
    const unitId = account.unit ? await findUnitByNameOrAlias(ctx.db, orgId, account.unit) : null;
    const leaderId = account.leader
      ? (await listLeaders(ctx.db, orgId)).find((l) => l.name === account.leader)?.id
      : null;
    await createUser(
      ctx,
      actor,
      orgId,
      {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        unitId,
        leaderId,
        password: DEMO_PASSWORD,
      },
      { mustChangePassword: false },
    );
  }
}

async function ensureNotices(ctx: AppContext, orgIds: Map<string, number>) {
  let seed: ParsedNotice | null = null;
  for (const notice of DEMO_NOTICES) {
    const orgId = orgIds.get(notice.org)!;
    if (await findNoticeByDocNumber(ctx.db, orgId, notice.docNumber)) continue;
    seed ??= readSeedNotice();
    const text = notice.text(seed);
    await importNotice(ctx, actor, orgId, { fileName: notice.fileName, content: Buffer.from(text, 'utf8') });
  }
}

export async function seedDemo(ctx: AppContext): Promise<{ created: boolean }> {
  if (await complete(ctx)) return { created: false };
  const orgIds = await ensureOrganisations(ctx);
  await ensureDirectories(ctx, orgIds);
  await ensureAccounts(ctx, orgIds);
  await ensureNotices(ctx, orgIds);
  // A first quarter already reported (some late, some missing) so the dashboards are alive at
  // first start; the two districts differ so the city's roll-up has something to compare.
  await seedDemoReports(ctx, orgIds.get(DEMO_DISTRICT)!, XINZHOU_PROFILE);
  await seedDemoReports(ctx, orgIds.get(DEMO_SECOND_DISTRICT)!, HUANGPI_PROFILE);
  return { created: true };
}
