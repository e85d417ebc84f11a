import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/audit.repository';
import { systemActor } from '../audit/actor';
import { renderAuditWorkbook } from '../audit/export-xlsx';
import { renderPasswordsFile } from '../directory/users-import-sheet';
import { importNotice, parseUploadedNotice } from '../import/notice-import.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg } from '../test/factories';
import { neutraliseCellText, restoreCellText } from './cell-text';
import { findNotice, loadAnnexLedger } from './ledger-annex-data';
import { renderLedgerAnnexWorkbook } from './ledger-annex-xlsx';
import { renderWorkbook } from './xlsx';

/**
 * Issue 17, finding 12: text that a spreadsheet takes for a formula (= + - @, tab, CR first) went
 * into the Excel exports as it was; re-saved as CSV it runs. Every exported text cell is now
 * neutralised with a leading apostrophe, numbers stay numbers, and the importer undoes it exactly.
 */
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '-2+3+cmd|\' /C calc\'!A0', '\t=1', '\r=1'];

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Every cell value of every sheet. */
function values(wb: ExcelJS.Workbook): unknown[] {
  const out: unknown[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(cell.value))));
  return out;
}

/** No string cell a spreadsheet (or a CSV re-save of it) could evaluate. */
function expectNoFormulaText(wb: ExcelJS.Workbook) {
  const dangerous = values(wb).filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v));
  expect(dangerous).toEqual([]);
  expect(values(wb).filter((v) => v !== null && typeof v === 'object' && 'formula' in v)).toEqual([]);
}

describe('neutraliseCellText', () => {
  it('prefixes formula-like text with an apostrophe and leaves the rest alone', () => {
    expect(FORMULAS.map(neutraliseCellText)).toEqual(FORMULAS.map((f) => `'${f}`));
    for (const plain of ['地区生产总值增长6%', '', "'引号开头", '6%', '（1）', '—']) expect(neutraliseCellText(plain)).toBe(plain);
  });

  it('is undone exactly by restoreCellText, also for text that already starts with apostrophes', () => {
    for (const text of [...FORMULAS, "'=1", "''+2", "'plain", 'plain', '', '-', "'"]) {
      expect(restoreCellText(neutraliseCellText(text))).toBe(text);
    }
  });
});

describe('exported workbooks neutralise formula-like text', () => {
  let t: TestDb;
  let orgId: number;
  let noticeId: number;

  beforeAll(async () => {
    t = await createTestDb({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
    noticeId = (await importNotice(t.ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed })).noticeId;
  });
  afterAll(() => t.close());

  it('renderWorkbook: titles, headers and text cells neutralised; numbers, negative ones too, stay numbers', async () => {
    const wb = await load(
      await renderWorkbook([
        { name: '表', title: '=1+1', columns: [{ header: '@列', width: 8 }, { header: '数', width: 8 }, { header: '文本', width: 8 }], rows: [[FORMULAS[0]!, -3.5, '-3.5'], ['+1', 0, '@SUM(A1)']] },
      ]),
    );
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe("'=1+1");
    expect(ws.getCell('A2').value).toBe("'@列");
    expect(ws.getCell('A3').value).toBe(`'${FORMULAS[0]}`);
    expect(ws.getCell('B3').value).toBe(-3.5);
    expect(ws.getCell('C3').value).toBe("'-3.5");
    expect(ws.getCell('A4').value).toBe("'+1");
    expect(ws.getCell('C4').value).toBe("'@SUM(A1)");
    expectNoFormulaText(wb);
  });

  it('the audit export: a typed name such as =HYPERLINK(…) is neutralised, the sequence number stays a number', async () => {
    await t.ctx.db.transaction().execute((trx) =>
      appendAudit(trx, t.ctx.engine, { actor: systemActor(FORMULAS[0]!), orgId, action: 'auth.sign_in_failed', entity: 'user', entityId: null, after: { username: '@SUM(A1)' } }),
    );
    const entries = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const wb = await load(await renderAuditWorkbook('审计日志', (async function* () { yield* entries; })()));
    const ws = wb.worksheets[0]!;
    const last = ws.getRow(ws.rowCount);
    expect(typeof last.getCell(1).value).toBe('number');
    expect(last.getCell(3).value).toBe(`'${FORMULAS[0]}`);
    expectNoFormulaText(wb);
  });

  it('the initial-passwords file keeps a password exactly (the server made it), and neutralises the name', async () => {
    const wb = await load(await renderPasswordsFile('新洲区', [{ username: 'jyj.a', displayName: '+1', initialPassword: '@Ab3$xyzKm9!' }]));
    const ws = wb.worksheets[0]!;
    expect([1, 2, 3].map((c) => ws.getRow(3).getCell(c).value)).toEqual(['jyj.a', "'+1", '@Ab3$xyzKm9!']);
  });

  it('the ledger in the annexes’ layout: task and unit texts neutralised, 序号 numbers, and it imports back unchanged', async () => {
    // Four tasks of 附件2 (numbered tasks: the standard stands alone in its cell) get formula-like standards.
    const annex2 = await t.ctx.db.selectFrom('annexes').select('id').where('notice_id', '=', noticeId).where('no', '=', 2).executeTakeFirstOrThrow();
    const tasks = await t.ctx.db.selectFrom('tasks').select(['id', 'standard']).where('annex_id', '=', annex2.id).orderBy('position').limit(4).execute();
    const standards = ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', "'=已带引号"];
    for (const [i, task] of tasks.entries()) await t.ctx.db.updateTable('tasks').set({ standard: standards[i]! }).where('id', '=', task.id).execute();
    const render = async () => renderLedgerAnnexWorkbook(await loadAnnexLedger(t.ctx, (await findNotice(t.ctx.db, noticeId))!), '2024-06-25');

    const xlsx = await render();
    const wb = await load(xlsx);
    const a2 = wb.getWorksheet('附件2')!;
    expect([4, 5, 6, 7].map((r) => a2.getRow(r).getCell(3).value)).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'@SUM(A1)", "''=已带引号"]);
    expect(a2.getRow(4).getCell(1).value).toBe(1);
    expectNoFormulaText(wb);

    // Through the real importer (its .xlsx reader undoes the apostrophe): the stored standards come back.
    const { parsed } = await parseUploadedNotice(t.ctx, orgId, { fileName: 'ledger.xlsx', content: xlsx });
    const parsedStandards = parsed.annexes.find((a) => a.no === 2)!.tasks.slice(0, 4).map((task) => task.standard);
    expect(parsedStandards).toEqual(standards);

    // A unit and a leader whose names look like formulas.
    const unit = await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区发改局').executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('units').set({ name: '+1' }).where('id', '=', unit.id).execute();
    await t.ctx.db.updateTable('leaders').set({ name: '@SUM(A1)' }).where('org_id', '=', orgId).where('name', '=', '李先勇').execute();
    const renamed = await load(await render());
    const row = renamed.getWorksheet('附件2')!.getRow(4);
    expect([row.getCell(5).value, row.getCell(6).value]).toEqual(["'@SUM(A1)", "'+1"]);
    expectNoFormulaText(renamed);
  });
});
