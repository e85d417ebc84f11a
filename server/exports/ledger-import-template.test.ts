import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseNoticeRows } from '../../core/notice';
import { xlsxToRows } from '../import/readers/xlsx';
import { renderImportTemplate } from './ledger-import-template';

/** Fills the template's annex sheet below its header, as an office does in Excel or WPS. */
async function fill(template: Buffer, rows: string[][]): Promise<{ file: Buffer; header: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('附件1')!;
  const header = (sheet.getRow(sheet.rowCount).values as (string | undefined)[]).slice(1).map(String);
  for (const r of rows) sheet.addRow(r);
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), header };
}

describe('下载导入模板: the empty import template', () => {
  it('has the annex columns the importer reads and nothing else', async () => {
    const { header } = await fill(await renderImportTemplate({ orgName: '新洲区', year: 2025, annexKind: 'district-gwr', today: '2025-01-10' }), []);
    expect(header).toEqual(['序号', '工作标准', '完成时限', '分管区领导', '牵头单位', '配合单位']);
  });

  it('filled with two rows, imports through the real reader and parser as those two tasks', async () => {
    const template = await renderImportTemplate({ orgName: '新洲区', year: 2025, annexKind: 'district-gwr', today: '2025-01-10' });
    const { file } = await fill(template, [
      ['1', '新建公共充电桩500个', '6月底前', '丁力', '区交通运输局', '区发改局、区财政局'],
      ['2', '完成老旧小区改造12个', '2025年9月30日', '张波', '区住房和城乡建设局', ''],
    ]);
    const { rows } = await xlsxToRows(file, '模板.xlsx');
    const parsed = parseNoticeRows(rows, { fileName: '模板.xlsx' });
    expect(parsed.document.title).toBe('关于印发新洲区2025年目标任务责任分解表的通知');
    expect(parsed.document.reportingDeadlines).toEqual(['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']);
    const tasks = parsed.annexes.flatMap((a) => a.tasks);
    expect(tasks.map((t) => ({ seq: t.seq, standard: t.standard, deadline: t.deadline, dueDate: t.dueDate, leaders: t.leaders, units: t.unitRefs.map((u) => `${u.role}:${u.name}`) }))).toEqual([
      { seq: '1', standard: '新建公共充电桩500个', deadline: '6月底前', dueDate: '2025-06-30', leaders: ['丁力'], units: ['lead:区交通运输局', 'co:区发改局', 'co:区财政局'] },
      { seq: '2', standard: '完成老旧小区改造12个', deadline: '2025年9月30日', dueDate: '2025-09-30', leaders: ['张波'], units: ['lead:区住房和城乡建设局'] },
    ]);
    expect(tasks[0]!.indicators.map((i) => [i.name, i.value, i.unit])).toEqual([['新建公共充电桩', 500, '个']]);
  });
});
