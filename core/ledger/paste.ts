// 粘贴导入: rows the office copies from Excel or WPS and pastes into the ledger. The clipboard holds
// tab-separated text, one row per line; a cell holding a line break, a tab or a quote is wrapped in
// "…" with its quotes doubled (what Excel and WPS put there). The header row, if any, proposes what
// each column is (core/notice/rows.ts columnRole, the importer's own header reading), a remembered
// mapping wins over the proposal, and every row becomes a TaskDraft with its errors per cell.

import { columnRole } from '../notice/rows';
import { matchKey } from '../notice/text';
import { checkDraft, splitLeaders, splitUnits, type DraftField, type TaskDraft } from './task-draft';

export const PASTE_FIELDS = ['seq', 'category', 'standard', 'leaders', 'leadUnits', 'coUnits', 'units', 'deadline', 'indicators', 'ignore'] as const;
export type PasteField = (typeof PASTE_FIELDS)[number];

export const PASTE_FIELD_LABELS: Record<PasteField, string> = {
  seq: '序号',
  category: '类别',
  standard: '任务内容',
  leaders: '牵头领导',
  leadUnits: '牵头单位',
  coUnits: '配合单位',
  units: '责任单位（首个牵头）',
  deadline: '完成时限',
  indicators: '指标',
  ignore: '忽略',
};

/** What the office chose last time: by header text (a sheet with headers) and by column (one without). */
export type PasteMemory = { byHeader: Record<string, PasteField>; byColumn: PasteField[] };
export const EMPTY_PASTE_MEMORY: PasteMemory = { byHeader: {}, byColumn: [] };

/** Clipboard text → rows of cells. Trailing empty rows go; short rows are padded to the widest. */
export function parsePastedText(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i <= s.length) {
    // At the start of a cell.
    if (s[i] === '"') {
      const quoted = readQuoted(s, i);
      if (quoted) {
        row.push(quoted.value);
        i = quoted.end;
        if (i >= s.length) break;
        if (s[i] === '\t') i += 1;
        else {
          i += s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
          endRow();
        }
        continue;
      }
    }
    let j = i;
    while (j < s.length && s[j] !== '\t' && s[j] !== '\n' && s[j] !== '\r') j += 1;
    row.push(s.slice(i, j));
    if (j >= s.length) break;
    if (s[j] === '\t') i = j + 1;
    else {
      i = j + (s[j] === '\r' && s[j + 1] === '\n' ? 2 : 1);
      endRow();
      if (i >= s.length) break;
    }
  }
  if (row.length) rows.push(row);
  const kept = rows.map((r) => r.map((c) => c.trim()));
  while (kept.length && kept[kept.length - 1]!.every((c) => c === '')) kept.pop();
  const nonEmpty = kept.filter((r) => r.some((c) => c !== ''));
  const width = Math.max(0, ...nonEmpty.map((r) => r.length));
  return nonEmpty.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** A quoted cell from `start` (the opening quote) to its closing quote followed by a tab, line end or the end; null when it is not one. */
function readQuoted(s: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === '"') {
      if (s[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = s[i + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') return { value: value.replace(/\r\n/g, '\n'), end: i + 1 };
      return null;
    }
    value += s[i];
    i += 1;
  }
  return null;
}

/** The field a header cell names, from the importer's column roles (and 指标, which the importer reads from the text). */
export function fieldOfHeader(cell: string): PasteField {
  if (/指标/u.test(cell)) return 'indicators';
  // The importer's roles that are no field of a pasted task (上级事项, and any it adds later) are ignored.
  const role: string = columnRole(cell);
  return (PASTE_FIELDS as readonly string[]).includes(role) ? (role as PasteField) : 'ignore';
}

/**
 * A first row is a header when at least two of its short cells name a field — by the importer's
 * header words, or because the office mapped that header text before — and none reads like a task.
 */
export function isHeaderRow(cells: string[], memory: PasteMemory = EMPTY_PASTE_MEMORY): boolean {
  if (cells.some((c) => matchKey(c).length > 20)) return false;
  return cells.filter((c) => fieldOfHeader(c) !== 'ignore' || (memory.byHeader[matchKey(c)] ?? 'ignore') !== 'ignore').length >= 2;
}

export type PasteMapping = { header: boolean; fields: PasteField[] };

/**
 * The proposed mapping: from the header row (the remembered choice for that header text first),
 * or, without one, the remembered columns when the width matches; a field taken twice keeps its first column.
 */
export function proposeMapping(rows: string[][], memory: PasteMemory = EMPTY_PASTE_MEMORY): PasteMapping {
  const first = rows[0] ?? [];
  const header = isHeaderRow(first, memory);
  let fields: PasteField[];
  if (header) fields = first.map((c) => memory.byHeader[matchKey(c)] ?? fieldOfHeader(c));
  else if (memory.byColumn.length === first.length) fields = [...memory.byColumn];
  else {
    // No header, nothing remembered: the column with the longest text is the task.
    const lengths = first.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    const longest = lengths.indexOf(Math.max(...lengths));
    fields = first.map((_, i) => (i === longest ? 'standard' : 'ignore'));
  }
  const seen = new Set<PasteField>();
  return {
    header,
    fields: fields.map((f) => {
      if (f === 'ignore') return f;
      if (seen.has(f)) return 'ignore';
      seen.add(f);
      return f;
    }),
  };
}

/** What to remember of a confirmed mapping, merged into what was remembered before. */
export function rememberMapping(memory: PasteMemory, headerCells: string[] | null, fields: PasteField[]): PasteMemory {
  const byHeader = { ...memory.byHeader };
  if (headerCells) headerCells.forEach((c, i) => c.trim() !== '' && (byHeader[matchKey(c)] = fields[i] ?? 'ignore'));
  return { byHeader, byColumn: headerCells ? memory.byColumn : [...fields] };
}

export type PastedRow = {
  /** 1-based row number in the pasted text (the header is row 1 when there is one). */
  row: number;
  cells: string[];
  draft: TaskDraft;
  /** Errors per cell: the column index they concern (null: a field no column was mapped to). */
  errors: { column: number | null; field: DraftField; message: string }[];
};

/** Every data row as a draft, checked: the grid shows these errors before anything is written. */
export function rowsToDrafts(rows: string[][], mapping: PasteMapping, year: number): PastedRow[] {
  const columnOf = (field: PasteField) => {
    const i = mapping.fields.indexOf(field);
    return i < 0 ? null : i;
  };
  const data = mapping.header ? rows.slice(1) : rows;
  const offset = mapping.header ? 2 : 1;
  return data.map((cells, i) => {
    const cell = (field: PasteField) => {
      const c = columnOf(field);
      return c === null ? '' : (cells[c] ?? '').trim();
    };
    const units = splitUnits(cell('units'));
    const draft: TaskDraft = {
      seq: cell('seq') || null,
      category: cell('category') || null,
      standard: cell('standard'),
      leaders: splitLeaders(cell('leaders')),
      leadUnits: [...splitUnits(cell('leadUnits')), ...units.slice(0, 1)],
      coUnits: [...splitUnits(cell('coUnits')), ...units.slice(1)],
      deadline: cell('deadline') || null,
      indicators: cell('indicators') || null,
    };
    const errors = checkDraft(draft, year).map((e) => {
      const field: PasteField = e.field === 'leadUnits' && columnOf('leadUnits') === null ? 'units' : e.field;
      return { column: columnOf(field), field: e.field, message: e.message };
    });
    return { row: i + offset, cells, draft, errors };
  });
}

/** Mapping problems that stop the whole paste (not one row): no column is the task text, or none names a unit. */
export function mappingProblems(mapping: PasteMapping): string[] {
  const has = (f: PasteField) => mapping.fields.includes(f);
  const out: string[] = [];
  if (!has('standard')) out.push('请指定哪一列是「任务内容」');
  if (!has('leadUnits') && !has('units')) out.push('请指定哪一列是「牵头单位」或「责任单位」');
  return out;
}
