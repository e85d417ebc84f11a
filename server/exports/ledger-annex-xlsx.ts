import { columnRole } from '../../core/notice';
import { describeDue } from '../../core/notice/due-date';
import { PROGRESS_STATUS_LABELS } from '../../core/reporting/states';
import { LIGHT_LABELS } from '../../core/supervision/lights';
import { writeWorkbook, type SheetModel, type SheetRow } from './annex-sheet';
import type { AnnexLedger, AnnexTask } from './ledger-annex-data';

/**
 * The stored ledger of one notice as a workbook in the notice's own annex layout (责任分解表):
 * a cover sheet with the notice's facts (its 文号 makes a re-import of this file an update of the
 * same notice), then one sheet per annex with the columns the notice prints for that kind of
 * annex, and on the right four supervision columns the notice parser does not read (their
 * headers name no column role, see core/notice/rows.ts). Importing this file gives back the
 * ledger it was exported from: that is what makes it safe for the office to edit and re-import.
 */

/**
 * The supervision columns added on the right; the importer ignores them. 截止日期 is the due date
 * the ledger keeps (read from the printed deadline, or derived: 附件1 prints none), not a column the
 * notice prints: the printed 完成时限 stays as printed, so the file imports back unchanged.
 */
export const SUPERVISION_HEADERS = ['截止日期', '最新进展状态', '状态灯', '指标完成情况', '最近报送期'] as const;

/** "2024-12-31（按当年任务，年底前完成）": the date, and where it came from unless the printed deadline says it. */
function dueCell(t: AnnexTask): string {
  const { date } = describeDue(t);
  if (date === '—') return '';
  if (t.dueDateSource === 'annual') return `${date}（按当年任务，年底前完成）`;
  if (t.dueDateSource === 'office') return `${date}（督查室确定）`;
  return date;
}

type Annex = AnnexLedger['annexes'][number];
type Column = { header: string; width: number; span?: boolean; value: (t: AnnexTask, firstOfCategory: boolean) => string };

const TASK_SEQ = /^[(（]\s*\d+\s*[)）]$/u;

/** "(12)" as printed; another numbering ("12.") is written as "(12)", the form a category table reads. */
function seqInStandard(seq: string): string {
  return TASK_SEQ.test(seq) ? seq : `(${/\d+/.exec(seq)?.[0] ?? seq})`;
}

/** A table without categories numbers its tasks in the 序号 column, digits only. */
function seqInColumn(seq: string): string {
  return /\d+/.exec(seq)?.[0] ?? seq;
}

/** "7.以建设…" as the notice prints the upstream item with its number (a space keeps "7. 2024年" apart). */
function upstreamCell(t: AnnexTask): string {
  const item = t.upstreamItem ?? '';
  if (t.upstreamNo === null) return item;
  return `${t.upstreamNo}.${/^\d/.test(item) ? ' ' : ''}${item}`;
}

/** A unit with its note as the notice writes it: 区农业农村局（乡村振兴局）. */
function unitText(u: AnnexTask['units'][number]): string {
  return u.note ? `${u.name}（${u.note}）` : u.name;
}

function number(v: number): string {
  return String(Math.round(v * 10_000) / 10_000);
}

function indicatorsText(t: AnnexTask): string {
  return t.indicators.map((i) => `${i.name}：目标 ${number(i.target)}${i.unit}，完成 ${i.actual === null ? '—' : `${number(i.actual)}${i.unit}`}`).join('\n');
}

/** The header of the standard column in an annex with upstream items: "新洲区目标任务". */
function standardHeader(orgName: string): string {
  const header = `${orgName}目标任务`;
  return columnRole(header) === 'standard' ? header : '区目标任务';
}

function upstreamHeader(kind: Annex['kind']): string {
  if (kind.startsWith('province')) return '省级下达的责任事项';
  if (kind.startsWith('city')) return '市级下达的责任事项';
  return '上级下达的责任事项';
}

/** Which of the notice's columns an annex needs; the import template (ledger-import-template.ts) sets its own. */
export type AnnexShape = { byCategory: boolean; withUpstream: boolean; withDeadline: boolean; oneUnitColumn: boolean; supervision: boolean };

function shapeOf(tasks: AnnexTask[]): AnnexShape {
  return {
    byCategory: tasks.some((t) => t.category !== null),
    withUpstream: tasks.some((t) => t.upstreamItem !== null || t.upstreamNo !== null),
    withDeadline: tasks.some((t) => t.deadline !== null),
    // One 责任单位 column (the first unit leads) says it all unless a task has several lead units.
    oneUnitColumn: tasks.every((t) => t.units.every((u, i) => (u.role === 'lead') === (i === 0))),
    supervision: true,
  };
}

/**
 * The columns the notice prints for this annex: annex 1 style (序号 numbers the categories,
 * 目标名称 spans their rows, the task number opens the standard) or annexes 2–5 style (序号
 * numbers the tasks, the upstream item beside the district's target, 完成时间).
 */
function annexColumns(annex: Annex, orgName: string, shape: AnnexShape = shapeOf(annex.tasks)): Column[] {
  const { byCategory, withUpstream, withDeadline, oneUnitColumn } = shape;
  const units = (role: 'lead' | 'co') => (t: AnnexTask) => t.units.filter((u) => u.role === role).map(unitText).join('\n');
  return [
    byCategory
      ? { header: '序号', width: 5, span: true, value: (t, first) => (first && t.category ? String(t.category.no) : '') }
      : { header: '序号', width: 5, value: (t) => seqInColumn(t.seq) },
    ...(byCategory ? [{ header: '目标名称', width: 11, span: true, value: (t: AnnexTask, first: boolean) => (first ? (t.category?.name ?? '') : '') }] : []),
    ...(withUpstream ? [{ header: upstreamHeader(annex.kind), width: 34, value: upstreamCell }] : []),
    {
      header: withUpstream ? standardHeader(orgName) : '工作标准',
      width: withUpstream ? 40 : 52,
      value: (t) => (byCategory ? `${seqInStandard(t.seq)} ${t.standard}` : t.standard),
    },
    ...(withDeadline ? [{ header: withUpstream ? '完成时间' : '完成时限', width: 8, value: (t: AnnexTask) => t.deadline ?? '' }] : []),
    { header: '分管区领导', width: 9, value: (t) => t.leaders.join('\n') },
    ...(oneUnitColumn
      ? [{ header: '责任单位', width: 17, value: (t: AnnexTask) => t.units.map(unitText).join('\n') }]
      : [
          { header: '牵头单位', width: 15, value: units('lead') },
          { header: '配合单位', width: 15, value: units('co') },
        ]),
    ...(shape.supervision ? supervisionColumns : []),
  ];
}

const supervisionColumns: Column[] = [
  { header: SUPERVISION_HEADERS[0], width: 12, value: dueCell },
  { header: SUPERVISION_HEADERS[1], width: 10, value: (t) => (t.latest ? PROGRESS_STATUS_LABELS[t.latest.status] : '未报送') },
  { header: SUPERVISION_HEADERS[2], width: 7, value: (t) => (t.light ? LIGHT_LABELS[t.light] : '') },
  { header: SUPERVISION_HEADERS[3], width: 28, value: indicatorsText },
  { header: SUPERVISION_HEADERS[4], width: 13, value: (t) => t.latest?.periodLabel ?? '' },
];

export function annexSheetModel(annex: Annex, orgName: string, shape?: AnnexShape): SheetModel {
  const columns = annexColumns(annex, orgName, shape);
  const rows: SheetRow[] = [
    { kind: 'line', text: `附件${annex.no}`, style: 'marker' },
    { kind: 'line', text: annex.title, style: 'title' },
    { kind: 'header', cells: columns.map((c) => c.header) },
  ];
  annex.tasks.forEach((t, i) => {
    const first = i === 0 || annex.tasks[i - 1]?.category?.no !== t.category?.no;
    rows.push({ kind: 'data', cells: columns.map((c) => c.value(t, first)) });
  });
  return {
    name: `附件${annex.no}`,
    rows,
    spanColumns: columns.flatMap((c, i) => (c.span ? [i + 1] : [])),
    print: { widths: columns.map((c) => c.width) },
  };
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The cover: what the notice's first page says about itself, in the form the parser reads it —
 * 文号, title, when and to whom reports go, the annex list, issuer and date.
 */
export function coverSheetModel(ledger: AnnexLedger, today: string): SheetModel {
  const n = ledger.notice;
  const rows: SheetRow[] = [];
  if (n.docNumber) rows.push({ kind: 'line', text: n.docNumber, style: 'centre' });
  rows.push({ kind: 'line', text: n.title, style: 'title' });
  if (n.reportingDeadlines.length > 0) {
    const to = n.reportTo ? `至${n.reportTo}` : '';
    rows.push({ kind: 'line', text: `各责任单位于${n.reportingDeadlines.map(chineseDate).join('、')}前将责任事项完成情况报送${to}。` });
  }
  ledger.annexes.forEach((a, i) => rows.push({ kind: 'line', text: `${i === 0 ? '附件：' : ''}${a.no}. ${a.title}` }));
  if (n.issuer) rows.push({ kind: 'line', text: n.issuer, style: 'right' });
  if (n.issuedDate) rows.push({ kind: 'line', text: chineseDate(n.issuedDate), style: 'right' });
  rows.push({
    kind: 'line',
    style: 'note',
    text: `导出日期：${today}。各附件右侧“${SUPERVISION_HEADERS.join('、')}”${'一二三四五六七八九'[SUPERVISION_HEADERS.length - 1]}列为导出时的督办情况（截止日期为台账记录的日期），重新导入时不读取。`,
  });
  return { name: '通知', rows, spanColumns: [], print: { widths: [110] } };
}

export function renderLedgerAnnexWorkbook(ledger: AnnexLedger, today: string): Promise<Buffer> {
  return writeWorkbook([coverSheetModel(ledger, today), ...ledger.annexes.map((a) => annexSheetModel(a, ledger.orgName))]);
}

export function ledgerAnnexFileName(ledger: AnnexLedger): string {
  return `${ledger.notice.docNumber ?? `通知${ledger.notice.id}`}-责任分解台账.xlsx`;
}
