// Roles written in the text of a heading or block, for the headings and key-value strategies:
// labelled (「牵头单位：区住建局」, Taiwan wording 「主辦機關：」 arrives here as 牵头单位 through
// matchView) or in short clauses (「区住建局牵头」「由市财政局牵头，市发改委、市税务局配合」
// 「2024年底前完成」), possibly in a trailing parenthesis. Clauses are found by splitting on
// punctuation, so every test here runs on one short clause at a time: linear in the text.

import { matchView, normalizeSpaces } from '../text';

export type Role = 'leaders' | 'lead' | 'units' | 'co' | 'deadline' | 'milestones';

export interface RoleValue {
  role: Role;
  value: string;
}

export const ROLE_LABEL =
  /(责任领导|分管区领导|分管市领导|分管领导|牵头领导|牵头负责领导|联系领导|牵头责任单位|牵头单位|牵头部门|主办单位|协同责任单位|责任单位|责任部门|承办单位|配合单位|协办单位|参与单位|配合部门|完成时限|完成时间|完成期限|时限要求|时间节点|进度安排)\s*:\s*/gu;

export function roleOfLabel(label: string): Role {
  if (/领导/u.test(label)) return 'leaders';
  if (/牵头|主办/u.test(label)) return 'lead';
  if (/配合|协办|参与|协同/u.test(label)) return 'co';
  if (/时间节点|进度安排/u.test(label)) return 'milestones';
  if (/时限|时间|期限/u.test(label)) return 'deadline';
  return 'units';
}

/** "label：value" pairs of a line (several labels may share it); `view` is matchView(printed). */
export function readLabels(view: string, printed: string): RoleValue[] {
  const hits = [...view.matchAll(ROLE_LABEL)];
  return hits.map((m, i) => {
    const from = m.index + m[0].length;
    const to = hits[i + 1]?.index ?? view.length;
    const value = printed.slice(from, to).replace(/[；;。，,\s]+$/u, '');
    return { role: roleOfLabel(m[1] ?? ''), value: value.trim() };
  });
}

/** True when the line starts with a role label. */
export function startsWithLabel(view: string): boolean {
  ROLE_LABEL.lastIndex = 0;
  const m = ROLE_LABEL.exec(view);
  ROLE_LABEL.lastIndex = 0;
  return m?.index === 0;
}

// How the name of a body ends (区住建局, 市发改委, 各街道, 各乡镇（街道）, 国家发展改革委).
const UNIT_END =
  /(局|委|办|室|中心|政府|街道|乡镇|镇|乡|公司|部|厅|院|会|社|行|队|所|站|集团|园区|管委会|处|司|馆|团|署|组|部门|单位|专班|机关)$/u;

/** A list of bodies: 「区住建局」「市发改委、市税务局」「各乡镇（街道）」. */
export function looksLikeUnits(text: string): boolean {
  if (text.length < 2 || text.length > 120) return false;
  const bare = text.replace(/[(（][^()（）]{0,20}[)）]/gu, '');
  const parts = bare.split(/[、，,]/u).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => p.length >= 2 && p.length <= 24 && /^\p{Script=Han}+$/u.test(p) && UNIT_END.test(p));
}

/** A deadline on its own: 「2024年底前完成」「6月底前」「持续推进」「长期」. */
const DEADLINE_CLAUSE =
  /^(?:完成时限[:：]?)?((?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|内|上旬|中旬|下旬|\d{1,2}日)?(?:前|以前|之前)?|\d{4}年\p{Script=Han}{1,4}(?:前|以前|之前)|年内|年底前|长期|持续推进|长期坚持|持续实施)(?:完成|办结|建成|见效)?$/u;
/** A clause that starts with a date and then says what is due by it: 「2024年底前完成改造50个」. */
const LEADING_DATE = /^((?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|上旬|中旬|下旬|\d{1,2}日)?(?:前|以前|之前)|年内|年底前)/u;
const LEAD_VERB = /^(?:由)?(.{2,120}?)(?:牵头负责|牵头|负责落实|负责)$/u;
const CO_VERB = /^(.{2,120}?)(?:按职责配合|配合|参与|协助|协同)$/u;
/** 「省经信厅、省发展改革委按职责分工负责」: every unit named is responsible, the first leads. */
const UNITS_VERB = /^(.{2,120}?)(?:按职责分工负责|分别负责|共同负责)$/u;

export interface ClauseReading {
  roles: RoleValue[];
  /** The text with the role clauses taken out. */
  rest: string;
}

/** One clause as a role, or null when it is content. */
function clauseRole(view: string, printed: string): RoleValue[] | null {
  const units = UNITS_VERB.exec(view);
  if (units?.[1] !== undefined && looksLikeUnits(units[1])) return [{ role: 'units', value: printed.slice(0, units[1].length) }];
  const lead = LEAD_VERB.exec(view);
  if (lead?.[1] !== undefined && looksLikeUnits(lead[1])) {
    const from = view.length - lead[0].length + lead[0].indexOf(lead[1]);
    return [{ role: 'lead', value: printed.slice(from, from + lead[1].length) }];
  }
  const co = CO_VERB.exec(view);
  if (co?.[1] !== undefined && looksLikeUnits(co[1])) return [{ role: 'co', value: printed.slice(0, co[1].length) }];
  if (view !== '' && DEADLINE_CLAUSE.test(view) && /\d|年|长期|持续/u.test(view)) {
    // Kept as printed (「2024年12月底前完成」): due-date.ts reads past the verb.
    return [{ role: 'deadline', value: printed.replace(/^完成时限[:：]?/u, '') }];
  }
  return null;
}

/**
 * Reads role clauses out of running text: each clause (split on ，。；) that names units with
 * 牵头/负责/配合 or is a bare deadline is a role; the rest is kept, in order. A trailing
 * parenthesis holding roles (「（市通信管理局牵头，2024年12月底前完成）」) is read whole.
 */
export function readRoleClauses(printedText: string): ClauseReading {
  const printed = normalizeSpaces(printedText);
  const roles: RoleValue[] = [];
  let rest = printed;
  // Trailing brackets of roles, labelled or not: 「（市通信管理局牵头，…）」「【完成时限：年内】」「〔牵头单位：…〕」,
  // possibly two in a row. Read from the end, at most three.
  for (let k = 0; k < 3; k++) {
    const v = matchView(rest);
    const group = /[(【〔[]([^()【】〔〕[\]]{2,200})[)】〕\]][。.；;]?$/u.exec(v);
    if (group?.[1] === undefined) break;
    const innerPrinted = rest.slice(group.index + 1, group.index + 1 + group[1].length);
    const labelled = readLabels(group[1].replace(/;/g, '；'), innerPrinted);
    const inner = labelled.length > 0 ? { roles: labelled, rest: '' } : clauses(group[1], innerPrinted);
    if (inner.roles.length === 0 || inner.rest.replace(/[，,；;。\s]/gu, '') !== '') break;
    roles.unshift(...inner.roles);
    const stop = /[。.]$/u.test(group[0]);
    rest = rest.slice(0, group.index);
    if (stop && !/[。.!！?？]$/u.test(rest)) rest += '。';
  }
  const outer = clauses(matchView(rest), rest);
  return { roles: [...roles, ...outer.roles], rest: outer.rest };
}

function clauses(view: string, printed: string): ClauseReading {
  const roles: RoleValue[] = [];
  let rest = '';
  const re = /[^，,。；;]+[，,。；;]?/gu;
  for (const m of view.matchAll(re)) {
    const body = m[0].replace(/[，,。；;]$/u, '');
    const p = printed.slice(m.index, m.index + body.length);
    const r = clauseRole(body.trim(), p.trim());
    if (r) roles.push(...r);
    else {
      // A clause that opens with its date (「2024年底前完成改造50个」) dates the task and stays as content.
      const d = LEADING_DATE.exec(body.trim());
      if (d?.[1] !== undefined && /\d|年/u.test(d[1])) roles.push({ role: 'deadline', value: p.trim().slice(0, d[1].length) });
      rest += printed.slice(m.index, m.index + m[0].length);
    }
  }
  // A sentence whose last clause was a role ends on the comma before it: it gets its full stop back.
  let kept = rest.replace(/[，,；;、]+$/u, '').trim();
  if (roles.length > 0 && kept !== '' && /[。.]$/u.test(printed.trim()) && !/[。.!！?？]$/u.test(kept)) kept += '。';
  return { roles, rest: kept };
}

/** The roles of a task as RawTask fields: 牵头 first; 责任单位 are the lead when no 牵头 is named. */
export function roleFields(roles: RoleValue[]): {
  leadersRaw: string;
  leadUnitsRaw: string;
  coUnitsRaw: string;
  deadline: string | null;
  milestones: string[];
} {
  const get = (r: Role): string[] => roles.filter((x) => x.role === r && x.value !== '').map((x) => x.value);
  const lead = get('lead').join('、');
  const units = get('units').join('、');
  const milestones = get('milestones').flatMap((m) => m.split(/[；;]/u).map((s) => s.trim()).filter((s) => s !== ''));
  // The first printed deadline is the task's; a later date inside the text does not move it.
  const deadline = get('deadline')[0] ?? (milestones.length > 1 ? (LEADING_DATE.exec(milestones[milestones.length - 1] ?? '')?.[1] ?? null) : (milestones[0] ?? null));
  return {
    leadersRaw: get('leaders').join(' '),
    leadUnitsRaw: lead !== '' ? lead : units,
    coUnitsRaw: [lead !== '' ? units : '', ...get('co')].filter((x) => x !== '').join('、'),
    deadline: deadline === null ? null : normalizeSpaces(deadline),
    milestones: milestones.length > 1 ? milestones : [],
  };
}
