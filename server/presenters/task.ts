import { LIGHT_LABELS, type LightResult } from '../../core/supervision/lights';
import type { peopleOfTasks, TaskRow } from '../ledger/tasks.repository';

type People = Awaited<ReturnType<typeof peopleOfTasks>>;

/** A ledger row as the API sends it, with its leaders and units (first unit = lead). */
export function presentTaskRow(row: TaskRow, people: People, light: LightResult | undefined) {
  return {
    id: row.id,
    noticeId: row.notice_id,
    annex: { no: row.annex_no, kind: row.annex_kind, title: row.annex_title },
    category: row.category_id !== null && row.category_no !== null ? { id: row.category_id, no: row.category_no, name: row.category_name ?? '' } : null,
    seq: row.seq,
    standard: row.standard,
    upstreamNo: row.upstream_no,
    deadline: row.deadline,
    dueDate: row.due_date,
    leaders: people.leaders.filter((l) => l.task_id === row.id).map((l) => ({ id: l.id, name: l.name })),
    units: people.units.filter((u) => u.task_id === row.id).map((u) => ({ id: u.id, name: u.name, role: u.role })),
    indicatorCount: Number(people.indicatorCounts.find((c) => c.task_id === row.id)?.n ?? 0),
    uncertain: row.uncertain === 1,
    version: row.version,
    light: light
      ? { color: light.light, label: LIGHT_LABELS[light.light], reasons: light.reasons }
      : { color: 'grey' as const, label: LIGHT_LABELS.grey, reasons: [] },
  };
}
