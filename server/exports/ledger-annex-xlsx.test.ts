import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnRole, type ParsedNotice } from '../../core/notice';
import { systemActor } from '../audit/actor';
import type { Db } from '../db/connection';
import { importNotice, parseUploadedNotice, previewNotice } from '../import/notice-import.service';
import { openOrClosePeriod } from '../reporting/periods.service';
import { findPeriod } from '../reporting/periods.repository';
import { openReport } from '../reporting/report-open.service';
import { saveProgress } from '../reporting/progress.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, fillBlankEntries } from '../test/factories';
import { findNotice, loadAnnexLedger } from './ledger-annex-data';
import { ledgerAnnexFileName, renderLedgerAnnexWorkbook, SUPERVISION_HEADERS } from './ledger-annex-xlsx';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/** The ledger a notice holds, as one projection both the database and the parser can give. */
type Projection = {
  annexes: { no: number; title: string; kind: string; categories: { no: number; name: string }[] }[];
  tasks: {
    annexNo: number;
    seq: string;
    category: { no: number; name: string } | null;
    upstreamNo: number | null;
    upstreamItem: string | null;
    standard: string;
    deadline: string | null;
    dueDate: string | null;
    leaders: string[];
    units: { name: string; role: string; note: string | null }[];
    indicators: { name: string; target: number; unit: string; qualifier: string | null }[];
  }[];
};

function parsedProjection(parsed: ParsedNotice): Projection {
  return {
    annexes: parsed.annexes.map((a) => ({ no: a.no, title: a.title, kind: a.kind, categories: a.categories.map((c) => ({ no: c.no, name: c.name })) })),
    tasks: parsed.annexes.flatMap((a) =>
      a.tasks.map((t) => ({
        annexNo: a.no,
        seq: t.seq,
        category: t.category,
        upstreamNo: t.upstreamNo,
        upstreamItem: t.upstreamItem,
        standard: t.standard,
        deadline: t.deadline,
        dueDate: t.dueDate,
        leaders: t.leaders,
        units: t.unitRefs.map((u) => ({ name: u.name, role: u.role, note: u.note })),
        indicators: t.indicators.map((i) => ({ name: i.name, target: i.value, unit: i.unit, qualifier: i.qualifier })),
      })),
    ),
  };
}

/** Read straight from the tables (not through the export's own loader). */
async function storedProjection(db: Db, noticeId: number): Promise<Projection> {
  const annexes = await db.selectFrom('annexes').selectAll().where('notice_id', '=', noticeId).orderBy('no').execute();
  const categories = await db.selectFrom('categories').selectAll().where('annex_id', 'in', annexes.map((a) => a.id)).orderBy('no').execute();
  const tasks = await db
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .leftJoin('categories', 'categories.id', 'tasks.category_id')
    .select(['tasks.id', 'annexes.no as annex_no', 'tasks.seq', 'categories.no as cat_no', 'categories.name as cat_name', 'tasks.upstream_no', 'tasks.upstream_item', 'tasks.standard', 'tasks.deadline', 'tasks.due_date'])
    .where('tasks.notice_id', '=', noticeId)
    .orderBy('annexes.no')
    .orderBy('tasks.position')
    .execute();
  const ids = tasks.map((t) => t.id);
  const leaders = await db.selectFrom('task_leaders').innerJoin('leaders', 'leaders.id', 'task_leaders.leader_id').select(['task_id', 'leaders.name']).where('task_id', 'in', ids).orderBy('task_leaders.position').execute();
  const units = await db.selectFrom('task_units').innerJoin('units', 'units.id', 'task_units.unit_id').select(['task_id', 'units.name', 'role', 'note']).where('task_id', 'in', ids).orderBy('task_units.position').execute();
  const indicators = await db.selectFrom('indicators').selectAll().where('task_id', 'in', ids).orderBy('position').execute();
  return {
    annexes: annexes.map((a) => ({
      no: a.no,
      title: a.title,
      kind: a.kind,
      categories: categories.filter((c) => c.annex_id === a.id).map((c) => ({ no: c.no, name: c.name })),
    })),
    tasks: tasks.map((t) => ({
      annexNo: t.annex_no,
      seq: t.seq,
      category: t.cat_no === null || t.cat_name === null ? null : { no: t.cat_no, name: t.cat_name },
      upstreamNo: t.upstream_no,
      upstreamItem: t.upstream_item,
      standard: t.standard,
      deadline: t.deadline,
      dueDate: t.due_date,
      leaders: leaders.filter((l) => l.task_id === t.id).map((l) => l.name),
      units: units.filter((u) => u.task_id === t.id).map((u) => ({ name: u.name, role: u.role, note: u.note })),
      indicators: indicators.filter((i) => i.task_id === t.id).map((i) => ({ name: i.name, target: i.target, unit: i.unit, qualifier: i.qualifier })),
    })),
  };
}

const texts = (row: ExcelJS.Row, n: number) => Array.from({ length: n }, (_, i) => row.getCell(i + 1).text);

describe('the ledger in the annexes’ layout (责任分解台账.xlsx)', () => {
  let t: TestDb;
  let orgId: number;
  let noticeId: number;
  let xlsx: Buffer;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    t = await createTestDb({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    noticeId = (await importNotice(t.ctx, actor, orgId, { fileName: 'seed.txt', content: seed })).noticeId;
    // A fixed report: 区发改局 reports task 1/(1) (GDP growth, target 6%) in the second quarter.
    const period = await t.ctx.db.selectFrom('periods').selectAll().where('notice_id', '=', noticeId).where('position', '=', 1).executeTakeFirstOrThrow();
    if (period.status !== 'open') await openOrClosePeriod(t.ctx, actor, period, 'open');
    const unit = await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区发改局').executeTakeFirstOrThrow();
    const task = await t.ctx.db.selectFrom('tasks').select('id').where('notice_id', '=', noticeId).where('seq', '=', '(1)').executeTakeFirstOrThrow();
    let report = await openReport(t.ctx, actor, (await findPeriod(t.ctx.db, period.id))!, unit.id);
    const entry = await t.ctx.db.selectFrom('task_progress').select('version').where('report_id', '=', report.id).where('task_id', '=', task.id).executeTakeFirstOrThrow();
    const indicator = await t.ctx.db.selectFrom('indicators').select('id').where('task_id', '=', task.id).executeTakeFirstOrThrow();
    await saveProgress(t.ctx, actor, report, task.id, {
      version: entry.version,
      status: 'on_track',
      narrative: '一季度地区生产总值增长5.9%。',
      problems: '',
      nextSteps: '',
      actuals: [{ indicatorId: indicator.id, value: 5.9 }],
    });
    report = (await findReport(t.ctx.db, report.id))!;
    await fillBlankEntries(t.ctx.db, report.id);
    report = await transitionReport(t.ctx, actor, report, 'submit', { version: report.version });
    await transitionReport(t.ctx, actor, report, 'approve', { version: report.version });

    const ledger = await loadAnnexLedger(t.ctx, (await findNotice(t.ctx.db, noticeId))!);
    expect(ledgerAnnexFileName(ledger)).toBe('新政办〔2024〕1号-责任分解台账.xlsx');
    xlsx = await renderLedgerAnnexWorkbook(ledger, '2024-06-25');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  });
  afterAll(() => t.close());

  it('has a cover with the notice’s facts, then one sheet per annex', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['通知', '附件1', '附件2', '附件3', '附件4', '附件5']);
    const cover = wb.getWorksheet('通知')!;
    expect(cover.getCell('A1').text).toBe('新政办〔2024〕1号');
    expect(cover.getCell('A4').text).toBe('附件：1. 2024年区《政府工作报告》确定的当年工作任务责任分解表');
  });

  it('opens each annex like the notice: the 附件 line, the title, the notice’s header for that kind of annex', () => {
    const a1 = wb.getWorksheet('附件1')!;
    expect(a1.getCell('A1').text).toBe('附件1');
    expect(a1.getCell('A2').text).toBe('2024年区《政府工作报告》确定的当年工作任务责任分解表');
    expect(texts(a1.getRow(3), 10)).toEqual(['序号', '目标名称', '工作标准', '分管区领导', '责任单位', ...SUPERVISION_HEADERS]);
    const a3 = wb.getWorksheet('附件3')!;
    expect(a3.getCell('A2').text).toBe('2024年省政府民生实事涉及我区办理事项责任细化分解表');
    expect(texts(a3.getRow(3), 11)).toEqual(['序号', '省级下达的责任事项', '新洲区目标任务', '完成时间', '分管区领导', '责任单位', ...SUPERVISION_HEADERS]);
    expect(wb.getWorksheet('附件1')!.rowCount).toBe(3 + 199);
    expect(wb.getWorksheet('附件2')!.rowCount).toBe(3 + 24);
  });

  it('merges 序号 and 目标名称 over the rows of a category, as printed', () => {
    const merges = wb.getWorksheet('附件1')!.model.merges;
    // Category 1 全年主要预期目标 holds tasks (1)–(5): rows 4–8. Category 2 has one task: no merge.
    expect(merges).toEqual(expect.arrayContaining(['A4:A8', 'B4:B8', 'A11:A15', 'B11:B15']));
    expect(merges.filter((m) => /^[AB]9:/.test(m))).toEqual([]);
    // Annexes 2–5 number tasks, not categories: only the title lines span columns.
    expect(wb.getWorksheet('附件2')!.model.merges.sort()).toEqual(['A1:K1', 'A2:K2']);
  });

  it('writes a task’s row as printed, with the lead unit’s latest report, the light and the indicators', () => {
    const a1 = wb.getWorksheet('附件1')!;
    expect(texts(a1.getRow(4), 10)).toEqual([
      '1',
      '全年主要预期目标',
      '(1) 地区生产总值增长6%左右。',
      '李先勇',
      '区发改局',
      // 附件1 prints no deadline: the ledger's due date is the year's end, and says so.
      '2024-12-31（按当年任务，年底前完成）',
      '按序时推进',
      '绿灯',
      '地区生产总值增长：目标 6%，完成 5.9%',
      '2024年第二季度',
    ]);
    // A unit that has not reported: the status says so. Several leaders and units one per line,
    // the first unit leading, names as repaired at import (the notice printed 区文化和旅游发展局).
    expect(texts(a1.getRow(10), 10)).toEqual([
      '3',
      '建设千古问津地',
      expect.stringMatching(/^\(7\) 深入践行“千万工程”经验/),
      '邓辉\n张晓茵\n肖新锋',
      '区住房和城乡建设局\n区教育局\n区民政局\n区农业农村局\n区文化和旅游局',
      '2024-12-31（按当年任务，年底前完成）',
      '未报送',
      '未评价',
      '',
      '',
    ]);
    const a2 = wb.getWorksheet('附件2')!;
    expect(texts(a2.getRow(4), 7)).toEqual(['1', '1.地区生产总值增长6%。', '地区生产总值增长6%。', '12月', '李先勇', '区发改局', '2024-12-31']);
  });

  it('is set up for print: A4 landscape, one page wide, header repeated and frozen', () => {
    const a1 = wb.getWorksheet('附件1')!;
    expect(a1.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(a1.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(a1.getCell('C5').border?.left?.style).toBe('thin');
    expect(a1.getCell('C5').alignment?.wrapText).toBe(true);
  });

  it('names no column the parser reads in the supervision headers', () => {
    expect(SUPERVISION_HEADERS.map(columnRole)).toEqual(SUPERVISION_HEADERS.map(() => 'other'));
  });

  it('parses back to the stored ledger: tasks, annexes, categories, leaders, units by role, indicators, upstream items', async () => {
    const { parsed } = await parseUploadedNotice(t.ctx, orgId, { fileName: 'ledger.xlsx', content: xlsx });
    expect(parsed.document).toMatchObject({
      docNumber: '新政办〔2024〕1号',
      title: '区人民政府办公室关于做好2024年省、市、区《政府工作报告》确定的主要目标任务责任分解工作的通知',
      issuer: '武汉市新洲区人民政府办公室',
      issuedDate: '2024-04-02',
      reportingDeadlines: ['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01'],
      reportTo: '区政府督查室',
    });
    // Compared with the stored ledger, not the notice's raw text: the import repaired garbled
    // leader cells ("丁张波") and unit spellings, and the export writes the repaired names.
    const stored = await storedProjection(t.ctx.db, noticeId);
    expect(stored.tasks).toHaveLength(242);
    expect(parsedProjection(parsed)).toEqual(stored);
  });

  it('re-imports as the same notice with no added, changed or removed task', async () => {
    const upload = { fileName: '新政办〔2024〕1号-责任分解台账.xlsx', content: xlsx };
    const preview = await previewNotice(t.ctx, orgId, upload);
    expect(preview.existing).toMatchObject({ noticeId, diff: { added: [], changed: [], removed: [], unchanged: 242 } });
    const before = await t.ctx.db.selectFrom('tasks').select(['id', 'version']).where('notice_id', '=', noticeId).orderBy('id').execute();
    const result = await importNotice(t.ctx, actor, orgId, upload, { update: true });
    expect(result).toMatchObject({ noticeId, created: false, applied: { added: 0, changed: 0, removed: 0, keptWithProgress: 0 } });
    expect(await t.ctx.db.selectFrom('tasks').select(['id', 'version']).where('notice_id', '=', noticeId).orderBy('id').execute()).toEqual(before);
  });
});
