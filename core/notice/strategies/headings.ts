// The 'headings' layout: numbered headings at every level (一、 （一） 1. 1.1 （1） 1) ①), where a
// heading itself can be the task —
//
//   一、扩大有效投资
//   （三）推进城市更新。区住建局牵头，2024年底前完成老旧小区改造50个。
//   （四）加快5G基站建设（区经信局牵头，区通信办配合，9月底前完成）
//
// or the lowest numbered level carries its roles on the next lines (「牵头单位：…」 or a clause such
// as 「区住建局牵头，区财政局配合」). The numbering kinds nest in the order they first appear; the
// task level is the kind whose items carry roles, the kinds above it are category and section.
// Deeper items without roles belong to the task above them. One pass over the rows: linear.

import { rowText } from '../rows';
import { cleanCell, headingNumber, matchView, normalizeSpaces } from '../text';
import type { CategoryVariant } from '../types';
import { readLabels, readRoleClauses, roleFields, startsWithLabel, type RoleValue } from './role-text';
import { rawTask, type LayoutStrategy } from './types';

type Kind = 'cn' | 'pcn' | 'num' | 'dec' | 'pnum' | 'half' | 'circ';

const NUMBERING: [Kind, RegExp][] = [
  ['cn', /^([一二三四五六七八九十]{1,3})\s*[、.]\s*/u],
  ['pcn', /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*[、.]?\s*/u],
  ['dec', /^(\d{1,2}\.\d{1,2})(?![\d.])\s*[、.]?\s*/u],
  ['num', /^(\d{1,2})\s*[.、](?![\d.])\s*/u],
  ['pnum', /^\(\s*(\d{1,2})\s*\)\s*/u],
  ['half', /^(\d{1,2})\)\s*/u],
  ['circ', /^([①-⑳])\s*/u],
];

interface Item {
  kind: Kind;
  seq: string;
  no: number | null;
  text: string;
  line: number;
  endLine: number;
  roles: RoleValue[];
  /** Lines after a task's roles are not its text. */
  closed: boolean;
}

function numbering(view: string): { kind: Kind; no: number | null; length: number } | null {
  for (const [kind, re] of NUMBERING) {
    const m = re.exec(view);
    if (m?.[1] === undefined) continue;
    const body = view.slice(m[0].length);
    // A bare number with no text ("2024.") or a date ("1.5万亩" is excluded above) is no heading.
    if (body.trim() === '') return null;
    const raw = m[1];
    const no = kind === 'circ' ? raw.charCodeAt(0) - 0x2460 + 1 : kind === 'dec' ? Number(raw.split('.')[1]) : headingNumber(raw);
    return { kind, no, length: m[0].length };
  }
  return null;
}

/** A line that is only roles: labels (「牵头单位：…」) or clauses (「区住建局牵头，区财政局配合。」). */
function roleLine(view: string, printed: string): RoleValue[] | null {
  if (startsWithLabel(view)) return readLabels(view, printed);
  if (printed.length > 120) return null;
  const r = readRoleClauses(printed);
  return r.roles.some((x) => x.role === 'lead' || x.role === 'co') && r.rest === '' ? r.roles : null;
}

export const headingsStrategy: LayoutStrategy = (rows) => {
  // Tables are other strategies' business; a segment that is mostly table rows is not read here.
  if (rows.filter((r) => r.cells.length >= 3).length * 3 > rows.length) return null;
  const items: Item[] = [];
  const order: Kind[] = [];
  let current: Item | null = null;
  for (const row of rows) {
    const printed = normalizeSpaces(rowText(row));
    const view = matchView(printed);
    const n = numbering(view);
    if (n) {
      if (!order.includes(n.kind)) order.push(n.kind);
      const seq = printed.slice(0, n.length).trim();
      current = { kind: n.kind, seq, no: n.no, text: printed.slice(n.length), line: row.line, endLine: row.line, roles: [], closed: false };
      const inline = readRoleClauses(current.text);
      const labelAt = view.slice(n.length).search(/(牵头单位|责任单位|配合单位|责任领导|牵头领导|完成时限)\s*:/u);
      if (inline.roles.length > 0) {
        current.roles.push(...inline.roles);
        current.text = inline.rest;
        // A heading that names its units is whole: the paragraph after it is not its text.
        current.closed = inline.roles.some((r) => r.role !== 'deadline');
      } else if (labelAt > 0) {
        // 「1.推进…。牵头单位：区住建局；配合单位：…」 on the heading's own line.
        current.roles.push(...readLabels(view.slice(n.length + labelAt), current.text.slice(labelAt)));
        current.text = current.text.slice(0, labelAt);
      }
      items.push(current);
      continue;
    }
    if (!current) continue;
    const roles = roleLine(view, printed);
    if (roles) {
      current.roles.push(...roles);
      current.endLine = row.line;
      current.closed = true;
    } else if (!current.closed) {
      current.text = `${current.text}${printed}`;
      current.endLine = row.line;
    }
  }

  // The task kind: the one whose items carry roles (most such items; on a tie, the deeper kind).
  const hasUnit = (it: Item): boolean => it.roles.some((r) => r.role === 'lead' || r.role === 'units' || r.role === 'co');
  let taskKind: Kind | null = null;
  let best = 0;
  for (const k of order) {
    const count = items.filter((it) => it.kind === k && hasUnit(it)).length;
    if (count > 0 && count >= best) {
      best = count;
      taskKind = k;
    }
  }
  if (taskKind === null || best < 2) return null;
  const depth = order.indexOf(taskKind);
  const above = order.slice(0, depth);
  const categoryKind = above[0];
  const sectionKind = above.length > 1 ? above[above.length - 1] : undefined;

  const tasks = [];
  const categories: CategoryVariant[] = [];
  const explainedLines: number[] = [];
  let category: { no: number; name: string } | null = null;
  let section: string | null = null;
  for (const it of items) {
    const d = order.indexOf(it.kind);
    if (d < depth) {
      explainedLines.push(it.line);
      const name = cleanCell(it.text).replace(/[。.；;]$/u, '');
      if (it.kind === categoryKind) {
        category = { no: it.no ?? categories.length + 1, name };
        categories.push({ no: category.no, name, printed: [{ name, line: it.line }] });
        section = null;
      } else if (it.kind === sectionKind) section = name;
      continue;
    }
    const prev = tasks[tasks.length - 1];
    if (d > depth && !hasUnit(it) && prev) {
      // A sub-point of the task above: its text (a dated step becomes a milestone).
      prev.standard = cleanCell(`${prev.standard} ${it.seq}${it.text}`);
      prev.endLine = Math.max(prev.endLine ?? prev.line, it.endLine);
      continue;
    }
    // A roleless item before the first task (a list in the preamble) or deeper with no task above: not a task.
    if (!hasUnit(it) && (d > depth || tasks.length === 0)) continue;
    const f = roleFields(it.roles);
    const t = rawTask(it.line, {
      seq: it.seq,
      seqNo: it.no,
      categoryNo: category?.no ?? null,
      categoryPrinted: category?.name ?? null,
      section,
      standard: cleanCell(it.text),
      leadersRaw: f.leadersRaw,
      leadUnitsRaw: f.leadUnitsRaw,
      coUnitsRaw: f.coUnitsRaw,
      deadline: f.deadline,
      endLine: it.endLine,
      ...(f.milestones.length > 0 ? { milestones: f.milestones } : {}),
    });
    if (!hasUnit(it)) {
      t.anomalies.push(`line ${it.line}: no leader or unit printed for this task`);
      t.uncertain = true;
    }
    tasks.push(t);
  }
  const used = new Set(tasks.map((t) => t.categoryNo));
  return {
    layout: 'headings',
    tasks,
    categories: categories.filter((c) => used.has(c.no)),
    anomalies: [],
    explainedLines,
  };
};
