// The 'key-value' layout: unnumbered blocks, one per task, of 「key：value」 lines —
//
//   任务名称：老旧小区改造
//   工作内容：完成改造小区42个，惠及居民1.2万户。
//   牵头单位：区住建局          配合单位：区财政局、各街道
//   完成时限：2025年12月底前
//
// separated by blank lines (a gap in the source line numbers: readers drop blank lines) or by the
// first key coming again. A line with no key continues the value before it; a numbered heading
// between blocks (一、…) or a 所属领域/类别 key is the category. Unnumbered tasks are counted 1, 2, …
// (free-text.ts does the same). One pass over the rows: linear.

import { rowText } from '../rows';
import { cleanCell, headingNumber, matchView, normalizeSpaces } from '../text';
import type { RawTask } from '../table';
import type { CategoryVariant } from '../types';
import { roleOfLabel, type RoleValue } from './role-text';
import { rawTask, type LayoutStrategy } from './types';

type Key = 'name' | 'content' | 'category' | 'seq' | 'role';

const KEYS =
  /(任务名称|事项名称|项目名称|重点任务|工作任务|任务事项|工作内容|任务内容|具体内容|主要内容|工作目标|目标任务|工作措施|具体措施|建设内容|任务要求|所属领域|任务类别|序号|编号|责任领导|分管区领导|分管市领导|分管领导|牵头领导|牵头负责领导|牵头责任单位|牵头单位|牵头部门|主办单位|协同责任单位|责任单位|责任部门|承办单位|配合单位|协办单位|参与单位|配合部门|完成时限|完成时间|完成期限|时限要求|时间节点|进度安排)\s*:\s*/gu;

function keyOf(label: string): Key {
  if (/名称|重点任务|工作任务|任务事项/u.test(label)) return 'name';
  if (/内容|目标|措施|要求/u.test(label) && !/时限/u.test(label)) return 'content';
  if (/领域|类别/u.test(label)) return 'category';
  if (/序号|编号/u.test(label)) return 'seq';
  return 'role';
}

interface Block {
  line: number;
  endLine: number;
  values: { key: Key; label: string; value: string }[];
}

const HEADING = /^([一二三四五六七八九十]{1,3})\s*[、.]\s*(.{2,40})$/u;

function labelsOf(view: string, printed: string): { key: Key; label: string; value: string }[] {
  const hits = [...view.matchAll(KEYS)];
  if (hits[0]?.index !== 0) return [];
  return hits.map((m, i) => {
    const from = m.index + m[0].length;
    const to = hits[i + 1]?.index ?? view.length;
    return { key: keyOf(m[1] ?? ''), label: m[1] ?? '', value: printed.slice(from, to).trim() };
  });
}

function toTask(b: Block, n: number, category: { no: number; name: string } | null): RawTask | null {
  const get = (k: Key): string => b.values.filter((v) => v.key === k).map((v) => cleanCell(v.value)).join('');
  const name = get('name').replace(/[；;，,]$/u, '');
  const content = get('content');
  const roles: RoleValue[] = b.values
    .filter((v) => v.key === 'role')
    .map((v) => ({ role: roleOfLabel(v.label), value: cleanCell(v.value).replace(/[；;。，,]+$/u, '') }));
  if ((name === '' && content === '') || !roles.some((r) => r.role === 'lead' || r.role === 'units' || r.role === 'co')) return null;
  const get1 = (r: RoleValue['role']): string[] => roles.filter((x) => x.role === r && x.value !== '').map((x) => x.value);
  const lead = get1('lead').join('、');
  const units = get1('units').join('、');
  const steps = get1('milestones').flatMap((m) => m.split(/[；;]/u).map((s) => s.trim().replace(/[。.]$/u, '')).filter((s) => s !== ''));
  const deadline = get1('deadline')[0] ?? (steps.length === 1 ? (steps[0] ?? null) : null);
  const printedSeq = get('seq');
  const seqNo = /^\d+$/u.test(printedSeq) ? Number(printedSeq) : n;
  const categoryName = get('category');
  return rawTask(b.line, {
    seq: printedSeq !== '' ? printedSeq : String(n),
    seqNo,
    categoryNo: categoryName !== '' ? null : (category?.no ?? null),
    categoryPrinted: categoryName !== '' ? categoryName : (category?.name ?? null),
    // 任务名称 and 工作内容 together: the name, then what is to be done.
    standard: name !== '' && content !== '' ? `${name}：${content}` : name || content,
    leadersRaw: get1('leaders').join(' '),
    leadUnitsRaw: lead !== '' ? lead : units,
    coUnitsRaw: [lead !== '' ? units : '', ...get1('co')].filter((x) => x !== '').join('、'),
    deadline: deadline === null ? null : normalizeSpaces(deadline),
    endLine: b.endLine,
    ...(steps.length > 1 ? { milestones: steps } : {}),
  });
}

export const keyValueStrategy: LayoutStrategy = (rows) => {
  if (rows.filter((r) => r.cells.length >= 3).length * 3 > rows.length) return null;
  const blocks: { block: Block; category: { no: number; name: string } | null }[] = [];
  const categories: CategoryVariant[] = [];
  const explainedLines: number[] = [];
  let category: { no: number; name: string } | null = null;
  let firstKey: string | null = null;
  let current: Block | null = null;
  let lastLine = -1;
  for (const row of rows) {
    const printed = normalizeSpaces(rowText(row));
    const view = matchView(printed);
    const gap = row.line > lastLine + 1;
    lastLine = row.line;
    const labels = labelsOf(view, printed);
    if (labels.length > 0) {
      const first = labels[0]?.label ?? '';
      firstKey ??= first;
      if (!current || first === firstKey || (gap && current.values.length > 0)) {
        current = { line: row.line, endLine: row.line, values: [] };
        blocks.push({ block: current, category });
      }
      current.values.push(...labels);
      current.endLine = row.line;
      continue;
    }
    const heading = HEADING.exec(view);
    if (heading?.[1] !== undefined && (current === null || gap)) {
      const no = headingNumber(heading[1]) ?? categories.length + 1;
      const name = cleanCell(printed.slice(view.length - (heading[2] ?? '').length));
      category = { no, name };
      categories.push({ no, name, printed: [{ name, line: row.line }] });
      explainedLines.push(row.line);
      current = null;
      continue;
    }
    // A wrapped value continues the block's last key, unless a blank line ended the block.
    const last = current?.values[current.values.length - 1];
    if (current && last && !gap) {
      last.value = `${last.value}${printed}`;
      current.endLine = row.line;
    } else current = null;
  }
  const tasks: RawTask[] = [];
  for (const { block, category: c } of blocks) {
    const t = toTask(block, tasks.length + 1, c);
    if (t) tasks.push(t);
  }
  if (tasks.length < 2) return null;
  // Categories named in a 所属领域 key get numbers in order of appearance.
  const named = new Map<string, number>();
  for (const t of tasks) {
    if (t.categoryNo !== null || t.categoryPrinted === null) continue;
    if (!named.has(t.categoryPrinted)) {
      named.set(t.categoryPrinted, named.size + 1);
      categories.push({ no: named.size, name: t.categoryPrinted, printed: [{ name: t.categoryPrinted, line: t.line }] });
    }
    t.categoryNo = named.get(t.categoryPrinted) ?? null;
  }
  const used = new Set(tasks.map((t) => t.categoryNo));
  return { layout: 'key-value', tasks, categories: categories.filter((c) => used.has(c.no)), anomalies: [], explainedLines };
};
