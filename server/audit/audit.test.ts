import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';
import { sql } from 'kysely';
import { APPEND_ONLY_MESSAGE, dropAuditAppendOnlyGuard } from '../db/migrations/0016_audit_append_only';
import { verifyAuditChain } from './audit.repository';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/duban.mjs');

describe('audit log', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client;
  let auditor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx);
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    auditor = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'auditor')).username);
  });
  afterAll(() => t.close());

  it('records who changed what, with before and after, in the same transaction as the change', async () => {
    const created = (await office.request('POST', '/api/units', { name: '区文化和旅游局', aliases: ['区文化和旅游发展局'] })).json().unit;
    await office.request('PATCH', `/api/units/${created.id}`, { aliases: ['区文化和旅游发展局', '区文旅局'], version: created.version });
    const items = ((await auditor.request('GET', '/api/audit?limit=5')).json().lines as { entries: unknown[] }[]).flatMap((l) => l.entries) as {
      action: string;
      entityId: string;
      actorName: string;
      before: { aliases: string[] } | null;
      after: { aliases: string[] };
    }[];
    const update = items.find((i) => i.action === 'unit.update')!;
    expect(update.entityId).toBe(String(created.id));
    expect(update.actorName).toBe('测试office');
    expect(update.before?.aliases).toEqual(['区文化和旅游发展局']);
    expect(update.after.aliases).toEqual(['区文化和旅游发展局', '区文旅局']);
    expect(items.some((i) => i.action === 'unit.create')).toBe(true);
  });

  it('never stores a password hash in the trail', async () => {
    const rows = await t.ctx.db.selectFrom('audit_log').select(['after_json', 'before_json']).execute();
    for (const r of rows) expect(`${r.after_json}${r.before_json}`).not.toMatch(/argon2|password_hash/);
  });

  it('rolls the audit entry back with a failed change', async () => {
    const before = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const dup = await office.request('POST', '/api/units', { name: '区文旅局' }); // an alias of an existing unit
    expect(dup.statusCode).toBe(409);
    const after = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses to change or delete an entry in the database itself', async () => {
    const entry = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await expect(t.ctx.db.updateTable('audit_log').set({ actor_name: '篡改者' }).where('id', '=', entry.id).execute()).rejects.toThrow(APPEND_ONLY_MESSAGE);
    await expect(t.ctx.db.deleteFrom('audit_log').where('id', '=', entry.id).execute()).rejects.toThrow(APPEND_ONLY_MESSAGE);
    if (t.ctx.engine === 'postgres') await expect(sql`truncate audit_log`.execute(t.ctx.db)).rejects.toThrow(APPEND_ONLY_MESSAGE);
    expect(await t.ctx.db.selectFrom('audit_log').select('actor_name').where('id', '=', entry.id).executeTakeFirstOrThrow()).toEqual({ actor_name: entry.actor_name });
    // The tests below play an attacker with the database owner's rights, who can drop the guard:
    // the hash chain is what finds their changes.
    await dropAuditAppendOnlyGuard(t.ctx.db as never, t.ctx.engine);
  });

  it('verifies an intact chain, and finds an edited or a deleted entry', async () => {
    const ok = await verifyAuditChain(t.ctx.db);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(3);
    expect((await auditor.request('GET', '/api/audit/verify')).json()).toMatchObject({ ok: true, firstBrokenId: null });

    // An entry in the middle of the chain (the unit's creation, followed by its update).
    const victim = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'unit.create').executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('audit_log').set({ after_json: '{"name":"改过的"}' }).where('id', '=', victim.id).execute();
    const edited = await verifyAuditChain(t.ctx.db);
    expect(edited).toMatchObject({ ok: false, firstBrokenSeq: victim.seq });
    expect(edited.reason).toMatch(/altered/);
    await t.ctx.db.updateTable('audit_log').set({ after_json: victim.after_json }).where('id', '=', victim.id).execute();
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);

    await t.ctx.db.deleteFrom('audit_log').where('id', '=', victim.id).execute();
    const deleted = await verifyAuditChain(t.ctx.db);
    expect(deleted).toMatchObject({ ok: false, firstBrokenSeq: victim.seq });
    expect(deleted.reason).toMatch(/missing/);
    // Restore the row so later tests see an intact chain again.
    await t.ctx.db.insertInto('audit_log').values({ ...victim, id: undefined }).execute();
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('finds the newest entries removed', async () => {
    const last = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await t.ctx.db.deleteFrom('audit_log').where('id', '=', last.id).execute();
    const r = await verifyAuditChain(t.ctx.db);
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: last.seq });
    expect(r.reason).toMatch(/newest entries were removed/);
    await t.ctx.db.insertInto('audit_log').values({ ...last, id: undefined }).execute();
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('keeps one gap-free chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => office.request('POST', '/api/leaders', { name: `并发${i}`, title: '' })));
    const r = await verifyAuditChain(t.ctx.db);
    expect(r.ok).toBe(true);
  });

  it('`duban verify-audit` proves the chain intact, or names the first broken entry with exit code 2', async () => {
    const env = {
      ...process.env,
      DUBAN_DATA_DIR: path.dirname(t.config.database.engine === 'sqlite' ? t.config.database.file : '/tmp/x'),
      ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
    };
    const good = await run('node', [bin, 'verify-audit', '--json'], { env });
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true });
    const first = await t.ctx.db.selectFrom('audit_log').select(['id', 'seq']).orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('audit_log').set({ actor_name: '篡改者' }).where('id', '=', first.id).execute();
    const bad = await run('node', [bin, 'verify-audit'], { env }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in bad && bad.code).toBe(2);
    expect(bad.stdout).toMatch(new RegExp(`BROKEN at entry ${first.seq}`));
  }, 90_000);
});
