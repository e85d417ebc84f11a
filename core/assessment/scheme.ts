import type { ProgressStatus } from '../reporting/states';

/**
 * The year-end assessment scheme (绩效考核方案) the office configures per year. Plain data with no
 * zod, so the web app can import the defaults and labels without shipping a validator
 * (the schema lives in ./schema.ts).
 */
export const QUALITY_RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];
export const QUALITY_RATING_LABELS: Record<QualityRating, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export const PARTS = ['reporting', 'completion', 'quality', 'bonus'] as const;
export type Part = (typeof PARTS)[number];
export const PART_LABELS: Record<Part, string> = { reporting: '报送', completion: '完成', quality: '质量', bonus: '加分' };

export type AssessmentScheme = {
  /** Full marks of each part; they add up to 100 so the grade lines read as percentages. */
  weights: { reporting: number; completion: number; quality: number };
  reporting: {
    /** Points off a period's share per day late; never more than the share itself. */
    lateDeductionPerDay: number;
  };
  completion: {
    /** How far along each reported status counts (0..1). */
    statusPoints: Record<ProgressStatus, number>;
    /** For a task with indicators: the share of its score that comes from indicator achievement. */
    indicatorShare: number;
    /** Weight of a unit's lead (牵头) and co-operating (配合) entries in its weighted average and bonus. */
    roleWeights: { lead: number; co: number };
  };
  quality: {
    /** Share of a period's quality points each rating earns. */
    ratingPoints: Record<QualityRating, number>;
    /** The rating assumed for a report the office has not rated. */
    unrated: QualityRating;
  };
  bonus: {
    /** Points per indicator beating its target by at least `exceedBy` (0.1 = 10%), times the role weight. */
    perIndicator: number;
    exceedBy: number;
    /** The bonus never exceeds this. */
    cap: number;
  };
  /** Lowest final score of each grade; below `pass` is 不合格. */
  grades: { excellent: number; good: number; pass: number };
};

/**
 * Defaults that work out of the box, in the shape district offices commonly use:
 * - 100 = 报送 20 + 完成 60 + 质量 20: completing the work is what the Government Work Report is
 *   about, so it carries most; reporting on time and reporting well are the discipline around it.
 * - 0.5 a day late: a report a week late loses most of a quarter's share (5 points) but a day's
 *   slip costs little; a missing report loses all of it.
 * - status points: completed is full, on track close to full (the work is not done yet), at risk
 *   half, delayed less, not started nothing; blended 50/50 with indicator achievement because the
 *   unit's own word and the measured figures should both count.
 * - lead entries weigh 1 and co-operating ones 0.5: the lead unit answers for the task.
 * - quality 优 100% 良 85% 中 70% 差 50%; an unrated report counts as 良 so the office's silence is
 *   neither a reward nor a penalty.
 * - +1 per indicator beaten by 10% or more, at most +5: rewards exceeding targets without letting
 *   the bonus outweigh a missed report.
 * - 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60: the usual four grades (优秀/良好/合格/不合格).
 */
export const DEFAULT_SCHEME: AssessmentScheme = {
  weights: { reporting: 20, completion: 60, quality: 20 },
  reporting: { lateDeductionPerDay: 0.5 },
  completion: {
    statusPoints: { completed: 1, on_track: 0.8, at_risk: 0.5, delayed: 0.3, not_started: 0 },
    indicatorShare: 0.5,
    roleWeights: { lead: 1, co: 0.5 },
  },
  quality: { ratingPoints: { excellent: 1, good: 0.85, fair: 0.7, poor: 0.5 }, unrated: 'good' },
  bonus: { perIndicator: 1, exceedBy: 0.1, cap: 5 },
  grades: { excellent: 90, good: 80, pass: 60 },
};

export function gradeOf(score: number, grades: AssessmentScheme['grades'], vetoed = false): Grade {
  if (vetoed) return 'fail';
  if (score >= grades.excellent) return 'excellent';
  if (score >= grades.good) return 'good';
  if (score >= grades.pass) return 'pass';
  return 'fail';
}
