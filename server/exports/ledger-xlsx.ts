import type { z } from 'zod';
import type { taskRowSchema } from '../../core/api/tasks';
import { describeDue } from '../../core/notice/due-date';
import { renderWorkbook } from './xlsx';

type TaskRowOut = z.infer<typeof taskRowSchema>;

/** The ledger view as the office filtered it, one row per task, with its light and why. */
export function renderLedgerWorkbook(items: TaskRowOut[], today: string) {
  return renderWorkbook([
    {
      name: '任务台账',
      title: `任务台账（导出日期 ${today}，共 ${items.length} 项）`,
      columns: [
        { header: '附件', width: 6 },
        { header: '序号', width: 7 },
        { header: '目标', width: 16 },
        { header: '工作标准 / 区目标', width: 60 },
        { header: '完成时限', width: 10 },
        { header: '截止日期', width: 12 },
        { header: '截止日期说明', width: 22 },
        { header: '分管区领导', width: 14 },
        { header: '牵头单位', width: 18 },
        { header: '配合单位', width: 26 },
        { header: '指标数', width: 7 },
        { header: '状态灯', width: 8 },
        { header: '说明', width: 40 },
      ],
      rows: items.map((t) => [
        t.annex.no,
        t.seq,
        t.category ? `${t.category.no}. ${t.category.name}` : null,
        t.standard,
        t.deadline,
        describeDue(t).date,
        describeDue(t).note,
        t.leaders.map((l) => l.name).join('、'),
        t.units.filter((u) => u.role === 'lead').map((u) => u.name).join('、'),
        t.units.filter((u) => u.role === 'co').map((u) => u.name).join('、'),
        t.indicatorCount,
        t.light.label,
        t.light.reasons.join('；'),
      ]),
    },
  ]);
}
