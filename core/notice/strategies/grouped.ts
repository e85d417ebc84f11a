// The 'grouped' layout: tasks listed under the leader or the unit responsible for them —
//
//   一、张明同志负责（3项）：                 分管副区长李华牵头负责以下工作：          区教育局：
//   1. 新建改扩建中小学3所。                  1. …（区财政局配合）                       1. …
//
// A group header is one line ending in a colon that names a leader (「XX同志负责/分管/联系」, or a
// title then a name: 「分管副区长李华牵头负责以下工作」) or a unit (「区教育局：」「区教育局牵头的工作：」).
// Its tasks are the numbered lines after it, up to the next group header. The group gives its leader
// or lead unit to each task; what a task prints itself (brackets, labelled lines) adds to it: under a
// unit, a task's own 牵头 unit leads and the group's unit co-operates, other units printed co-operate.
// A 一、 heading that is no group header is the category of what follows; （一） the section.

import { DOT_ITEM, L1, L2, PAREN_ITEM, finishTask, firstLabel, readLabels, spacedText, splitTaskText } from '../layouts';
import { looksLikeUnits } from '../role-phrases';
import type { RoleValue } from '../role-phrases';
import { rowText } from '../rows';
import { MAX_RULE_NOTES, applyRuleNotes, readRuleNote } from '../rule-notes';
import type { PlacedRuleNote } from '../rule-notes';
import { cleanCell, headingNumber, matchView, normalizeSpaces } from '../text';
import type { RawTask } from '../table';
import type { CategoryVariant } from '../types';
import { rawTask } from './types';
import type { LayoutStrategy } from './types';

const NUMBER = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、]|\(\d+\))\s*/u;
const COUNT = /(?:\(\s*(?:共)?\d+\s*项\s*\))?/u.source;
const WORK = `(?:的|以下|下列|如下)*(?:重点)?(?:工作|事项|任务)?${COUNT}`;
const VERB = '(?:牵头负责|牵头|负责|分管|联系|领衔)';
const NAME = '(\\p{Script=Han}{2,3}?)';
/** 「张明同志负责：」「区委常委、副区长王强同志分管：」 */
const LEADER_COMRADE = new RegExp(`^(?:.{0,16}?(?:长|主任|书记|常委|委员|领导))?${NAME}同志${VERB}${WORK}:$`, 'u');
/** 「分管副区长李华牵头负责以下工作：」: a title, then the name. */
const LEADER_TITLED = new RegExp(`^.{0,12}?(?:区长|市长|县长|省长|主任|书记|秘书长|部长)${NAME}${VERB}${WORK}:$`, 'u');
/** 「区教育局：」「区教育局牵头的工作（5项）：」 */
const UNIT = new RegExp(`^((?:区|市|县|省|州|国家|中共|共青团|团)[^:,，、;；]{1,24}?)${COUNT}(?:${VERB}${WORK})?${COUNT}:$`, 'u');
const CIRCLED = /^([①-⑳])\s*(.+)$/u;
const SENTENCE_END = /[。！？!?）)】〕\]；;]$/u;
const RULE_START = /^(?:以下|下列|以上|上述)/u;

interface Group {
  leader: string;
  unit: string;
}

/** The group a header line names, or null. `view` is the simplified, width-folded line, spaces removed. */
export function readGroupHeader(view: string): Group | null {
  if (view.length > 60 || !view.endsWith(':')) return null;
  const line = view.replace(NUMBER, '');
  const leader = LEADER_COMRADE.exec(line) ?? LEADER_TITLED.exec(line);
  if (leader?.[1]) return { leader: leader[1], unit: '' };
  const unit = UNIT.exec(line);
  if (unit?.[1] && looksLikeUnits(unit[1]) && !/、/u.test(unit[1])) return { leader: '', unit: unit[1] };
  return null;
}

interface Draft {
  task: RawTask;
  body: string;
  roles: RoleValue[];
  closed: boolean;
  group: Group;
  block: number;
}

function finish(d: Draft): RawTask {
  const split = splitTaskText(d.body);
  d.task.standard = split.text;
  const own = [...split.roles, ...d.roles];
  const roles: RoleValue[] = [];
  if (d.group.leader !== '' && !own.some((r) => r.role === 'leaders')) roles.push({ role: 'leaders', value: d.group.leader });
  if (d.group.unit !== '') {
    const ownLead = own.some((r) => r.role === 'lead');
    roles.push({ role: ownLead ? 'co' : 'lead', value: d.group.unit });
    // Under a unit, units a task prints with 负责/责任单位 co-operate with the group's unit.
    for (const r of own) roles.push(r.role === 'units' ? { role: 'co', value: r.value } : r);
  } else roles.push(...own);
  return finishTask(d.task, roles);
}

export const groupedStrategy: LayoutStrategy = (rows) => {
  const drafts: Draft[] = [];
  const categories: CategoryVariant[] = [];
  const explainedLines: number[] = [];
  const notes: PlacedRuleNote[] = [];
  let group: Group | null = null;
  let groups = 0;
  let category: { no: number; name: string } | null = null;
  let section: string | null = null;
  let block = 0;
  let current: Draft | null = null;

  for (const row of rows) {
    const printed = spacedText(rowText(row));
    const view = matchView(printed);
    // The squashed view is for the two kinds of short lines only: rule notes and group headers.
    const short = printed.length <= 160;
    const squashed = short ? matchView(normalizeSpaces(printed)) : '';
    const note = short && RULE_START.test(view) ? readRuleNote(squashed, row.line, normalizeSpaces(printed)) : null;
    if (note) {
      if (notes.length < MAX_RULE_NOTES) notes.push({ ...note, at: drafts.length, block, headsBlock: drafts[drafts.length - 1]?.block !== block });
      explainedLines.push(row.line);
      current = null;
      continue;
    }
    const header = short && /[:：]\s*$/u.test(printed) ? readGroupHeader(squashed) : null;
    if (header) {
      group = header;
      groups++;
      current = null;
      explainedLines.push(row.line);
      continue;
    }
    if (firstLabel(view) === 0) {
      if (current) {
        current.roles.push(...readLabels(view, printed));
        current.closed = true;
        current.task.endLine = row.line;
      }
      continue;
    }
    const item = DOT_ITEM.exec(view) ?? PAREN_ITEM.exec(view) ?? CIRCLED.exec(view);
    const l1 = L1.exec(view);
    const l2 = L2.exec(view);
    if (!item && l1?.[1] !== undefined) {
      const no = headingNumber(l1[1]) ?? categories.length + 1;
      const name = cleanCell(printed.slice(view.length - (l1[2] ?? '').length)).replace(/[：:]$/u, '');
      category = { no, name };
      categories.push({ no, name, printed: [{ name, line: row.line }] });
      block++;
      section = null;
      current = null;
      explainedLines.push(row.line);
      continue;
    }
    if (!item && l2?.[1] !== undefined) {
      section = cleanCell(printed.slice(view.length - (l2[2] ?? '').length)).replace(/[：:]$/u, '');
      current = null;
      explainedLines.push(row.line);
      continue;
    }
    if (item?.[1] !== undefined && group) {
      const seq = printed.slice(0, view.length - (item[2] ?? '').length).trim();
      current = {
        task: rawTask(row.line, {
          seq,
          seqNo: headingNumber(item[1]) ?? ('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(item[1]) + 1 || null),
          categoryNo: category?.no ?? null,
          categoryPrinted: category?.name ?? null,
          section,
          endLine: row.line,
        }),
        body: printed.slice(view.length - (item[2] ?? '').length),
        roles: [],
        closed: false,
        group,
        block,
      };
      drafts.push(current);
      continue;
    }
    if (current && !current.closed && !SENTENCE_END.test(current.body)) {
      current.body = `${current.body}${printed}`;
      current.task.endLine = row.line;
      continue;
    }
    current = null;
  }
  if (groups === 0 || drafts.length === 0) return null;
  const tasks = drafts.map(finish);
  applyRuleNotes(
    tasks,
    drafts.map((d) => d.block),
    notes,
  );
  const used = new Set(tasks.map((t) => t.categoryNo));
  return { layout: 'grouped', tasks, categories: categories.filter((c) => used.has(c.no)), anomalies: [], explainedLines };
};
