/**
 * The co-operating units' parts a lead unit's entry carries when the task's co-units feed the lead
 * (报牵头单位, core/reporting/standing.ts officeHearsFrom), as lines under the lead's 进展情况 —
 * in the 汇总表 and the lead unit's Word report alike, so the office reads one entry per task.
 */
export type CoPartText = { unitName: string; status: string; narrative: string; problems: string };

export function narrativeWithCoParts(narrative: string, coParts: readonly CoPartText[]): string {
  if (coParts.length === 0) return narrative;
  const lines = coParts.map((p) => {
    const words = p.narrative.trim() ? p.narrative.trim() : '（尚未填写）';
    const problems = p.problems.trim() ? `；存在问题：${p.problems.trim()}` : '';
    return `${p.unitName}${p.status ? `（${p.status}）` : ''}：${words}${problems}`;
  });
  return [narrative.trim() || '—', '配合单位报牵头单位：', ...lines].join('\n');
}
