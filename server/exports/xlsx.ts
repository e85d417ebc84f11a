import ExcelJS from 'exceljs';

/** One sheet of a workbook: a title row, a bold header, rows; columns sized for Chinese text. */
export type SheetSpec = { name: string; title: string; columns: { header: string; width: number }[]; rows: (string | number | null)[][] };

export async function renderWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duban 督办';
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name.slice(0, 31));
    ws.columns = spec.columns.map((c) => ({ width: c.width }));
    ws.mergeCells(1, 1, 1, Math.max(1, spec.columns.length));
    const title = ws.getCell(1, 1);
    title.value = spec.title;
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center' };
    const header = ws.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const row of spec.rows) {
      const added = ws.addRow(row.map((v) => (v === null ? '' : v)));
      added.alignment = { vertical: 'top', wrapText: true };
    }
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
