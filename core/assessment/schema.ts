import { z } from 'zod';
import { PROGRESS_STATUSES } from '../reporting/states';
import { QUALITY_RATINGS, type AssessmentScheme } from './scheme';

/** Validation of a scheme the office saves (and of one read back from the database). */
const share = z.number().min(0).max(1);
const points = z.number().min(0).max(100);

export const assessmentSchemeSchema = z
  .object({
    weights: z.object({ reporting: points, completion: points, quality: points }),
    reporting: z.object({ lateDeductionPerDay: z.number().min(0).max(100) }),
    completion: z.object({
      statusPoints: z.object(Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, share])) as Record<(typeof PROGRESS_STATUSES)[number], typeof share>),
      indicatorShare: share,
      roleWeights: z.object({ lead: z.number().min(0).max(10), co: z.number().min(0).max(10) }),
    }),
    quality: z.object({
      ratingPoints: z.object(Object.fromEntries(QUALITY_RATINGS.map((r) => [r, share])) as Record<(typeof QUALITY_RATINGS)[number], typeof share>),
      unrated: z.enum(QUALITY_RATINGS),
    }),
    bonus: z.object({ perIndicator: z.number().min(0).max(20), exceedBy: z.number().min(0).max(10), cap: z.number().min(0).max(50) }),
    grades: z.object({ excellent: points, good: points, pass: points }),
  })
  .superRefine((s, ctx) => {
    const total = s.weights.reporting + s.weights.completion + s.weights.quality;
    // Compared to two decimals: 33.33 + 33.33 + 33.34 is a hundred.
    if (Math.round(total * 100) !== 10_000) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `the three parts must add up to 100 (now ${Math.round(total * 100) / 100})` });
    }
    if (!(s.grades.excellent > s.grades.good && s.grades.good > s.grades.pass)) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grade lines must fall: excellent > good > pass' });
    }
    if (s.completion.roleWeights.lead <= 0 && s.completion.roleWeights.co <= 0) {
      ctx.addIssue({ code: 'custom', path: ['completion', 'roleWeights'], message: 'lead and co weights cannot both be 0' });
    }
  }) satisfies z.ZodType<AssessmentScheme>;
