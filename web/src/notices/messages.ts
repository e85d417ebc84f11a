// The parser (core/notice) writes its anomalies and repair rules in English, for developers and
// logs. Clerks read Chinese only, so the browser translates the known sentences here. A sentence
// not listed (a newer parser) falls back to a neutral Chinese line with the English kept only in a
// tooltip (see AnomalyText), never in the page text.

type Rule = [RegExp, (...m: string[]) => string];

const ANOMALIES: Rule[] = [
  [/^annex (\d+): (.+)$/s, (n, rest) => `附件${n}：${translateAnomaly(rest ?? '')}`],
  [/^line (\d+): (.+)$/s, (n, rest) => `第${n}行：${translateAnomaly(rest ?? '')}`],
  [/^annex (\d+) is numbered (\d+)$/, (i, n) => `第${i}个附件的编号印为“附件${n}”`],
  [/^the notice lists (\d+) annexes but (\d+) were found$/, (a, b) => `正文列出 ${a} 个附件，实际识别到 ${b} 个`],
  [/^no document number \(文号\) found$/, () => '未找到文号'],
  [/^no issue date found$/, () => '未找到成文日期'],
  [
    /^printed numbering jumps from (.+) to (.+) \((\d+) number\(s\) missing\)$/,
    (a, b, k) => `序号从 ${a} 跳到 ${b}，中间缺 ${k} 个编号`,
  ],
  [/^printed numbering goes from (.+) back to (.+)$/, (a, b) => `序号从 ${a} 回到 ${b}（编号重复）`],
  [
    /^category (\d+) printed as (.+); using "(.+)"$/,
    (n, variants, name) =>
      `目标${n}的名称印法不一：${(variants ?? '').replace(/"([^"]*)"/g, '“$1”')}，统一采用“${name}”`,
  ],
  [
    /^category (\d+) printed twice on one page \(lines (\d+), (\d+)\); (.+)–(.+) may belong to category (\d+)$/,
    (n, a, b, first, last, prev) =>
      `目标${n}在同一页印了两次（第${a}行、第${b}行），${first}–${last} 可能属于目标${prev}`,
  ],
  [
    /^category (\d+) is printed again at line (\d+) on the same page; (.+) may belong to category (\d+) — please confirm$/,
    (n, line, seq, prev) => `目标${n}在同一页第${line}行再次出现，${seq} 可能属于目标${prev}，请确认`,
  ],
  [
    /^the upstream column is headed "(.+)" but the annex title says (.)$/,
    (h, level) => `上级事项列的表头为“${h}”，但附件标题为${level}级`,
  ],
  [/^table header changes columns$/, () => '表头的列发生变化'],
  [/^text outside the table ignored: (.*)$/s, (t) => `表格外的文字未导入：${t}`],
  [/^row without a task number ignored: (.*)$/s, (t) => `无序号的行未导入：${t}`],
  [/^row without a number read as the continuation of (.+)$/, (s) => `无序号的行并入 ${s} 的续行`],
  [/^row shifted left by the extractor; realigned$/, () => '该行整体左移，已按表头重新对齐'],
  [/^role labels before any task ignored$/, () => '首个事项之前的责任标签未导入'],
  [/^no leader or unit printed for this task$/, () => '该事项未印分管领导或责任单位'],
  [/^possible duplicated word "(.+)" \(kept as printed\)$/, (w) => `疑似重复用词“${w}”（按原文保留）`],
  [/^no responsible unit printed$/, () => '未印责任单位'],
  [/^no leader printed$/, () => '未印分管区领导'],
];

function apply(rules: Rule[], text: string): string | null {
  for (const [re, fmt] of rules) {
    const m = re.exec(text);
    if (m) return fmt(...m.slice(1).map((x) => x ?? ''));
  }
  return null;
}

/** An anomaly sentence in Chinese; unknown sentences get a neutral Chinese line. */
export function translateAnomaly(text: string): string {
  return apply(ANOMALIES, text) ?? '解析提示（详见原文）';
}

/** True when the sentence is one the browser knows how to say in Chinese. */
export function isKnownAnomaly(text: string): boolean {
  return apply(ANOMALIES, text) !== null;
}

// Repair rules: "kind: details". The details of a garbled leader cell are "丁=prefix of 丁力 + 张波".
const PIECE: Rule[] = [
  [/^(.+)=prefix of (.+)$/, (f, n) => `“${f}”为“${n}”的前半`],
  [/^(.+)=suffix of (.+)$/, (f, n) => `“${f}”为“${n}”的后半`],
  [/^(.+)=alias of (.+)$/, (f, n) => `“${f}”是“${n}”的别称`],
  [/^(.+)≈(.+) \(one character differs\)$/, (f, n) => `“${f}”与“${n}”仅差一字`],
];

const RULES: Rule[] = [
  [
    /^leader-(?:garbled|alias): (.+)$/,
    (details) =>
      `领导姓名错乱，按领导名录拆分：${(details ?? '')
        .split(' + ')
        .map((p) => apply(PIECE, p) ?? `“${p}”`)
        .join('，')}`,
  ],
  [/^unknown-leader: not in the directory$/, () => '不在领导名录中，请核实'],
  [/^unknown-unit: not in the directory$/, () => '不在单位名录中，请核实'],
  [
    /^unit-alias: "(.+)" is a spelling of "(.+)"( \(proposed, please confirm\))?$/,
    (a, b, proposed) => `“${a}”是“${b}”的另一种写法${proposed ? '（系统推测，请确认）' : ''}`,
  ],
  [/^unit-wrapped: name re-joined across a line break$/, () => '单位名称跨行断开，已重新拼接'],
  [/^unit-joined: (\d+) names of the directory printed without a separator$/, (n) => `${n} 个单位名称连在一起（缺少分隔），已按单位名录拆开，请确认`],
  [/^row-shifted-left: .+$/, () => '整行左移（序号、目标列缺失），已按表头重新对齐'],
  [/^category-canonical-name: .+$/, () => '同一目标编号名称不一，统一采用出现最多（其次最长）的名称'],
  [/^corrected by the office in the import preview$/, () => '督查室在导入预览中更正'],
];

export function translateRule(rule: string): string {
  return apply(RULES, rule) ?? '系统自动修复';
}
