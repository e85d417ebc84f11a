import type { z } from 'zod';
import type { dashboardSchema } from '../../core/api/dashboard';
import { LIGHT_LABELS } from '../../core/supervision/lights';
import { renderWorkbook, type SheetSpec } from './xlsx';

type Dashboard = z.infer<typeof dashboardSchema>;

const LIGHT_COLUMNS = [
  { header: '红灯', width: 7 },
  { header: '黄灯', width: 7 },
  { header: '绿灯', width: 7 },
  { header: '蓝灯', width: 7 },
  { header: '未评价', width: 8 },
  { header: '合计', width: 7 },
];

function groupSheet(name: string, first: string, rows: Dashboard['byUnit'], today: string): SheetSpec {
  return {
    name,
    title: `${name}（截至 ${today}）`,
    columns: [{ header: first, width: 28 }, ...LIGHT_COLUMNS],
    rows: rows.map((r) => [r.label, r.counts.red, r.counts.yellow, r.counts.green, r.counts.blue, r.counts.grey, r.counts.total]),
  };
}

/** Every table of the dashboard as a sheet, so the office can put the figures in its own documents. */
export function renderDashboardWorkbook(d: Dashboard) {
  const sheets: SheetSpec[] = [
    {
      name: '总体情况',
      title: `督查总体情况（截至 ${d.today}）`,
      columns: [{ header: '状态', width: 12 }, { header: '事项数', width: 10 }, { header: '占比', width: 10 }],
      rows: (['red', 'yellow', 'green', 'blue', 'grey'] as const).map((l) => [
        LIGHT_LABELS[l],
        d.lights.counts[l],
        d.lights.counts.total ? `${Math.round((d.lights.counts[l] / d.lights.counts.total) * 100)}%` : '—',
      ]),
    },
    groupSheet('按责任单位', '责任单位', d.byUnit, d.today),
    groupSheet('按分管领导', '分管区领导', d.byLeader, d.today),
    groupSheet('按附件', '附件', d.byAnnex, d.today),
    groupSheet('按目标', '目标', d.byCategory, d.today),
  ];
  if (d.period) {
    sheets.push({
      name: '本期报送情况',
      title: `${d.period.label}报送情况（截止 ${d.period.deadline}）`,
      // Where each unit's report stands, as the dashboard has it (core/reporting/standing.ts).
      columns: [{ header: '责任单位', width: 28 }, { header: '报送情况', width: 22 }, { header: '报告状态', width: 22 }, { header: '首次报送日期', width: 14 }, { header: '逾期天数', width: 10 }],
      rows: d.period.units.map((u) => [u.unitName, u.standing.timelinessLabel, u.standing.label, u.standing.reachedOn, u.standing.lateDays ?? u.standing.overdueDays]),
    });
  }
  sheets.push(
    {
      name: '最滞后事项',
      title: '最滞后事项',
      columns: [{ header: '附件', width: 6 }, { header: '序号', width: 7 }, { header: '事项', width: 50 }, { header: '状态灯', width: 8 }, { header: '原因', width: 40 }, { header: '责任单位', width: 24 }, { header: '分管区领导', width: 14 }],
      rows: d.mostBehindTasks.map((t) => [t.annexNo, t.seq, t.standard, LIGHT_LABELS[t.light], t.reasons.join('；'), t.units.join('、'), t.leaders.join('、')]),
    },
    {
      name: '指标完成情况',
      title: '指标完成情况（最近一次审定报送的实际值）',
      columns: [{ header: '附件', width: 6 }, { header: '序号', width: 7 }, { header: '指标', width: 30 }, { header: '目标值', width: 10 }, { header: '单位', width: 8 }, { header: '实际值', width: 10 }, { header: '完成率', width: 10 }],
      rows: d.indicators.map((i) => [i.annexNo, i.seq, i.name, i.target, i.unit, i.actual, i.share === null ? null : `${Math.round(i.share * 100)}%`]),
    },
  );
  return renderWorkbook(sheets);
}
