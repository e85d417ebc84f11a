/**
 * Text in an exported workbook that a spreadsheet could take for a formula. ExcelJS writes a
 * string as a string, so Excel itself never runs `=HYPERLINK(…)` from our files — but a person who
 * re-saves the sheet as CSV (or pastes it) hands the bare text to the next program, which does
 * (CSV/formula injection). Every text cell of every export therefore passes through
 * `neutraliseCellText`, in the two writers (xlsx.ts renderWorkbook, annex-sheet.ts addModelSheet).
 *
 * The choice: a leading apostrophe ('), OWASP's recommendation. It is visible, so nobody is misled
 * about what the cell holds, it survives a CSV re-save as text, and no spreadsheet evaluates a cell
 * that starts with it. An invisible zero-width character would hide the change and break searching
 * and copying. Only text is touched: numbers (negative ones included) are written as numbers.
 *
 * The importer reads our own ledger exports back, so the change is undone exactly there
 * (`restoreCellText`, server/import/readers/xlsx.ts). To keep that exact, a text that already
 * starts with apostrophes before a trigger character gets one more, and loses exactly one.
 */
const TRIGGER = /^'*[=+\-@\t\r]/;

export function neutraliseCellText(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function restoreCellText(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}

/** A cell's value as written: text neutralised, numbers and empty cells as they are. */
export function safeCellValue<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseCellText(value) : value;
}
