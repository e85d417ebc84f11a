// Table rows → raw tasks (before leaders/units/indicators are resolved).
//
// Messiness handled here:
// - the header repeats at every page break, with different wording ("分管 区领导", "分区领导");
// - a category cell spans rows: its number and name appear on one row only, and again after a
//   page break, sometimes spelled differently ("突破双柳新城建设" / "突破性建设双柳新城");
// - rows shifted left by the extractor: "(26) …⇥leaders⇥units⇥⇥" (seq/category cells lost);
// - annex 1 prints the task number inside the standard cell ("(1) 地区生产总值…"), annexes 2–5 in
//   the 序号 column, with the upstream number prefixed to the upstream text ("7.以建设…");
// - printed numbering with gaps (annex 2 jumps from 21 to 24) is kept and reported.

import { columnRole, readHeader, rowText, sameHeader } from './rows';
import type { ColumnRole, TableHeader } from './rows';
import { cleanCell, foldWidth, headingNumber, matchKey, squash } from './text';
import type { CategoryVariant, NoticeRow, Repair, TaskField } from './types';

export interface RawTask {
  seq: string;
  seqNo: number | null;
  categoryNo: number | null;
  categoryPrinted: string | null;
  upstreamNo: number | null;
  upstreamItem: string | null;
  standard: string;
  deadline: string | null;
  leadersRaw: string;
  leadUnitsRaw: string;
  coUnitsRaw: string;
  line: number;
  anomalies: string[];
  repairs: Repair[];
  uncertain: boolean;
  section: string | null;
  /** The task's last source line (inclusive), when it spans more than its first. */
  endLine?: number;
  /** Dated steps printed in the task (「6月底前完成…」), as printed. */
  milestones?: string[];
  /** Role text naming no unit (「等有关部门」), kept as a note. */
  notes?: string[];
  uncertainFields?: import('./types').TaskField[];
}

export interface TableResult {
  tasks: RawTask[];
  categories: CategoryVariant[];
  anomalies: string[];
  /** The printed headers of the upstream column ("省级下达的责任事项", "市级下达的责任事项"). */
  upstreamHeaders: string[];
  /** The lines of the header rows (the first and its page-break repeats). */
  headerLines: number[];
}

const TASK_SEQ = /^[(（]\s*(\d+)\s*[)）]\s*/u;
const UPSTREAM_NO = /^(\d+)\s*[.．、]\s*(?!\d)/u;

function cell(cells: string[], roles: ColumnRole[], role: ColumnRole): string {
  const i = roles.indexOf(role);
  return i < 0 ? '' : (cells[i] ?? '');
}

/** Repairs a row whose cells were shifted left (first cell holds the task text). */
function alignCells(row: NoticeRow, header: TableHeader): { cells: string[]; repair: Repair | null } {
  const n = header.roles.length;
  let cells = [...row.cells];
  const stdIdx = header.roles.indexOf('standard');
  if (stdIdx > 0 && TASK_SEQ.test(cells[0] ?? '')) {
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    const shifted = [...Array<string>(Math.max(0, n - cells.length)).fill(''), ...cells];
    return {
      cells: shifted,
      repair: {
        field: 'row',
        raw: row.cells.join('\t'),
        result: shifted.join('\t'),
        rule: 'row-shifted-left: task text found in the first cell; cells realigned to the header',
        uncertain: false,
        line: row.line,
      },
    };
  }
  if (cells.length > n) cells = [...cells.slice(0, n - 1), cells.slice(n - 1).join(' ')];
  while (cells.length < n) cells.push('');
  return { cells, repair: null };
}

interface Label {
  no: number | null;
  /** Wrap spaces removed ("全年主要 预期目标" → "全年主要预期目标"); `printed` keeps them. */
  name: string;
  printed: string;
  line: number;
  headerLine: number;
  firstTask: number;
}

/** Chooses one name per category number: most frequent printed form, then longest, then first. */
function canonicalCategories(labels: Label[]): CategoryVariant[] {
  const byNo = new Map<number, Label[]>();
  for (const l of labels) {
    if (l.no === null) continue;
    const list = byNo.get(l.no) ?? [];
    list.push(l);
    byNo.set(l.no, list);
  }
  const out: CategoryVariant[] = [];
  for (const [no, list] of byNo) {
    const counts = new Map<string, number>();
    for (const l of list) counts.set(l.name, (counts.get(l.name) ?? 0) + 1);
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0];
    out.push({ no, name: best?.[0] ?? '', printed: list.map((l) => ({ name: l.printed, line: l.line })) });
  }
  return out.sort((a, b) => a.no - b.no);
}

export function parseTable(rows: NoticeRow[]): TableResult {
  const tasks: RawTask[] = [];
  const anomalies: string[] = [];
  const labels: Label[] = [];
  let header: TableHeader | null = null;
  /** The header's first row as printed (page-break repeats are compared with it). */
  let printedHeader: TableHeader | null = null;
  let afterHeader = false;
  let label: Label | null = null;
  const upstreamHeaders: string[] = [];
  const headerLines: number[] = [];
  // Categories printed by name only (类别, 项目名称) are numbered in order of first appearance.
  const categoryNos = new Map<string, number>();
  const ordinal = (name: string): number => {
    let no = categoryNos.get(name);
    if (no === undefined) {
      no = categoryNos.size + 1;
      categoryNos.set(name, no);
    }
    return no;
  };

  for (const row of rows) {
    const h = readHeader(row);
    if (h) {
      if (printedHeader && !sameHeader(printedHeader, h))
        anomalies.push(`line ${row.line}: table header changes columns`);
      printedHeader = h;
      header = h;
      headerLines.push(row.line);
      const up = cell(row.cells, h.roles, 'upstream');
      if (up !== '' && !upstreamHeaders.includes(squash(up))) upstreamHeaders.push(squash(up));
      afterHeader = true;
      continue;
    }
    // A header over two rows: 「责任单位」 merged over 「牵头单位 | 配合单位」 printed on the row below.
    const sub: TableHeader | null = afterHeader && header ? subHeader(row, header) : null;
    afterHeader = false;
    if (sub) {
      header = sub;
      headerLines.push(row.line);
      continue;
    }
    if (header === null || row.cells.length < 2) {
      const text = rowText(row);
      if (tasks.length > 0 && !/^抄送|印发$|办公室$|^\d{4}\s*年.*日$|^附\s*件/u.test(foldWidth(text))) {
        anomalies.push(`line ${row.line}: text outside the table ignored: ${text.slice(0, 40)}`);
      }
      continue;
    }
    const { cells, repair } = alignCells(row, header);
    const roles = header.roles;
    const hasCategory = roles.includes('category');
    const seqCell = squash(cell(cells, roles, 'seq'));
    const catCell = squash(cell(cells, roles, 'category'));
    let stdCell = cleanCell(cell(cells, roles, 'standard'));

    // Two numberings share the 序号 column: annex-1 style prints the task number inside the standard
    // cell ("(1) …") and numbers categories in 序号; most tables number tasks in 序号 and print the
    // category (类别, 项目名称) in a cell merged over its tasks.
    let seq: string | null = null;
    let seqNo: number | null = null;
    const inStd = TASK_SEQ.exec(stdCell);
    const numbersCategories = hasCategory && inStd !== null;
    if (hasCategory && (catCell !== '' || (numbersCategories && /^\d+$/.test(seqCell)))) {
      const named = categoryNumber(catCell);
      label = {
        no: numbersCategories ? (/^\d+$/.test(seqCell) ? Number(seqCell) : null) : (named?.no ?? ordinal(catCell)),
        name: named?.name ?? catCell,
        printed: cell(cells, roles, 'category'),
        line: row.line,
        headerLine: header.line,
        firstTask: tasks.length,
      };
      labels.push(label);
    }
    if (inStd?.[1] !== undefined) {
      seq = inStd[0].trim();
      seqNo = Number(inStd[1]);
      stdCell = stdCell.slice(inStd[0].length).trim();
    } else if (/^\d+$/.test(seqCell)) {
      seq = seqCell;
      seqNo = Number(seqCell);
    }

    const upstreamCell = cleanCell(cell(cells, roles, 'upstream'));
    // With a 牵头单位 column, 责任单位 lists the co-operating units; alone, it lists all (lead first).
    const separateLead = roles.includes('leadUnits');
    const leadUnits = cell(cells, roles, separateLead ? 'leadUnits' : 'units');
    const coUnits = [separateLead ? cell(cells, roles, 'units') : '', cell(cells, roles, 'coUnits')]
      .filter((c) => c !== '')
      .join(' ');
    if (seq === null) {
      // No number: the row continues the previous task (a cell that wrapped onto a new row).
      const prev = tasks[tasks.length - 1];
      if (prev === undefined) {
        anomalies.push(`line ${row.line}: row without a task number ignored: ${rowText(row).slice(0, 40)}`);
        continue;
      }
      prev.standard = cleanCell(`${prev.standard} ${stdCell}`);
      if (upstreamCell) prev.upstreamItem = cleanCell(`${prev.upstreamItem ?? ''} ${upstreamCell}`);
      prev.leadersRaw = `${prev.leadersRaw} ${cell(cells, roles, 'leaders')}`.trim();
      prev.leadUnitsRaw = `${prev.leadUnitsRaw} ${leadUnits}`.trim();
      prev.coUnitsRaw = `${prev.coUnitsRaw} ${coUnits}`.trim();
      prev.anomalies.push(`line ${row.line}: row without a number read as the continuation of ${prev.seq}`);
      continue;
    }

    const up = UPSTREAM_NO.exec(upstreamCell);
    const deadline = squash(cell(cells, roles, 'deadline'));
    const task: RawTask = {
      seq,
      seqNo,
      categoryNo: label?.no ?? null,
      categoryPrinted: label?.name ?? null,
      upstreamNo: up?.[1] !== undefined ? Number(up[1]) : null,
      upstreamItem: upstreamCell === '' ? null : up ? upstreamCell.slice(up[0].length).trim() : upstreamCell,
      standard: stdCell,
      deadline: deadline === '' ? null : deadline,
      leadersRaw: cell(cells, roles, 'leaders'),
      leadUnitsRaw: leadUnits,
      coUnitsRaw: coUnits,
      line: row.line,
      anomalies: repair ? [`line ${row.line}: row shifted left by the extractor; realigned`] : [],
      repairs: repair ? [repair] : [],
      uncertain: false,
      section: null,
    };
    const prev = tasks[tasks.length - 1];
    if (prev !== undefined) inheritMergedCells(task, prev, roles);
    tasks.push(task);
  }

  const categories = canonicalCategories(labels);
  applyCategories(tasks, labels, categories, anomalies);
  return { tasks, categories, anomalies, upstreamHeaders, headerLines };
}

const SUB_HEADER_ROLES: ReadonlySet<ColumnRole> = new Set(['leaders', 'leadUnits', 'coUnits', 'units', 'deadline']);

/** The header completed by a second header row under it, or null when the row is data. */
function subHeader(row: NoticeRow, header: TableHeader): TableHeader | null {
  const filled = row.cells.map((c, i) => [i, c] as const).filter(([, c]) => c !== '');
  if (filled.length === 0 || /^\s*\d/u.test(row.cells[0] ?? '')) return null;
  const roles = [...header.roles];
  for (const [i, c] of filled) {
    if (matchKey(c).length > 12) return null;
    const role = columnRole(c);
    if (!SUB_HEADER_ROLES.has(role)) return null;
    roles[i] = role;
  }
  for (let i = 0; i < roles.length; i++) if (roles[i] === undefined) roles[i] = 'other';
  return { roles, line: header.line };
}

const CN_HEADING = /^([一二三四五六七八九十]+)[、.．]\s*(.+)$/u;

/** 「一、经济发展」 in a category cell: its printed number and name. */
function categoryNumber(catCell: string): { no: number; name: string } | null {
  const m = CN_HEADING.exec(catCell);
  const no = m?.[1] !== undefined ? headingNumber(m[1]) : null;
  return no !== null && m?.[2] !== undefined ? { no, name: m[2] } : null;
}

/**
 * Merged cells: a unit, leader or deadline cell printed once and empty on the rows below it means
 * "the same as above" (the .docx/PDF rendering of a vertically merged cell). A task always has a
 * lead unit, so an empty lead cell is read as spanning; an empty co-unit cell spans only when the
 * lead cell is empty too (otherwise the row simply has no co-units). A span that would cross into
 * another category, or an empty lead cell beside a printed co-unit cell, is ambiguous: the task is
 * then marked for confirmation.
 */
function inheritMergedCells(task: RawTask, prev: RawTask, roles: ColumnRole[]): void {
  const crosses = task.categoryNo !== prev.categoryNo;
  // A lead cell empty beside a printed co-unit cell may be a merge or a lead left out: ask.
  const partial = task.leadUnitsRaw === '' && task.coUnitsRaw !== '';
  const inherited: TaskField[] = [];
  const take = (field: 'leadersRaw' | 'leadUnitsRaw' | 'coUnitsRaw', what: TaskField): void => {
    if (task[field] !== '' || prev[field] === '') return;
    task[field] = prev[field];
    if (!inherited.includes(what)) inherited.push(what);
  };
  const leadRole: ColumnRole = roles.includes('leadUnits') ? 'leadUnits' : 'units';
  const leadEmpty = task.leadUnitsRaw === '';
  if (roles.includes(leadRole) && leadEmpty) {
    take('leadUnitsRaw', 'units');
    if (task.coUnitsRaw === '') take('coUnitsRaw', 'units');
  }
  if (roles.includes('leaders')) take('leadersRaw', 'leaders');
  if (roles.includes('deadline') && task.deadline === null && prev.deadline !== null) {
    task.deadline = prev.deadline;
    inherited.push('deadline');
  }
  if (inherited.length === 0) return;
  task.repairs.push({
    field: 'row',
    raw: '',
    result: inherited.join(', '),
    rule: `merged-cell: empty ${inherited.join('/')} cell read as the cell above (${prev.seq}) spanning this row`,
    uncertain: crosses || partial,
    line: task.line,
  });
  if (crosses || partial) {
    task.uncertain = true;
    task.uncertainFields = [...(task.uncertainFields ?? []), ...inherited];
    const why = crosses ? 'across a category boundary' : 'although the co-unit cell is printed';
    task.anomalies.push(
      `line ${task.line}: empty ${inherited.join('/')} cell taken from ${prev.seq} ${why} — please confirm`,
    );
  }
}

/** Canonical names onto tasks; flags labels repeated on the same page (span boundary unclear). */
function applyCategories(tasks: RawTask[], labels: Label[], cats: CategoryVariant[], anomalies: string[]): void {
  const names = new Map(cats.map((c) => [c.no, c.name]));
  for (const c of cats) {
    const variants = [...new Set(c.printed.map((p) => squash(p.name)))];
    if (variants.length > 1) {
      anomalies.push(`category ${c.no} printed as ${variants.map((v) => `"${v}"`).join(' / ')}; using "${c.name}"`);
    }
  }
  for (const t of tasks) {
    if (t.categoryNo === null || t.categoryPrinted === null) continue;
    const name = names.get(t.categoryNo);
    if (name !== undefined && name !== t.categoryPrinted) {
      t.repairs.push({
        field: 'category',
        raw: `${t.categoryNo} ${t.categoryPrinted}`,
        result: `${t.categoryNo} ${name}`,
        rule: 'category-canonical-name: one name per category number (most frequent, then longest)',
        uncertain: false,
        line: t.line,
      });
    }
  }
  // A label printed twice with no header (page break) between: the first label probably sits
  // inside the previous category's span (merged cells are placed loosely by the extractor).
  for (let i = 1; i < labels.length; i++) {
    const a = labels[i - 1];
    const b = labels[i];
    if (!a || !b || a.no === null || a.no !== b.no || a.headerLine !== b.headerLine) continue;
    const affected = tasks.slice(a.firstTask, b.firstTask);
    const prevNo = a.no - 1;
    for (const t of affected) {
      t.uncertain = true;
      t.anomalies.push(
        `category ${a.no} is printed again at line ${b.line} on the same page; ` +
          `${t.seq} may belong to category ${prevNo} — please confirm`,
      );
    }
    const first = affected[0]?.seq ?? '?';
    const last = affected[affected.length - 1]?.seq ?? '?';
    anomalies.push(
      `category ${a.no} printed twice on one page (lines ${a.line}, ${b.line}); ${first}–${last} may belong to category ${prevNo}`,
    );
  }
}
