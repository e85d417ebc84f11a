import type { AssessmentScheme, QualityRating } from '../../../core/assessment/scheme';

/**
 * The scheme as the form shows it: shares (0..1) as percentages a clerk reads (85 for 85%),
 * points as points. Flat field names keep the form's rules simple.
 */
export type SchemeFormValues = {
  wReporting: number;
  wCompletion: number;
  wQuality: number;
  lateDeduction: number;
  sCompleted: number;
  sOnTrack: number;
  sAtRisk: number;
  sDelayed: number;
  sNotStarted: number;
  indicatorShare: number;
  lead: number;
  co: number;
  qExcellent: number;
  qGood: number;
  qFair: number;
  qPoor: number;
  unrated: QualityRating;
  exceedBy: number;
  perIndicator: number;
  cap: number;
  gExcellent: number;
  gGood: number;
  gPass: number;
};

const toPct = (x: number) => Math.round(x * 10000) / 100;
const fromPct = (x: number) => Math.round(x * 100) / 10000;

export function toForm(s: AssessmentScheme): SchemeFormValues {
  const st = s.completion.statusPoints;
  const q = s.quality.ratingPoints;
  return {
    wReporting: s.weights.reporting,
    wCompletion: s.weights.completion,
    wQuality: s.weights.quality,
    lateDeduction: s.reporting.lateDeductionPerDay,
    sCompleted: toPct(st.completed),
    sOnTrack: toPct(st.on_track),
    sAtRisk: toPct(st.at_risk),
    sDelayed: toPct(st.delayed),
    sNotStarted: toPct(st.not_started),
    indicatorShare: toPct(s.completion.indicatorShare),
    lead: s.completion.roleWeights.lead,
    co: s.completion.roleWeights.co,
    qExcellent: toPct(q.excellent),
    qGood: toPct(q.good),
    qFair: toPct(q.fair),
    qPoor: toPct(q.poor),
    unrated: s.quality.unrated,
    exceedBy: toPct(s.bonus.exceedBy),
    perIndicator: s.bonus.perIndicator,
    cap: s.bonus.cap,
    gExcellent: s.grades.excellent,
    gGood: s.grades.good,
    gPass: s.grades.pass,
  };
}

export function fromForm(v: SchemeFormValues): AssessmentScheme {
  return {
    weights: { reporting: v.wReporting, completion: v.wCompletion, quality: v.wQuality },
    reporting: { lateDeductionPerDay: v.lateDeduction },
    completion: {
      statusPoints: {
        completed: fromPct(v.sCompleted),
        on_track: fromPct(v.sOnTrack),
        at_risk: fromPct(v.sAtRisk),
        delayed: fromPct(v.sDelayed),
        not_started: fromPct(v.sNotStarted),
      },
      indicatorShare: fromPct(v.indicatorShare),
      roleWeights: { lead: v.lead, co: v.co },
    },
    quality: {
      ratingPoints: { excellent: fromPct(v.qExcellent), good: fromPct(v.qGood), fair: fromPct(v.qFair), poor: fromPct(v.qPoor) },
      unrated: v.unrated,
    },
    bonus: { perIndicator: v.perIndicator, exceedBy: fromPct(v.exceedBy), cap: v.cap },
    grades: { excellent: v.gExcellent, good: v.gGood, pass: v.gPass },
  };
}
