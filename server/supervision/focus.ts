import { reportStanding } from '../../core/reporting/standing';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../core/reporting/states';
import type { LightResult } from '../../core/supervision/lights';
import { mostBehind } from '../../core/supervision/most-behind';
import { groupBy } from '../../core/group-by';
import { historyOf, periodDates } from '../reporting/standings';
import { heardByOffice, type LightData } from './lights.service';

/**
 * 红黄灯事项 of a dashboard's scope, for a leader's home: every red and yellow task (most behind
 * first, core/supervision/most-behind.ts), with its whole text, the light's reasons, its units
 * (lead first) and when a unit last reported on it — the latest business day a report with an entry
 * for the task reached the office (core/reporting/standing.ts decides what reached it) — and the
 * progress that unit gave in it (未启动, 滞后 …), what a leader asks first about a late task.
 */
export type FocusTask = {
  taskId: number;
  annexNo: number;
  seq: string;
  standard: string;
  light: 'red' | 'yellow';
  reasons: string[];
  units: { name: string; role: 'lead' | 'co' }[];
  leaders: string[];
  lastReport: { on: string; unitName: string; periodLabel: string; status: string | null } | null;
};

type TaskLike = { id: number; annex_no: number; seq: string; standard: string };

export function focusTasks(
  data: LightData,
  tasks: readonly TaskLike[],
  lightOf: (taskId: number) => LightResult,
  people: { unitsOf: Map<number, { name: string; role: 'lead' | 'co' }[]>; leadersOf: Map<number, { name: string }[]> },
  today: string,
): FocusTask[] {
  const periodById = new Map(data.periods.map((p) => [p.id, p]));
  const unitName = new Map(data.taskUnits.map((u) => [u.unit_id, u.name]));
  const last = new Map<number, NonNullable<FocusTask['lastReport']>>();
  // A co-unit's part of a 报牵头单位 task is not a report to the office (the lead's entry carries it).
  const heard = heardByOffice(data);
  for (const [taskId, entries] of groupBy(data.entries.filter(heard), (e) => e.task_id)) {
    for (const e of entries) {
      const p = periodById.get(e.period_id);
      if (!p) continue;
      const s = reportStanding(historyOf(e), periodDates(p), { today, calendar: data.calendars.get(p.org_id)! });
      if (!s.inOffice || !s.reachedOn) continue;
      const cur = last.get(taskId);
      if (!cur || s.reachedOn > cur.on) last.set(taskId, {
          on: s.reachedOn,
          unitName: unitName.get(e.unit_id) ?? '',
          periodLabel: p.label,
          status: e.status ? (PROGRESS_STATUS_LABELS[e.status as ProgressStatus] ?? null) : null,
        });
    }
  }
  return mostBehind(tasks, (t) => lightOf(t.id)).map((t) => ({
    taskId: t.id,
    annexNo: t.annex_no,
    seq: t.seq,
    standard: t.standard,
    light: lightOf(t.id).light as 'red' | 'yellow',
    reasons: lightOf(t.id).reasons,
    units: people.unitsOf.get(t.id) ?? [],
    leaders: (people.leadersOf.get(t.id) ?? []).map((l) => l.name),
    lastReport: last.get(t.id) ?? null,
  }));
}
