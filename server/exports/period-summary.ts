import type { OfficialDocument } from '../../core/documents/official-document';
import type { PeriodSummary } from '../reporting/period-summary';
import { narrativeWithCoParts } from './co-parts-text';
import { renderWorkbook } from './xlsx';

const taskNo = (t: PeriodSummary['tasks'][number]) => `附件${t.annexNo} ${t.seq}`;
const roleLabel = (role: 'lead' | 'co') => (role === 'lead' ? '牵头' : '配合');

/** 汇总表 as a workbook: the units' reporting, then one row per task and responsible unit. */
export function renderPeriodSummaryWorkbook(s: PeriodSummary) {
  return renderWorkbook([
    {
      name: '报送情况',
      title: `${s.period.label}各责任单位报送情况（截止${s.period.deadline}，统计至${s.today}）`,
      columns: [
        { header: '序号', width: 6 },
        { header: '责任单位', width: 24 },
        { header: '报送情况', width: 30 },
        { header: '首次报送日期', width: 14 },
        { header: '承担任务数', width: 10 },
      ],
      rows: s.units.map((u, i) => [i + 1, u.unitName, u.reporting, u.approvedDate, u.taskCount]),
    },
    {
      name: '进展汇总',
      title: `${s.period.label}目标任务推进情况汇总表（${s.notice.docNumber ?? s.notice.title}）`,
      columns: [
        { header: '序号', width: 10 },
        { header: '工作标准 / 区目标', width: 50 },
        { header: '分管区领导', width: 12 },
        { header: '责任单位', width: 18 },
        { header: '牵头/配合', width: 8 },
        { header: '完成情况', width: 12 },
        { header: '进展情况', width: 50 },
        { header: '存在问题', width: 30 },
        { header: '下步打算', width: 30 },
        { header: '指标完成', width: 36 },
      ],
      rows: s.tasks.flatMap((t) =>
        t.rows.map((r) => [taskNo(t), t.standard, t.leaders.join('、'), r.unitName, roleLabel(r.role), r.status, narrativeWithCoParts(r.narrative, r.coParts), r.problems, r.nextSteps, r.indicators]),
      ),
    },
  ]);
}

/** 汇总表 as an official document: a short account, then both tables on landscape pages. */
export function periodSummaryDocument(s: PeriodSummary, issuer: string): OfficialDocument {
  // Counted from where each unit's report stands (core/reporting/standing.ts), as every other consumer does.
  const count = (t: PeriodSummary['units'][number]['standing']['timeliness']) => s.units.filter((u) => u.standing.timeliness === t).length;
  const expected = s.units.length - count('exempt');
  const returned = s.units.filter((u) => u.standing.kind === 'returned').length;
  return {
    title: `${s.period.label}区政府工作报告目标任务推进情况汇总表`,
    blocks: [
      {
        kind: 'paragraph',
        text:
          `根据${s.notice.docNumber ? `《${s.notice.title}》（${s.notice.docNumber}）` : `《${s.notice.title}》`}要求，现将${s.period.label}各责任单位报送的目标任务推进情况汇总如下。` +
          `本期应报送单位${expected}个，按时报送${count('on_time')}个，逾期报送${count('late')}个，逾期未报${count('missing')}个` +
          `${count('pending') ? `，尚在报送期内${count('pending')}个` : ''}${returned ? `（已报送单位中退回修改${returned}个）` : ''}（统计至${s.today}）。`,
      },
      {
        kind: 'table',
        caption: '表1  各责任单位报送情况',
        columns: [
          { header: '序号', width: 6 },
          { header: '责任单位', width: 30 },
          { header: '报送情况', width: 22 },
          { header: '首次报送日期', width: 14 },
          { header: '承担任务数', width: 12 },
        ],
        rows: s.units.map((u, i) => [String(i + 1), u.unitName, u.reporting, u.approvedDate ?? '—', String(u.taskCount)]),
      },
      {
        kind: 'table',
        caption: '表2  目标任务推进情况',
        columns: [
          { header: '序号', width: 8 },
          { header: '工作标准', width: 22 },
          { header: '责任单位', width: 11 },
          { header: '完成情况', width: 8 },
          { header: '进展情况', width: 23 },
          { header: '存在问题', width: 12 },
          { header: '指标完成', width: 16 },
        ],
        rows: s.tasks.flatMap((t) =>
          t.rows.map((r) => [taskNo(t), t.standard, `${r.unitName}（${roleLabel(r.role)}）`, r.status, narrativeWithCoParts(r.narrative, r.coParts) || '—', r.problems || '—', r.indicators || '—']),
        ),
      },
    ],
    signature: issuer,
    date: s.today,
    landscapeTables: true,
  };
}
