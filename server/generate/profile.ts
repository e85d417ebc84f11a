import type { Dice } from './dice';

/**
 * How a district reports, drawn per district from the seed so districts differ (the city's and the
 * province's roll-ups rank them): who is missing or late in a closed period, how often the office
 * accepts or returns, how tasks progress, and — for the quarter open on the business date — how
 * far each unit has got a week before the deadline. The ranges bracket the demo's two districts
 * (demo-reports.ts: 新洲区 12% missing, 18% late; 黄陂区 4% and 8%).
 */
export type DistrictProfile = {
  /** Share of units that never submit in a closed period (some leave a draft behind). */
  missing: number;
  /** Share of units whose head approves after the deadline. */
  late: number;
  /** Of the reports that reached the office, the share it accepted before closing the period. */
  accepted: number;
  /** Returned by the office and left so at closing. */
  returned: number;
  /** Returned by the office (or the head), corrected, resubmitted. */
  reworked: number;
  /** Task health thresholds: on track below onTrack, at risk below onTrack + atRisk, else delayed. */
  onTrack: number;
  atRisk: number;
  /** Cumulative share of tasks completed by the end of Q1, Q2, Q3 and the year. */
  done: [number, number, number, number];
  /** Share of the reports that reached the office which it rated for the assessment. */
  rated: number;
  /**
   * The open quarter on the business date, cumulative thresholds per unit: no report yet, a draft
   * partly filled, a draft fully filled, awaiting the head, returned (by the head or office),
   * submitted to the office; the rest already accepted.
   */
  open: [number, number, number, number, number, number];
};

const within = (r: number, min: number, max: number) => min + r * (max - min);

export function districtProfile(dice: Dice, district: number): DistrictProfile {
  const r = (key: string) => dice('profile', district, key);
  const done1 = within(r('done1'), 0.02, 0.06);
  const done2 = done1 + within(r('done2'), 0.06, 0.12);
  const done3 = done2 + within(r('done3'), 0.12, 0.22);
  const none = within(r('open-none'), 0.12, 0.3);
  const partial = none + within(r('open-partial'), 0.1, 0.2);
  const full = partial + within(r('open-full'), 0.05, 0.15);
  const pending = full + within(r('open-pending'), 0.05, 0.1);
  const returned = pending + within(r('open-returned'), 0.01, 0.04);
  const submitted = returned + within(r('open-submitted'), 0.1, 0.2);
  return {
    missing: within(r('missing'), 0.02, 0.14),
    late: within(r('late'), 0.05, 0.25),
    accepted: within(r('accepted'), 0.75, 0.95),
    returned: within(r('returned'), 0.01, 0.04),
    reworked: within(r('reworked'), 0.02, 0.08),
    onTrack: within(r('on-track'), 0.58, 0.8),
    atRisk: within(r('at-risk'), 0.08, 0.18),
    done: [done1, done2, done3, Math.min(0.95, done3 + within(r('done4'), 0.4, 0.55))],
    rated: within(r('rated'), 0.2, 0.5),
    open: [none, partial, full, pending, returned, submitted],
  };
}
