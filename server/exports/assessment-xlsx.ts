import { beijingDate } from '../../core/calendar/business-time';
import { PART_LABELS } from '../../core/assessment/scheme';
import type { BreakdownSource } from '../../core/assessment/types';
import type { RunView } from '../assessment/run-view';
import { renderWorkbook } from './xlsx';

const sign = (x: number) => (x > 0 ? `+${x}` : String(x));

/** 备注 of a ranking row: the veto and every adjustment, each with its reason. */
export function remarksOf(s: RunView['scores'][number]): string {
  return [
    ...(s.vetoed ? [`一票否决：${s.vetoReason ?? ''}`] : []),
    ...s.adjustments.map((a) => `调整${sign(a.delta)}分：${a.reason}`),
  ].join('；');
}

/** Where a breakdown line comes from, in words a clerk can look up (report and entry numbers). */
export function sourceText(src: BreakdownSource): string {
  switch (src.kind) {
    case 'report':
      return src.reportId ? `${src.periodLabel}报告（报告编号${src.reportId}）` : `${src.periodLabel}（无报告）`;
    case 'task':
      return src.progressId
        ? `附件${src.annexNo} ${src.seq}，${src.periodLabel}报告（报告编号${src.reportId}，进展编号${src.progressId}）`
        : `附件${src.annexNo} ${src.seq}（未报送进展）`;
    case 'indicator':
      return `附件${src.annexNo} ${src.seq}指标“${src.name}”，${src.periodLabel}报告（报告编号${src.reportId}，进展编号${src.progressId}）`;
    case 'cap':
      return '—';
  }
}

/** The ranking as the office sends it (排名) plus 明细: every line behind every figure. */
export function renderAssessmentWorkbook(view: RunView, orgName: string): Promise<Buffer> {
  const title = `${orgName}${view.run.scopeLabel}绩效考核结果（数据截至${view.run.asOf}）`;
  const ranking = view.scores.map((s) => [s.rank, s.unitName, s.reporting, s.completion, s.quality, s.bonus, s.adjustment, s.final, s.gradeLabel, remarksOf(s) || null]);
  const details: (string | number | null)[][] = [];
  for (const s of view.scores) {
    for (const l of s.lines) details.push([s.unitName, PART_LABELS[l.part], l.points, l.max, l.text, sourceText(l.source)]);
    for (const a of s.adjustments) details.push([s.unitName, '调整', a.delta, null, `${a.byName}调整：${a.reason}`, beijingDate(new Date(a.createdAt))]);
    if (s.vetoed) details.push([s.unitName, '一票否决', null, null, `一票否决，总分计0分：${s.vetoReason ?? ''}`, '—']);
  }
  return renderWorkbook([
    {
      name: '排名',
      title,
      columns: [
        { header: '名次', width: 7 },
        { header: '单位', width: 24 },
        { header: '报送', width: 9 },
        { header: '完成', width: 9 },
        { header: '质量', width: 9 },
        { header: '加分', width: 8 },
        { header: '调整', width: 8 },
        { header: '总分', width: 9 },
        { header: '等次', width: 9 },
        { header: '备注', width: 48 },
      ],
      rows: ranking,
    },
    {
      name: '明细',
      title: `${title}·计分明细`,
      columns: [
        { header: '单位', width: 22 },
        { header: '项目', width: 9 },
        { header: '得分', width: 9 },
        { header: '满分', width: 9 },
        { header: '计分说明', width: 70 },
        { header: '依据', width: 56 },
      ],
      rows: details,
    },
  ]);
}
