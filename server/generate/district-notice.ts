import { HUANGPI_OWN_HEADER } from '../demo/huangpi-gwr';
import { renderNotice, reportingParagraph, type NoticeTable } from '../demo/notice-text';
import { pick, type Dice } from './dice';
import { portfolioOf, unitName, type DistrictDirectory } from './directory';
import type { UpperItem, UpperKind } from './upper-items';
import { CATEGORIES, renderTemplate, TEMPLATES, type Template } from './vocabulary';

/**
 * A district's yearly notice, in the layout of the seed (新政办〔2024〕1号): annex 1 its own Work
 * Report tasks by category, annexes 2–5 the province's and city's items it was handed, each cited
 * by upstream number and words with the district's own target. About 250 tasks.
 */

/** Share of the vocabulary a district's annex 1 holds in a year (≈200 of the ≈240 templates left). */
const OWN_SHARE = 0.85;
const DEADLINES = ['6月', '9月', '10月', '11月', '12月', '12月', '12月', '12月'];

/** Units named in a category's templates: who is usually asked to co-operate on its tasks. */
const CATEGORY_UNITS = CATEGORIES.map((_, c) => [
  ...new Set(TEMPLATES.filter((t) => t.category === c).flatMap((t) => t.units)),
]);

/**
 * The printed units of a task: its template's units, then co-operating units drawn from the
 * category (most tasks have one to three; the seed's livelihood projects up to four).
 */
function taskUnits(dice: Dice, dir: DistrictDirectory, key: string, template: Template): string[] {
  const r = dice('extra-units', key);
  const extras = r < 0.12 ? 0 : r < 0.4 ? 1 : r < 0.75 ? 2 : 3;
  const pool = [...CATEGORY_UNITS[template.category]!, '区财政局', pick(dice('extra-street', key), dir.streets)];
  const units = template.units.map((u) => unitName(dir, u));
  for (let i = 0; units.length < template.units.length + extras && i < 12; i++) {
    const u = unitName(dir, pick(dice('extra-unit', key, i), pool));
    if (!units.includes(u)) units.push(u);
  }
  return units;
}

/** The category's leader, the lead unit's if another, and now and then a co-operating unit's. */
function taskLeaders(dice: Dice, dir: DistrictDirectory, key: string, template: Template, units: string[]): string[] {
  const portfolios = [CATEGORIES[template.category]!.portfolio, portfolioOf(units[0]!)];
  const co = units.slice(1).find((u) => !dir.streets.includes(u));
  if (co && dice('co-leader', key) < 0.25) portfolios.push(portfolioOf(co));
  return [...new Set(portfolios)].map((p) => dir.leaders[p]!.name);
}

function ownTasks(dice: Dice, dir: DistrictDirectory, year: number, cited: Set<number>): string[][] {
  const rows: string[][] = [];
  let seq = 0;
  CATEGORIES.forEach((category, c) => {
    const chosen = TEMPLATES.filter(
      (t) => t.category === c && !cited.has(t.id) && dice('own', dir.index, year, t.id) < OWN_SHARE,
    );
    chosen.forEach((template, i) => {
      seq++;
      const key = `own:${dir.index}:${year}:${template.id}`;
      const text = renderTemplate(template.text, {
        roll: (slot) => dice('qty', key, slot),
        scale: 1,
        place: pick(dice('place', key), dir.streets),
        park: dir.park,
      });
      const units = taskUnits(dice, dir, key, template);
      // Rates and growth are measured over the whole year; works can be due earlier.
      const deadline = /%/.test(text) ? '12月' : pick(dice('deadline', key), DEADLINES);
      rows.push([
        i === 0 ? String(c + 1) : '',
        i === 0 ? category.name : '',
        `(${seq}) ${text}`,
        deadline,
        taskLeaders(dice, dir, key, template, units).join(' '),
        units.join(' '),
      ]);
    });
  });
  return rows;
}

const CITED_ANNEXES: { kind: UpperKind; title: (y: number) => string; upstream: string }[] = [
  {
    kind: 'province-gwr',
    title: (y) => `${y}年省《政府工作报告》涉及我区办理事项责任细化分解表`,
    upstream: '省级下达的责任事项',
  },
  {
    kind: 'province-livelihood',
    title: (y) => `${y}年省政府民生实事涉及我区办理事项责任细化分解表`,
    upstream: '省级下达的责任事项',
  },
  {
    kind: 'city-gwr',
    title: (y) => `${y}年市《政府工作报告》涉及我区办理事项责任细化分解表`,
    upstream: '市级下达的责任事项',
  },
  {
    kind: 'city-livelihood',
    title: (y) => `${y}年市政府民生实事涉及我区办理事项责任细化分解表`,
    upstream: '市级下达的责任事项',
  },
];

/** The district's own target for an item handed down: the same work at district scale. */
function target(dice: Dice, dir: DistrictDirectory, year: number, item: UpperItem): string {
  const text = renderTemplate(item.template.text, {
    roll: (slot) => dice('target', dir.index, year, item.template.id, slot),
    scale: 1,
  });
  return /\d/.test(text) ? text : `结合我区实际，${text.replace(/。$/, '')}，确保完成上级下达的目标任务。`;
}

function citedAnnex(
  dice: Dice,
  dir: DistrictDirectory,
  year: number,
  annex: (typeof CITED_ANNEXES)[number],
  items: UpperItem[],
): NoticeTable {
  const rows = items
    .filter((i) => i.kind === annex.kind)
    .map((item, i) => {
      const key = `cited:${dir.index}:${year}:${item.kind}:${item.no}`;
      const units = taskUnits(dice, dir, key, item.template);
      return [
        String(i + 1),
        `${item.no}.${item.text}`,
        target(dice, dir, year, item),
        item.deadline,
        taskLeaders(dice, dir, key, item.template, units).join(' '),
        units.join(' '),
      ];
    });
  return {
    title: annex.title(year),
    header: ['序号', annex.upstream, `${dir.name}目标任务`, '完成时间', '分管区领导', '责任单位'],
    rows,
  };
}

export type DistrictNotice = { docNumber: string; fileName: string; issuedDate: string; text: string };

export function districtNotice(
  dice: Dice,
  dir: DistrictDirectory,
  cityName: string,
  year: number,
  cited: UpperItem[],
): DistrictNotice {
  const day = 10 + Math.floor(dice('issued', dir.index, year) * 10);
  const docNumber = `${dir.stem[0]}政办〔${year}〕${1 + Math.floor(dice('doc-no', dir.index, year) * 5)}号`;
  const citedTemplates = new Set(cited.map((i) => i.template.id));
  const text = renderNotice({
    docNumber,
    title: `区人民政府办公室关于做好${year}年省、市、区《政府工作报告》确定的主要目标任务责任分解工作的通知`,
    addressees: '各街道办事处、乡镇人民政府，区人民政府各部门：',
    body: [
      `${year}年省、市、区《政府工作报告》确定的主要目标任务责任分解已经区人民政府同意，现印发给你们，请认真贯彻执行。`,
      '一、提高站位，压实责任。各责任单位主要负责同志要亲自研究、亲自部署，细化工作方案，明确时间节点和责任人。',
      '二、统筹协调，合力推进。牵头单位要加强统筹，配合单位要主动支持，对涉及多个部门的难点问题，及时提请区人民政府分管领导协调解决。',
      `三、强化督查，定期通报。${reportingParagraph('区政府督查室', year)}`,
      '各责任单位办理情况将作为区级绩效目标考核的重要依据，如上级目标任务调整，各责任单位应相应调整目标任务和工作措施。',
    ],
    annexes: [
      {
        title: `${year}年区《政府工作报告》确定的当年工作任务责任分解表`,
        header: HUANGPI_OWN_HEADER,
        rows: ownTasks(dice, dir, year, citedTemplates),
      },
      ...CITED_ANNEXES.map((a) => citedAnnex(dice, dir, year, a, cited)),
    ],
    issuer: `${cityName}市${dir.name}人民政府办公室`,
    date: `${year}年3月${day}日`,
    cc: '区委各部门，区人武部，各人民团体。区人大常委会办公室，区政协办公室，区法院、检察院。',
  });
  return { docNumber, fileName: `${dir.code}-${year}-notice.txt`, issuedDate: `${year}-03-${day}`, text };
}
