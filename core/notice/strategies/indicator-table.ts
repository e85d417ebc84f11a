// Indicator tables: one indicator per row, its measure and target in columns of their own
//
//   序号 | 指标名称 | 单位 | 目标值 | 责任单位 | 备注
//   1    | 地区生产总值增速 | % | 6左右 | 区发改局 |
//
// Each row is a task whose standard is the indicator written as a sentence —「地区生产总值增速6%左右」,
// the measure put back after the target's number, ≥/≤ written out (不低于/不高于) — so the indicator
// extraction reads name, value, unit and qualifier from it like from any task text. The rows are then
// read by ../table.ts (categories, merged unit cells, continuation rows). Tab rows, pipe rows, and
// tables flattened to one cell per line (rebuilt by ./cell-table.ts first).

import type { ColumnRole } from '../rows';
import { parseTable } from '../table';
import { cleanCell, matchKey, squash } from '../text';
import type { NoticeRow } from '../types';
import { rebuildCellTable } from './cell-table';
import { pipeRows } from './pipe-table';
import type { LayoutStrategy } from './types';

type IndicatorRole = ColumnRole | 'name' | 'measure' | 'target';

const ROLE_TESTS: [IndicatorRole, RegExp][] = [
  ['seq', /^(序号|编号|序)$/],
  ['measure', /^(单位|计量单位|指标单位|单位名称)$/],
  ['name', /^(指标名称|指标|主要指标|指标项|指标内容|具体指标)$/],
  ['target', /目标值|预期目标|目标任务值|计划目标|^\d{4}年(目标|预期)|^目标$|年度目标|^计划$/],
  ['category', /^(类别|指标类别|领域|指标属性|属性|类型)$/],
  ['leaders', /领导/],
  ['coUnits', /配合|协同|协办|协助/],
  ['leadUnits', /牵头|主责/],
  ['units', /责任单位|责任部门|承办单位|负责单位|单位$/],
  ['deadline', /完成时限|时限|完成时间|时间节点|完成期限/],
];

function roleOf(cell: string): IndicatorRole {
  const key = matchKey(cell);
  for (const [role, re] of ROLE_TESTS) if (re.test(key)) return role;
  return 'other';
}

function readIndicatorHeader(row: NoticeRow): IndicatorRole[] | null {
  if (row.cells.length < 4 || row.cells.length > 16) return null;
  if (/^\s*\d/u.test(row.cells[0] ?? '') || row.cells.some((c) => c.length > 40)) return null;
  if (row.cells.some((c) => matchKey(c).length > 16)) return null;
  const roles = row.cells.map(roleOf);
  const has = (r: IndicatorRole): boolean => roles.includes(r);
  if (!has('name') || !has('target') || !(has('units') || has('leadUnits'))) return null;
  return roles;
}

const COMPARATORS: Record<string, string> = {
  '≥': '不低于',
  '≤': '不高于',
  '>': '高于',
  '<': '低于',
  '＞': '高于',
  '＜': '低于',
};

/** The indicator as a sentence: 「地区生产总值增速」「%」「6左右」 → 「地区生产总值增速6%左右」. */
export function indicatorSentence(name: string, measure: string, target: string): string {
  const n = cleanCell(name);
  const m = squash(measure).replace(/^[-—－/／、]+$/u, '');
  let t = cleanCell(target);
  const cmp = /^([≥≤><＞＜])\s*/u.exec(t);
  if (cmp?.[1] !== undefined) t = `${COMPARATORS[cmp[1]] ?? ''}${t.slice(cmp[0].length)}`;
  const num = /\d+(?:\.\d+)?/u.exec(t);
  if (num && m !== '' && !t.slice(num.index + num[0].length).startsWith(m)) {
    const at = num.index + num[0].length;
    t = `${t.slice(0, at)}${m}${t.slice(at)}`;
  }
  return `${n}${t}`;
}

const SYNTHETIC: Partial<Record<IndicatorRole, string>> = {
  seq: '序号',
  category: '类别',
  leaders: '责任领导',
  leadUnits: '牵头单位',
  units: '责任单位',
  coUnits: '配合单位',
  deadline: '完成时限',
};

/** Reads rows (tab or pipe cells) under an indicator header; null when there is none. */
function readIndicatorRows(rows: NoticeRow[]): { out: NoticeRow[]; explained: number[] } | null {
  let roles: IndicatorRole[] | null = null;
  const out: NoticeRow[] = [];
  const explained: number[] = [];
  let columns: IndicatorRole[] = [];
  for (const row of rows) {
    const h = readIndicatorHeader(row);
    if (h) {
      explained.push(row.line);
      if (roles === null) {
        // The synthetic header the table reader understands: the indicator sentence is the task.
        columns = [...new Set(h.filter((r) => SYNTHETIC[r] !== undefined || r === 'name'))];
        out.push({ line: row.line, cells: columns.map((r) => (r === 'name' ? '工作任务' : (SYNTHETIC[r] ?? ''))) });
      }
      roles = h;
      continue;
    }
    if (roles === null || row.cells.length < 2) {
      if (roles !== null) out.push(row);
      continue;
    }
    const r = roles;
    const get = (role: IndicatorRole): string =>
      row.cells
        .filter((_, i) => r[i] === role)
        .join(' ')
        .trim();
    const name = get('name');
    const sentence = name === '' ? '' : indicatorSentence(name, get('measure'), get('target'));
    out.push({ line: row.line, cells: columns.map((c) => (c === 'name' ? sentence : get(c))) });
  }
  return roles === null ? null : { out, explained };
}

export const indicatorTableStrategy: LayoutStrategy = (input) => {
  let read = readIndicatorRows(pipeRows(input).rows);
  // A table flattened to one cell per line (a web page, a PDF copy): rebuilt first, then read alike.
  const rebuilt =
    read === null ? rebuildCellTable(input, (cells) => readIndicatorHeader({ line: 0, cells }) !== null) : null;
  if (rebuilt) read = readIndicatorRows(rebuilt.rows);
  if (read === null) return null;
  const t = parseTable(read.out);
  for (const task of t.tasks) {
    const span = rebuilt?.spans.get(task.line);
    if (span) task.endLine = span.endLine;
  }
  return {
    layout: 'indicator-table',
    tasks: t.tasks,
    categories: t.categories,
    anomalies: t.anomalies,
    explainedLines: [...read.explained, ...(rebuilt?.explained ?? [])],
  };
};
