// The 'free-text' layout: roles written in the running text rather than in labelled cells —
//
//   3. 完善财政奖补政策，由市财政局牵头，市发改委、市税务局配合。
//   加快充电设施建设。市交通局负责。
//   （一）稳定大宗消费。（商务部牵头，国家发展改革委等按职责分工负责）推动餐饮消费恢复。（商务部、文化和旅游部按职责分工负责）
//
// — the State Council's 分工 style prints several tasks in one paragraph, each closed by its own
// role bracket. A task is the text since the previous role clause (or the paragraph's start) up to a
// role clause: a bracket whose content is a role phrase (role-phrases.ts), or the trailing clauses
// of a sentence that are all roles (「…，由市财政局牵头，市发改委配合。」「市交通局负责。」), which are
// kept out of the task text.
//
// Numbering: a paragraph's printed number is its task's seq; a paragraph holding several tasks
// numbers them 「<number>-1」「<number>-2」…; unnumbered paragraphs' tasks are numbered 1, 2, … in
// the annex. A numbered line without roles that reads as a heading (一、 always; （一） when short
// and with no sentence end) is the category / section of what follows.
//
// Linear: each paragraph is scanned once; a bracket's close is looked for at most MAX_GROUP chars on.

import { finishTask, DOT_ITEM, L1, L2, PAREN_ITEM, readBracket, spacedText } from '../layouts';
import { matchBrackets, roleSuffix, trimEndOf } from '../role-phrases';
import type { RoleValue } from '../role-phrases';
import { rowText } from '../rows';
import { MAX_RULE_NOTES, applyRuleNotes, readRuleNote } from '../rule-notes';
import type { PlacedRuleNote } from '../rule-notes';
import { cleanCell, headingNumber, matchView, normalizeSpaces } from '../text';
import type { RawTask } from '../table';
import type { CategoryVariant } from '../types';
import { rawTask } from './types';
import type { LayoutStrategy } from './types';

const MAX_GROUP = 400;
/** Words every role clause or label holds (simplified or traditional): a paragraph without any has no roles. */
const MAYBE_ROLES = /牵头|牽頭|负责|負責|配合|参与|參與|协|協|主责|主責|主抓|落实|落實|单位|單位|领导|領導/u;
const OPEN = '（(〔【[［';
const CIRCLED = /^([①-⑳])\s*(.+)$/u;
const SENTENCE_END = /[。！？!?）)】〕\]；;：:]$/u;
const RULE_START = /^(?:以下|下列|以上|上述)/u;

interface Paragraph {
  seq: string | null;
  text: string;
  /** [offset in text, source line] for each line the paragraph spans. */
  lines: [number, number][];
  heading: 'l1' | 'l2' | null;
  no: number | null;
}

interface Piece {
  text: string;
  roles: RoleValue[];
  from: number;
  to: number;
}

/** Splits a paragraph into tasks at its role clauses. */
function piecesOf(text: string): { pieces: Piece[]; rest: string; restFrom: number } {
  if (!MAYBE_ROLES.test(text)) return { pieces: [], rest: text, restFrom: 0 };
  const match = matchBrackets(text);
  const pieces: Piece[] = [];
  let taskStart = 0;
  let sentenceStart = 0;
  /** Closes the task text at `to` with these roles; the next task starts at `next`. */
  const push = (to: number, roles: RoleValue[], next: number, stop: string): void => {
    let t = trimEndOf(cleanCell(text.slice(taskStart, to)).replace(/^[，,；;。\s]+/u, ''), '，,；;、 ');
    if (t !== '' && stop !== '' && !/[。！？]$/u.test(t)) t = `${t}${stop}`;
    if (t === '' && pieces.length > 0) (pieces[pieces.length - 1] as Piece).roles.push(...roles);
    else pieces.push({ text: t, roles, from: taskStart, to: next });
    taskStart = next;
    sentenceStart = next;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (OPEN.includes(c)) {
      const end = match[i] ?? -1;
      if (end < 0 || end - i > MAX_GROUP) continue;
      const roles = readBracket(text.slice(i + 1, end));
      if (roles && (roles.some((r) => r.role !== 'deadline') || cleanCell(text.slice(taskStart, i)) === '')) {
        let next = end + 1;
        while (next < text.length && /[。；;，,\s]/u.test(text[next] as string)) next++;
        push(i, roles, next, text[end + 1] === '。' ? '。' : '');
        i = next - 1;
        continue;
      }
      i = end;
      continue;
    }
    if (c === '。' || c === '；' || c === ';') {
      const suffix = roleSuffix(text.slice(sentenceStart, i));
      if (suffix) push(sentenceStart + suffix.at, suffix.roles, i + 1, '。');
      else sentenceStart = i + 1;
    }
  }
  // A last sentence without a full stop may still end in roles: 「…，市交通局负责」.
  const suffix = roleSuffix(text.slice(sentenceStart));
  if (suffix && cleanCell(text.slice(taskStart)) !== '') push(sentenceStart + suffix.at, suffix.roles, text.length, '');
  return { pieces, rest: text.slice(taskStart), restFrom: taskStart };
}

function lineAt(p: Paragraph, offset: number): number {
  // Binary search (offsets ascend): a scan of every line for every task was quadratic.
  let line = p.lines[0]?.[1] ?? 0;
  let lo = 0;
  let hi = p.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [o, l] = p.lines[mid] as [number, number];
    if (o <= offset) {
      line = l;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return line;
}

export const freeTextStrategy: LayoutStrategy = (rows) => {
  const paragraphs: Paragraph[] = [];
  const notes: (PlacedRuleNote & { paragraph: number })[] = [];
  const explainedLines: number[] = [];
  let prev: Paragraph | null = null;
  // The text of prev's last line: testing the end of prev.text itself flattened the paragraph's
  // string on every line, quadratic in a paragraph of many lines (issue 16, linear time).
  let prevEnd = '';
  for (const row of rows) {
    const printed = spacedText(rowText(row));
    const view = matchView(printed);
    const note = RULE_START.test(view) ? readRuleNote(matchView(normalizeSpaces(printed)), row.line, normalizeSpaces(printed)) : null;
    if (note) {
      if (notes.length < MAX_RULE_NOTES) notes.push({ ...note, at: 0, block: 0, headsBlock: false, paragraph: paragraphs.length });
      explainedLines.push(row.line);
      prev = null;
      continue;
    }
    const l1 = L1.exec(view);
    const l2 = L2.exec(view);
    const item = DOT_ITEM.exec(view) ?? PAREN_ITEM.exec(view) ?? CIRCLED.exec(view);
    const m = item ?? l2 ?? l1;
    if (!m && prev && (prev.heading === null || prev.text.length > 30) && !SENTENCE_END.test(prevEnd)) {
      prev.lines.push([prev.text.length, row.line]);
      prev.text = `${prev.text}${printed}`;
      if (printed !== '') prevEnd = printed;
      continue;
    }
    const body = m ? printed.slice(view.length - (m[2] ?? '').length) : printed;
    const seq = m ? printed.slice(0, view.length - (m[2] ?? '').length).trim() : null;
    prev = {
      seq,
      text: body,
      lines: [[0, row.line]],
      heading: !item && l1 ? 'l1' : !item && l2 ? 'l2' : null,
      no: m?.[1] !== undefined ? headingNumber(m[1]) : null,
    };
    prevEnd = body;
    paragraphs.push(prev);
  }

  const tasks: RawTask[] = [];
  const blocks: number[] = [];
  const categories: CategoryVariant[] = [];
  let category: { no: number; name: string } | null = null;
  let section: string | null = null;
  let block = 0;
  let counter = 0;
  // A numbered paragraph without roles whose roles follow on their own line (「由市财政局牵头，…配合。」).
  let pending: Paragraph | null = null;
  paragraphs.forEach((p, pi) => {
    for (const n of notes) if (n.paragraph === pi) Object.assign(n, { at: tasks.length, block, headsBlock: blocks[blocks.length - 1] !== block });
    const { pieces, rest, restFrom } = piecesOf(p.text);
    const lastLine = p.lines[p.lines.length - 1]?.[1] ?? 0;
    if (pieces.length === 0) {
      const heading = cleanCell(p.text).replace(/[。：:]$/u, '');
      if (p.heading === 'l1') {
        const no = p.no ?? categories.length + 1;
        category = { no, name: heading };
        categories.push({ no, name: heading, printed: [{ name: heading, line: p.lines[0]?.[1] ?? 0 }] });
        block++;
        section = null;
        explainedLines.push(...p.lines.map(([, l]) => l));
      } else if (p.heading === 'l2' && heading.length <= 40 && !/[。；;]/u.test(heading)) {
        section = heading;
        explainedLines.push(...p.lines.map(([, l]) => l));
      } else if (p.seq !== null) {
        pending = p;
        return;
      }
      pending = null;
      return;
    }
    const first = pieces[0];
    if (first && first.text === '') {
      // Roles on a line of their own: they belong to the numbered paragraph just before.
      const owner = pending;
      pieces.shift();
      if (owner) {
        const t = rawTask(owner.lines[0]?.[1] ?? 0, {
          seq: owner.seq ?? '',
          seqNo: owner.no,
          categoryNo: category?.no ?? null,
          categoryPrinted: category?.name ?? null,
          section,
          standard: cleanCell(owner.text),
          endLine: lineAt(p, first.to - 1),
        });
        tasks.push(finishTask(t, first.roles));
        blocks.push(block);
      }
    }
    pending = null;
    if (pieces.length === 0) return;
    const multi = pieces.length > 1;
    const core = p.seq?.replace(/[.、．]$/u, '') ?? null;
    pieces.forEach((piece, i) => {
      const seq = p.seq === null ? String(++counter) : multi ? `${core}-${i + 1}` : p.seq;
      const t = rawTask(lineAt(p, piece.from), {
        seq,
        seqNo: p.seq === null ? counter : multi ? i + 1 : p.no,
        categoryNo: category?.no ?? null,
        categoryPrinted: category?.name ?? null,
        section,
        standard: piece.text,
        endLine: i === pieces.length - 1 && cleanCell(rest) === '' ? lastLine : lineAt(p, Math.max(piece.from, piece.to - 1)),
      });
      tasks.push(finishTask(t, piece.roles));
      blocks.push(block);
    });
    const leftover = cleanCell(rest);
    if (leftover !== '') {
      const t = rawTask(lineAt(p, restFrom), {
        seq: p.seq === null ? String(++counter) : `${core}-${pieces.length + 1}`,
        seqNo: null,
        categoryNo: category?.no ?? null,
        categoryPrinted: category?.name ?? null,
        section,
        standard: leftover,
        endLine: lastLine,
        uncertain: true,
        anomalies: [`line ${lineAt(p, restFrom)}: text after the last role clause of the paragraph, with no unit printed`],
      });
      tasks.push(t);
      blocks.push(block);
    }
  });
  for (const n of notes) if (n.paragraph >= paragraphs.length) n.at = tasks.length;
  applyRuleNotes(tasks, blocks, notes);
  if (tasks.length === 0) return null;
  const used = new Set(tasks.map((t) => t.categoryNo));
  return { layout: 'free-text', tasks, categories: categories.filter((c) => used.has(c.no)), anomalies: [], explainedLines };
};
