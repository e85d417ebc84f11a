import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';
import { compareExportWithDatabase, verifyAuditExport } from './export';
import { auditHash } from './hash';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/duban.mjs');
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('audit export', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let auditor: Client;
  let text: string;

  beforeAll(async () => {
    t = await createTestApp();
    // A city above two districts: the district auditor exports only its own district's entries.
    const city = await makeOrg(t.ctx, { name: '测试市', level: 'city' });
    const district = await makeOrg(t.ctx, { name: '测试甲区', parentId: city.id });
    const sibling = await makeOrg(t.ctx, { name: '测试乙区', parentId: city.id });
    const office = await signInAs(t.app, (await makeUser(t.ctx, district.id, 'office')).username);
    const siblingOffice = await signInAs(t.app, (await makeUser(t.ctx, sibling.id, 'office')).username);
    for (const name of ['区审计导出局一', '区审计导出局二', '区审计导出局三']) expect((await office.request('POST', '/api/units', { name })).statusCode).toBe(200);
    expect((await siblingOffice.request('POST', '/api/units', { name: '乙区独有单位' })).statusCode).toBe(200);
    auditor = await signInAs(t.app, (await makeUser(t.ctx, district.id, 'auditor')).username);
    const res = await auditor.request('GET', `/api/audit/export.jsonl?from=2020-01-01&to=${today()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    text = res.body;
  });
  afterAll(() => t.close());

  it("exports the organisation's entries with every hashed field, checkable on their own, and records the export", async () => {
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'duban-audit-export', version: 1, organisation: '测试甲区', to: today() });
    const entries = lines.slice(1, -1);
    expect(entries.filter((e) => e.action === 'unit.create').map((e) => JSON.parse(e.after_json).name)).toEqual(['区审计导出局一', '区审计导出局二', '区审计导出局三']);
    expect(text).not.toContain('乙区独有单位');
    for (const e of entries) expect(auditHash(e)).toBe(e.hash);
    const check = verifyAuditExport(text);
    expect(check).toMatchObject({ ok: true, entries: entries.length });
    // Other organisations' entries sit between this district's: the file says how many gaps.
    expect(check.gaps).toBeGreaterThan(0);
    const recorded = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').execute();
    expect(recorded.length).toBe(1);
    expect(JSON.parse(recorded[0]!.after_json!)).toEqual({ from: '2020-01-01', to: today(), format: 'jsonl' });
  });

  it('finds an edited, removed or reordered entry, and a cut-short file', () => {
    const lines = text.trim().split('\n');
    const at = lines.findIndex((l) => l.includes('区审计导出局一'));
    const edited = lines.map((l, i) => (i === at ? l.replace('区审计导出局一', '区审计导出科一') : l));
    expect(verifyAuditExport(edited.join('\n'))).toMatchObject({ ok: false, firstBrokenSeq: JSON.parse(lines[at]!).seq });
    // A removed line: the trailer's count and digest no longer match.
    expect(verifyAuditExport([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'))).toMatchObject({ ok: false, reason: expect.stringMatching(/trailer counts/) });
    // Two entries swapped.
    const swapped = [...lines];
    [swapped[at], swapped[at + 1]] = [swapped[at + 1]!, swapped[at]!];
    expect(verifyAuditExport(swapped.join('\n'))).toMatchObject({ ok: false, reason: expect.stringMatching(/out of order/) });
    expect(verifyAuditExport(lines.slice(0, -1).join('\n'))).toMatchObject({ ok: false, reason: expect.stringMatching(/trailer is missing/) });
    expect(verifyAuditExport('not json')).toMatchObject({ ok: false });
  });

  it('tells a consistently rewritten file from the database, where the hashes cannot be rewritten', async () => {
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    const target = lines.findIndex((e) => e.action === 'unit.create');
    // Whoever rewrites an entry can recompute its hash and the trailer, and the file alone still
    // checks out (when the next entry is not adjacent); the database's hash differs.
    const forged = { ...lines[target], after_json: lines[target].after_json.replace('区审计导出局一', '区伪造局') };
    forged.hash = auditHash(forged);
    const body = lines.slice(0, -1).map((e, i) => JSON.stringify(i === target ? forged : e));
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(body.map((l) => l + '\n').join('')).digest('hex');
    const forgedText = [...body, JSON.stringify({ trailer: true, entries: lines.length - 2, sha256: sha })].join('\n') + '\n';
    expect(await compareExportWithDatabase(t.ctx.db, forgedText)).toEqual({ found: expect.any(Number), firstDifferentSeq: forged.seq });
    expect((await compareExportWithDatabase(t.ctx.db, text)).firstDifferentSeq).toBeNull();
  });

  it('verifies an export file from the command line against the database (exit 2 when it differs)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-audit-export-'));
    const file = path.join(dir, 'export.jsonl');
    fs.writeFileSync(file, text);
    const env = { ...process.env, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : { DUBAN_DATA_DIR: t.config.dataDir }), DUBAN_DEMO: 'off' };
    const ok = await run('node', [bin, 'verify-audit', '--file', file], { env });
    expect(ok.stdout).toMatch(/audit export intact: \d+ entries \(测试甲区 2020-01-01–\d{4}-\d\d-\d\d\), \d+ of them identical in this database/);
    fs.writeFileSync(file, text.replace('区审计导出局二', '区审计导出局X'));
    const broken = await run('node', [bin, 'verify-audit', '--file', file], { env }).then(
      () => expect.fail('should exit 2'),
      (e: { code: number; stdout: string }) => e,
    );
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/AUDIT EXPORT BROKEN at entry \d+/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it('exports the same range as an Excel workbook in Chinese, and refuses a range that ends before it starts', async () => {
    const res = await auditor.request('GET', `/api/audit/export.xlsx?from=2020-01-01&to=${today()}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(2).values).toContain('操作人');
    const actions = ws.getColumn(4).values.map(String);
    expect(actions).toContain('新增单位（unit.create）');
    const bad = await auditor.request('GET', '/api/audit/export.jsonl?from=2024-05-01&to=2024-04-01');
    expect(bad.statusCode).toBe(400);
    // Entries outside the range stay out.
    const none = await auditor.request('GET', '/api/audit/export.jsonl?from=2001-01-01&to=2001-12-31');
    expect(verifyAuditExport(none.body)).toMatchObject({ ok: true, entries: 0 });
  });
});
