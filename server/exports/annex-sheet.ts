import ExcelJS from 'exceljs';
import { neutraliseCellText } from './cell-text';

/**
 * The row model of a notice's annex table and the one writer that turns it into a worksheet.
 * Two producers share it: the import fixtures (the seed notice's text, page breaks and all) and
 * the ledger export (the stored ledger). Both lay a table out the way the printed notice does:
 * one-cell lines above the table (附件1, the title), a header row, and data rows whose empty
 * 序号/目标名称 cells continue the cell above — written as one vertically merged cell.
 */
export type LineStyle = 'marker' | 'title' | 'note' | 'centre' | 'right';
export type SheetRow = { kind: 'line'; text: string; style?: LineStyle } | { kind: 'header' | 'data'; cells: string[] };

export type SheetModel = {
  name: string;
  rows: SheetRow[];
  /** 1-based columns whose empty data cell continues the data cell above (merged vertically). */
  spanColumns: readonly number[];
  /** For a sheet meant to be printed: column widths, A4 landscape, header repeated on every page. */
  print?: { widths: number[] };
};

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Writes every sheet into a new workbook and returns the .xlsx bytes. */
export async function writeWorkbook(sheets: SheetModel[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Duban 督办';
  for (const model of sheets) addModelSheet(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function addModelSheet(workbook: ExcelJS.Workbook, model: SheetModel): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(model.name.slice(0, 31));
  const width = Math.max(1, ...model.rows.map((r) => (r.kind === 'line' ? 1 : r.cells.length)));
  if (model.print) ws.columns = model.print.widths.map((w) => ({ width: w }));
  let firstHeader: number | null = null;
  for (const row of model.rows) {
    const added = ws.addRow(row.kind === 'line' ? [neutraliseCellText(row.text)] : row.cells.map(cellValue));
    if (row.kind === 'line') {
      styleLine(ws, added, row.style, width, model.print !== undefined);
      continue;
    }
    for (let c = 1; c <= row.cells.length; c++) {
      const cell = added.getCell(c);
      const centred = row.kind === 'header' || model.spanColumns.includes(c);
      cell.alignment = { wrapText: true, vertical: centred ? 'middle' : 'top', ...(centred ? { horizontal: 'center' } : {}) };
      if (model.print) cell.border = THIN;
      if (model.print && row.kind === 'header') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
    if (row.kind === 'header') {
      added.font = { bold: true };
      firstHeader ??= added.number;
    } else if (model.print) {
      added.height = estimatedHeight(row.cells, model.print.widths, model.spanColumns);
    }
  }
  mergeSpans(ws, model);
  if (model.print) printSetup(ws, firstHeader);
  return ws;
}

/**
 * Whole numbers (序号) are written as numbers, as an office's table holds them; the rest as text,
 * neutralised against formula injection (cell-text.ts; the importer undoes it).
 */
function cellValue(text: string): string | number {
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : neutraliseCellText(text);
}

function styleLine(ws: ExcelJS.Worksheet, row: ExcelJS.Row, style: LineStyle | undefined, width: number, print: boolean) {
  const cell = row.getCell(1);
  cell.alignment = { wrapText: true, vertical: 'top', horizontal: style === 'title' || style === 'centre' ? 'center' : style === 'right' ? 'right' : 'left' };
  if (style === 'title') cell.font = { bold: true, size: 16 };
  if (style === 'marker') cell.font = { bold: true, size: 12 };
  if (style === 'note') cell.font = { size: 9, color: { argb: 'FF666666' } };
  // Across the table so a long title stays on one printed line; the reader sees one cell.
  if (print && width > 1) ws.mergeCells(row.number, 1, row.number, width);
  if (print && style === 'title') row.height = 30;
}

/** Merges each run of data rows whose span-column cell is empty into the data cell above it. */
function mergeSpans(ws: ExcelJS.Worksheet, model: SheetModel) {
  for (const c of model.spanColumns) {
    let start: number | null = null;
    const close = (end: number) => {
      if (start !== null && end > start) ws.mergeCells(start, c, end, c);
    };
    model.rows.forEach((row, i) => {
      const excelRow = i + 1;
      if (row.kind !== 'data') {
        close(excelRow - 1);
        start = null;
        return;
      }
      if ((row.cells[c - 1] ?? '') === '' && start !== null) return;
      close(excelRow - 1);
      start = excelRow;
    });
    close(model.rows.length);
  }
}

/** Display width of text in Excel column units: a Chinese character takes about two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * Excel does not grow a row for wrapped text it did not lay out itself, so a printed ledger
 * would cut long standards off: the height is estimated from the longest wrapped cell.
 */
function estimatedHeight(cells: string[], widths: number[], spanColumns: readonly number[]): number {
  let lines = 1;
  cells.forEach((text, i) => {
    if (spanColumns.includes(i + 1)) return;
    const room = Math.max(1, (widths[i] ?? 10) - 1);
    const n = text.split('\n').reduce((s, part) => s + Math.max(1, Math.ceil(textWidth(part) / room)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, lines * 14.5 + 4);
}

function printSetup(ws: ExcelJS.Worksheet, header: number | null) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(header !== null ? { printTitlesRow: `${header}:${header}` } : {}),
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  if (header !== null) ws.views = [{ state: 'frozen', ySplit: header }];
}
