/**
 * Reporting periods from a notice's deadlines, in order. Notices that set four deadlines mean
 * Q1, Q2, Q3 and the whole year (the seed's point 四); three mean the three quarters; any other
 * count is numbered. The deadlines are data from the notice, never constants here.
 */
export type PeriodPlan = { position: number; kind: string; label: string; deadline: string };

const QUARTERS = [
  { kind: 'q1', label: '第一季度' },
  { kind: 'q2', label: '第二季度' },
  { kind: 'q3', label: '第三季度' },
  { kind: 'annual', label: '全年' },
];

export function planPeriods(year: number, deadlines: string[]): PeriodPlan[] {
  const named = deadlines.length === 4 || deadlines.length === 3;
  return deadlines.map((deadline, i) => {
    const q = named ? QUARTERS[i]! : { kind: `p${i + 1}`, label: `第${i + 1}期` };
    return { position: i, kind: q.kind, label: `${year}年${q.label}`, deadline };
  });
}
