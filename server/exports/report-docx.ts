import type { Standing } from '../../core/reporting/standing';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../core/reporting/states';
import { narrativeWithCoParts } from './co-parts-text';

/**
 * A unit's approved quarterly report as the written (书面) form the notice asks for: title, unit,
 * period, one row per task, and the head's approval with its date. Fonts are the official ones
 * (方正小标宋简体 for the title, 仿宋_GB2312 for the body) with common fallbacks named in the file.
 */
export type ReportDocInput = {
  unitName: string;
  periodLabel: string;
  deadline: string;
  approvedByName: string | null;
  approvedAt: string | null; // YYYY-MM-DD (Beijing)
  /** Where the report stands (core/reporting/standing.ts): its first arrival and lateness. */
  standing: Pick<Standing, 'reachedOn' | 'lateDays' | 'timelinessLabel'>;
  items: {
    annexNo: number;
    seq: string;
    standard: string;
    unitRole: 'lead' | 'co';
    status: ProgressStatus;
    narrative: string;
    problems: string;
    nextSteps: string;
    indicators: { name: string; target: number; unit: string; actual: number | null }[];
    /** 报牵头单位: the lead unit's entry carries its co-operating units' parts (written under its 进展情况). */
    coReporting?: { mode: 'separate' | 'via_lead' };
    coParts?: { unitName: string; status: string | null; narrative: string; problems: string }[];
  }[];
};

const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };
const HEAD_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

const run = (text: string, opts: { bold?: boolean; size?: number; font?: typeof BODY_FONT } = {}) =>
  new TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: opts.font ?? BODY_FONT });

const cell = (text: string, opts: { bold?: boolean; width?: number } = {}) =>
  new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: text.split('\n').map((line) => new Paragraph({ children: [run(line, { bold: opts.bold, size: 21, font: opts.bold ? HEAD_FONT : BODY_FONT })] })),
  });

function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function narrativeOf(i: ReportDocInput['items'][number]): string {
  if (i.unitRole !== 'lead' || i.coReporting?.mode !== 'via_lead') return i.narrative;
  const parts = (i.coParts ?? []).map((p) => ({ ...p, status: p.status ? (PROGRESS_STATUS_LABELS[p.status as ProgressStatus] ?? p.status) : '' }));
  return narrativeWithCoParts(i.narrative, parts);
}

export async function renderReportDocx(input: ReportDocInput): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: ['序号', '责任事项', '牵头/配合', '完成情况', '进展情况', '存在问题', '下步打算', '指标完成'].map((h) => cell(h, { bold: true })),
  });
  const rows = input.items.map(
    (i) =>
      new TableRow({
        children: [
          cell(`附件${i.annexNo} ${i.seq}`, { width: 7 }),
          cell(i.standard, { width: 22 }),
          cell(i.unitRole === 'lead' ? '牵头' : '配合', { width: 6 }),
          cell(PROGRESS_STATUS_LABELS[i.status], { width: 7 }),
          cell(narrativeOf(i) || '—', { width: 22 }),
          cell(i.problems || '无', { width: 12 }),
          cell(i.nextSteps || '—', { width: 12 }),
          cell(i.indicators.map((x) => `${x.name}：目标 ${x.target}${x.unit}，完成 ${x.actual ?? '—'}${x.actual === null ? '' : x.unit}`).join('\n') || '—', { width: 12 }),
        ],
      }),
  );
  const approval = input.approvedAt
    ? `经本单位主要负责人审定：${input.approvedByName ?? ''}\u3000${cnDate(input.approvedAt)}${input.standing.lateDays ? `（${input.standing.timelinessLabel}${input.standing.reachedOn && input.standing.reachedOn !== input.approvedAt ? `，首次报送于${cnDate(input.standing.reachedOn)}` : ''}）` : input.standing.reachedOn && input.standing.reachedOn !== input.approvedAt ? `（首次报送于${cnDate(input.standing.reachedOn)}，按时报送）` : ''}`
    : '（尚未经本单位主要负责人审定）';
  const doc = new Document({
    creator: 'Duban 督办',
    title: `${input.unitName}${input.periodLabel}责任事项完成情况报告`,
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1440, bottom: 1440, left: 1200, right: 1200 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`${input.unitName}${input.periodLabel}责任事项完成情况报告`, { size: 36, font: TITLE_FONT })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`报送单位：${input.unitName}\u3000\u3000报送期：${input.periodLabel}\u3000\u3000截止日期：${cnDate(input.deadline)}`)],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: {
              top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
              bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
              left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
              right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
              insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
              insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            },
            rows: [header, ...rows],
          }),
          new Paragraph({ spacing: { before: 360 }, alignment: AlignmentType.RIGHT, children: [run(approval)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(input.unitName)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
