// Who the load signs in as and what it touches, chosen from whatever is in the database (the
// generated province, or the demo): the districts' open period, their units' clerks and drafts.
// Sessions are written straight into the sessions table — the same row a sign-in writes — so
// thousands of virtual clerks do not cost thousands of argon2 hashes before the bench starts.
import { sql } from 'kysely';
import { insertSession } from '../../server/auth/session.repository';
import { randomToken, sha256 } from '../../server/auth/tokens';
import type { AppContext } from '../../server/context';
import type { SinglePlan } from './plan';

type Slot = SinglePlan['slots'][number];
type Identity = { cookie: string; csrf: string };

const SESSION_COOKIE = 'duban_session';

export async function openBenchSession(ctx: AppContext, userId: number): Promise<Identity> {
  const token = randomToken();
  const csrf = randomToken();
  await insertSession(ctx.db, {
    id: sha256(token),
    user_id: userId,
    csrf_token: csrf,
    expires_at: new Date(Date.now() + 12 * 3_600_000).toISOString(),
    ip: '127.0.0.1',
    user_agent: 'duban-bench',
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
}

const writeHeaders = (id: Identity) => ({ cookie: id.cookie, 'x-csrf-token': id.csrf, 'content-type': 'application/json' });

export type Workload = {
  /** The hot reads, each a list of (person, URL) pairs cycled through. */
  reads: { name: string; slots: Slot[] }[];
  /** Entries of drafts in the open periods, each with its clerk's session. */
  entries: Slot[];
  /** Drafts to submit, each once; versions are read again just before the run. */
  drafts: (Slot & { reportId: number })[];
};

/** The districts with an open period, up to `districts` of them, spread over the whole range. */
async function openPeriods(ctx: AppContext, districts: number) {
  const rows = await ctx.db
    .selectFrom('periods')
    .innerJoin('organisations', 'organisations.id', 'periods.org_id')
    .select(['periods.id', 'periods.org_id', 'periods.notice_id'])
    .where('periods.status', '=', 'open')
    .where('organisations.level', '=', 'district')
    .orderBy('periods.org_id')
    .execute();
  const step = Math.max(1, Math.floor(rows.length / districts));
  return rows.filter((_, i) => i % step === 0).slice(0, districts);
}

export async function prepareWorkload(ctx: AppContext, opts: { districts: number; entries: number; drafts: number }): Promise<Workload> {
  const periods = await openPeriods(ctx, opts.districts);
  if (periods.length === 0) throw new Error('no district has an open period: generate data first (npx duban generate)');
  const reads: Workload['reads'] = [
    { name: 'unit task list', slots: [] },
    { name: 'task page', slots: [] },
    { name: 'dashboard', slots: [] },
  ];
  for (const period of periods) {
    const office = await ctx.db.selectFrom('users').select('id').where('org_id', '=', period.org_id).where('role', '=', 'office').orderBy('id').executeTakeFirstOrThrow();
    const clerk = await ctx.db
      .selectFrom('users')
      .select(['users.id', 'users.unit_id'])
      .where('users.org_id', '=', period.org_id)
      .where('users.role', '=', 'unit_staff')
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('task_units').innerJoin('tasks', 'tasks.id', 'task_units.task_id').select(sql`1`.as('one')).whereRef('task_units.unit_id', '=', 'users.unit_id').where('tasks.notice_id', '=', period.notice_id)),
      )
      .orderBy('users.id')
      .executeTakeFirstOrThrow();
    const task = await ctx.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select('tasks.id')
      .where('task_units.unit_id', '=', clerk.unit_id!)
      .where('tasks.notice_id', '=', period.notice_id)
      .orderBy('tasks.id')
      .executeTakeFirstOrThrow();
    const clerkSession = await openBenchSession(ctx, clerk.id);
    const officeSession = await openBenchSession(ctx, office.id);
    reads[0]!.slots.push({ path: '/api/tasks?pageSize=20', headers: { cookie: clerkSession.cookie } });
    reads[1]!.slots.push({ path: `/api/tasks/${task.id}`, headers: { cookie: clerkSession.cookie } });
    reads[2]!.slots.push({ path: '/api/dashboard', headers: { cookie: officeSession.cookie } });
  }

  // Drafts of the open periods, with their clerks: their entries are saved, then they are submitted.
  const drafts = await ctx.db
    .selectFrom('unit_reports')
    .innerJoin('users', (join) => join.onRef('users.unit_id', '=', 'unit_reports.unit_id').on('users.role', '=', 'unit_staff'))
    .select(['unit_reports.id', 'unit_reports.version', 'users.id as clerkId'])
    .where('unit_reports.period_id', 'in', (eb) => eb.selectFrom('periods').select('id').where('status', '=', 'open'))
    .where('unit_reports.state', '=', 'draft')
    .orderBy('unit_reports.id')
    .execute();
  const unique = [...new Map(drafts.map((d) => [d.id, d])).values()]; // a unit may have two clerks
  // Drafts to submit come from the end, at most half of them; the others' entries are saved.
  const toSubmit = unique.splice(Math.max(Math.ceil(unique.length / 2), unique.length - opts.drafts));
  const sessions = new Map<number, Identity>();
  const session = async (userId: number) => sessions.get(userId) ?? sessions.set(userId, await openBenchSession(ctx, userId)).get(userId)!;
  const out: Workload = { reads, entries: [], drafts: [] };
  // A report is submitted only complete (core/reporting/completeness.ts): the generated drafts'
  // blank entries get their text first, as the clerk would have written it.
  for (const ids of chunks(toSubmit.map((d) => d.id), 500)) {
    await ctx.db.updateTable('task_progress').set({ narrative: '按计划推进中。' }).where('report_id', 'in', ids).where('narrative', '=', '').execute();
  }
  for (const draft of toSubmit) {
    out.drafts.push({ reportId: draft.id, path: `/api/reports/${draft.id}/submit`, headers: writeHeaders(await session(draft.clerkId)), version: draft.version });
  }
  for (const draft of unique) {
    if (out.entries.length >= opts.entries) break;
    const id = await session(draft.clerkId);
    const rows = await ctx.db.selectFrom('task_progress').select(['task_id', 'version']).where('report_id', '=', draft.id).orderBy('task_id').execute();
    for (const row of rows) {
      const indicators = await ctx.db.selectFrom('indicators').select(['id', 'target']).where('task_id', '=', row.task_id).orderBy('position').execute();
      out.entries.push({
        path: `/api/reports/${draft.id}/tasks/${row.task_id}`,
        headers: writeHeaders(id),
        version: row.version,
        body: {
          status: 'on_track',
          narrative: '二季度按照年度目标分解方案推进，已完成阶段性工作，召开专题推进会两次，协调解决用地和资金问题，项目建设按序时进度推进。',
          problems: '部分配套资金尚未到位，需财政部门协调。',
          nextSteps: '下阶段加快项目建设进度，确保按期完成年度目标任务。',
          actuals: indicators.map((i) => ({ indicatorId: i.id, value: Math.round(i.target * 0.5) })),
        },
      });
    }
  }
  return out;
}

/** Entries' versions now: the previous run saved them, and the load generator kept its versions to itself. */
export async function refreshEntryVersions(ctx: AppContext, entries: Slot[]): Promise<Slot[]> {
  const key = (reportId: number, taskId: number) => `${reportId}:${taskId}`;
  const ids = entries.map((e) => /\/api\/reports\/(\d+)\/tasks\/(\d+)/.exec(e.path)!).map((m) => [Number(m[1]), Number(m[2])] as const);
  const rows = await ctx.db
    .selectFrom('task_progress')
    .select(['report_id', 'task_id', 'version'])
    .where('report_id', 'in', [...new Set(ids.map(([r]) => r))])
    .execute();
  const version = new Map(rows.map((r) => [key(r.report_id, r.task_id), r.version]));
  return entries.map((e, i) => ({ ...e, version: version.get(key(...ids[i]!)) ?? e.version }));
}

/** Reports' versions now (saving entries does not change them, but a rerun of the bench would). */
export async function refreshDraftVersions(ctx: AppContext, drafts: Workload['drafts']) {
  const rows = await ctx.db.selectFrom('unit_reports').select(['id', 'version', 'state']).where('id', 'in', drafts.map((d) => d.reportId)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return drafts.filter((d) => byId.get(d.reportId)?.state === 'draft').map((d) => ({ ...d, version: byId.get(d.reportId)!.version }));
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
