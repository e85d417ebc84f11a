/** An indicator's reported value, with where it stands in the year and who reported it. */
export type ReportedActual = { id: number; indicator_id: number; value: number | null; position: number; unit_role: 'lead' | 'co' };

/**
 * The latest reported value of each indicator, the one every light, dashboard, roll-up and export
 * reads: the latest period; within a period the lead unit's before a co-unit's; then the last
 * written. Decided by the rows, never by the order a query happened to return them in.
 */
export function latestActuals(rows: readonly ReportedActual[]): Map<number, number> {
  const best = new Map<number, ReportedActual>();
  const later = (a: ReportedActual, b: ReportedActual) =>
    a.position !== b.position ? a.position > b.position : a.unit_role !== b.unit_role ? a.unit_role === 'lead' : a.id > b.id;
  for (const row of rows) {
    if (row.value === null) continue;
    const cur = best.get(row.indicator_id);
    if (!cur || later(row, cur)) best.set(row.indicator_id, row);
  }
  return new Map([...best].map(([indicatorId, row]) => [indicatorId, row.value!]));
}
