// Non-table layouts: tasks as numbered paragraphs with their roles either on labelled lines
//
//   1. 地区生产总值增长6%左右。
//   责任领导：张三   牵头单位：区发改局   责任单位：区统计局、区财政局   配合单位：各街道
//
// or in a trailing parenthesis after the task text
//
//   1. 地区生产总值增长6%左右。（责任领导：张三；牵头单位：区发改局；责任单位：区统计局）
//
// under numbered headings 一、 (category) and （一） (section). Numbers may be ASCII or full-width,
// labels traditional ("責任單位") — matching uses the simplified, width-folded view of each line.

import { rowText } from './rows';
import { cleanCell, headingNumber, matchView, normalizeSpaces } from './text';
import type { RawTask } from './table';
import type { CategoryVariant, NoticeRow } from './types';

const L1 = /^([一二三四五六七八九十]+)[、.]\s*(.+)$/u;
const L2 = /^\(([一二三四五六七八九十]+)\)\s*(.+)$/u;
const DOT_ITEM = /^(\d+)\s*[.、](?!\d)\s*(.+)$/u;
const PAREN_ITEM = /^\((\d+)\)\s*(.+)$/u;
const LABEL =
  /(责任领导|分管区领导|分管领导|牵头领导|联系领导|牵头单位|主办单位|责任单位|承办单位|配合单位|协办单位|完成时限|完成时间|时间节点)\s*:\s*/gu;
const TRAILING =
  /\((\s*(?:责任领导|分管区领导|分管领导|牵头领导|牵头单位|责任单位|配合单位)\s*:[^()]*)\)\s*[。.]?\s*$/u;

type Role = 'leaders' | 'lead' | 'units' | 'co' | 'deadline';

function roleOf(label: string): Role {
  if (/领导/u.test(label)) return 'leaders';
  if (/牵头|主办/u.test(label)) return 'lead';
  if (/配合|协办/u.test(label)) return 'co';
  if (/时限|时间/u.test(label)) return 'deadline';
  return 'units';
}

/** Reads "label：value" pairs from a line (several labels may share one line). */
function readLabels(view: string, printed: string): { role: Role; value: string }[] {
  const hits = [...view.matchAll(LABEL)];
  return hits.map((m, i) => {
    const from = m.index + m[0].length;
    const to = hits[i + 1]?.index ?? view.length;
    const value = printed.slice(from, to).replace(/[；;。，,\s]+$/u, '');
    return { role: roleOf(m[1] ?? ''), value: value.trim() };
  });
}

interface Draft {
  task: RawTask;
  roles: { role: Role; value: string }[];
  level: 'dot' | 'paren';
}

function finish(d: Draft): RawTask {
  const t = d.task;
  const get = (r: Role): string =>
    d.roles
      .filter((x) => x.role === r)
      .map((x) => x.value)
      .join(' ');
  const lead = get('lead');
  const units = get('units');
  t.leadersRaw = get('leaders');
  // 责任单位 are all the units when no 牵头单位 is named, else they co-operate with the lead.
  t.leadUnitsRaw = lead !== '' ? lead : units;
  t.coUnitsRaw = [lead !== '' ? units : '', get('co')].filter((x) => x !== '').join(' ');
  const deadline = get('deadline');
  t.deadline = deadline === '' ? null : normalizeSpaces(deadline);
  return t;
}

export interface LayoutResult {
  tasks: RawTask[];
  categories: CategoryVariant[];
  layout: 'labelled' | 'inline';
  anomalies: string[];
}

export function parseLabelledLayout(rows: NoticeRow[]): LayoutResult {
  const drafts: Draft[] = [];
  const categories: CategoryVariant[] = [];
  const anomalies: string[] = [];
  let category: { no: number; name: string } | null = null;
  let section: string | null = null;
  let current: Draft | null = null;
  let inline = 0;

  for (const row of rows) {
    const printed = normalizeSpaces(rowText(row));
    const view = matchView(printed);
    const labels = readLabels(view, printed);
    if (labels.length > 0 && view.search(LABEL) === 0) {
      if (current) current.roles.push(...labels);
      else anomalies.push(`line ${row.line}: role labels before any task ignored`);
      continue;
    }
    const l1 = L1.exec(view);
    const l2 = L2.exec(view);
    const item = DOT_ITEM.exec(view) ?? PAREN_ITEM.exec(view);
    if (l1?.[1] !== undefined && !item) {
      const no = headingNumber(l1[1]) ?? categories.length + 1;
      category = { no, name: cleanCell(printed.slice(view.length - (l1[2] ?? '').length)) };
      categories.push({ no, name: category.name, printed: [{ name: category.name, line: row.line }] });
      section = null;
      current = null;
      continue;
    }
    if (l2?.[1] !== undefined) {
      section = cleanCell(printed.slice(view.length - (l2[2] ?? '').length));
      current = null;
      continue;
    }
    if (item?.[1] !== undefined) {
      let body = printed.slice(view.length - (item[2] ?? '').length);
      const roles: { role: Role; value: string }[] = [];
      const trailing = TRAILING.exec(matchView(body));
      if (trailing?.[1] !== undefined) {
        const inner = body.slice(trailing.index + 1, trailing.index + 1 + trailing[1].length);
        roles.push(...readLabels(matchView(inner).replace(/;/g, '；'), inner));
        body = body.slice(0, trailing.index);
        inline++;
      }
      const seqText = view.slice(0, view.length - (item[2] ?? '').length).trim();
      current = {
        level: DOT_ITEM.test(view) ? 'dot' : 'paren',
        roles,
        task: {
          seq: printed.slice(0, seqText.length).trim(),
          seqNo: Number(item[1]),
          categoryNo: category?.no ?? null,
          categoryPrinted: category?.name ?? null,
          upstreamNo: null,
          upstreamItem: null,
          standard: cleanCell(body),
          deadline: null,
          leadersRaw: '',
          leadUnitsRaw: '',
          coUnitsRaw: '',
          line: row.line,
          anomalies: [],
          repairs: [],
          uncertain: false,
          section,
        },
      };
      drafts.push(current);
      continue;
    }
    // Plain text: the task text wrapped onto another line.
    if (current && current.roles.length === 0) current.task.standard = cleanCell(`${current.task.standard}${printed}`);
  }

  // The task level is the numbering level that carries roles; a roleless "1." list elsewhere (the
  // annex list in the body, sub-points) is not a list of tasks.
  const withRoles = (lv: Draft['level']): number => drafts.filter((d) => d.level === lv && d.roles.length > 0).length;
  const level: Draft['level'] = withRoles('dot') >= withRoles('paren') ? 'dot' : 'paren';
  const firstRoled = drafts.findIndex((d) => d.level === level && d.roles.length > 0);
  const tasks: RawTask[] = [];
  drafts.forEach((d, i) => {
    if (firstRoled < 0 || i < firstRoled) return;
    if (d.level !== level && d.roles.length === 0) {
      // A sub-point of the previous task: keep its text with that task.
      const prev = tasks[tasks.length - 1];
      if (prev) prev.standard = cleanCell(`${prev.standard} ${d.task.seq}${d.task.standard}`);
      return;
    }
    const t = finish(d);
    if (d.roles.length === 0) {
      t.anomalies.push(`line ${t.line}: no leader or unit printed for this task`);
      t.uncertain = true;
    }
    tasks.push(t);
  });
  const used = new Set(tasks.map((t) => t.categoryNo));
  return {
    tasks,
    categories: categories.filter((c) => used.has(c.no)),
    layout: inline > tasks.length / 2 ? 'inline' : 'labelled',
    anomalies,
  };
}
