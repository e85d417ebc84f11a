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

import { readHeader, rowText, sameHeader } from './rows';
import type { ColumnRole, TableHeader } from './rows';
import { cleanCell, foldWidth, squash } from './text';
import type { CategoryVariant, NoticeRow, Repair } from './types';

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
}

export interface TableResult {
  tasks: RawTask[];
  categories: CategoryVariant[];
  anomalies: string[];
  /** The printed headers of the upstream column ("省级下达的责任事项", "市级下达的责任事项"). */
  upstreamHeaders: string[];
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
  let label: Label | null = null;
  const upstreamHeaders: string[] = [];

  for (const row of rows) {
    const h = readHeader(row);
    if (h) {
      if (header && !sameHeader(header, h)) anomalies.push(`line ${row.line}: table header changes columns`);
      header = h;
      const up = cell(row.cells, h.roles, 'upstream');
      if (up !== '' && !upstreamHeaders.includes(squash(up))) upstreamHeaders.push(squash(up));
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

    // Category label (annex-1 style: the 序号 column numbers categories, not tasks).
    if (hasCategory && (catCell !== '' || /^\d+$/.test(seqCell))) {
      label = {
        no: /^\d+$/.test(seqCell) ? Number(seqCell) : null,
        name: catCell,
        printed: cell(cells, roles, 'category'),
        line: row.line,
        headerLine: header.line,
        firstTask: tasks.length,
      };
      labels.push(label);
    }

    let seq: string | null = null;
    let seqNo: number | null = null;
    const inStd = TASK_SEQ.exec(stdCell);
    if (inStd?.[1] !== undefined) {
      seq = inStd[0].trim();
      seqNo = Number(inStd[1]);
      stdCell = stdCell.slice(inStd[0].length).trim();
    } else if (!hasCategory && /^\d+$/.test(seqCell)) {
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
    tasks.push({
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
    });
  }

  const categories = canonicalCategories(labels);
  applyCategories(tasks, labels, categories, anomalies);
  return { tasks, categories, anomalies, upstreamHeaders };
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
