// Roles written in words instead of labelled cells: 「区财政局牵头，区发改局、区税务局配合，2025年6月底前完成」,
// 「由市财政局牵头，市发改委配合」, 「市交通局负责」, the State Council's 「国家发展改革委、财政部等按职责分工负责」.
// Shared by the labelled/inline reader (layouts.ts), the free-text and the grouped strategies.
//
// A phrase is read only when EVERY clause of it (split on ，；) is a role clause (units + a role verb
// at its end) or a deadline clause; anything else is task text. That keeps sentences such as
// 「主要领导负责，分管领导具体抓」 out: 领导 is not how a unit's name ends.
//
// Linear: clauses are split once; each test is anchored or bounded.

export type Role = 'leaders' | 'lead' | 'units' | 'co' | 'deadline';
export interface RoleValue {
  role: Role;
  value: string;
  /** The printed label (「时间节点」) when the value came from a labelled field. */
  label?: string;
}

const LEAD_VERB = /(?:牵头负责|牵头抓总|牵头落实|牵头推进|牵头|主责|主抓)$/u;
const CO_VERB = /(?:配合落实|配合推进|积极配合|配合|协同推进|协同|参与|协助|协办)$/u;
const RESP_VERB =
  /(?:按职责分工负责|抓好落实|负责落实|组织落实|按职责分工落实|按职能分工负责|按职责负责|根据职责分工负责|分别负责|共同负责|负总责|具体负责|负责推进|负责|落实)$/u;

/** How a unit's name (or a generic recipient such as 有关部门, kept as a note later) ends. */
const UNIT_NAME_END =
  /(?:局|办|室|中心|社|会|委|班|部|联|园|公司|队|院|所|站|组|处|厅|馆|行|团|司|区|镇|乡|街道|政府|集团|协会|医院|学校|署|省|市|县|州|单位|部门|方面|地方)$/u;
const DEADLINE_CLAUSE =
  /^(?:力争|确保|于|在|到)?(?:20\d{2}年(?:度|底|末|内)?|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月|年底|年内|年末|上半年|下半年|第?[一二三四1-4]季度|长期|持续|常态化|每年|逐年)/u;

/** One unit name or a list of them: 「区财政局、区税务局」「各街道（乡镇）」「财政部等」. */
export function looksLikeUnits(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 160) return false;
  // Parenthesised notes do not change how the name ends: 「各街道（乡镇）」「区农业农村局（乡村振兴局）」.
  const bare = t.replace(/[(（][^()（）]{0,20}[)）]/gu, '');
  const parts = bare.split(/[、，,\s/及]+/u).filter((p) => p !== '');
  if (parts.length === 0) return false;
  return parts.every((p) => {
    const name = p.replace(/等(?:其他|其它)?(?:有关|相关)?(?:部门|单位|方面|地方)?$/u, '');
    return name.length >= 2 && name.length <= 30 && /^[\p{Script=Han}A-Za-z0-9]+$/u.test(name) && UNIT_NAME_END.test(name);
  });
}

export function isDeadlineClause(clause: string): boolean {
  return clause.length <= 24 && DEADLINE_CLAUSE.test(clause);
}

/** Splits on ，；, not inside parentheses (「各县（市、区）」「各省（区，市）」 stay whole). */
export function splitClauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0 && (c === '，' || c === ',' || c === '；' || c === ';')) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** One clause: 「由市财政局牵头」 → lead; 「区发改局、区税务局配合」 → co; 「…按职责分工负责」 → units. */
export function readRoleClause(clause: string): RoleValue | null {
  const c = clause.trim().replace(/[。.]$/u, '');
  if (c.length > 200) return null;
  for (const [re, role] of [
    [LEAD_VERB, 'lead'],
    [CO_VERB, 'co'],
    [RESP_VERB, 'units'],
  ] as const) {
    const m = re.exec(c);
    if (!m) continue;
    const units = c
      .slice(0, m.index)
      .replace(/^(?:具体|分别|主要)?由/u, '')
      .trim();
    return looksLikeUnits(units) ? { role, value: units } : null;
  }
  return null;
}

/**
 * A whole phrase of roles: every clause a role or a deadline, at least one role. Null otherwise.
 * `requireUnits` false accepts a phrase of deadlines only (「（2025年6月底前完成）」 after a task).
 */
export function readRolePhrase(text: string, requireUnits = true): RoleValue[] | null {
  if (text.length > 400) return null;
  const clauses = splitClauses(text.replace(/[。.]$/u, ''));
  if (clauses.length === 0) return null;
  const out: RoleValue[] = [];
  for (const c of clauses) {
    const role = readRoleClause(c);
    const last = out[out.length - 1];
    if (role) out.push(role);
    // Dated steps in a row stay one value, so milestones.ts reads them as steps.
    else if (isDeadlineClause(c) && last?.role === 'deadline') last.value = `${last.value}，${c}`;
    else if (isDeadlineClause(c)) out.push({ role: 'deadline', value: c });
    else return null;
  }
  if (requireUnits && !out.some((r) => r.role !== 'deadline')) return null;
  return out;
}

/**
 * The roles of one task: 牵头 units lead; 负责/责任单位 units lead when nothing else does, else they
 * co-operate; 配合 units co-operate (the same rule as a table's 牵头单位 and 责任单位 columns).
 */
export function rolesToCells(roles: RoleValue[]): { leadersRaw: string; leadUnitsRaw: string; coUnitsRaw: string } {
  const get = (r: Role): string =>
    roles
      .filter((x) => x.role === r)
      .map((x) => x.value)
      .join(' ');
  const lead = get('lead');
  const units = get('units');
  return {
    leadersRaw: get('leaders'),
    leadUnitsRaw: lead !== '' ? lead : units,
    coUnitsRaw: [lead !== '' ? units : '', get('co')].filter((x) => x !== '').join(' '),
  };
}

/**
 * The text without the given characters at its end. A loop, not a regex: `/[，；]+$/` tries every
 * start of a long run of separators and is quadratic in it.
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Separators and spaces that end a value or a task text. */
export const TRAILING_SEPARATORS = '。.；;，,、 \t\n\u3000';

const CLOSE_OF: Record<string, string> = { '）': '（', ')': '(', '〕': '〔', '】': '【', ']': '[', '］': '［' };

/**
 * The bracket group that ends `text` (after trailing 。；), as [start, end) of its content and the
 * index where the group opens; nested （） inside are kept. Null when the text does not end in one.
 */
export function trailingGroup(text: string): { open: number; content: string; tail: string } | null {
  const tailStart = trimEndOf(text, '。.；;，, \t\n\u3000').length;
  const close = text[tailStart - 1];
  if (close === undefined) return null;
  const opener = CLOSE_OF[close];
  if (opener === undefined) return null;
  let depth = 0;
  for (let i = tailStart - 1; i >= 0; i--) {
    const c = text[i] as string;
    if (c === close || (c === ')' && close === '）') || (c === '）' && close === ')')) depth++;
    else if (c === opener || (c === '(' && opener === '（') || (c === '（' && opener === '(')) {
      depth--;
      if (depth === 0) return { open: i, content: text.slice(i + 1, tailStart - 1), tail: text.slice(tailStart) };
    }
  }
  return null;
}

// Brackets of one family match each other: （) and (） are the same bracket typed in two widths.
const KIND: Record<string, { family: string; open: boolean }> = {
  '（': { family: '(', open: true },
  '(': { family: '(', open: true },
  '）': { family: '(', open: false },
  ')': { family: '(', open: false },
  '〔': { family: '〔', open: true },
  '〕': { family: '〔', open: false },
  '【': { family: '【', open: true },
  '】': { family: '【', open: false },
  '[': { family: '[', open: true },
  '［': { family: '[', open: true },
  ']': { family: '[', open: false },
  '］': { family: '[', open: false },
};

/** For each opening bracket, the index of its closing bracket (-1 when none): one pass, a stack per kind. */
export function matchBrackets(text: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const stacks = new Map<string, number[]>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const kind = KIND[c];
    if (kind === undefined) continue;
    let stack = stacks.get(kind.family);
    if (!stack) stacks.set(kind.family, (stack = []));
    if (kind.open) stack.push(i);
    else {
      const open = stack.pop();
      if (open !== undefined) match[open] = i;
    }
  }
  return match;
}

/** Role clauses that close a sentence: a few of them, never hundreds (that would be a hostile text). */
const MAX_ROLE_CLAUSES = 12;

/** Clauses of a sentence split on ，；(not inside brackets), with where each starts. */
function clausesAt(sentence: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= sentence.length; i++) {
    const c = sentence[i];
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (c === undefined || (depth === 0 && /[，,；;]/u.test(c))) {
      const raw = sentence.slice(from, i);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim() !== '') out.push({ text: raw.trim(), at: from + lead });
      from = i + 1;
    }
  }
  return out;
}

/** The role clauses that end a sentence (「…，由市财政局牵头，市发改委配合」): where they start, or null. */
export function roleSuffix(sentence: string): { at: number; roles: RoleValue[] } | null {
  const clauses = clausesAt(sentence);
  const found: RoleValue[] = [];
  // Role clauses close a sentence: a few of them, never hundreds (which would be a hostile text).
  for (let k = clauses.length - 1; k >= 0 && found.length < MAX_ROLE_CLAUSES; k--) {
    const c = clauses[k] as { text: string; at: number };
    const r = readRoleClause(c.text);
    if (r) found.push(r);
    else if (isDeadlineClause(c.text)) found.push({ role: 'deadline', value: c.text });
    else break;
  }
  const roles = found.reverse();
  // Deadlines before the first role clause stay task text (「年内完成X，由…牵头」 starts with a date).
  const first = roles.findIndex((r) => r.role !== 'deadline');
  if (first < 0) return null;
  const start = clauses[clauses.length - roles.length + first] as { at: number };
  return { at: start.at, roles: roles.slice(first) };
}
