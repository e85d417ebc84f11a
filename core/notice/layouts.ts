// Non-table layouts: tasks as numbered paragraphs with their roles either on labelled lines
//
//   1. 地区生产总值增长6%左右。
//   责任领导：张三   牵头单位：区发改局   责任单位：区统计局、区财政局   配合单位：各街道
//
// (full-width or ASCII colons, or none: 「牵头单位 区发改局」; several labels on a line; labels on the
// task's own line), or in trailing brackets after the task text — （）〔〕【】[], labelled or in words —
//
//   1. 地区生产总值增长6%左右。（责任领导：张三；牵头单位：区发改局；责任单位：区统计局）
//   2. 落实减税降费政策。（区财政局牵头，区发改局、区税务局配合，2025年6月底前完成）【完成时限：12月】
//
// under numbered headings 一、 (category) and （一） (section). Numbers may be ASCII or full-width,
// labels traditional ("責任單位") — matching uses the simplified, width-folded view of each line.
// A note applying a rule to every task (rule-notes.ts) and milestones (milestones.ts) are read too.

import { withMilestones } from './milestones';
import { matchBrackets, readRolePhrase, roleSuffix, rolesToCells, trailingGroup, trimEndOf } from './role-phrases';
import type { Role, RoleValue } from './role-phrases';
import { rowText } from './rows';
import { MAX_RULE_NOTES, applyRuleNotes, readRuleNote } from './rule-notes';
import type { PlacedRuleNote } from './rule-notes';
import { cleanCell, headingNumber, matchView, normalizeSpaces } from './text';
import { rawTask } from './strategies/types';
import type { RawTask } from './table';
import type { CategoryVariant, NoticeRow } from './types';

export const L1 = /^([一二三四五六七八九十]+)[、.]\s*(.+)$/u;
export const L2 = /^\(([一二三四五六七八九十]+)\)\s*(.+)$/u;
export const DOT_ITEM = /^(\d+)\s*[.、](?!\d)\s*(.+)$/u;
export const PAREN_ITEM = /^\((\d+)\)\s*(.+)$/u;

const LABEL_NAMES =
  '牵头负责领导|牵头区领导|牵头领导|责任区领导|责任领导|分管区领导|分管领导|联系领导|包保领导|' +
  '牵头责任单位|牵头负责单位|牵头单位|牵头部门|主责单位|主办单位|' +
  '协同责任单位|协同单位|责任单位|责任部门|承办单位|配合单位|配合部门|协办单位|参与单位|协助单位|' +
  '完成时限|完成时间|完成期限|时间节点|时限要求';
/**
 * 「牵头单位：」 anywhere; 「牵头单位 区发改局」 (no colon) at the line's start or after a separator; 「牵头单位区发改局」
 * (nothing between) at the line's start only, before a unit's first character or a date.
 */
const LABEL = new RegExp(
  `(?:(${LABEL_NAMES})\\s*:\\s*|(?<=^|[\\s;,。])(${LABEL_NAMES})\\s+(?=\\S)|^(${LABEL_NAMES})(?=[区市县省州国各中共\\d]))`,
  'gu',
);

export function roleOfLabel(label: string): Role {
  if (/领导/u.test(label)) return 'leaders';
  if (/牵头|主办|主责/u.test(label)) return 'lead';
  if (/配合|协办|协同|参与|协助/u.test(label)) return 'co';
  if (/时限|时间|期限|节点/u.test(label)) return 'deadline';
  return 'units';
}

/** Collapses whitespace runs to one space (the view keeps spaces: 「牵头单位 区发改局」 needs them). */
export function spacedText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
}

function cleanValue(role: Role, raw: string): string {
  const v = trimEndOf(raw, '；;。，、, \t\n\u3000').trim();
  // Units and leaders keep their spaces (「区财政局 区统计局」 are two units); a deadline is one phrase.
  return role === 'deadline' ? normalizeSpaces(v) : v;
}

/** Reads "label：value" pairs from `from` on (several labels may share one line). */
export function readLabels(view: string, printed: string, from = 0): RoleValue[] {
  LABEL.lastIndex = from;
  const hits = [...view.matchAll(LABEL)].filter((m) => m.index >= from);
  return hits.map((m, i) => {
    const start = m.index + m[0].length;
    const to = hits[i + 1]?.index ?? view.length;
    const label = m[1] ?? m[2] ?? m[3] ?? '';
    const role = roleOfLabel(label);
    return { role, value: cleanValue(role, printed.slice(start, to)), label };
  });
}

/** Index of the first label in the view, or -1. */
export function firstLabel(view: string): number {
  LABEL.lastIndex = 0;
  const m = LABEL.exec(view);
  LABEL.lastIndex = 0;
  return m ? m.index : -1;
}

/** Roles in one bracket's content: labels (「牵头单位：…；完成时限：…」) or words (「…牵头，…配合」). */
export function readBracket(content: string): RoleValue[] | null {
  const view = matchView(content).replace(/;/g, '；');
  if (firstLabel(view) === 0) return readLabels(view, content);
  return readRolePhrase(content, false);
}

const CLOSERS = '）)〕】]］';
const MAYBE_LABEL = /单位|單位|领导|領導|部门|部門|时限|時限|时间|時間|期限|节点|節點/u;
const MAYBE_ROLE_VERB = /牵头|牽頭|负责|負責|配合|参与|參與|协|協|主责|主責|落实|落實/u;

/**
 * The text up to its last role bracket when other text follows it (a notice on one line: 「…。（牵头单位：
 * 县民政局）请各责任单位于…」): what follows the roles is not the task's.
 */
function roleBracketEnd(body: string): string {
  let close = body.length - 1;
  while (close >= 0 && !CLOSERS.includes(body[close] as string)) close--;
  if (close < 0 || trimEndOf(body.slice(close + 1), '。.；;，, ') === '') return body;
  const g = trailingGroup(body.slice(0, close + 1));
  return g && readBracket(g.content) ? body.slice(0, close + 1) : body;
}

/**
 * Splits a task's text from the roles printed with it: trailing brackets (one or several), then
 * labels later on the same line. Returns the task text and the roles found.
 */
export function splitTaskText(body: string): { text: string; roles: RoleValue[]; inline: boolean; innerRoles: boolean } {
  let text = roleBracketEnd(body);
  const groups: RoleValue[][] = [];
  let tail = '';
  for (let guard = 0; guard < 8; guard++) {
    const g = trailingGroup(text);
    if (!g) break;
    const roles = readBracket(g.content);
    if (!roles) break;
    groups.unshift(roles);
    if (tail === '') tail = g.tail.trim().replace(/[，,\s]/gu, '');
    text = text.slice(0, g.open);
  }
  let roles = groups.flat();
  // matchView of a long text costs: only when a label word may be in it (simplified or traditional).
  const view = MAYBE_LABEL.test(text) ? matchView(text) : '';
  const at = firstLabel(view);
  if (at > 0) {
    roles.unshift(...readLabels(view, text, at));
    text = text.slice(0, at);
  }
  if (roles.length === 0) {
    // Roles closing the last sentence in words: 「…，由区应急局牵头，区公安分局配合。」
    const body = trimEndOf(text, '。；;，, ');
    const start = body.lastIndexOf('。') + 1;
    const suffix = roleSuffix(body.slice(start));
    if (suffix && suffix.at > 0) {
      roles = suffix.roles;
      text = `${trimEndOf(body.slice(0, start + suffix.at), '，,；;、 ')}。`;
    }
  }
  return { text: cleanCell(`${text.trim()}${tail}`), roles, inline: groups.length > 0, innerRoles: hasRoleBracket(text) };
}

/** True when the text still holds a bracket of roles (「…。（省发展改革委负责）扎实推进…」). */
function hasRoleBracket(text: string): boolean {
  if (!MAYBE_ROLE_VERB.test(text)) return false;
  const match = matchBrackets(text);
  for (let i = 0; i < text.length; i++) {
    const end = match[i] ?? -1;
    if (end > i && end - i <= 400 && readRolePhrase(text.slice(i + 1, end)) !== null) return true;
  }
  return false;
}

/** A task from its text and roles: units into cells, the deadline and milestones. */
export function finishTask(task: RawTask, roles: RoleValue[]): RawTask {
  Object.assign(task, rolesToCells(roles));
  const deadlines = roles.filter((r) => r.role === 'deadline' && r.value !== '').map((r) => normalizeSpaces(r.value));
  return withMilestones(task, deadlines);
}

interface Draft {
  task: RawTask;
  body: string;
  roles: RoleValue[];
  closed: boolean;
  /** The last role line ended in 、，； — its value goes on on the next line. */
  wraps?: boolean;
  inline: boolean;
  level: 'dot' | 'paren';
  block: number;
}

export interface LayoutResult {
  tasks: RawTask[];
  categories: CategoryVariant[];
  layout: 'labelled' | 'inline';
  anomalies: string[];
  explainedLines: number[];
}

const RULE_START = /^(?:以下|下列|以上|上述)/u;
const WRAPS = /[、，,；;]$/u;
const DATE_START = /^(?:20\d{2}年|\d{1,2}月|[一二三四五六七八九十]{1,3}月|年底|年内|上半年|下半年|第?[一二三四]季度)/u;

export function parseLabelledLayout(rows: NoticeRow[]): LayoutResult {
  const drafts: Draft[] = [];
  const categories: CategoryVariant[] = [];
  const anomalies: string[] = [];
  const explainedLines: number[] = [];
  const notes: PlacedRuleNote[] = [];
  let category: { no: number; name: string } | null = null;
  let block = 0;
  let section: string | null = null;
  let current: Draft | null = null;

  for (const row of rows) {
    const printed = spacedText(rowText(row));
    const view = matchView(printed);
    const note = RULE_START.test(view) ? readRuleNote(matchView(normalizeSpaces(printed)), row.line, normalizeSpaces(printed)) : null;
    if (note) {
      const headsBlock = drafts[drafts.length - 1]?.block !== block;
      if (notes.length < MAX_RULE_NOTES) notes.push({ ...note, at: drafts.length, block, headsBlock });
      explainedLines.push(row.line);
      current = null;
      continue;
    }
    if (firstLabel(view) === 0) {
      if (current) {
        current.roles.push(...readLabels(view, printed));
        current.closed = true;
        current.wraps = WRAPS.test(printed);
        current.task.endLine = row.line;
      } else anomalies.push(`line ${row.line}: role labels before any task ignored`);
      continue;
    }
    const l1 = L1.exec(view);
    const l2 = L2.exec(view);
    const item = DOT_ITEM.exec(view) ?? PAREN_ITEM.exec(view);
    if (l1?.[1] !== undefined && !item) {
      const no = headingNumber(l1[1]) ?? categories.length + 1;
      category = { no, name: cleanCell(printed.slice(view.length - (l1[2] ?? '').length)) };
      categories.push({ no, name: category.name, printed: [{ name: category.name, line: row.line }] });
      block++;
      section = null;
      current = null;
      explainedLines.push(row.line);
      continue;
    }
    if (l2?.[1] !== undefined) {
      section = cleanCell(printed.slice(view.length - (l2[2] ?? '').length));
      current = null;
      explainedLines.push(row.line);
      continue;
    }
    if (item?.[1] !== undefined) {
      const seqText = view.slice(0, view.length - (item[2] ?? '').length).trim();
      current = {
        level: DOT_ITEM.test(view) ? 'dot' : 'paren',
        roles: [],
        body: printed.slice(view.length - (item[2] ?? '').length),
        closed: false,
        inline: false,
        block,
        task: rawTask(row.line, {
          seq: printed.slice(0, seqText.length).trim(),
          seqNo: Number(item[1]),
          categoryNo: category?.no ?? null,
          categoryPrinted: category?.name ?? null,
          endLine: row.line,
          section,
        }),
      };
      drafts.push(current);
      continue;
    }
    if (!current) continue;
    if (!current.closed) {
      // The task text wrapped onto another line (its brackets may be on this one).
      current.body = `${current.body}${printed}`;
      current.task.endLine = row.line;
      continue;
    }
    // After role lines: a value wrapped onto this line — a unit list ending in 、, or the next step
    // of a 时间节点 whose steps end in ；. Anything else ends the task (a signature's date is no step).
    const last = current.roles[current.roles.length - 1];
    if (last && current.wraps && (last.role !== 'deadline' || DATE_START.test(view))) {
      last.value = cleanValue(last.role, `${last.value}${last.role === 'deadline' ? '；' : '、'}${printed}`);
      current.wraps = WRAPS.test(printed);
      current.task.endLine = row.line;
    } else current.wraps = false;
  }

  for (const d of drafts) {
    const split = splitTaskText(d.body);
    d.task.standard = split.text;
    d.roles.unshift(...split.roles);
    d.inline = split.inline;
    if (split.innerRoles) {
      // Several tasks in one paragraph, each with its roles (the State Council's style): the
      // free-text reading splits them; this one cannot, and says so.
      d.task.anomalies.push(`line ${d.task.line}: roles printed inside the task text (several tasks in one paragraph?)`);
      d.task.uncertain = true;
    }
  }

  // The task level is the numbering level that carries roles; a roleless "1." list elsewhere (the
  // annex list in the body, sub-points) is not a list of tasks.
  const withRoles = (lv: Draft['level']): number => drafts.filter((d) => d.level === lv && d.roles.length > 0).length;
  const level: Draft['level'] = withRoles('dot') >= withRoles('paren') ? 'dot' : 'paren';
  const firstRoled = drafts.findIndex((d) => d.level === level && d.roles.length > 0);
  const tasks: RawTask[] = [];
  const blocks: number[] = [];
  const placed = notes.map((n) => ({ ...n, at: 0 }));
  let inline = 0;
  drafts.forEach((d, i) => {
    for (let k = 0; k < notes.length; k++) if ((notes[k] as PlacedRuleNote).at === i) (placed[k] as PlacedRuleNote).at = tasks.length;
    if (firstRoled < 0 || i < firstRoled) return;
    if (d.level !== level && d.roles.length === 0) {
      // A sub-point of the previous task: keep its text with that task.
      const prev = tasks[tasks.length - 1];
      if (prev) {
        prev.standard = cleanCell(`${prev.standard} ${d.task.seq}${d.task.standard}`);
        prev.endLine = d.task.endLine;
      }
      return;
    }
    const t = finishTask(d.task, d.roles);
    if (d.inline) inline++;
    tasks.push(t);
    blocks.push(d.block);
  });
  for (let k = 0; k < notes.length; k++) if ((notes[k] as PlacedRuleNote).at >= drafts.length) (placed[k] as PlacedRuleNote).at = tasks.length;
  applyRuleNotes(tasks, blocks, placed);
  for (const t of tasks) {
    if (t.leadersRaw === '' && t.leadUnitsRaw === '' && t.coUnitsRaw === '') {
      t.anomalies.push(`line ${t.line}: no leader or unit printed for this task`);
      t.uncertain = true;
    }
  }
  const used = new Set(tasks.map((t) => t.categoryNo));
  return {
    tasks,
    categories: categories.filter((c) => used.has(c.no)),
    layout: inline > tasks.length / 2 ? 'inline' : 'labelled',
    anomalies,
    explainedLines,
  };
}
