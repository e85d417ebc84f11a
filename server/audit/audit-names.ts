import type { Db } from '../db/connection';
import { selectIn } from '../db/select-in';
import { ROLE_LABELS, isRole } from '../../core/roles';
import { isTypedNameActor, TYPED_NAME_ROLE_LABEL } from '../../core/audit/typed-name';
import { auditActors } from './audit.repository';
import type { AuditScope } from './scope';

/**
 * The names behind the audit log's bare ids, for a person reading it: who acted (the account's
 * name and role) and what was acted on (a task as 附件N·序号 and its first words, a unit report as
 * its unit and period, …). Read at display time from the current records — the chain stores ids and
 * is never rewritten — in at most one query per kind of object on the page, whatever its length.
 * An object deleted since (a milestone, a draft bulletin, an evidence file) is named from the
 * snapshot its own entry kept.
 */

export type ActorName = { userId: number; name: string; username: string; roleLabel: string };

export async function actorNames(db: Db, userIds: readonly number[]): Promise<Map<number, ActorName>> {
  const rows = await selectIn(unique(userIds), (ids) =>
    db.selectFrom('users').select(['id', 'display_name', 'username', 'role']).where('id', 'in', ids).execute(),
  );
  return new Map(
    rows.map((u) => [u.id, { userId: u.id, name: u.display_name, username: u.username, roleLabel: isRole(u.role) ? ROLE_LABELS[u.role] : u.role }]),
  );
}

const SHORT = 18;
export const shortText = (text: string, max = SHORT) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
const taskLabel = (annexNo: number, seq: string, standard: string) => `附件${annexNo}·${seq.replace(/[.．、]$/, '')} ${shortText(standard)}`;

/** The settings' names as the office's settings page calls them. */
const SETTING_NAMES: Record<string, string> = {
  lightThresholds: '红黄绿灯阈值',
  reminderSchedule: '提醒与催办时间',
  channels: '消息发送渠道',
  periodSchedule: '报送期自动开启与关闭',
  workCalendar: '工作日历',
  evidenceRequirement: '佐证材料要求',
  reportCompleteness: '报告填报完整性要求',
};

type Resolver = (db: Db, ids: number[]) => Promise<[number, string][]>;

// Each resolver is one query (a join where the name lives in a related record).
const RESOLVERS: Record<string, Resolver> = {
  user: async (db, ids) =>
    (await db.selectFrom('users').select(['id', 'display_name', 'username', 'role']).where('id', 'in', ids).execute()).map((u) => [
      u.id,
      `${u.display_name}（${isRole(u.role) ? ROLE_LABELS[u.role] : u.role}，${u.username}）`,
    ]),
  unit: async (db, ids) => (await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.name]),
  leader: async (db, ids) =>
    (await db.selectFrom('leaders').select(['id', 'name', 'title']).where('id', 'in', ids).execute()).map((l) => [l.id, l.title ? `${l.name}（${l.title}）` : l.name]),
  organisation: async (db, ids) =>
    (await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute()).map((o) => [o.id, o.name]),
  notice: async (db, ids) =>
    (await db.selectFrom('notices').select(['id', 'doc_number', 'title']).where('id', 'in', ids).execute()).map((n) => [
      n.id,
      n.doc_number ? `${n.doc_number} ${shortText(n.title, 24)}` : shortText(n.title, 30),
    ]),
  task: async (db, ids) =>
    (
      await db
        .selectFrom('tasks as t')
        .innerJoin('annexes as a', 'a.id', 't.annex_id')
        .select(['t.id', 'a.no', 't.seq', 't.standard'])
        .where('t.id', 'in', ids)
        .execute()
    ).map((t) => [t.id, taskLabel(t.no, t.seq, t.standard)]),
  task_progress: async (db, ids) =>
    (
      await db
        .selectFrom('task_progress as p')
        .innerJoin('tasks as t', 't.id', 'p.task_id')
        .innerJoin('annexes as a', 'a.id', 't.annex_id')
        .innerJoin('unit_reports as r', 'r.id', 'p.report_id')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .innerJoin('periods as pe', 'pe.id', 'r.period_id')
        .select(['p.id', 'a.no', 't.seq', 't.standard', 'u.name as unit', 'pe.label as period'])
        .where('p.id', 'in', ids)
        .execute()
    ).map((p) => [p.id, `${p.unit}${p.period}报告 · ${taskLabel(p.no, p.seq, p.standard)}`]),
  unit_report: async (db, ids) =>
    (
      await db
        .selectFrom('unit_reports as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .innerJoin('periods as pe', 'pe.id', 'r.period_id')
        .select(['r.id', 'u.name as unit', 'pe.label as period'])
        .where('r.id', 'in', ids)
        .execute()
    ).map((r) => [r.id, `${r.unit} · ${r.period}报告`]),
  period: async (db, ids) => (await db.selectFrom('periods').select(['id', 'label']).where('id', 'in', ids).execute()).map((p) => [p.id, p.label]),
  milestone: async (db, ids) =>
    (
      await db
        .selectFrom('milestones as m')
        .innerJoin('tasks as t', 't.id', 'm.task_id')
        .innerJoin('annexes as a', 'a.id', 't.annex_id')
        .select(['m.id', 'm.due_on', 'm.description', 'a.no', 't.seq', 't.standard'])
        .where('m.id', 'in', ids)
        .execute()
    ).map((m) => [m.id, `${taskLabel(m.no, m.seq, m.standard)} · ${m.due_on} ${shortText(m.description, 12)}`]),
  evidence: async (db, ids) =>
    (
      await db
        .selectFrom('evidence_files as e')
        .innerJoin('task_progress as p', 'p.id', 'e.progress_id')
        .innerJoin('tasks as t', 't.id', 'p.task_id')
        .innerJoin('annexes as a', 'a.id', 't.annex_id')
        .select(['e.id', 'e.file_name', 'a.no', 't.seq'])
        .where('e.id', 'in', ids)
        .execute()
    ).map((e) => [e.id, `${e.file_name}（附件${e.no}·${e.seq.replace(/[.．、]$/, '')}）`]),
  urge: async (db, ids) =>
    (
      await db
        .selectFrom('urges as g')
        .innerJoin('units as u', 'u.id', 'g.unit_id')
        .innerJoin('periods as pe', 'pe.id', 'g.period_id')
        .select(['g.id', 'u.name as unit', 'pe.label as period'])
        .where('g.id', 'in', ids)
        .execute()
    ).map((g) => [g.id, `${g.unit} · ${g.period}`]),
  coordination: async (db, ids) =>
    (
      await db
        .selectFrom('coordination_requests as c')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .select(['c.id', 'u.name as unit', 'c.problem'])
        .where('c.id', 'in', ids)
        .execute()
    ).map((c) => [c.id, `${c.unit}：${shortText(c.problem)}`]),
  target_adjustment: async (db, ids) =>
    (
      await db
        .selectFrom('target_adjustments as x')
        .innerJoin('tasks as t', 't.id', 'x.task_id')
        .innerJoin('annexes as a', 'a.id', 't.annex_id')
        .select(['x.id', 'a.no', 't.seq', 't.standard'])
        .where('x.id', 'in', ids)
        .execute()
    ).map((x) => [x.id, taskLabel(x.no, x.seq, x.standard)]),
  instruction: async (db, ids) =>
    (
      await db
        .selectFrom('instructions as i')
        .leftJoin('tasks as t', 't.id', 'i.task_id')
        .leftJoin('annexes as a', 'a.id', 't.annex_id')
        .select(['i.id', 'a.no', 't.seq', 't.standard', 'i.body'])
        .where('i.id', 'in', ids)
        .execute()
    ).map((i) => [i.id, i.no !== null && i.seq !== null && i.standard !== null ? taskLabel(i.no, i.seq, i.standard) : shortText(i.body)]),
  handdown: async (db, ids) =>
    (
      await db
        .selectFrom('handdowns as h')
        .innerJoin('tasks as t', 't.id', 'h.upper_task_id')
        .innerJoin('annexes as a', 'a.id', 't.annex_id')
        .innerJoin('organisations as o', 'o.id', 'h.lower_org_id')
        .select(['h.id', 'a.no', 't.seq', 't.standard', 'o.name as lower'])
        .where('h.id', 'in', ids)
        .execute()
    ).map((h) => [h.id, `${taskLabel(h.no, h.seq, h.standard)} → ${h.lower}`]),
  bulletin: async (db, ids) =>
    (await db.selectFrom('bulletins').select(['id', 'title', 'doc_number']).where('id', 'in', ids).execute()).map((b) => [b.id, shortText(b.title || b.doc_number, 30)]),
  assessment_run: async (db, ids) =>
    (await db.selectFrom('assessment_runs').select(['id', 'year', 'period_label']).where('id', 'in', ids).execute()).map((r) => [
      r.id,
      `${r.year}年考核${r.period_label ? `（${r.period_label}）` : ''}`,
    ]),
  assessment_veto: async (db, ids) =>
    (
      await db
        .selectFrom('assessment_vetoes as v')
        .innerJoin('units as u', 'u.id', 'v.unit_id')
        .select(['v.id', 'v.year', 'u.name as unit'])
        .where('v.id', 'in', ids)
        .execute()
    ).map((v) => [v.id, `${v.unit}（${v.year}年）`]),
};

/** Names whose id is the name's own key, no query needed. */
const BY_ID: Record<string, (id: string) => string | null> = {
  setting: (key) => SETTING_NAMES[key] ?? null,
  assessment_scheme: (year) => (/^\d{4}$/.test(year) ? `${year}年考核方案` : null),
  client: () => null,
};

export type NameableEntry = { entity: string; entity_id: string | null; before_json: string | null; after_json: string | null };
export const objectKey = (entity: string, id: string) => `${entity}:${id}`;

/** The objects' names of a page of entries, keyed by objectKey(entity, id). */
export async function objectNames(db: Db, entries: readonly NameableEntry[]): Promise<Map<string, string>> {
  const idsByEntity = new Map<string, Set<number>>();
  const names = new Map<string, string>();
  for (const e of entries) {
    if (e.entity_id === null) continue;
    const fixed = BY_ID[e.entity];
    if (fixed) {
      const name = fixed(e.entity_id);
      if (name) names.set(objectKey(e.entity, e.entity_id), name);
      continue;
    }
    if (!RESOLVERS[e.entity] || !/^\d+$/.test(e.entity_id)) continue;
    const set = idsByEntity.get(e.entity) ?? new Set<number>();
    set.add(Number(e.entity_id));
    idsByEntity.set(e.entity, set);
  }
  for (const [entity, ids] of idsByEntity) {
    const rows = await selectIn([...ids], (chunk) => RESOLVERS[entity]!(db, chunk));
    for (const [id, name] of rows) names.set(objectKey(entity, String(id)), name);
  }
  // Deleted since: the entry's own snapshot still says what it was.
  for (const e of entries) {
    if (e.entity_id === null || names.has(objectKey(e.entity, e.entity_id))) continue;
    const fromSnapshot = snapshotName(e.before_json) ?? snapshotName(e.after_json);
    if (fromSnapshot) names.set(objectKey(e.entity, e.entity_id), `${fromSnapshot}（已删除）`);
  }
  return names;
}

function snapshotName(json: string | null): string | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Record<string, unknown> | null;
    if (!v || typeof v !== 'object') return null;
    for (const k of ['title', 'name', 'label', 'fileName', 'file_name', 'description']) {
      const s = v[k];
      if (typeof s === 'string' && s.trim()) return shortText(s, 24);
    }
  } catch {
    // A snapshot that is not an object names nothing.
  }
  return null;
}

/** A name someone typed at sign-in that belongs to no account is marked as such, never shown as the system's. */
export function typedNameRoleLabel(userId: number | null, recordedName: string): string | null {
  return userId === null && isTypedNameActor(recordedName) ? TYPED_NAME_ROLE_LABEL : null;
}

export const unique = (xs: readonly number[]) => [...new Set(xs)];

/**
 * The person filter's choices: every account in the scope's log (by its current name) and every
 * name the system wrote without an account, most entries first. Two queries.
 */
export async function auditActorChoices(db: Db, scope: AuditScope) {
  const rows = await auditActors(db, scope);
  const accounts = await actorNames(db, rows.flatMap((r) => (r.actor_user_id !== null ? [r.actor_user_id] : [])));
  const byKey = new Map<string, { userId: number | null; name: string; username: string | null; roleLabel: string | null; entries: number }>();
  for (const r of rows) {
    const key = r.actor_user_id !== null ? `u${r.actor_user_id}` : `n${r.actor_name}`;
    const account = r.actor_user_id !== null ? accounts.get(r.actor_user_id) : undefined;
    const seen = byKey.get(key);
    if (seen) seen.entries += Number(r.n);
    else
      byKey.set(key, {
        userId: r.actor_user_id,
        name: account?.name ?? r.actor_name,
        username: account?.username ?? null,
        roleLabel: account?.roleLabel ?? typedNameRoleLabel(r.actor_user_id, r.actor_name),
        entries: Number(r.n),
      });
  }
  return [...byKey.values()].sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name, 'zh-CN'));
}
