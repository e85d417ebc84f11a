import ExcelJS from 'exceljs';
import { neutraliseCellText, safeCellValue } from './cell-text';

/**
 * One sheet of a workbook: a title row, a bold header, rows; columns sized for Chinese text.
 * Text is neutralised against formula injection (cell-text.ts); `verbatim` is only for a column
 * whose values the server made itself and a person must copy exactly (initial passwords).
 */
export type SheetSpec = { name: string; title: string; columns: { header: string; width: number; verbatim?: boolean }[]; rows: (string | number | null)[][] };

export async function renderWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duban 督办';
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name.slice(0, 31));
    ws.columns = spec.columns.map((c) => ({ width: c.width }));
    ws.mergeCells(1, 1, 1, Math.max(1, spec.columns.length));
    const title = ws.getCell(1, 1);
    title.value = neutraliseCellText(spec.title);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center' };
    const header = ws.addRow(spec.columns.map((c) => neutraliseCellText(c.header)));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const row of spec.rows) {
      const added = ws.addRow(row.map((v, i) => (v === null ? '' : spec.columns[i]?.verbatim ? v : safeCellValue(v))));
      added.alignment = { vertical: 'top', wrapText: true };
    }
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
