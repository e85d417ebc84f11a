import ExcelJS from 'exceljs';
import type { NoticeRow } from '../../../core/notice';
import { restoreCellText } from '../../exports/cell-text';
import { ImportFileError } from './import-error';
import { IMPORT_LIMITS } from './limits';
import { openOfficeZip, readXmlPart } from './zip-guard';

/**
 * Reads an Excel notice into rows, sheet after sheet (one sheet per annex is the usual layout).
 * A merged cell's value stands in its first cell only; the cells it covers are empty, as on
 * paper, so the parser sees a spanning category exactly as in the printed table.
 */
export async function xlsxToRows(buf: Buffer, fileName: string): Promise<{ rows: NoticeRow[]; where: (line: number) => string }> {
  const zip = await openOfficeZip(buf, fileName, 'Excel');
  // ExcelJS parses the XML itself; check every XML part for entity declarations first.
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
    await readXmlPart(zip, name, fileName);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError(
      'IMPORT_FILE_CORRUPT',
      fileName,
      '文件已损坏或不是有效的 .xlsx 文件，请用 Excel/WPS 表格打开后重新另存为 .xlsx',
      'The file is damaged or not a valid .xlsx',
    );
  }
  const rows: NoticeRow[] = [];
  const places: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
      if (rows.length >= IMPORT_LIMITS.maxRows) return;
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = row.getCell(c);
        const covered = cell.isMerged && cell.master.address !== cell.address;
        // Our own exports neutralise formula-like text ('=…); undone exactly, so a re-import is unchanged.
        cells.push(covered ? '' : restoreCellText(cellText(cell)).trim());
      }
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      if (cells.length) {
        rows.push({ line: rows.length + 1, cells });
        places.push(`工作表“${sheet.name}”第${rowNo}行`);
      }
    });
  });
  return { rows, where: (line) => places[line - 1] ?? `第${line}行` };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cell.text ?? String(v);
}
