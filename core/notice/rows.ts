// text → rows, and recognising table header rows.
//
// The "rows" intermediate is what every reader produces: the txt reader here (tab-separated
// cells, one row per line), and later the server's docx/xlsx readers (real table cells;
// paragraphs as one-cell rows). Everything after this file works on rows only.

import { assertTextWithinLimit } from './limits';
import { matchKey } from './text';
import type { NoticeRow } from './types';

/** Splits extracted text into rows: one per non-blank line, cells split on tabs. */
export function textToRows(text: string): NoticeRow[] {
  assertTextWithinLimit(text);
  return splitTextRows(text);
}

/**
 * The split alone, without the bound on a notice's size: for test fixtures that render an oversize
 * notice as .docx/.xlsx to see the reader refuse it (the fuzz run's generator could not build one).
 */
export function splitTextRows(text: string): NoticeRow[] {
  const rows: NoticeRow[] = [];
  // \f is a page break from pdftotext; treat it as a line break so line numbers stay meaningful.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    rows.push({ line: i + 1, cells: raw.split('\t').map((c) => c.trim()) });
  });
  return rows;
}

/** The non-empty text of a row joined by spaces (a paragraph, or a table row read as text). */
export function rowText(row: NoticeRow): string {
  return row.cells.filter((c) => c !== '').join(' ');
}

export function isTableRow(row: NoticeRow): boolean {
  return row.cells.length >= 2;
}

export type ColumnRole =
  'seq' | 'category' | 'upstream' | 'standard' | 'deadline' | 'leaders' | 'leadUnits' | 'coUnits' | 'units' | 'other';

/**
 * Header cells vary from page to page ("分管 区领导", "分管领导", even "分区领导" where the
 * extractor dropped a character) and between notices, so roles are found by keywords, tested
 * in an order that resolves overlaps ("目标名称" is a category, "新洲区目标任务" a standard,
 * "省级下达的责任事项" the upstream item although it also says 责任).
 */
const ROLE_TESTS: [ColumnRole, RegExp][] = [
  ['seq', /^(序号|编号|序|No\.?)$/i],
  // A measure column (「单位」「计量单位」 in an indicator table) and notes name no one responsible.
  ['other', /^(单位|计量单位|指标单位|备注|说明|年度投资.*|总投资.*|投资.*万元.*|投资.*亿元.*)$/],
  ['deadline', /完成时间|完成时限|时限|时间节点|完成期限|办理期限|截止时间|期程|完成日期|预定完成/],
  ['leaders', /领导/],
  ['upstream', /下达|上级|原文|报告内容|报告表述/],
  ['coUnits', /配合单位|协办单位|协助单位|配合部门|协同|协作单位|参与单位|协办机关|配合机关/],
  ['leadUnits', /牵头|主办单位|主办机关|主责单位|主责部门/],
  ['units', /责任单位|责任部门|承办单位|权责单位|执行单位|单位$|部门$|机关$/],
  ['category', /目标名称|类别|领域|板块|名称$|项目$/],
  ['standard', /标准|任务|内容|目标|事项|措施|实事|重点工作|工作要点|具体工作/],
];

/** The role of a header cell; letter-spaced words (「牵 头 单 位」「序  号」) are read squashed. */
export function columnRole(cell: string): ColumnRole {
  const key = matchKey(cell);
  if (key === '') return 'other';
  for (const [role, re] of ROLE_TESTS) if (re.test(key)) return role;
  return 'other';
}

export interface TableHeader {
  roles: ColumnRole[];
  line: number;
}

/**
 * A row is a header when its cells name a standard (or upstream) column and a units or leaders
 * column, and no cell looks like data (a long sentence).
 */
export function readHeader(row: NoticeRow): TableHeader | null {
  if (row.cells.length < 3) return null;
  // A numbered row or a long cell is data (cheap tests first: most data rows stop here).
  if (/^\s*\d/u.test(row.cells[0] ?? '') || row.cells.some((c) => c.length > 60)) return null;
  if (row.cells.some((c) => matchKey(c).length > 20)) return null;
  let roles = row.cells.map(columnRole);
  // 「序号 | 重点项目 | 牵头单位」: a project column with no other task column is the task itself.
  if (!roles.includes('standard') && !roles.includes('upstream'))
    roles = roles.map((r) => (r === 'category' ? 'standard' : r));
  const has = (r: ColumnRole): boolean => roles.includes(r);
  const hasUnits = has('units') || has('leadUnits') || has('coUnits');
  if (!(has('standard') || has('upstream'))) return null;
  if (!(hasUnits || has('leaders'))) return null;
  return { roles, line: row.line };
}

/** True when the header lists the same roles (a page-break repeat of the header). */
export function sameHeader(a: TableHeader, b: TableHeader): boolean {
  return a.roles.length === b.roles.length && a.roles.every((r, i) => r === b.roles[i]);
}
